package dev.coarse.data;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ensembles on disk as HDF5 files that h5py, Julia's HDF5.jl and any other HDF5 reader can open.
 *
 * <p>Layout (the full description with an h5py example is {@code docs/ensemble-format.md}):
 * <pre>
 * /                              attributes coarse_format = "coarse-ensemble", format_version = 1 or 2, levels = k
 * /level0                        group; attributes model, dimension, L, T, h, q, sampler, seed, sweeps,
 *                                thermalize, thin, chains, tau_int, coarse_version, provenance.&lt;key&gt;;
 *                                version 2 adds degrees_of_freedom, states, support, components, parameter.&lt;name&gt;
 * /level0/configurations         dataset [N, L, …, L (d lattice axes), then d if on bonds, then the components if
 *                                more than one, then 2 (re, im) if complex]: int8 for discrete values, float64 for
 *                                continuous ones; C order = the layout of {@link DegreesOfFreedom}
 * /level1, …                     further ensembles (e.g. successive coarse-grainings), same layout
 * </pre>
 * A file whose every level holds its model's own degrees of freedom (±1 spins, Potts labels on sites) and no
 * extra parameters is written as format version 1, exactly as before version 2 existed, so such files stay
 * byte-identical; any other file is version 2, and its levels say what they hold. A plain ensemble file has only
 * {@code level0}. Every group holds a dataset: jHDF 0.13 can write a file that other readers reject when an
 * attribute-only group follows a large dataset, so the format never has one.
 *
 * <p>Memory: writing needs the ensemble plus O(L<sup>d</sup>) bytes (jHDF lays out the dataset from a
 * placeholder whose rows all share one array, then the configurations are copied into the dataset's
 * contiguous storage with positioned writes); reading needs the ensemble it returns plus one configuration.
 *
 * <p>Errors: a missing file gives {@link NoSuchFileException}; a file that is not HDF5, not a Coarse
 * ensemble, truncated, or has a dataset of the wrong type or shape gives an {@link IOException} whose message
 * is one line naming the file and the problem.
 */
public final class EnsembleFile {

    /** Value of the root attribute {@value #FORMAT_ATTRIBUTE} that marks a Coarse ensemble file. */
    public static final String FORMAT_NAME = "coarse-ensemble";
    /** Root attribute naming the format. */
    public static final String FORMAT_ATTRIBUTE = "coarse_format";
    /** Root attribute holding the format version. */
    public static final String VERSION_ATTRIBUTE = "format_version";
    /** The newest format version this class writes and reads; files of spins and Potts labels are still version 1. */
    public static final int FORMAT_VERSION = 2;
    /** Root attribute holding the number of levels. */
    public static final String LEVELS_ATTRIBUTE = "levels";
    /** Name of the configuration dataset inside each level group. */
    public static final String DATASET = "configurations";
    /** Prefix of the attributes that hold {@link EnsembleMeta#provenance()} entries. */
    public static final String PROVENANCE_PREFIX = "provenance.";
    /** Prefix of the attributes that hold {@link EnsembleMeta#parameters()} (version 2). */
    public static final String PARAMETER_PREFIX = "parameter.";
    /** Level attribute naming the {@link DegreesOfFreedom.Values} (version 2). */
    public static final String DOF_ATTRIBUTE = "degrees_of_freedom";
    /**
     * Level attribute holding the SHA-256 (lower-case hex) of the level's configuration data as stored: the int8
     * values, or the float64 values little-endian, in C order. Files without it (written before it existed, or by
     * another program) are read without an integrity check.
     */
    public static final String DIGEST_ATTRIBUTE = "configurations_sha256";

    /** What a file says about one level without loading its configurations. */
    public record LevelInfo(int level, EnsembleMeta meta, DegreesOfFreedom degreesOfFreedom, long[] shape) {
        /** Number of configurations, N. */
        public long sampleCount() {
            return shape[0];
        }
    }

    private EnsembleFile() {
    }

    /** The group name of a level: {@code level0}, {@code level1}, …. */
    public static String levelGroup(int level) {
        return "level" + level;
    }

    /**
     * Writes one ensemble as a single-level file, atomically.
     *
     * @param overwrite whether an existing file may be replaced; if false and {@code file} exists,
     *                  {@link java.nio.file.FileAlreadyExistsException} is thrown and nothing is written
     * @throws IllegalArgumentException if the ensemble is empty or its metadata disagrees with its lattice
     */
    public static void write(Path file, Ensemble ensemble, boolean overwrite) throws IOException {
        writeLevels(file, List.of(ensemble), overwrite);
    }

    /**
     * Writes several ensembles (level 0, 1, … in list order, e.g. an ensemble and its successive
     * coarse-grainings) to one file, atomically. Same contract as {@link #write}.
     */
    public static void writeLevels(Path file, List<Ensemble> levels, boolean overwrite) throws IOException {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no ensembles to write");
        }
        for (int i = 0; i < levels.size(); i++) {
            checkWritable(levels.get(i), i);
        }
        AtomicFiles.write(file, overwrite, tmp -> writeTo(tmp, levels));
    }

    /** Reads level 0 (the only level of a plain ensemble file). */
    public static Ensemble read(Path file) throws IOException {
        return readLevel(file, 0);
    }

    /** Reads one level of a file. */
    public static Ensemble readLevel(Path file, int level) throws IOException {
        try (HdfFile hdf = open(file)) {
            int count = checkFormat(file, hdf);
            if (level < 0 || level >= count) {
                throw new IOException(file + " has levels 0.." + (count - 1) + ", no level " + level);
            }
            return readLevel(file, hdf, level, SpinEncoding.PLUS_MINUS_ONE);
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /** Reads every level of a file, level 0 first. */
    public static List<Ensemble> readLevels(Path file) throws IOException {
        return readLevels(file, SpinEncoding.PLUS_MINUS_ONE);
    }

    /**
     * Reads every level of a file, level 0 first, its spins stored as {@code encoding} says ({@link
     * SpinEncoding#BITS}: 0/1 values, e.g. written from Python, converted to ±1 spins as they are read).
     */
    public static List<Ensemble> readLevels(Path file, SpinEncoding encoding) throws IOException {
        try (HdfFile hdf = open(file)) {
            int count = checkFormat(file, hdf);
            List<Ensemble> result = new ArrayList<>(count);
            for (int level = 0; level < count; level++) {
                result.add(readLevel(file, hdf, level, encoding));
            }
            return result;
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /** The metadata of level 0, without reading any configuration. */
    public static EnsembleMeta readMeta(Path file) throws IOException {
        return levels(file).get(0).meta();
    }

    /** Metadata and dataset shape of every level, without reading any configuration. */
    public static List<LevelInfo> levels(Path file) throws IOException {
        try (HdfFile hdf = open(file)) {
            int count = checkFormat(file, hdf);
            List<LevelInfo> result = new ArrayList<>(count);
            for (int level = 0; level < count; level++) {
                Group group = levelGroupOf(file, hdf, level);
                EnsembleMeta meta = readMeta(file, group);
                DegreesOfFreedom dof = readDegreesOfFreedom(file, group, meta);
                Dataset data = configurationsOf(file, group, meta, dof);
                result.add(new LevelInfo(level, meta, dof, data.getDimensionsAsLong()));
            }
            return result;
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    // ---- writing ----

    private static void checkWritable(Ensemble e, int level) {
        EnsembleMeta m = e.meta();
        Lattice lattice = e.lattice();
        if (m.dimension() != lattice.dimension() || m.linearSize() != lattice.linearSize()) {
            throw new IllegalArgumentException("level " + level + ": metadata says " + m.dimension() + "D, L = "
                    + m.linearSize() + " but the lattice is " + lattice);
        }
        if (e.size() == 0) {
            throw new IllegalArgumentException("level " + level + ": cannot write an empty ensemble");
        }
        for (String key : m.provenance().keySet()) {
            if (key.isEmpty() || key.indexOf('/') >= 0) {
                throw new IllegalArgumentException("provenance key '" + key + "' must be non-empty without '/'");
            }
        }
    }

    /**
     * Version 1 when every level holds its model's own ±1 spins or Potts labels on sites and no extra parameters
     * (the files Coarse wrote before version 2 existed), else 2.
     */
    static int formatVersion(List<Ensemble> levels) {
        for (Ensemble e : levels) {
            DegreesOfFreedom dof = e.degreesOfFreedom();
            boolean versionOne = dof.equals(Ensemble.modelDegreesOfFreedom(e.meta()))
                    && (dof.values() == DegreesOfFreedom.Values.SPIN || dof.values() == DegreesOfFreedom.Values.STATE)
                    && dof.support() == DegreesOfFreedom.Support.SITES && e.meta().parameters().isEmpty();
            if (!versionOne) {
                return 2;
            }
        }
        return 1;
    }

    private static void writeTo(Path tmp, List<Ensemble> levels) throws IOException {
        int version = formatVersion(levels);
        try (WritableHdfFile hdf = HdfFile.write(tmp)) {
            hdf.putAttribute(FORMAT_ATTRIBUTE, FORMAT_NAME);
            hdf.putAttribute(VERSION_ATTRIBUTE, version);
            hdf.putAttribute(LEVELS_ATTRIBUTE, levels.size());
            for (int i = 0; i < levels.size(); i++) {
                Ensemble e = levels.get(i);
                WritableGroup group = hdf.putGroup(levelGroup(i));
                group.putDataset(DATASET, placeholder(e.size(), shape(e.lattice(), e.degreesOfFreedom()),
                        e.degreesOfFreedom().isDiscrete() ? byte.class : double.class));
                putMeta(group, e.meta());
                group.putAttribute(DIGEST_ATTRIBUTE, digest(e.data()));
                if (version >= 2) {
                    putDegreesOfFreedom(group, e.degreesOfFreedom(), e.meta());
                }
            }
        }
        // jHDF has written zeros of the right shape; copy the configurations into the contiguous storage.
        long[] addresses = new long[levels.size()];
        try (HdfFile hdf = new HdfFile(tmp)) {
            for (int i = 0; i < levels.size(); i++) {
                Dataset d = hdf.getDatasetByPath("/" + levelGroup(i) + "/" + DATASET);
                if (!(d instanceof ContiguousDataset c)) {
                    throw new IOException("internal: jHDF did not write a contiguous dataset for level " + i);
                }
                addresses[i] = c.getDataAddress();
            }
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            for (int i = 0; i < levels.size(); i++) {
                long position = addresses[i];
                Configurations data = levels.get(i).data();
                if (data instanceof DiscreteConfigurations discrete) {
                    for (byte[] configuration : discrete.values()) {
                        position = writeFully(channel, ByteBuffer.wrap(configuration), position);
                    }
                } else {
                    ByteBuffer buffer = null;
                    for (double[] configuration : ((ContinuousConfigurations) data).values()) {
                        if (buffer == null) {
                            buffer = ByteBuffer.allocate(Double.BYTES * configuration.length)
                                    .order(ByteOrder.LITTLE_ENDIAN);
                        }
                        buffer.clear();
                        buffer.asDoubleBuffer().put(configuration);
                        position = writeFully(channel, buffer, position);
                    }
                }
            }
            channel.force(true);
        }
    }

    private static long writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        return position;
    }

    /**
     * The dataset's shape after the sample axis: d lattice axes of L, then d for bonds, the components if more than
     * one, and 2 for complex values.
     */
    static int[] shape(Lattice lattice, DegreesOfFreedom dof) {
        int d = lattice.dimension();
        int[] axes = new int[d + 3];
        int n = 0;
        for (int a = 0; a < d; a++) {
            axes[n++] = lattice.linearSize();
        }
        if (dof.support() == DegreesOfFreedom.Support.BONDS) {
            axes[n++] = d;
        }
        if (dof.components() > 1) {
            axes[n++] = dof.components();
        }
        if (dof.values() == DegreesOfFreedom.Values.COMPLEX) {
            axes[n++] = 2;
        }
        return Arrays.copyOf(axes, n);
    }

    /**
     * An array of {@code type} (byte or double) of shape [n, shape…] whose n entries all share one zero block (jHDF
     * lays the dataset out from it; the data are copied in afterwards).
     */
    private static Object placeholder(int n, int[] shape, Class<?> type) {
        Object zero = Array.newInstance(type, shape);
        Object rows = Array.newInstance(zero.getClass(), n);
        Arrays.fill((Object[]) rows, zero);
        return rows;
    }

    private static void putDegreesOfFreedom(WritableGroup g, DegreesOfFreedom dof, EnsembleMeta m) {
        g.putAttribute(DOF_ATTRIBUTE, dof.values().id());
        g.putAttribute("states", dof.states());
        g.putAttribute("support", dof.support().id());
        g.putAttribute("components", dof.components());
        for (Map.Entry<String, Double> p : m.parameters().entrySet()) {
            g.putAttribute(PARAMETER_PREFIX + p.getKey(), p.getValue().doubleValue());
        }
    }

    private static void putMeta(WritableGroup g, EnsembleMeta m) {
        g.putAttribute("model", m.model());
        g.putAttribute("dimension", m.dimension());
        g.putAttribute("L", m.linearSize());
        g.putAttribute("T", m.temperature());
        g.putAttribute("h", m.field());
        g.putAttribute("q", m.q());
        g.putAttribute("sampler", m.sampler());
        g.putAttribute("seed", m.seed());
        g.putAttribute("sweeps", m.sweeps());
        g.putAttribute("thermalize", m.thermalize());
        g.putAttribute("thin", m.thin());
        g.putAttribute("chains", m.chains());
        g.putAttribute("tau_int", m.tauInt());
        g.putAttribute("coarse_version", m.coarseVersion());
        for (Map.Entry<String, String> p : new TreeMap<>(m.provenance()).entrySet()) {
            g.putAttribute(PROVENANCE_PREFIX + p.getKey(), p.getValue());
        }
    }

    // ---- reading ----

    private static HdfFile open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file");
        }
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not an HDF5 file or is damaged (" + oneLine(e) + ")", e);
        }
        long expectedSize;
        try {
            Superblock superblock = hdf.getHdfBackingStorage().getSuperblock();
            expectedSize = superblock.getBaseAddressByte() + superblock.getEndOfFileAddress();
        } catch (RuntimeException e) {
            hdf.close();
            throw new IOException(file + " is not an HDF5 file or is damaged (" + oneLine(e) + ")", e);
        }
        long size = Files.size(file);
        if (size < expectedSize) {
            hdf.close();
            throw new IOException(file + " is truncated: its HDF5 header says " + expectedSize + " bytes, the file has "
                    + size);
        }
        return hdf;
    }

    private static IOException unreadable(Path file, RuntimeException e) {
        return new IOException(file + " is damaged or not a Coarse ensemble file (" + oneLine(e) + ")", e);
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        return nl >= 0 ? msg.substring(0, nl) : msg;
    }

    /** Checks the root marker and returns the number of levels. */
    private static int checkFormat(Path file, HdfFile hdf) throws IOException {
        Attribute format = hdf.getAttribute(FORMAT_ATTRIBUTE);
        if (format == null || !FORMAT_NAME.equals(String.valueOf(format.getData()))) {
            throw new IOException(file + " is an HDF5 file but not a Coarse ensemble file (no root attribute "
                    + FORMAT_ATTRIBUTE + " = \"" + FORMAT_NAME + "\")");
        }
        long version = rootLong(file, hdf, VERSION_ATTRIBUTE);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException(file + " has ensemble format_version " + version + "; this Coarse reads versions 1.."
                    + FORMAT_VERSION);
        }
        long count = rootLong(file, hdf, LEVELS_ATTRIBUTE);
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new IOException(file + " has an invalid level count " + count);
        }
        return (int) count;
    }

    private static long rootLong(Path file, HdfFile hdf, String name) throws IOException {
        Attribute a = hdf.getAttribute(name);
        if (a == null || !(a.getData() instanceof Number n)) {
            throw new IOException(file + " lacks the integer root attribute " + name);
        }
        return n.longValue();
    }

    private static Group levelGroupOf(Path file, HdfFile hdf, int level) throws IOException {
        Node node = hdf.getChild(levelGroup(level));
        if (!(node instanceof Group group)) {
            throw new IOException(file + " lacks the group /" + levelGroup(level));
        }
        return group;
    }

    private static Ensemble readLevel(Path file, HdfFile hdf, int level, SpinEncoding encoding)
            throws IOException {
        Group group = levelGroupOf(file, hdf, level);
        EnsembleMeta meta = readMeta(file, group);
        DegreesOfFreedom dof = readDegreesOfFreedom(file, group, meta);
        Dataset data = configurationsOf(file, group, meta, dof);
        Lattice lattice = Lattice.of(meta.dimension(), meta.linearSize());
        int n = Math.toIntExact(data.getDimensionsAsLong()[0]);
        int length = dof.length(lattice);
        boolean contiguous = data instanceof ContiguousDataset && data.getFilters().isEmpty();
        checkSize(file, data, contiguous, (long) n * length * (dof.isDiscrete() ? 1 : Double.BYTES));
        Configurations read;
        if (dof.isDiscrete()) {
            byte[][] configurations = new byte[n][length];
            if (contiguous) {
                readContiguous(file, (ContiguousDataset) data, configurations, length);
            } else {
                readSliced(data, configurations, shape(lattice, dof));
            }
            read = new DiscreteConfigurations(dof, configurations);
        } else {
            double[][] configurations = new double[n][length];
            if (contiguous && littleEndian(data.getDataType())) {
                readContiguous(file, (ContiguousDataset) data, configurations, length);
            } else {
                readSliced(data, configurations, shape(lattice, dof));
            }
            read = new ContinuousConfigurations(dof, configurations);
        }
        String where = file + ": /" + group.getName() + "/" + DATASET;
        verifyDigest(where, group, read);
        if (encoding == SpinEncoding.BITS && read instanceof DiscreteConfigurations discrete
                && dof.values() == DegreesOfFreedom.Values.SPIN) {
            EnsembleValues.bitsToSpins(where, discrete.values());
        }
        EnsembleValues.check(where, meta, lattice, read);
        return new Ensemble(meta, lattice, read);
    }

    /**
     * Fails before allocating if the dataset claims more data than the file holds (contiguous storage) or than the
     * heap could take (a damaged header must not become an {@link OutOfMemoryError}).
     */
    private static void checkSize(Path file, Dataset data, boolean contiguous, long bytes) throws IOException {
        if (contiguous) {
            long address = ((ContiguousDataset) data).getDataAddress();
            long size = Files.size(file);
            if (address < 0 || bytes > size - address) {
                throw new IOException(file + " is truncated or damaged: " + data.getPath() + " needs " + bytes
                        + " bytes from " + address + " but the file has " + size);
            }
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IOException(file + ": " + data.getPath() + " holds " + bytes + " bytes of configurations, more"
                    + " than this JVM's heap of " + heap + " bytes (raise it with COARSE_JAVA_OPTS=-Xmx…)");
        }
    }

    /** Fails if the level stores a digest and the data read do not match it (a damaged file). */
    private static void verifyDigest(String where, Group group, Configurations read) throws IOException {
        Attribute stored = group.getAttributes().get(DIGEST_ATTRIBUTE);
        if (stored == null) {
            return;
        }
        Object value = stored.getData();
        String expected = value instanceof String s ? s : String.valueOf(value);
        String actual = digest(read);
        if (!actual.equalsIgnoreCase(expected.strip())) {
            throw new IOException(where + " is damaged: its SHA-256 is " + actual.substring(0, 12)
                    + "…, the file records " + (expected.length() > 12 ? expected.substring(0, 12) + "…" : expected)
                    + " (the data changed after it was written; regenerate or restore the file)");
        }
    }

    /** SHA-256 (lower-case hex) of configurations as stored: int8 values, or float64 little-endian, in C order. */
    static String digest(Configurations data) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        if (data instanceof DiscreteConfigurations discrete) {
            for (byte[] configuration : discrete.values()) {
                sha.update(configuration);
            }
        } else {
            ByteBuffer buffer = null;
            for (double[] configuration : ((ContinuousConfigurations) data).values()) {
                if (buffer == null) {
                    buffer = ByteBuffer.allocate(Double.BYTES * configuration.length).order(ByteOrder.LITTLE_ENDIAN);
                }
                buffer.clear();
                buffer.asDoubleBuffer().put(configuration);
                sha.update(buffer.array(), 0, Double.BYTES * configuration.length);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static boolean littleEndian(DataType type) {
        return type instanceof FloatingPoint f && f.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
    }

    /** Reads contiguous int8 storage with positioned reads (no memory map, so any size works). */
    private static void readContiguous(Path file, ContiguousDataset data, byte[][] into, int length)
            throws IOException {
        try (FileChannel channel = openContiguous(file, data, (long) into.length * length)) {
            long position = data.getDataAddress();
            for (byte[] configuration : into) {
                position = readFully(file, data, channel, ByteBuffer.wrap(configuration), position);
            }
        }
    }

    /** Reads contiguous little-endian float64 storage with positioned reads. */
    private static void readContiguous(Path file, ContiguousDataset data, double[][] into, int length)
            throws IOException {
        try (FileChannel channel = openContiguous(file, data, (long) into.length * length * Double.BYTES)) {
            long position = data.getDataAddress();
            ByteBuffer buffer = ByteBuffer.allocate(length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] configuration : into) {
                buffer.clear();
                position = readFully(file, data, channel, buffer, position);
                buffer.flip();
                buffer.asDoubleBuffer().get(configuration);
            }
        }
    }

    private static FileChannel openContiguous(Path file, ContiguousDataset data, long bytes) throws IOException {
        long address = data.getDataAddress();
        long size = Files.size(file);
        if (address < 0 || address + bytes > size) {
            throw new IOException(file + " is truncated: " + data.getPath() + " needs bytes up to " + (address + bytes)
                    + " but the file has " + size);
        }
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static long readFully(Path file, ContiguousDataset data, FileChannel channel, ByteBuffer buffer,
                                  long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException(file + " is truncated inside " + data.getPath());
            }
            position += read;
        }
        return position;
    }

    /**
     * Reads chunked, compressed or big-endian datasets (e.g. written by h5py) a batch of configurations at a time;
     * {@code into} is {@code byte[][]} or {@code double[][]}, {@code shape} a configuration's axes.
     */
    private static void readSliced(Dataset data, Object[] into, int[] shape) {
        int length = 1;
        for (int axis : shape) {
            length *= axis;
        }
        int batch = Math.max(1, (1 << 22) / Math.max(1, length));
        for (int start = 0; start < into.length; start += batch) {
            int count = Math.min(batch, into.length - start);
            long[] offset = new long[shape.length + 1];
            offset[0] = start;
            int[] sliceShape = new int[shape.length + 1];
            System.arraycopy(shape, 0, sliceShape, 1, shape.length);
            sliceShape[0] = count;
            Object slice = data.getData(offset, sliceShape);
            for (int k = 0; k < count; k++) {
                flatten(Array.get(slice, k), into[start + k], 0);
            }
        }
    }

    /**
     * Copies a C-ordered nested byte or double array into {@code flat} (of the same element type) from
     * {@code position}; returns the next position.
     */
    private static int flatten(Object nested, Object flat, int position) {
        if (nested instanceof byte[] || nested instanceof double[]) {
            int n = Array.getLength(nested);
            System.arraycopy(nested, 0, flat, position, n);
            return position + n;
        }
        for (Object sub : (Object[]) nested) {
            position = flatten(sub, flat, position);
        }
        return position;
    }

    private static Dataset configurationsOf(Path file, Group group, EnsembleMeta meta, DegreesOfFreedom dof)
            throws IOException {
        String where = file + ": /" + group.getName() + "/" + DATASET;
        Node node = group.getChild(DATASET);
        if (!(node instanceof Dataset data)) {
            throw new IOException(where + " is missing");
        }
        Class<?> type = data.getJavaType();
        if (dof.isDiscrete() && type != byte.class && type != Byte.class) {
            throw new IOException(where + " must be int8, found " + data.getDataType().getClass().getSimpleName()
                    + " of Java type " + type.getSimpleName());
        }
        if (!dof.isDiscrete() && type != double.class && type != Double.class) {
            throw new IOException(where + " must be float64 for " + dof + ", found "
                    + data.getDataType().getClass().getSimpleName() + " of Java type " + type.getSimpleName());
        }
        long[] shape = data.getDimensionsAsLong();
        int[] expected = shape(Lattice.of(meta.dimension(), meta.linearSize()), dof);
        boolean ok = shape.length == expected.length + 1 && shape[0] >= 0 && shape[0] <= Integer.MAX_VALUE;
        for (int i = 1; ok && i < shape.length; i++) {
            ok = shape[i] == expected[i - 1];
        }
        if (!ok) {
            StringBuilder axes = new StringBuilder("[N" + ", L".repeat(meta.dimension()));
            for (int i = meta.dimension(); i < expected.length; i++) {
                axes.append(", ").append(expected[i]);
            }
            throw new IOException(where + " has shape " + Arrays.toString(shape) + ", expected " + axes + "] with L = "
                    + meta.linearSize() + " for a " + meta.dimension() + "D lattice"
                    + (expected.length == meta.dimension() ? "" : " holding " + dof));
        }
        return data;
    }

    /**
     * The level's degrees of freedom: as its attributes say (version 2), else its model's own (version 1 files hold
     * only spins and Potts labels).
     */
    private static DegreesOfFreedom readDegreesOfFreedom(Path file, Group g, EnsembleMeta meta) throws IOException {
        Map<String, Attribute> attributes = g.getAttributes();
        if (!attributes.containsKey(DOF_ATTRIBUTE)) {
            try {
                return Ensemble.modelDegreesOfFreedom(meta);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": /" + g.getName() + ": " + e.getMessage(), e);
            }
        }
        String where = file + ": /" + g.getName();
        try {
            return new DegreesOfFreedom(
                    DegreesOfFreedom.Values.ofId(stringAttribute(where, attributes, DOF_ATTRIBUTE)),
                    (int) longAttribute(where, attributes, "states"),
                    DegreesOfFreedom.Support.ofId(stringAttribute(where, attributes, "support")),
                    (int) longAttribute(where, attributes, "components"));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    private static EnsembleMeta readMeta(Path file, Group g) throws IOException {
        Map<String, Attribute> attributes = g.getAttributes();
        String where = file + ": /" + g.getName();
        Map<String, String> provenance = new LinkedHashMap<>();
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : new TreeMap<>(attributes).entrySet()) {
            if (a.getKey().startsWith(PROVENANCE_PREFIX)) {
                provenance.put(a.getKey().substring(PROVENANCE_PREFIX.length()), String.valueOf(a.getValue().getData()));
            } else if (a.getKey().startsWith(PARAMETER_PREFIX)) {
                parameters.put(a.getKey().substring(PARAMETER_PREFIX.length()),
                        doubleAttribute(where, attributes, a.getKey()));
            }
        }
        int dimension = (int) longAttribute(where, attributes, "dimension");
        int linearSize = (int) longAttribute(where, attributes, "L");
        if (dimension < 1 || dimension > 3 || linearSize < 2) {
            throw new IOException(where + " has an invalid lattice: dimension " + dimension + ", L = " + linearSize);
        }
        return new EnsembleMeta(
                stringAttribute(where, attributes, "model"),
                dimension,
                linearSize,
                doubleAttribute(where, attributes, "T"),
                doubleAttribute(where, attributes, "h"),
                (int) longAttribute(where, attributes, "q"),
                stringAttribute(where, attributes, "sampler"),
                longAttribute(where, attributes, "seed"),
                longAttribute(where, attributes, "sweeps"),
                longAttribute(where, attributes, "thermalize"),
                longAttribute(where, attributes, "thin"),
                (int) longAttribute(where, attributes, "chains"),
                doubleAttribute(where, attributes, "tau_int"),
                stringAttribute(where, attributes, "coarse_version"),
                provenance,
                parameters);
    }

    private static Object scalar(String where, Map<String, Attribute> attributes, String name) throws IOException {
        Attribute a = attributes.get(name);
        if (a == null) {
            throw new IOException(where + " lacks the attribute " + name);
        }
        Object value = a.getData();
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            value = Array.get(value, 0);
        }
        return value;
    }

    private static String stringAttribute(String where, Map<String, Attribute> attributes, String name)
            throws IOException {
        Object value = scalar(where, attributes, name);
        if (!(value instanceof String s)) {
            throw new IOException(where + " attribute " + name + " must be a string");
        }
        return s;
    }

    private static long longAttribute(String where, Map<String, Attribute> attributes, String name)
            throws IOException {
        Object value = scalar(where, attributes, name);
        if (!(value instanceof Number n) || value instanceof Double || value instanceof Float) {
            throw new IOException(where + " attribute " + name + " must be an integer");
        }
        return n.longValue();
    }

    private static double doubleAttribute(String where, Map<String, Attribute> attributes, String name)
            throws IOException {
        Object value = scalar(where, attributes, name);
        if (!(value instanceof Number n)) {
            throw new IOException(where + " attribute " + name + " must be a number");
        }
        return n.doubleValue();
    }
}
