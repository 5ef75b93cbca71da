package dev.coarse.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ChainCheckpoint} kept in a directory: a manifest naming the run, one file per finished unit and one per
 * unfinished unit whose progress was saved. The full description is in {@code docs/sampling.md} ("Checkpoints").
 *
 * <pre>
 * DIR/manifest.txt           UTF-8 lines key=value: format=coarse-checkpoint, format_version=3,
 *                            coarse_version=(the Coarse that wrote it), then the run's identity in the order given
 *                            (model, L, T, …, seed); '#' lines are comments; last, sha256= of every preceding byte
 * DIR/unit-000000.bin        unit 0 (a chain, or a multispin group of 64 replicas), finished
 * DIR/progress-000001.bin    unit 1, unfinished: its chains' state after some sweeps
 * </pre>
 *
 * <p>A unit file is big-endian ({@link DataOutputStream}): int magic 0x434b5054 ("CKPT"), int format version,
 * int unit, int first chain, int chains C, int samples per chain S, int bytes per configuration N (the sites of
 * spins; 8 per real component of a field, its doubles' raw bits), int final-state length F (0 for spin runs), the
 * F bytes of {@link ChainBlock#finalState()}; then C·S configurations of N signed bytes (chain-major); C·S doubles
 * energy per site; C·S doubles magnetisation per site (IEEE 754 raw bits, so every double, NaN included, reads back
 * bit for bit). A progress file: int magic 0x434b5050 ("CKPP"), int format
 * version, int unit, long sweeps done, int first chain, int chains C, int samples kept K, int sites N, int state
 * length B, the group's B state bytes, then the kept samples as in a unit file (C·K configurations, energies,
 * magnetisations). Both end with the 32-byte SHA-256 of every preceding byte.
 *
 * <p>{@link #resume} checks every file's checksum before anything is used, then refuses a checkpoint written by
 * another Coarse version ({@link VersionMismatchException}) or for another run ({@link MismatchException}, listing
 * each differing key); a damaged file is a {@link CorruptException}. Files are written through {@link AtomicFiles},
 * so a killed run leaves only whole files; a unit's progress file is deleted once its unit file is written.
 */
public final class CheckpointDirectory implements ChainCheckpoint {

    /** Name of the manifest file. */
    public static final String MANIFEST = "manifest.txt";
    /** Value of the manifest's {@code format} key. */
    public static final String FORMAT_NAME = "coarse-checkpoint";
    /**
     * The format version written and read (1: CRC-32 unit files, no progress files, no code version; 2: no final
     * state in unit files, so no field chains).
     */
    public static final int FORMAT_VERSION = 3;
    /** The manifest key of the Coarse version that wrote the checkpoint ({@link CoarseVersion#get()}). */
    public static final String CODE_VERSION_KEY = "coarse_version";
    private static final int MAGIC = 0x434b5054; // "CKPT"
    private static final int PROGRESS_MAGIC = 0x434b5050; // "CKPP"
    private static final int DIGEST_BYTES = 32;
    private static final String FORMAT_KEY = "format";
    private static final String VERSION_KEY = "format_version";
    private static final String CHECKSUM_KEY = "sha256";
    private static final Pattern UNIT_FILE = Pattern.compile("unit-(\\d{6,})\\.bin");
    private static final Pattern PROGRESS_FILE = Pattern.compile("progress-(\\d{6,})\\.bin");
    /** Temporary files of {@link AtomicFiles} left by a killed write. */
    private static final Pattern TEMPORARY =
            Pattern.compile("\\.((unit|progress)-\\d{6,}\\.bin|manifest\\.txt)\\..*\\.tmp");

    /** A checkpoint's manifest names another run than the one resuming it; the message lists the differences. */
    public static final class MismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    /** A checkpoint was written by another version of Coarse (or in another format), which may sample differently. */
    public static final class VersionMismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        VersionMismatchException(String message) {
            super(message);
        }
    }

    /** A checkpoint file is damaged: truncated, or its checksum does not match its content. */
    public static final class CorruptException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptException(String message) {
            super(message);
        }

        CorruptException(String message, Throwable cause) {
            super(message, cause);
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
     * without '=') written by this Coarse version.
     *
     * @throws IOException if {@code dir} exists and is not an empty directory
     */
    public static CheckpointDirectory create(Path dir, Map<String, String> identity) throws IOException {
        return create(dir, identity, CoarseVersion.get());
    }

    /** As {@link #create(Path, Map)}, recording {@code codeVersion} as the writer (tests use it to fake another). */
    static CheckpointDirectory create(Path dir, Map<String, String> identity, String codeVersion) throws IOException {
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
        text.append(CODE_VERSION_KEY).append('=').append(oneLine(codeVersion)).append('\n');
        identity.forEach((key, value) -> {
            if (key.isEmpty() || key.contains("=") || key.contains("\n") || value.contains("\n")
                    || key.equals(FORMAT_KEY) || key.equals(VERSION_KEY) || key.equals(CODE_VERSION_KEY)
                    || key.equals(CHECKSUM_KEY)) {
                throw new IllegalArgumentException("invalid checkpoint identity entry " + key + "=" + value);
            }
            text.append(key).append('=').append(value).append('\n');
        });
        String checksum = hex(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
        text.append(CHECKSUM_KEY).append('=').append(checksum).append('\n');
        AtomicFiles.writeString(dir.resolve(MANIFEST), false, text.toString());
        return new CheckpointDirectory(dir);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Reopens the checkpoint in {@code dir} for the run {@code identity}, after checking it: every file's checksum,
     * then the writer's Coarse version, then the run.
     *
     * @throws NoSuchFileException      if there is no manifest
     * @throws CorruptException         if the manifest or a unit or progress file is truncated or fails its checksum
     * @throws VersionMismatchException if the checkpoint was written by another Coarse version or format
     * @throws MismatchException        if the manifest names another run (the message lists each differing key
     *                                  with both values)
     * @throws IOException              if the manifest is not a checkpoint manifest
     */
    public static CheckpointDirectory resume(Path dir, Map<String, String> identity) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new NoSuchFileException(manifest.toString());
        }
        byte[] raw = Files.readAllBytes(manifest);
        String text = new String(raw, StandardCharsets.UTF_8);
        Map<String, String> stored = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new CorruptException(manifest + ": damaged checkpoint manifest (line '" + line + "')");
            }
            stored.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (!FORMAT_NAME.equals(stored.remove(FORMAT_KEY))) {
            throw new CorruptException(manifest + ": not a Coarse checkpoint manifest, or a damaged one");
        }
        String version = stored.remove(VERSION_KEY);
        if (!String.valueOf(FORMAT_VERSION).equals(version)) {
            throw new VersionMismatchException("checkpoint " + dir + " has format version " + version
                    + " (an older Coarse), this Coarse " + CoarseVersion.get() + " reads " + FORMAT_VERSION);
        }
        String checksum = stored.remove(CHECKSUM_KEY);
        int end = text.lastIndexOf(CHECKSUM_KEY + "=");
        if (checksum == null || end < 0 || (end > 0 && text.charAt(end - 1) != '\n')
                || !checksum.equals(hex(sha256(text.substring(0, end).getBytes(StandardCharsets.UTF_8))))) {
            throw new CorruptException(manifest + ": checksum mismatch (damaged checkpoint manifest)");
        }
        String writer = stored.remove(CODE_VERSION_KEY);
        if (!CoarseVersion.get().equals(writer)) {
            throw new VersionMismatchException("checkpoint " + dir + " was written by Coarse " + writer
                    + ", this is Coarse " + CoarseVersion.get() + " (another version may sample differently)");
        }
        CheckpointDirectory store = new CheckpointDirectory(dir);
        for (int unit : store.storedUnits()) {
            verify(store.unitFile(unit));
        }
        for (int unit : store.progressUnits()) {
            verify(store.progressFile(unit));
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
        return store;
    }

    /** Checks that {@code file} ends with the SHA-256 of everything before it. */
    private static void verify(Path file) throws IOException {
        long size = Files.size(file);
        if (size < DIGEST_BYTES + 8) {
            throw new CorruptException(file + ": truncated checkpoint file (" + size + " bytes)");
        }
        MessageDigest digest = newDigest();
        byte[] trailer = new byte[DIGEST_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            long left = size - DIGEST_BYTES;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new CorruptException(file + ": truncated checkpoint file");
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
            new DataInputStream(in).readFully(trailer);
        } catch (EOFException e) {
            throw new CorruptException(file + ": truncated checkpoint file", e);
        }
        if (!MessageDigest.isEqual(trailer, digest.digest())) {
            throw new CorruptException(file + ": checksum mismatch (damaged or truncated checkpoint file)");
        }
    }

    /** The file of a finished unit. */
    public Path unitFile(int unit) {
        return dir.resolve(String.format("unit-%06d.bin", unit));
    }

    /** The progress file of an unfinished unit. */
    public Path progressFile(int unit) {
        return dir.resolve(String.format("progress-%06d.bin", unit));
    }

    /** The units stored so far, ascending. */
    public List<Integer> storedUnits() throws IOException {
        return numbered(UNIT_FILE);
    }

    /** The units whose progress is stored (and which may also be finished: see {@link ChainCheckpoint}), ascending. */
    public List<Integer> progressUnits() throws IOException {
        return numbered(PROGRESS_FILE);
    }

    private List<Integer> numbered(Pattern pattern) throws IOException {
        List<Integer> units = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches()) {
                    units.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        units.sort(null);
        return units;
    }

    /** A reader of a checked file: call {@link #finish} after the payload to compare the trailer. */
    private static final class CheckedReader implements AutoCloseable {
        final Path file;
        final DigestInputStream digesting;
        final DataInputStream in;

        CheckedReader(Path file) throws IOException {
            this.file = file;
            this.digesting = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                    newDigest());
            this.in = new DataInputStream(digesting);
        }

        void finish() throws IOException {
            byte[] expected = digesting.getMessageDigest().digest();
            digesting.on(false);
            byte[] trailer = new byte[DIGEST_BYTES];
            in.readFully(trailer);
            if (!MessageDigest.isEqual(trailer, expected) || in.read() != -1) {
                throw new CorruptException(file + ": checksum mismatch (damaged checkpoint file)");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @Override
    public Optional<ChainBlock> load(int unit) throws IOException {
        Path file = unitFile(unit);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (CheckedReader reader = new CheckedReader(file)) {
            DataInputStream in = reader.in;
            readHeader(in, file, MAGIC, "unit");
            int storedUnit = in.readInt();
            int firstChain = in.readInt();
            int chains = in.readInt();
            int samples = in.readInt();
            int sites = in.readInt();
            int stateBytes = in.readInt();
            long size = Files.size(file);
            if (storedUnit != unit || firstChain < 0 || chains < 1 || samples < 0 || sites < 1
                    || (long) chains * samples * sites > size || stateBytes < 0 || stateBytes > size) {
                throw new CorruptException(file + ": corrupt header (unit " + storedUnit + ", " + chains
                        + " chains × " + samples + " samples × " + sites + " sites, final state of " + stateBytes
                        + " bytes)");
            }
            byte[] finalState = new byte[stateBytes];
            in.readFully(finalState);
            ChainBlock block = readBlock(in, firstChain, chains, samples, sites, finalState);
            reader.finish();
            return Optional.of(block);
        } catch (EOFException e) {
            throw new CorruptException(file + ": truncated checkpoint file", e);
        }
    }

    @Override
    public Optional<ChainProgress> loadProgress(int unit) throws IOException {
        Path file = progressFile(unit);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (CheckedReader reader = new CheckedReader(file)) {
            DataInputStream in = reader.in;
            readHeader(in, file, PROGRESS_MAGIC, "progress");
            int storedUnit = in.readInt();
            long sweepsDone = in.readLong();
            int firstChain = in.readInt();
            int chains = in.readInt();
            int kept = in.readInt();
            int sites = in.readInt();
            int stateBytes = in.readInt();
            long size = Files.size(file);
            if (storedUnit != unit || sweepsDone < 1 || firstChain < 0 || chains < 1 || kept < 0 || sites < 0
                    || (kept > 0 && sites < 1) || stateBytes < 1 || stateBytes > size
                    || (long) chains * kept * sites > size) {
                throw new CorruptException(file + ": corrupt header (unit " + storedUnit + ", " + sweepsDone
                        + " sweeps, " + chains + " chains × " + kept + " samples × " + sites + " sites)");
            }
            byte[] state = new byte[stateBytes];
            in.readFully(state);
            ChainBlock block = readBlock(in, firstChain, chains, kept, sites, new byte[0]);
            reader.finish();
            return Optional.of(new ChainProgress(sweepsDone, block, state));
        } catch (EOFException e) {
            throw new CorruptException(file + ": truncated checkpoint file", e);
        }
    }

    private static void readHeader(DataInputStream in, Path file, int magic, String kind) throws IOException {
        if (in.readInt() != magic) {
            throw new CorruptException(file + ": not a Coarse checkpoint " + kind + " file");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new VersionMismatchException(file + ": checkpoint format version " + version + ", this Coarse reads "
                    + FORMAT_VERSION);
        }
    }

    private static ChainBlock readBlock(DataInputStream in, int firstChain, int chains, int samples, int sites,
                                        byte[] finalState) throws IOException {
        byte[][] configurations = new byte[chains * samples][sites];
        for (byte[] c : configurations) {
            in.readFully(c);
        }
        double[][] energy = readSeries(in, chains, samples);
        double[][] magnetization = readSeries(in, chains, samples);
        return new ChainBlock(firstChain, configurations, energy, magnetization, finalState);
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

    /** Writes a unit file, then deletes the unit's progress file (no longer needed). */
    @Override
    public void save(int unit, ChainBlock block) throws IOException {
        int sites = block.sites();
        writeChecked(unitFile(unit), out -> {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(unit);
            out.writeInt(block.firstChain());
            out.writeInt(block.chains());
            out.writeInt(block.samplesPerChain());
            out.writeInt(Math.max(sites, 1));
            out.writeInt(block.finalState().length);
            out.write(block.finalState());
            writeBlock(out, block);
        });
        Files.deleteIfExists(progressFile(unit));
    }

    @Override
    public void saveProgress(int unit, ChainProgress progress) throws IOException {
        ChainBlock block = progress.kept();
        writeChecked(progressFile(unit), out -> {
            out.writeInt(PROGRESS_MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(unit);
            out.writeLong(progress.sweepsDone());
            out.writeInt(block.firstChain());
            out.writeInt(block.chains());
            out.writeInt(block.samplesPerChain());
            out.writeInt(block.sites());
            out.writeInt(progress.groupState().length);
            out.write(progress.groupState());
            writeBlock(out, block);
        });
    }

    @FunctionalInterface
    private interface Payload {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /** Writes {@code payload} and its SHA-256 to {@code file}, atomically. */
    private static void writeChecked(Path file, Payload payload) throws IOException {
        AtomicFiles.write(file, true, tmp -> {
            MessageDigest digest = newDigest();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DigestOutputStream digesting = new DigestOutputStream(raw, digest);
                 DataOutputStream out = new DataOutputStream(digesting)) {
                payload.writeTo(out);
                out.flush();
                digesting.on(false);
                out.write(digest.digest());
            }
        });
    }

    private static void writeBlock(DataOutputStream out, ChainBlock block) throws IOException {
        for (byte[] c : block.configurations()) {
            out.write(c);
        }
        writeSeries(out, block.energyPerSite());
        writeSeries(out, block.magnetizationPerSite());
    }

    private static void writeSeries(DataOutputStream out, double[][] series) throws IOException {
        for (double[] s : series) {
            for (double v : s) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Deletes this checkpoint: see {@link #delete(Path)}. */
    public void delete() throws IOException {
        delete(dir);
    }

    /**
     * Deletes the checkpoint in {@code dir}: its unit and progress files, left-over temporary files and manifest,
     * then the directory if nothing else is in it (files of other origin are never touched).
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
                if (UNIT_FILE.matcher(name).matches() || PROGRESS_FILE.matcher(name).matches()
                        || TEMPORARY.matcher(name).matches()) {
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
