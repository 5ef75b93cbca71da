package dev.coarse.mc.kernel;

import java.util.random.RandomGenerator;

/**
 * The vectorised byte-per-site checkerboard Metropolis sweep of an L×L configuration (even L ≥ 34, h = 0,
 * T ≤ 4/ln 2): the kernel under {@code CheckerboardMetropolis.bytewise}. {@link SquareCheckerboardSchedule} fixes the
 * sites, random numbers and decisions; {@link SquareCheckerboardVector512} (32-site blocks on a JDK after 17 with
 * AVX-512), {@link SquareCheckerboardVector} (256 bits) or the twin {@link SquareCheckerboardScalar} runs it, all
 * with the same results.
 *
 * <p>One instance serves one chain at a time: its generator states are scratch, re-seeded from the chain's
 * generator at every sweep.
 */
public final class SquareCheckerboardSweep {

    private final SquareCheckerboardSchedule schedule;
    /** The schedule's xoshiro256** streams (four or eight), re-seeded every sweep. */
    private final long[] state = new long[4 * SquareCheckerboardSchedule.MAX_STREAMS];
    /** One block's random integers and the wrap sites' (twin), the latter (vectors). */
    private final int[] blockRandom;

    /**
     * The sweep at L = {@code size} and β, flipping a ΔE = 0 site with probability {@code zeroCostAcceptance}.
     *
     * @throws IllegalArgumentException where the schedule does not {@link #applies apply}, or for an acceptance
     *                                  outside [½, 1)
     */
    public SquareCheckerboardSweep(int size, double beta, double zeroCostAcceptance) {
        this.schedule = new SquareCheckerboardSchedule(size, beta, zeroCostAcceptance);
        this.blockRandom = new int[SquareCheckerboardSchedule.WIDE_LANES + size / 2];
    }

    /** Whether the schedule exists: even L ≥ 34, e<sup>−8β</sup> &gt; 0 and e<sup>−4β</sup> ≤ ½ (T ≤ 4/ln 2). */
    public static boolean applies(int size, double beta) {
        return SquareCheckerboardSchedule.applies(size, beta);
    }

    /**
     * One sweep of {@code spins} (L² ±1 bytes, row-major), the streams seeded with 16 (L &lt; 66) or 32
     * {@code nextLong}s of {@code rng}. Modified: {@code spins}; {@code rng} is advanced.
     */
    public void sweep(byte[] spins, RandomGenerator rng) {
        schedule.seed(state, rng);
        if (VectorSupport.WIDE && schedule.lanes == SquareCheckerboardSchedule.WIDE_LANES) {
            SquareCheckerboardVector512.sweep(schedule, spins, state, blockRandom);
        } else if (VectorSupport.ENABLED) {
            SquareCheckerboardVector.sweep(schedule, spins, state, blockRandom);
        } else {
            SquareCheckerboardScalar.sweep(schedule, spins, state, blockRandom);
        }
    }

    /** The width of the vectors this sweep runs on in this JVM: 512, 256, or 0 for the twin. */
    public int vectorBits() {
        if (!VectorSupport.ENABLED) {
            return 0;
        }
        return VectorSupport.WIDE && schedule.lanes == SquareCheckerboardSchedule.WIDE_LANES ? 512 : 256;
    }

    /**
     * Whether the schedule runs on vectors in this JVM (JDK 17's incubating Vector API, module
     * {@code jdk.incubator.vector} present, 256-bit vectors in hardware, system property
     * {@code coarse.checkerboard.vector} not {@code false}); otherwise its plain-Java twin runs, with bit-identical
     * results.
     */
    public static boolean vectorized() {
        return VectorSupport.ENABLED;
    }

    /**
     * Whether the 32-unit blocks of L ≥ 66 run on 512-bit vectors in this JVM (AVX-512 hardware, a JDK after 17, and
     * everything {@link #vectorized()} needs); otherwise they run as two 256-bit halves, with bit-identical results.
     */
    public static boolean vectorized512() {
        return VectorSupport.WIDE;
    }

    /**
     * Whether the checkerboard vector kernels may be tried at all: the incubator module is present and {@code
     * coarse.checkerboard.vector} is not {@code false}. Each kernel then checks itself against its twin.
     */
    static boolean vectorsAllowed() {
        return Boolean.parseBoolean(System.getProperty("coarse.checkerboard.vector", "true"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Decided once: loading the vector kernels needs the incubator module. */
    private static final class VectorSupport {
        static final boolean ENABLED = detect(false);
        /** The 512-bit kernel; only with the 256-bit one, so the sizes below L = 66 never fall to the twin. */
        static final boolean WIDE = ENABLED && detect(true);

        private static boolean detect(boolean wide) {
            if (!vectorsAllowed()
                    || wide && !Boolean.parseBoolean(System.getProperty("coarse.checkerboard.vector512", "true"))) {
                return false;
            }
            try {
                return wide ? SquareCheckerboardVector512.usable() : SquareCheckerboardVector.usable();
            } catch (LinkageError | RuntimeException e) {
                // an incubator API this code was not written against: the plain-Java twin, same results
                return false;
            }
        }
    }
}
