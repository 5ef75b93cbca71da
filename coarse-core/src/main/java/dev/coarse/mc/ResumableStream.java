package dev.coarse.mc;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The L64X128MixRandom generator of the JDK (LXM family: a 64-bit LCG and a xoroshiro128 generator, mixed by Lea's
 * 64-bit mixer), written out so that its whole state can be read and restored: the JDK's implementation hides it.
 * Outputs, seeding ({@link #seeded}) and {@link #split()} are those of
 * {@code RandomGeneratorFactory.of("L64X128MixRandom")} bit for bit ({@code ResumableStreamTest} compares every
 * method the samplers use over several seeds and splits), so the chains {@link ChainRunner} runs are the same as
 * before this class; only {@link #nextLong()} is implemented, every other method is the interface's default, as in
 * the JDK class.
 *
 * <p>State: the LCG's odd addend a and its state s, and the xoroshiro words x0, x1 ({@link #state()}); restoring
 * them ({@link #fromState}) continues the stream exactly where it was, which is what in-chain checkpoints need.
 * Not thread-safe.
 */
public final class ResumableStream implements RandomGenerator {

    /** Words of {@link #state()}. */
    public static final int STATE_WORDS = 4;
    private static final long LCG_MULTIPLIER = 0xd1342543de82ef95L;
    private static final long GOLDEN_RATIO_64 = 0x9e3779b97f4a7c15L;
    private static final long SILVER_RATIO_64 = 0x6A09E667F3BCC909L;

    private final long a;
    private long s;
    private long x0;
    private long x1;

    private ResumableStream(long a, long s, long x0, long x1) {
        this.a = a | 1;
        this.s = s;
        if ((x0 | x1) == 0) {
            long v = s;
            v += GOLDEN_RATIO_64;
            x0 = mixStafford13(v);
            x1 = mixStafford13(v + GOLDEN_RATIO_64);
        }
        this.x0 = x0;
        this.x1 = x1;
    }

    /** The generator {@code RandomGeneratorFactory.of("L64X128MixRandom").create(seed)} gives. */
    public static ResumableStream seeded(long seed) {
        long mixed = seed ^ SILVER_RATIO_64;
        return new ResumableStream(mixMurmur64(mixed), 1, mixStafford13(mixed), mixStafford13(mixed + GOLDEN_RATIO_64));
    }

    /**
     * A generator continuing exactly where the one whose {@link #state()} was {@code state} stood.
     *
     * @throws IllegalArgumentException if {@code state} does not have {@value #STATE_WORDS} words, a is even or
     *                                  x0 = x1 = 0 (no state of this generator is so)
     */
    public static ResumableStream fromState(long[] state) {
        if (state.length != STATE_WORDS || (state[0] & 1) == 0 || (state[2] | state[3]) == 0) {
            throw new IllegalArgumentException("not a generator state: " + Arrays.toString(state));
        }
        return new ResumableStream(state[0], state[1], state[2], state[3]);
    }

    /** The whole state {a, s, x0, x1}: {@link #fromState} of it continues this stream. */
    public long[] state() {
        return new long[] {a, s, x0, x1};
    }

    /**
     * A new, statistically independent generator, as the JDK's {@code split()}: a "brine" word, then s, x0, x1 drawn
     * from this one (the brine, shifted left, is the child's addend).
     *
     * <p>Modified: this generator is advanced by four words.
     */
    public ResumableStream split() {
        long brine = nextLong();
        long childS = nextLong();
        long childX0 = nextLong();
        long childX1 = nextLong();
        return new ResumableStream(brine << 1, childS, childX0, childX1);
    }

    @Override
    public long nextLong() {
        long result = mixLea64(s + x0);
        s = LCG_MULTIPLIER * s + a;
        long q0 = x0;
        long q1 = x1;
        q1 ^= q0;
        q0 = Long.rotateLeft(q0, 24);
        q0 = q0 ^ q1 ^ (q1 << 16);
        q1 = Long.rotateLeft(q1, 37);
        x0 = q0;
        x1 = q1;
        return result;
    }

    private static long mixLea64(long z) {
        z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
        z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
        return z ^ (z >>> 32);
    }

    private static long mixMurmur64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static long mixStafford13(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
