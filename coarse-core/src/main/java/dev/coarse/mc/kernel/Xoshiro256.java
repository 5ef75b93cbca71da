package dev.coarse.mc.kernel;

import java.util.random.RandomGenerator;

/**
 * xoshiro256** (Blackman and Vigna 2018) on generator states held in a {@code long[]}: the seeding every kernel
 * uses, the plain-Java step of the kernels' scalar twins, and the generator of the Wolff cluster growth (a local
 * array that does not escape, so C2 keeps its words in registers: as fast as the step written out, 2026-12-06).
 *
 * <p>The others write the step out on local variables. The vector kernels must: C2 inlines no helper of ours into
 * them (see {@link SquareMultispinVector}). The scalar loops of Swendsen–Wang, of the byte-per-site square sweep
 * and of the chain and cubic multi-spin sweep ran 5–6 % slower on a local array with {@link #next(long[])}
 * (alternating runs on JDK 17, 2026-12-06: SW at L = 64, bytes at L = 32, the chain at N = 4096).
 *
 * <p>Several streams are interleaved in one array: state word k of stream g is {@code state[streams·k + g]}, so
 * that word k of consecutive streams fills one vector.
 */
public final class Xoshiro256 {

    /** Replaces xoshiro's one forbidden state (all zero) in the first word: any non-zero word would do. */
    private static final long NONZERO_WORD = 0x9E3779B97F4A7C15L;

    private Xoshiro256() {
    }

    /**
     * Seeds {@code streams} interleaved streams with 4·streams {@code nextLong}s of {@code rng}, stream by stream
     * (words 0…3 of stream 0, then of stream 1, …); an all-zero stream (probability 2<sup>−256</sup>) gets a fixed
     * non-zero first word. Entries from index 4·streams on are left alone.
     *
     * <p>Modified: {@code state}; {@code rng} is advanced.
     */
    static void seed(long[] state, int streams, RandomGenerator rng) {
        for (int g = 0; g < streams; g++) {
            long any = 0;
            for (int k = 0; k < 4; k++) {
                long word = rng.nextLong();
                state[streams * k + g] = word;
                any |= word;
            }
            if (any == 0) {
                state[g] = NONZERO_WORD;
            }
        }
    }

    /**
     * A new single-stream state of four {@code nextLong}s of {@code rng}, the last one made odd so the state is never
     * all zero: the form the scalar samplers seed per sweep or per cluster. Inlined into a sampler's loop with
     * {@link #next(long[])}, the array does not escape and C2 keeps its four words in registers.
     *
     * <p>Modified: {@code rng} is advanced by four words.
     */
    public static long[] oddSeeded(RandomGenerator rng) {
        return new long[] {rng.nextLong(), rng.nextLong(), rng.nextLong(), rng.nextLong() | 1L};
    }

    /** The next output of a single-stream state ({@code state[0…3]}). Modified: {@code state}. */
    public static long next(long[] state) {
        return next(state, 1, 0);
    }

    /**
     * The next output of stream {@code g} of {@code streams} interleaved streams, whose state word k is
     * {@code state[streams·k + g]} (one stream: {@code state[0…3]}). Modified: that stream's four words.
     */
    public static long next(long[] state, int streams, int g) {
        long s0 = state[g];
        long s1 = state[streams + g];
        long s2 = state[2 * streams + g];
        long s3 = state[3 * streams + g];
        final long result = Long.rotateLeft(s1 * 5, 7) * 9;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        state[g] = s0;
        state[streams + g] = s1;
        state[2 * streams + g] = s2;
        state[3 * streams + g] = Long.rotateLeft(s3, 45);
        return result;
    }
}
