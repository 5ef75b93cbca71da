package dev.coarse.mc.kernel;

import java.util.random.RandomGenerator;

/**
 * The multi-spin sweep on the square lattice: the colour-separated storage of {@link SquareMultispinLayout}, one
 * xoshiro256** stream per block site, and the choice of kernel for the block width: four sites on
 * {@link SquareMultispinVector} (256 bits); eight on {@link SquareMultispinWide} (512 bits) or
 * {@link SquareMultispinWideHalves} (two 256-bit halves); either width on the twin {@link SquareMultispinScalar}
 * without vectors. All give the same chain for a width, so a seed means the same run on every machine and JDK.
 */
final class SquareMultispinSweep extends MultispinSweep {

    private final SquareMultispinLayout layout;
    private final long[] packed;
    /** One xoshiro256** state per block site (vector lane), {@code laneState[lanes·k + lane]}. */
    private final long[] laneState;
    private final long[] thresholdBits;

    /**
     * Seeds the lanes' streams from {@code seeder}, then draws the hot start from it, one word per site.
     *
     * @param thresholds thresholds[m] = floor(x<sup>m</sup>·2<sup>64</sup>), m = 1, 2
     */
    SquareMultispinSweep(int size, int blockSites, long[] thresholds, RandomGenerator seeder) {
        super(size * size);
        this.layout = new SquareMultispinLayout(size, blockSites);
        this.laneState = new long[4 * layout.lanes];
        Xoshiro256.seed(laneState, layout.lanes, seeder);
        this.thresholdBits = SquareMultispinLayout.thresholdTables(thresholds[1], thresholds[2]);
        this.packed = new long[layout.length()];
        long[] start = new long[siteCount];
        for (int i = 0; i < siteCount; i++) {
            start[i] = seeder.nextLong();
        }
        layout.pack(start, packed);
    }

    @Override
    public void sweep() {
        if (layout.lanes == WIDE_SITES) {
            switch (WideSupport.BITS) {
                case 512 -> SquareMultispinWide.sweep(layout, packed, laneState, thresholdBits);
                case 256 -> SquareMultispinWideHalves.sweep(layout, packed, laneState, thresholdBits);
                default -> SquareMultispinScalar.sweep(layout, packed, laneState, thresholdBits);
            }
        } else if (VectorSupport.ENABLED) {
            SquareMultispinVector.sweep(layout, packed, laneState, thresholdBits);
        } else {
            SquareMultispinScalar.sweep(layout, packed, laneState, thresholdBits);
        }
    }

    @Override
    public long[] latticeWords() {
        long[] copy = new long[siteCount];
        layout.unpack(packed, copy);
        return copy;
    }

    @Override
    public void setLatticeWords(long[] words) {
        layout.pack(words, packed);
    }

    @Override
    public void copyReplica(int r, byte[] out) {
        final int size = layout.size;
        for (int y = 0; y < size; y++) {
            int even = layout.rowStart(y & 1, y); // x even: colour y mod 2
            int odd = layout.rowStart((y + 1) & 1, y);
            int row = y * size;
            for (int x = 0; x < size; x += 2) {
                out[row + x] = (byte) ((((packed[even + x / 2] >>> r) & 1) << 1) - 1);
                out[row + x + 1] = (byte) ((((packed[odd + x / 2] >>> r) & 1) << 1) - 1);
            }
        }
    }

    @Override
    public long storageBytes() {
        return (long) Long.BYTES * packed.length;
    }

    @Override
    public boolean onVectors() {
        return layout.lanes == WIDE_SITES ? WideSupport.BITS > 0 : VectorSupport.ENABLED;
    }

    /** The module present and the property not false: the condition both vector widths share. */
    private static boolean vectorsAllowed() {
        return Boolean.parseBoolean(System.getProperty("coarse.multispin.vector", "true"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Decided once: loading {@link SquareMultispinVector} needs the incubator module. */
    static final class VectorSupport {
        static final boolean ENABLED = detect();

        private static boolean detect() {
            if (!vectorsAllowed()) {
                return false;
            }
            try {
                return SquareMultispinVector.usable();
            } catch (LinkageError | RuntimeException e) {
                // an incubator API this code was not written against: the plain-Java twin, same results
                return false;
            }
        }
    }

    /**
     * Decided once, apart from {@link VectorSupport}: a JVM that never creates a wide group never runs the 512-bit
     * kernel's self-check (a kernel run in a JVM can change how C2 compiles the others, BENCHMARKS.md).
     */
    static final class WideSupport {
        static final int BITS = detect();

        private static int detect() {
            if (!vectorsAllowed()) {
                return 0;
            }
            try {
                if (Boolean.parseBoolean(System.getProperty("coarse.multispin.vector512", "true"))
                        && SquareMultispinWide.usable()) {
                    return 512;
                }
                return SquareMultispinWideHalves.usable() ? 256 : 0;
            } catch (LinkageError | RuntimeException e) {
                return 0;
            }
        }
    }

    @Override
    public long[] generatorState() {
        return laneState.clone();
    }

    @Override
    public void setGeneratorState(long[] state) {
        if (state.length != laneState.length) {
            throw new IllegalArgumentException("a generator state of " + state.length + " words, this kernel has "
                    + laneState.length);
        }
        System.arraycopy(state, 0, laneState, 0, state.length);
    }
}
