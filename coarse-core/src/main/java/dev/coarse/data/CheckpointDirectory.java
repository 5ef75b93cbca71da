package dev.coarse.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A {@link ChainCheckpoint} kept in a directory: a manifest naming the run, and one small file per
 * finished unit. The full description is in {@code docs/sampling.md} ("Checkpoints").
 *
 * <pre>
 * DIR/manifest.txt        UTF-8 lines key=value: format=coarse-checkpoint, format_version=1, then the run's
 *                         identity in the order given (model, L, T, …, seed); '#' lines are comments
 * DIR/unit-000000.bin     unit 0 (a chain, or a multispin group of 64 replicas), written atomically
 * DIR/unit-000001.bin     …
 * </pre>
 *
 * <p>A unit file is big-endian ({@link DataOutputStream}): int magic 0x434b5054 ("CKPT"), int format version,
 * int unit, int first chain, int chains C, int samples per chain S, int sites N; then C·S configurations of N
 * signed bytes (chain-major); C·S doubles energy per site; C·S doubles magnetisation per site (IEEE 754 raw bits, so
 * every double, NaN included, reads back bit for bit); finally the
 * long CRC-32 of every preceding byte.
 *
 * <p>{@link #resume} refuses a directory whose manifest names another run, with a message listing each
 * differing key. Files are written through {@link AtomicFiles}, so a killed run leaves only whole files.
 */
public final class CheckpointDirectory implements ChainCheckpoint {

    /** Name of the manifest file. */
    public static final String MANIFEST = "manifest.txt";
    /** Value of the manifest's {@code format} key. */
    public static final String FORMAT_NAME = "coarse-checkpoint";
    /** The format version written and read. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x434b5054; // "CKPT"
    private static final String FORMAT_KEY = "format";
    private static final String VERSION_KEY = "format_version";
    private static final Pattern UNIT_FILE = Pattern.compile("unit-(\\d{6,})\\.bin");
    /** Temporary files of {@link AtomicFiles} left by a killed write. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(unit-\\d{6,}\\.bin|manifest\\.txt)\\..*\\.tmp");

    /** A checkpoint's manifest names another run than the one resuming it; the message lists the differences. */
    public static final class MismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    private final Path dir;

    private CheckpointDirectory(Path dir) {
        this.dir = dir;
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    /** Whether {@code dir} holds a checkpoint (a manifest). */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /**
     * Starts a new checkpoint for the run {@code identity} (keys and values without line breaks; keys
     * without '=').
     *
     * @throws IOException if {@code dir} exists and is not an empty directory
     */
    public static CheckpointDirectory create(Path dir, Map<String, String> identity) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("checkpoint directory " + dir + " exists and is not a directory");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new IOException("checkpoint directory " + dir + " exists and is not empty");
                }
            }
        }
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder("# Coarse sampling checkpoint: see docs/sampling.md\n");
        text.append(FORMAT_KEY).append('=').append(FORMAT_NAME).append('\n');
        text.append(VERSION_KEY).append('=').append(FORMAT_VERSION).append('\n');
        identity.forEach((key, value) -> {
            if (key.isEmpty() || key.contains("=") || key.contains("\n") || value.contains("\n")
                    || key.equals(FORMAT_KEY) || key.equals(VERSION_KEY)) {
                throw new IllegalArgumentException("invalid checkpoint identity entry " + key + "=" + value);
            }
            text.append(key).append('=').append(value).append('\n');
        });
        AtomicFiles.writeString(dir.resolve(MANIFEST), false, text.toString());
        return new CheckpointDirectory(dir);
    }

    /**
     * Reopens the checkpoint in {@code dir} for the run {@code identity}.
     *
     * @throws NoSuchFileException if there is no manifest
     * @throws MismatchException   if the manifest names another run (the message lists each differing key
     *                             with both values)
     * @throws IOException         if the manifest is not a checkpoint manifest of this version
     */
    public static CheckpointDirectory resume(Path dir, Map<String, String> identity) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new NoSuchFileException(manifest.toString());
        }
        Map<String, String> stored = new LinkedHashMap<>();
        for (String line : Files.readAllLines(manifest)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IOException(manifest + ": not a checkpoint manifest (line '" + line + "')");
            }
            stored.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (!FORMAT_NAME.equals(stored.remove(FORMAT_KEY))) {
            throw new IOException(manifest + ": not a Coarse checkpoint manifest");
        }
        String version = stored.remove(VERSION_KEY);
        if (!String.valueOf(FORMAT_VERSION).equals(version)) {
            throw new IOException(manifest + ": checkpoint format version " + version + ", this Coarse reads "
                    + FORMAT_VERSION);
        }
        List<String> differences = new ArrayList<>();
        identity.forEach((key, value) -> {
            String old = stored.get(key);
            if (!value.equals(old)) {
                differences.add(key + " " + (old == null ? "absent" : old) + " there, " + value + " now");
            }
        });
        stored.keySet().stream().filter(k -> !identity.containsKey(k))
                .forEach(k -> differences.add(k + " " + stored.get(k) + " there, absent now"));
        if (!differences.isEmpty()) {
            throw new MismatchException("checkpoint " + dir + " belongs to a different run ("
                    + String.join("; ", differences) + ")");
        }
        return new CheckpointDirectory(dir);
    }

    /** The file of a unit. */
    public Path unitFile(int unit) {
        return dir.resolve(String.format("unit-%06d.bin", unit));
    }

    /** The units stored so far, ascending. */
    public List<Integer> storedUnits() throws IOException {
        List<Integer> units = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = UNIT_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    units.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        units.sort(null);
        return units;
    }

    @Override
    public Optional<ChainBlock> load(int unit) throws IOException {
        Path file = unitFile(unit);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             CheckedInputStream checked = new CheckedInputStream(raw, crc);
             DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a Coarse checkpoint unit file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException(file + ": checkpoint format version " + version + ", this Coarse reads "
                        + FORMAT_VERSION);
            }
            int storedUnit = in.readInt();
            int firstChain = in.readInt();
            int chains = in.readInt();
            int samples = in.readInt();
            int sites = in.readInt();
            if (storedUnit != unit || firstChain < 0 || chains < 1 || samples < 0 || sites < 1
                    || (long) chains * samples * sites > Files.size(file)) {
                throw new IOException(file + ": corrupt header (unit " + storedUnit + ", " + chains + " chains × "
                        + samples + " samples × " + sites + " sites)");
            }
            byte[][] configurations = new byte[chains * samples][sites];
            for (byte[] c : configurations) {
                in.readFully(c);
            }
            double[][] energy = readSeries(in, chains, samples);
            double[][] magnetization = readSeries(in, chains, samples);
            long expected = crc.getValue();
            if (in.readLong() != expected || in.read() != -1) {
                throw new IOException(file + ": checksum mismatch (corrupt checkpoint file)");
            }
            return Optional.of(new ChainBlock(firstChain, configurations, energy, magnetization));
        } catch (EOFException e) {
            throw new IOException(file + ": truncated checkpoint file", e);
        }
    }

    private static double[][] readSeries(DataInputStream in, int chains, int samples) throws IOException {
        double[][] series = new double[chains][samples];
        for (double[] s : series) {
            for (int k = 0; k < samples; k++) {
                s[k] = in.readDouble();
            }
        }
        return series;
    }

    @Override
    public void save(int unit, ChainBlock block) throws IOException {
        int sites = block.sites();
        AtomicFiles.write(unitFile(unit), true, tmp -> {
            CRC32 crc = new CRC32();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 CheckedOutputStream checked = new CheckedOutputStream(raw, crc);
                 DataOutputStream out = new DataOutputStream(checked)) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT_VERSION);
                out.writeInt(unit);
                out.writeInt(block.firstChain());
                out.writeInt(block.chains());
                out.writeInt(block.samplesPerChain());
                out.writeInt(Math.max(sites, 1));
                for (byte[] c : block.configurations()) {
                    out.write(c);
                }
                writeSeries(out, block.energyPerSite());
                writeSeries(out, block.magnetizationPerSite());
                out.flush();
                out.writeLong(crc.getValue());
            }
        });
    }

    private static void writeSeries(DataOutputStream out, double[][] series) throws IOException {
        for (double[] s : series) {
            for (double v : s) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        }
    }

    /** Deletes this checkpoint: see {@link #delete(Path)}. */
    public void delete() throws IOException {
        delete(dir);
    }

    /**
     * Deletes the checkpoint in {@code dir}: its unit files, left-over temporary files and manifest, then the
     * directory if nothing else is in it (files of other origin are never touched).
     *
     * @throws IOException if {@code dir} holds no checkpoint manifest
     */
    public static void delete(Path dir) throws IOException {
        if (!exists(dir)) {
            throw new IOException(dir + " is not a Coarse checkpoint directory (no " + MANIFEST + "); not deleting it");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (UNIT_FILE.matcher(name).matches() || TEMPORARY.matcher(name).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.deleteIfExists(dir.resolve(MANIFEST));
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // someone else's files: leave the directory
        }
    }
}
