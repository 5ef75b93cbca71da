package dev.coarse.mc;

/**
 * One xoshiro256** step (Blackman and Vigna 2018) on generator states held in a {@code long[]}: the plain-Java
 * form shared by the kernels' scalar twins and by seeding code. The hot vector kernels and the scalar square
 * loops keep their states in local variables instead and write the step out (a call with array traffic per
 * word would cost them their speed).
 */
final class Xoshiro256 {

    private Xoshiro256() {
    }

    /**
     * The next output of stream {@code g} of {@code streams} interleaved streams, whose state word k is
     * {@code state[streams·k + g]} (one stream: {@code state[0…3]}). Modified: that stream's four words.
     */
    static long next(long[] state, int streams, int g) {
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
