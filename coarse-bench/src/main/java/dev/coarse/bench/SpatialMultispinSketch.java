package dev.coarse.bench;

import dev.coarse.exact.Kaufman;
import java.util.Locale;
import java.util.SplittableRandom;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A speed sketch for issue 3, not a sampler: checkerboard Metropolis on <em>one</em> L = 128 square lattice with
 * the sites spatially multi-spin coded, to measure what such a kernel could reach on JDK 17 before anyone builds
 * it. Row y of colour c is one {@code long}, bit k the site x = 2k + ((c + y) mod 2); its vertical neighbours are
 * the same bit of the other colour's rows y ± 1, its horizontal ones bit k and bit k ∓ 1 (a rotation by one) of
 * the other colour's row y. Rows y … y + 3 of one colour never interact, so one 256-bit vector updates four rows,
 * each lane with its own xoshiro256** stream; acceptance is the replica kernel's bit-serial comparison
 * ({@code SquareMultispinScalar}), up to 64 bits, with an exit test after every three words, and ΔE = 0 accepted
 * with ½ (a bit of the first word that no other decision reads).
 *
 * <p>What it lacks to be a sampler: other sizes (only L = 128, where a half-row is exactly 64 bits), a plain-Java
 * twin, exact transition-kernel and contract tests, packing from and to the {@code byte[]} configurations of
 * {@code Sampler}. It prints its speed and its mean energy per site against Kaufman's (error from batch means).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp coarse-bench.jar
 * dev.coarse.bench.SpatialMultispinSketch [seconds [seed]]}.
 */
public final class SpatialMultispinSketch {

    private static final int L = 128;
    private static final double T_C = 2.269185314213022;
    private static final VectorSpecies<Long> S = LongVector.SPECIES_256;
    /** Energy measurements per batch for the batch-means error (each 10 sweeps apart). */
    private static final int BATCH = 500;

    private SpatialMultispinSketch() {
    }

    public static void main(String[] args) {
        final double seconds;
        final long runSeed;
        try {
            seconds = args.length == 0 ? 6 : args.length <= 2 ? Double.parseDouble(args[0]) : Double.NaN;
            runSeed = args.length == 2 ? Long.parseLong(args[1]) : 20261124L;
        } catch (NumberFormatException e) {
            usage();
            return;
        }
        if (!(seconds >= 1 && seconds <= 3600)) {
            usage();
            return;
        }
        final double k = 1 / T_C;
        final long[] x1 = fractionBits(Math.exp(-4 * k));
        final long[] x2 = fractionBits(Math.exp(-8 * k));
        // threshold bit of word q: x1's for one disagreeing neighbour, x2's (= x1 ^ (x1 ^ x2)) for none
        final long[] b0 = new long[66];
        final long[] b1 = new long[66];
        for (int q = 0; q < 64; q++) {
            b0[q] = x1[q];
            b1[q] = x1[q] ^ x2[q];
        }
        // rows with a ghost each side: index y + 1 holds row y
        final long[][] rows = new long[2][L + 2];
        final SplittableRandom seed = new SplittableRandom(runSeed);
        final long[] state = new long[16];
        for (int i = 0; i < 16; i++) {
            state[i] = seed.nextLong() | (i >= 12 ? 1L : 0L);
        }
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < L; y++) {
                rows[c][y + 1] = seed.nextLong();
            }
            ghosts(rows[c]);
        }
        final long start = System.nanoTime();
        while (System.nanoTime() - start < seconds / 3 * 1e9) {
            sweep(rows, b0, b1, state);
        }
        long sweeps = 0;
        double batchSum = 0;
        int inBatch = 0;
        double sum = 0;
        double sumSquares = 0;
        int batches = 0;
        final long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 2 / 3 * 1e9) {
            for (int i = 0; i < 10; i++) {
                sweep(rows, b0, b1, state);
            }
            sweeps += 10;
            batchSum += energyPerSite(rows);
            if (++inBatch == BATCH) {
                final double mean = batchSum / BATCH;
                sum += mean;
                sumSquares += mean * mean;
                batches++;
                batchSum = 0;
                inBatch = 0;
            }
        }
        final double elapsed = (System.nanoTime() - t0) * 1e-9;
        final double mean = sum / batches;
        final double error = Math.sqrt((sumSquares / batches - mean * mean) / (batches - 1));
        System.out.printf(Locale.ROOT, "RESULT peer=coarse_spatial_sketch_1t L=%d T=%.6f flips_per_ns=%.4f e=%.6f "
                + "e_err=%.6f (batch means, %d batches) kaufman=%.6f%n", L, T_C, sweeps * (double) L * L / elapsed / 1e9,
                mean, error, batches, Kaufman.energyPerSite(L, T_C));
    }

    private static void usage() {
        System.err.println("usage: SpatialMultispinSketch [seconds, 1..3600; default 6] [seed; default 20261124]");
        System.exit(2);
    }

    /** Bit q of the result (all ones or zero) is bit q + 1 after the binary point of p, most significant first. */
    private static long[] fractionBits(double p) {
        final long[] bits = new long[64];
        double rest = p;
        for (int q = 0; q < 64; q++) {
            rest *= 2;
            if (rest >= 1) {
                bits[q] = -1L;
                rest -= 1;
            }
        }
        return bits;
    }

    private static void ghosts(long[] rows) {
        rows[0] = rows[L];
        rows[L + 1] = rows[1];
    }

    /** −(bonds agreeing − bonds disagreeing)/N, each bond counted once from its colour-0 end. */
    private static double energyPerSite(long[][] rows) {
        long disagreeing = 0;
        for (int y = 0; y < L; y++) {
            final long s = rows[0][y + 1];
            final long o = rows[1][y + 1];
            final long side = (y & 1) == 0 ? Long.rotateLeft(o, 1) : Long.rotateRight(o, 1);
            disagreeing += Long.bitCount(s ^ o) + Long.bitCount(s ^ side) + Long.bitCount(s ^ rows[1][y])
                    + Long.bitCount(s ^ rows[1][y + 2]);
        }
        return -(2.0 * L * L - 2.0 * disagreeing) / ((double) L * L);
    }

    private static void sweep(long[][] rows, long[] b0, long[] b1, long[] state) {
        for (int c = 0; c < 2; c++) {
            final long[] me = rows[c];
            final long[] other = rows[1 - c];
            // lane l is row y + l, of parity (c + l) mod 2: even rows take rotl(o, 1), odd ones rotr(o, 1). The
            // masks are built here on purpose: loading them from a static final array instead ran 6.2 flips/ns on
            // JDK 17 against 8.8 (2026-11-24, three seeds each)
            final long[] masks = new long[4];
            for (int l = 0; l < 4; l++) {
                masks[l] = ((c + l) & 1) == 0 ? -1L : 0L;
            }
            final LongVector even = LongVector.fromArray(S, masks, 0);
            final LongVector odd = even.not();
            LongVector s0 = LongVector.fromArray(S, state, 0);
            LongVector s1 = LongVector.fromArray(S, state, 4);
            LongVector s2 = LongVector.fromArray(S, state, 8);
            LongVector s3 = LongVector.fromArray(S, state, 12);
            for (int y = 0; y < L; y += 4) {
                final LongVector s = LongVector.fromArray(S, me, y + 1);
                final LongVector o = LongVector.fromArray(S, other, y + 1);
                final LongVector left = o.lanewise(VectorOperators.LSHL, 1).or(o.lanewise(VectorOperators.LSHR, 63));
                final LongVector right = o.lanewise(VectorOperators.LSHR, 1).or(o.lanewise(VectorOperators.LSHL, 63));
                final LongVector d0 = s.lanewise(VectorOperators.XOR, o);
                final LongVector d1 = s.lanewise(VectorOperators.XOR, left.and(even).or(right.and(odd)));
                final LongVector d2 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(S, other, y));
                final LongVector d3 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(S, other, y + 2));
                final LongVector a0 = d0.lanewise(VectorOperators.XOR, d1);
                final LongVector a1 = d0.and(d1);
                final LongVector c0 = d2.lanewise(VectorOperators.XOR, d3);
                final LongVector c1 = d2.and(d3);
                final LongVector bit0 = a0.lanewise(VectorOperators.XOR, c0);
                final LongVector bit1 = a1.lanewise(VectorOperators.XOR, c1).lanewise(VectorOperators.XOR, a0.and(c0));
                final LongVector four = a1.and(c1);
                final LongVector three = bit1.and(bit0);
                final LongVector accepted = three.or(four);
                final LongVector eq0 = bit0.or(bit1).or(four).not();
                final LongVector eq2 = bit1.lanewise(VectorOperators.XOR, three);
                LongVector accept = accepted;
                LongVector undecided = bit0.or(eq0).and(accepted.not());
                LongVector first = accepted;
                // three words per test, written out (a loop or helper makes JDK 17's C2 box the vectors)
                for (int q = 0; q < 64; q += 3) {
                    {
                        final LongVector times5 = s1.mul(5L);
                        final LongVector rotated = times5.lanewise(VectorOperators.LSHL, 7)
                                .or(times5.lanewise(VectorOperators.LSHR, 57));
                        final LongVector r = rotated.mul(9L);
                        final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                        s2 = s2.lanewise(VectorOperators.XOR, s0);
                        s3 = s3.lanewise(VectorOperators.XOR, s1);
                        s1 = s1.lanewise(VectorOperators.XOR, s2);
                        s0 = s0.lanewise(VectorOperators.XOR, s3);
                        s2 = s2.lanewise(VectorOperators.XOR, t);
                        s3 = s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                        final LongVector th = eq0.and(b1[q]).lanewise(VectorOperators.XOR, b0[q]);
                        accept = accept.or(undecided.and(th).and(r));
                        undecided = undecided.and(th.lanewise(VectorOperators.XOR, r));
                        if (q == 0) {
                            first = r;
                        }
                    }
                    {
                        final LongVector times5 = s1.mul(5L);
                        final LongVector rotated = times5.lanewise(VectorOperators.LSHL, 7)
                                .or(times5.lanewise(VectorOperators.LSHR, 57));
                        final LongVector r = rotated.mul(9L);
                        final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                        s2 = s2.lanewise(VectorOperators.XOR, s0);
                        s3 = s3.lanewise(VectorOperators.XOR, s1);
                        s1 = s1.lanewise(VectorOperators.XOR, s2);
                        s0 = s0.lanewise(VectorOperators.XOR, s3);
                        s2 = s2.lanewise(VectorOperators.XOR, t);
                        s3 = s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                        final LongVector th = eq0.and(b1[q + 1]).lanewise(VectorOperators.XOR, b0[q + 1]);
                        accept = accept.or(undecided.and(th).and(r));
                        undecided = undecided.and(th.lanewise(VectorOperators.XOR, r));
                    }
                    {
                        final LongVector times5 = s1.mul(5L);
                        final LongVector rotated = times5.lanewise(VectorOperators.LSHL, 7)
                                .or(times5.lanewise(VectorOperators.LSHR, 57));
                        final LongVector r = rotated.mul(9L);
                        final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                        s2 = s2.lanewise(VectorOperators.XOR, s0);
                        s3 = s3.lanewise(VectorOperators.XOR, s1);
                        s1 = s1.lanewise(VectorOperators.XOR, s2);
                        s0 = s0.lanewise(VectorOperators.XOR, s3);
                        s2 = s2.lanewise(VectorOperators.XOR, t);
                        s3 = s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                        final LongVector th = eq0.and(b1[q + 2]).lanewise(VectorOperators.XOR, b0[q + 2]);
                        accept = accept.or(undecided.and(th).and(r));
                        undecided = undecided.and(th.lanewise(VectorOperators.XOR, r));
                    }
                    if (undecided.eq(0L).allTrue()) {
                        break;
                    }
                }
                s.lanewise(VectorOperators.XOR, accept.or(eq2.and(first))).intoArray(me, y + 1);
            }
            ghosts(me);
            s0.intoArray(state, 0);
            s1.intoArray(state, 4);
            s2.intoArray(state, 8);
            s3.intoArray(state, 12);
        }
    }
}
