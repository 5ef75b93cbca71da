package dev.coarse.data;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads configurations that users bring as NumPy {@code .npy} arrays — the format RSMI-NE loads — into
 * {@link Configurations}, or into an {@link Ensemble} when the caller names the model.
 *
 * <p>What is read: format versions 1.0, 2.0 and 3.0 (NEP 1); dtypes bool, signed and unsigned integers of 1 to 8
 * bytes and float32/float64, little or big endian; C or Fortran order (a Fortran-ordered array is reordered while it
 * is read); shape [N, …] with N configurations. The trailing shape depends on the {@link Layout}; in the default
 * {@link Layout#ELEMENTS} it is the lattice's own, [L, …, L] (d axes) or the flat [L<sup>d</sup>] for values on
 * sites, [L, …, L, d] or [d·L<sup>d</sup>] for values on bonds, followed by the components when there are several
 * — so L is found from the shape and d from the caller. Every value is checked against the degrees of freedom the
 * caller asks for: floats must be finite and, for discrete kinds, whole numbers; spins must be ±1, occupations 0/1,
 * labels 0 … q−1. A 0/1 array read as spins (or a ±1 array read as occupations or labels) is refused with a message
 * that says how to convert it.
 *
 * <p>Errors: a file that is missing, not {@code .npy}, truncated, of an unsupported dtype or of the wrong shape gives
 * an {@link IOException}; values that are not the degrees of freedom asked for give an
 * {@link IllegalArgumentException}. Both have one-line messages that start with the file name.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int READ_BUFFER = 1 << 16;

    /** How the axes after the first map onto a configuration's values. */
    public enum Layout {
        /**
         * The lattice's own layout (class comment): C order of [L, …, L (, d) (, components)] or its flat form, which
         * is the layout of {@link DegreesOfFreedom}.
         */
        ELEMENTS,
        /**
         * RSMI-NE's dimers ({@code sites_bonds} of its Monte Carlo code): [N, 2L, 2L] for dimers on the L×L torus,
         * entry [2x, 2y+1] the occupation of the bond from site (x, y) to (x, y+1) (our y-bond of (x, y)) and
         * [2x+1, 2y] that of the bond to (x+1, y) (our x-bond); the entries at [2x, 2y] and [2x+1, 2y+1] — sites and
         * plaquette centres, where RSMI-NE puts random decoys or zeros — are not read. Only for bond occupations of
         * a square lattice.
         */
        RSMI_DIMER_GRID
    }

    /** The element types read. */
    public enum Dtype {
        BOOL(1, false, false), INT8(1, true, false), UINT8(1, false, false), INT16(2, true, false),
        UINT16(2, false, false), INT32(4, true, false), UINT32(4, false, false), INT64(8, true, false),
        UINT64(8, false, false), FLOAT32(4, true, true), FLOAT64(8, true, true);

        private final int size;
        private final boolean signed;
        private final boolean floating;

        Dtype(int size, boolean signed, boolean floating) {
            this.size = size;
            this.signed = signed;
            this.floating = floating;
        }

        /** Bytes per element. */
        public int size() {
            return size;
        }

        /** Whether elements are floating point. */
        public boolean isFloating() {
            return floating;
        }
    }

    /**
     * What a file's header says.
     *
     * @param version      format version, 1, 2 or 3 (the minor version is always 0)
     * @param dtype        the element type
     * @param order        the byte order of multi-byte elements
     * @param fortranOrder whether the first axis varies fastest
     * @param shape        the array's shape
     * @param dataOffset   where the data starts, in bytes
     */
    public record Header(int version, Dtype dtype, ByteOrder order, boolean fortranOrder, long[] shape,
                         long dataOffset) {

        /** Number of elements, the product of the shape. */
        public long elementCount() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        /** The shape as numpy prints it, e.g. "(10, 4, 4)". */
        public String shapeText() {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < shape.length; i++) {
                b.append(i == 0 ? "" : ", ").append(shape[i]);
            }
            return b.append(shape.length == 1 ? ",)" : ")").toString();
        }
    }

    /**
     * Configurations read from a file, and the lattice the shape implies.
     *
     * @param lattice        the lattice of the configurations (L from the shape, d from the caller)
     * @param configurations the values, one array per configuration in the layout of {@link DegreesOfFreedom}
     */
    public record Contents(Lattice lattice, Configurations configurations) {
    }

    private NpyFile() {
    }

    /**
     * The header of a {@code .npy} file.
     *
     * @throws IOException if the file is missing, is not a {@code .npy} file, or has an unsupported dtype
     */
    public static Header readHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parseHeader(file, in);
        }
    }

    /**
     * A numeric array of any shape, in C order, as doubles (what {@link #readNumbers} returns).
     *
     * @param shape  the array's shape
     * @param values its elements in C order (a Fortran-ordered file is reordered)
     */
    public record NumericArray(long[] shape, double[] values) {

        /** The shape as numpy prints it. */
        public String shapeText() {
            return new Header(1, Dtype.FLOAT64, ByteOrder.LITTLE_ENDIAN, false, shape, 0).shapeText();
        }
    }

    /**
     * Reads a whole array of any shape and numeric dtype as doubles, in C order — for arrays that are not
     * configurations, such as a user's local tensor (dev.coarse.tensor).
     *
     * @throws IOException              for a file that is missing, not {@code .npy}, truncated or of an unsupported dtype
     * @throws IllegalArgumentException for a non-finite value or more than 2<sup>31</sup> − 1 elements
     */
    public static NumericArray readNumbers(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Header header = parseHeader(file, in);
            long count = header.elementCount();
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + ": " + count + " elements are too many");
            }
            long[] shape = header.shape();
            double[] values = new double[(int) count];
            ElementReader reader = new ElementReader(file, in, header);
            // a Fortran-ordered element e has C position Σ_a i_a·cStride_a, with i_0 varying fastest
            long[] cStride = new long[shape.length];
            long stride = 1;
            for (int a = shape.length - 1; a >= 0; a--) {
                cStride[a] = stride;
                stride *= shape[a];
            }
            for (long e = 0; e < count; e++) {
                long position = e;
                if (header.fortranOrder()) {
                    position = 0;
                    long rest = e;
                    for (int a = 0; a < shape.length; a++) {
                        position += (rest % shape[a]) * cStride[a];
                        rest /= shape[a];
                    }
                }
                double value = reader.next();
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(file + ": value " + value + " at index " + e
                            + (shape.length == 2 ? " (row " + position / shape[1] + ", column " + position % shape[1]
                            + ")" : "") + " is not finite");
                }
                values[(int) position] = value;
            }
            return new NumericArray(shape.clone(), values);
        }
    }

    /**
     * Reads configurations of the given degrees of freedom on a lattice of the given dimension.
     *
     * @param dimension the lattice dimension d (1, 2 or 3); L comes from the shape
     * @throws IOException              for a file that cannot be read as such configurations (class comment)
     * @throws IllegalArgumentException for values that are not {@code degreesOfFreedom}, or a layout that does not
     *                                  fit them
     */
    public static Contents read(Path file, DegreesOfFreedom degreesOfFreedom, int dimension, Layout layout)
            throws IOException {
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
        Objects.requireNonNull(layout, "layout");
        Lattice.Kind.ofDimension(dimension);
        if (degreesOfFreedom.values() == DegreesOfFreedom.Values.COMPLEX) {
            throw new IllegalArgumentException("complex fields are not read from .npy files (store real and imaginary "
                    + "parts as a real field with two components)");
        }
        if (layout == Layout.RSMI_DIMER_GRID && (dimension != 2
                || !degreesOfFreedom.equals(DegreesOfFreedom.bondOccupations()))) {
            throw new IllegalArgumentException("the RSMI-NE dimer grid holds bond occupations of a square lattice, not "
                    + degreesOfFreedom + " in " + dimension + "D");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Header header = parseHeader(file, in);
            Lattice lattice = latticeOf(file, header, degreesOfFreedom, dimension, layout);
            int[] target = targetIndex(lattice, degreesOfFreedom, layout);
            long expectedBytes = header.elementCount() * header.dtype().size();
            long available = Files.size(file) - header.dataOffset();
            if (available != expectedBytes) {
                throw new IOException(file + ": " + (available < expectedBytes ? "truncated: " : "")
                        + "holds " + available + " bytes of data, an array of shape " + header.shapeText() + " and "
                        + dtypeText(header) + " takes " + expectedBytes);
            }
            return new Contents(lattice, readValues(file, in, header, target, degreesOfFreedom,
                    degreesOfFreedom.length(lattice)));
        }
    }

    /**
     * Reads configurations of {@code model} in the default layout ({@link Layout#ELEMENTS}).
     *
     * @see #readEnsemble(Path, Model, Layout)
     */
    public static Ensemble readEnsemble(Path file, Model model) throws IOException {
        return readEnsemble(file, model, Layout.ELEMENTS);
    }

    /**
     * Reads configurations of {@code model} as an ensemble: the shape must give the model's lattice, and every
     * configuration must pass {@link Model#validate} (for dimers: be a covering). The metadata records the model,
     * sampler "external", seed 0, one chain, τ<sub>int</sub> unknown, and the file as {@code provenance.source}.
     *
     * @throws IOException              for a file that cannot be read, or holds another lattice's configurations
     * @throws IllegalArgumentException for values that are not the model's configurations
     */
    public static Ensemble readEnsemble(Path file, Model model, Layout layout) throws IOException {
        Lattice lattice = model.lattice();
        Contents contents = read(file, model.degreesOfFreedom(), lattice.dimension(), layout);
        if (!contents.lattice().equals(lattice)) {
            throw new IOException(file + ": holds configurations on the " + contents.lattice() + " lattice, the model "
                    + model.name() + " is on " + lattice);
        }
        DiscreteConfigurations data = (DiscreteConfigurations) contents.configurations();
        byte[][] values = data.values();
        for (int n = 0; n < values.length; n++) {
            try {
                model.validate(values[n]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": configuration " + n + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("source", file.toString());
        provenance.put("format", "npy");
        double field = model instanceof IsingModel ising ? ising.field() : 0.0;
        int q = model instanceof PottsModel potts ? potts.q() : 2;
        Map<String, Double> parameters = model instanceof DimerModel dimers ? dimers.parameters() : Map.of();
        EnsembleMeta meta = new EnsembleMeta(model.name(), lattice.dimension(), lattice.linearSize(),
                model.temperature(), field, q, "external", 0L, values.length, 0L, 1L, 1, Double.NaN,
                CoarseVersion.get(), provenance, parameters);
        return new Ensemble(meta, lattice, data);
    }

    // ---- header ----

    private static Header parseHeader(Path file, InputStream in) throws IOException {
        byte[] start = in.readNBytes(8);
        if (start.length < 8 || !Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
            throw new IOException(file + ": not a NumPy .npy file (no \\x93NUMPY magic string)");
        }
        int major = start[6] & 0xff;
        int minor = start[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new IOException(file + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new IOException(file + ": truncated inside the .npy header");
        }
        long headerLength = major == 1
                ? ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffffL
                : ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (headerLength > 1 << 20) {
            throw new IOException(file + ": .npy header of " + headerLength + " bytes is implausibly long");
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw new IOException(file + ": truncated inside the .npy header");
        }
        String header;
        try {
            header = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": .npy header is not " + (major == 3 ? "UTF-8" : "ASCII") + " text", e);
        }
        Map<String, Object> dict = new HeaderParser(file, header).dictionary();
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (!(descr instanceof String d) || !(fortran instanceof Boolean f) || !(shape instanceof long[] s)) {
            throw new IOException(file + ": .npy header lacks a string 'descr', a boolean 'fortran_order' or a tuple "
                    + "'shape': " + header.strip());
        }
        Dtype dtype = dtypeOf(file, d);
        ByteOrder order = switch (d.charAt(0)) {
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            default -> ByteOrder.nativeOrder();
        };
        return new Header(major, dtype, order, f, s, 8L + lengthBytes + headerLength);
    }

    private static Dtype dtypeOf(Path file, String descr) throws IOException {
        String code = descr.isEmpty() || "<>|=".indexOf(descr.charAt(0)) < 0 ? descr : descr.substring(1);
        Dtype dtype = switch (code) {
            case "b1", "?" -> Dtype.BOOL;
            case "i1", "b" -> Dtype.INT8;
            case "u1", "B" -> Dtype.UINT8;
            case "i2" -> Dtype.INT16;
            case "u2" -> Dtype.UINT16;
            case "i4" -> Dtype.INT32;
            case "u4" -> Dtype.UINT32;
            case "i8" -> Dtype.INT64;
            case "u8" -> Dtype.UINT64;
            case "f4" -> Dtype.FLOAT32;
            case "f8" -> Dtype.FLOAT64;
            default -> null;
        };
        if (dtype == null) {
            throw new IOException(file + ": dtype '" + descr + "' is not read (bool, integers and float32/float64 are): "
                    + "convert with a.astype(np.int8) or a.astype(np.float64)");
        }
        return dtype;
    }

    private static String dtypeText(Header header) {
        return header.dtype().name().toLowerCase() + (header.dtype().size() > 1
                ? (header.order() == ByteOrder.BIG_ENDIAN ? " big-endian" : " little-endian") : "");
    }

    /** A reader of the Python dict literal numpy writes: string keys; string, bool and int-tuple values. */
    private static final class HeaderParser {
        private final Path file;
        private final String text;
        private int pos;

        HeaderParser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        Map<String, Object> dictionary() throws IOException {
            Map<String, Object> dict = new HashMap<>();
            expect('{');
            while (peek() != '}') {
                String key = string();
                expect(':');
                dict.put(key, value());
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            return dict;
        }

        private Object value() throws IOException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                throw new IOException(file + ": structured dtypes (records) are not read: save a plain int or float "
                        + "array");
            }
            for (String word : new String[] {"True", "False"}) {
                if (text.startsWith(word, pos)) {
                    pos += word.length();
                    return word.equals("True");
                }
            }
            throw error("unexpected value");
        }

        private long[] tuple() throws IOException {
            expect('(');
            long[] values = new long[8];
            int n = 0;
            while (peek() != ')') {
                int begin = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (begin == pos) {
                    throw error("expected a dimension");
                }
                long value;
                try {
                    value = Long.parseLong(text.substring(begin, pos));
                } catch (NumberFormatException e) {
                    throw error("dimension out of range");
                }
                if (pos < text.length() && text.charAt(pos) == 'L') {
                    pos++; // Python 2 long literal
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = value;
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')'");
                }
            }
            pos++;
            return Arrays.copyOf(values, n);
        }

        private String string() throws IOException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private void expect(char c) throws IOException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() throws IOException {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private IOException error(String what) {
            return new IOException(file + ": cannot parse the .npy header (" + what + " at character " + pos + "): "
                    + text.strip());
        }
    }

    // ---- shape ----

    private static Lattice latticeOf(Path file, Header header, DegreesOfFreedom dof, int dimension, Layout layout)
            throws IOException {
        long[] shape = header.shape();
        if (shape.length < 2 || shape[0] == 0) {
            throw new IOException(file + ": shape " + header.shapeText() + " holds no configurations: expected "
                    + expectedShape(dof, dimension, layout));
        }
        if (shape[0] > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": " + shape[0] + " configurations are more than a Java array holds");
        }
        long[] trailing = Arrays.copyOfRange(shape, 1, shape.length);
        Long linearSize = switch (layout) {
            case RSMI_DIMER_GRID -> trailing.length == 2 && trailing[0] == trailing[1] && trailing[0] % 2 == 0
                    ? trailing[0] / 2 : null;
            case ELEMENTS -> elementsLinearSize(trailing, dof, dimension);
        };
        if (linearSize == null || linearSize < 2 || linearSize > Integer.MAX_VALUE) {
            throw new IOException(file + ": shape " + header.shapeText() + " is not " + expectedShape(dof, dimension,
                    layout));
        }
        try {
            Lattice lattice = Lattice.of(dimension, linearSize.intValue());
            dof.length(lattice);
            return lattice;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": shape " + header.shapeText() + ": " + e.getMessage(), e);
        }
    }

    /** L from the trailing shape in {@link Layout#ELEMENTS}, or null if it is not one the layout allows. */
    private static Long elementsLinearSize(long[] trailing, DegreesOfFreedom dof, int dimension) {
        int perElement = dof.valuesPerElement();
        int perSite = dof.support() == DegreesOfFreedom.Support.BONDS ? dimension : 1;
        long[] tail = new long[(perSite > 1 ? 1 : 0) + (perElement > 1 ? 1 : 0)];
        if (perSite > 1) {
            tail[0] = perSite;
        }
        if (perElement > 1) {
            tail[tail.length - 1] = perElement;
        }
        if (trailing.length == 1) { // flat: L^d sites times the values per site
            long valuesPerSite = (long) perSite * perElement;
            if (trailing[0] % valuesPerSite != 0) {
                return null;
            }
            long l = Math.round(Math.pow(trailing[0] / valuesPerSite, 1.0 / dimension));
            return Math.round(Math.pow(l, dimension)) * valuesPerSite == trailing[0] ? l : null;
        }
        if (trailing.length != dimension + tail.length) {
            return null;
        }
        for (int i = 0; i < dimension; i++) {
            if (trailing[i] != trailing[0]) {
                return null;
            }
        }
        for (int i = 0; i < tail.length; i++) {
            if (trailing[dimension + i] != tail[i]) {
                return null;
            }
        }
        return trailing[0];
    }

    private static String expectedShape(DegreesOfFreedom dof, int dimension, Layout layout) {
        if (layout == Layout.RSMI_DIMER_GRID) {
            return "(N, 2L, 2L), RSMI-NE's dimer grid";
        }
        String axes = ", L".repeat(dimension);
        String tail = (dof.support() == DegreesOfFreedom.Support.BONDS ? ", " + dimension : "")
                + (dof.valuesPerElement() > 1 ? ", " + dof.valuesPerElement() : "");
        String flat = (dof.support() == DegreesOfFreedom.Support.BONDS ? dimension + "·" : "")
                + (dof.valuesPerElement() > 1 ? dof.valuesPerElement() + "·" : "") + "L^" + dimension;
        return "(N" + axes + tail + ") or (N, " + flat + ") for " + dof + " in " + dimension + "D";
    }

    /**
     * For each element of one configuration, in the C order of the trailing shape, the index of the value it fills,
     * or −1 for an entry that is not read.
     */
    private static int[] targetIndex(Lattice lattice, DegreesOfFreedom dof, Layout layout) {
        int length = dof.length(lattice);
        if (layout == Layout.ELEMENTS) {
            int[] target = new int[length];
            for (int i = 0; i < length; i++) {
                target[i] = i;
            }
            return target;
        }
        int l = lattice.linearSize();
        int side = 2 * l;
        int[] target = new int[side * side];
        Arrays.fill(target, -1);
        for (int x = 0; x < l; x++) {
            for (int y = 0; y < l; y++) {
                int site = lattice.site(x, y);
                target[(2 * x) * side + 2 * y + 1] = 2 * site + 1;
                target[(2 * x + 1) * side + 2 * y] = 2 * site;
            }
        }
        return target;
    }

    // ---- values ----

    private static Configurations readValues(Path file, InputStream in, Header header, int[] target,
                                             DegreesOfFreedom dof, int length) throws IOException {
        long[] shape = header.shape();
        int samples = Math.toIntExact(shape[0]);
        int perSample = target.length;
        byte[][] discrete = dof.isDiscrete() ? new byte[samples][length] : null;
        double[][] continuous = dof.isDiscrete() ? null : new double[samples][length];
        ElementReader reader = new ElementReader(file, in, header);
        // Fortran order: the sample index varies fastest, then the trailing axes first-to-last; an odometer over
        // those axes gives each element's C-order position inside its configuration
        long[] trailing = Arrays.copyOfRange(shape, 1, shape.length);
        int[] odometer = new int[trailing.length];
        int[] cStride = new int[trailing.length];
        int stride = 1;
        for (int a = trailing.length - 1; a >= 0; a--) {
            cStride[a] = stride;
            stride *= (int) trailing[a];
        }
        long total = (long) samples * perSample;
        int sample = 0;
        int position = 0;
        for (long e = 0; e < total; e++) {
            if (header.fortranOrder()) {
                sample = (int) (e % samples);
                if (e > 0 && sample == 0) {
                    for (int a = 0; a < odometer.length; a++) {
                        if (++odometer[a] < trailing[a]) {
                            break;
                        }
                        odometer[a] = 0;
                    }
                    position = 0;
                    for (int a = 0; a < odometer.length; a++) {
                        position += odometer[a] * cStride[a];
                    }
                }
            } else {
                sample = (int) (e / perSample);
                position = (int) (e % perSample);
            }
            double value = reader.next();
            int index = target[position];
            if (index < 0) {
                continue;
            }
            if (discrete != null) {
                discrete[sample][index] = checkedDiscrete(file, dof, value, sample, index);
            } else {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(file + ": value " + value + " at configuration " + sample
                            + ", index " + index + " is not finite");
                }
                continuous[sample][index] = value;
            }
        }
        return discrete != null ? new DiscreteConfigurations(dof, discrete)
                : new ContinuousConfigurations(dof, continuous);
    }

    private static byte checkedDiscrete(Path file, DegreesOfFreedom dof, double value, int sample, int index) {
        boolean ok = switch (dof.values()) {
            case SPIN -> value == 1 || value == -1;
            case OCCUPATION -> value == 0 || value == 1;
            default -> value >= 0 && value < dof.states() && value == Math.rint(value);
        };
        if (ok) {
            return (byte) value;
        }
        String hint = "";
        if (dof.values() == DegreesOfFreedom.Values.SPIN && value == 0) {
            hint = ": the data look like 0/1 occupations; convert them to spins with s = 2x − 1 (numpy: "
                    + "(2*a - 1).astype(np.int8))";
        } else if (dof.values() != DegreesOfFreedom.Values.SPIN && value == -1) {
            hint = ": the data look like ±1 spins; convert them with x = (1 + s)/2 (numpy: ((1 + a)//2).astype(np.int8))";
        }
        boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
        throw new IllegalArgumentException(file + ": value " + (whole ? String.valueOf((long) value) : value)
                + " at configuration " + sample + ", index " + index + " is not " + dof.allowed() + hint);
    }

    /** Sequential decoding of the data section, buffered. */
    private static final class ElementReader {
        private final Path file;
        private final InputStream in;
        private final Dtype dtype;
        private final ByteBuffer buffer;

        ElementReader(Path file, InputStream in, Header header) {
            this.file = file;
            this.in = in;
            this.dtype = header.dtype();
            this.buffer = ByteBuffer.allocate(READ_BUFFER).order(header.order());
            buffer.limit(0);
        }

        /** The next element as a double (exact for every integer a configuration can hold). */
        double next() throws IOException {
            if (buffer.remaining() < dtype.size()) {
                refill();
            }
            return switch (dtype) {
                case BOOL, UINT8 -> buffer.get() & 0xff;
                case INT8 -> buffer.get();
                case INT16 -> buffer.getShort();
                case UINT16 -> buffer.getShort() & 0xffff;
                case INT32 -> buffer.getInt();
                case UINT32 -> buffer.getInt() & 0xffffffffL;
                case INT64 -> buffer.getLong();
                case UINT64 -> {
                    long v = buffer.getLong();
                    yield v >= 0 ? v : 0x1p64 + v; // unsigned, rounded
                }
                case FLOAT32 -> buffer.getFloat();
                case FLOAT64 -> buffer.getDouble();
            };
        }

        private void refill() throws IOException {
            buffer.compact();
            while (buffer.position() < dtype.size()) {
                int read = in.read(buffer.array(), buffer.position(), buffer.remaining());
                if (read < 0) {
                    throw new EOFException(file + ": truncated inside the array data");
                }
                buffer.position(buffer.position() + read);
            }
            buffer.flip();
        }
    }
}
