package dev.coarse.mc.kernel;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The packed (spatially multi-spin-coded) Metropolis sweep of one L×L configuration, L even, h = 0: the kernel under
 * {@code CheckerboardMetropolis} on the square lattice. It converts the ±1 bytes to {@link SquareSpatialLayout}
 * once per call, runs the sweeps on {@link SquareSpatialVector} (or its twin {@link SquareSpatialScalar}, with the
 * same results) and converts back; {@link SquareSpatialScalar} documents the update and the random numbers.
 *
 * <p>One instance serves one chain at a time: it holds the packed configuration and the generator states as
 * scratch, re-seeded from the chain's generator at every sweep, and no random state of its own between calls.
 */
public final class SquareSpatialSweep {

    private final SquareSpatialLayout layout;
    /** The threshold bits of e<sup>−4β</sup> and e<sup>−8β</sup>. */
    private final long[] bits;
    private final long[] packed;
    /** The four xoshiro256** streams, re-seeded every sweep. */
    private final long[] state = new long[4 * SquareSpatialLayout.LANES];
    /**
     * The last output as bytes, where the conversion is scalar code (JDK 17): a configuration equal to it is the
     * packed array itself, so the next call skips packing (comparing and copying 16 KB costs a tenth of packing
     * them). Null elsewhere.
     */
    private final byte[] lastUnpacked;
    /** Whether {@link #lastUnpacked} holds the packed array's configuration. */
    private boolean lastUnpackedValid;

    /**
     * The kernel at L = {@code size} (even, ≥ 2) and β.
     *
     * @throws IllegalArgumentException for an odd L or L &lt; 2
     */
    public SquareSpatialSweep(int size, double beta) {
        this.layout = new SquareSpatialLayout(size);
        double x = StrictMath.exp(-4 * beta);
        this.bits = SquareMultispinLayout.thresholdTables(FixedPoint.fraction(x), FixedPoint.fraction(x * x));
        this.packed = new long[layout.length()];
        this.lastUnpacked = maskConversion(layout) ? null : new byte[size * size];
    }

    /**
     * {@code count} sweeps of {@code spins} (L² ±1 bytes, row-major), each seeding the streams with 16
     * {@code nextLong}s of {@code rng}: the same configuration and generator state as {@code count} calls with
     * count 1, but converted once. Modified: {@code spins}; {@code rng} is advanced.
     */
    public void sweeps(byte[] spins, RandomGenerator rng, long count) {
        if (count <= 0) {
            return;
        }
        boolean maskConversion = lastUnpacked == null;
        if (maskConversion) {
            SquareSpatialVector.pack(layout, spins, packed);
        } else if (!(lastUnpackedValid && Arrays.equals(spins, lastUnpacked))) {
            layout.pack(spins, packed);
        }
        for (long t = 0; t < count; t++) {
            SquareSpatialLayout.seed(state, rng);
            if (PackedSupport.VECTOR) {
                SquareSpatialVector.sweep(layout, packed, state, bits);
            } else {
                SquareSpatialScalar.sweep(layout, packed, state, bits);
            }
        }
        if (maskConversion) {
            SquareSpatialVector.unpack(layout, packed, spins);
        } else {
            layout.unpack(packed, spins);
            System.arraycopy(spins, 0, lastUnpacked, 0, spins.length);
            lastUnpackedValid = true;
        }
    }

    /**
     * Whether the packed kernel runs on 256-bit vectors in this JVM (the module {@code jdk.incubator.vector} present,
     * {@code coarse.checkerboard.vector} not {@code false}, the hardware's vectors, agreement with the twin).
     */
    public static boolean vectorized() {
        return PackedSupport.VECTOR;
    }

    /** Whether the kernel converts through vector masks at this L in this JVM. */
    private static boolean maskConversion(SquareSpatialLayout layout) {
        return PackedSupport.MASK_CONVERSION && layout.size % 32 == 0;
    }

    /**
     * Decided once, apart from the byte kernels' support ({@link SquareCheckerboardSweep}): a JVM that runs only the
     * byte kernels never runs the packed kernel's self-check. On JDK 17 the byte kernel compiles to code 2.5× slower
     * in a JVM where the packed kernel has run, even only this self-check (1.0–1.2 against 2.6 flips/ns at L = 128,
     * in 5 of 6 JVMs; not understood, presumably C2's type profiles of the Vector API methods both kernels call); the
     * packed kernel is not affected by running second. So benchmarks time the byte kernel first or in a JVM of its
     * own.
     */
    private static final class PackedSupport {
        /** The packed kernel on 256-bit vectors. */
        static final boolean VECTOR = detect();
        /** Its conversion from and to bytes through vector masks ({@code SquareSpatialVector.MASK_CONVERSION}). */
        static final boolean MASK_CONVERSION = VECTOR && SquareSpatialVector.MASK_CONVERSION;

        private static boolean detect() {
            if (!SquareCheckerboardSweep.vectorsAllowed()) {
                return false;
            }
            try {
                return SquareSpatialVector.usable();
            } catch (LinkageError | RuntimeException e) {
                return false;
            }
        }
    }
}
