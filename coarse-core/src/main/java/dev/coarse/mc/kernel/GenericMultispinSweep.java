package dev.coarse.mc.kernel;

import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;

/**
 * The multi-spin sweep on the chain (d = 1) and the cubic lattice (d = 3): words in lattice order, the
 * checkerboard site lists and the neighbour table, disagreements summed by a bit-sliced 3-bit counter (a chain of
 * half adders), thresholds x<sup>d−n</sup> compared bit-serially with one xoshiro256** stream in local variables;
 * ΔE = 0 flips with {@link #CHAIN_ZERO_COST_ACCEPTANCE} on the chain, {@link #ZERO_COST_ACCEPTANCE} in 3D.
 */
final class GenericMultispinSweep extends MultispinSweep {

    private final int dimension;
    private final long[] words;
    private final long[] rngState = new long[4];
    /** thresholds[m] = floor(x^m · 2^64), m = 1 … d. */
    private final long[] thresholds;
    private final int[][] colourSites;
    private final int[] neighbourTable;

    /** Modified: {@code seeder} is advanced by four words. */
    GenericMultispinSweep(Lattice lattice, long[] thresholds, RandomGenerator seeder) {
        super(lattice.siteCount());
        this.dimension = lattice.dimension();
        this.thresholds = thresholds;
        Xoshiro256.seed(rngState, 1, seeder);
        this.words = new long[siteCount];
        for (int i = 0; i < siteCount; i++) {
            words[i] = Xoshiro256.next(rngState, 1, 0);
        }
        this.colourSites = new int[][] {lattice.checkerboardSites(0), lattice.checkerboardSites(1)};
        this.neighbourTable = lattice.neighbourTable();
    }

    @Override
    public void sweep() {
        final long[] w = words;
        final int[] nb = neighbourTable;
        final int z = 2 * dimension;
        final boolean cubic = dimension == 3;
        final long p1 = thresholds[1];
        final long p2 = thresholds[2];
        final long p3 = thresholds[3];
        final long p0 = FixedPoint.fraction(cubic ? ZERO_COST_ACCEPTANCE : CHAIN_ZERO_COST_ACCEPTANCE);
        long s0 = rngState[0];
        long s1 = rngState[1];
        long s2 = rngState[2];
        long s3 = rngState[3];
        for (int colour = 0; colour < 2; colour++) {
            for (final int site : colourSites[colour]) {
                final long s = w[site];
                long c0 = 0;
                long c1 = 0;
                long c2 = 0;
                final int base = site * z;
                for (int j = 0; j < z; j++) {
                    final long dis = s ^ w[nb[base + j]];
                    final long carry0 = c0 & dis;
                    c0 ^= dis;
                    final long carry1 = c1 & carry0;
                    c1 ^= carry0;
                    c2 |= carry1;
                }
                long accept;
                final long sel0; // ΔE = 0: p = 7/8 (cubic) or 1/2 (chain)
                final long sel1; // p = x
                final long sel2; // p = x²
                final long sel3; // p = x³
                if (cubic) {
                    accept = c2; // n >= 4: ΔE < 0
                    sel0 = c1 & c0 & ~c2; // n = 3: ΔE = 0, see MultispinMetropolis
                    sel1 = ~c0 & c1 & ~c2; // n = 2
                    sel2 = c0 & ~c1 & ~c2; // n = 1
                    sel3 = ~(c0 | c1 | c2); // n = 0
                } else {
                    accept = c1; // n = 2: ΔE = −4
                    sel0 = c0; // n = 1: ΔE = 0, see MultispinMetropolis
                    sel1 = ~(c0 | c1); // n = 0
                    sel2 = 0;
                    sel3 = 0;
                }
                long undecided = sel0 | sel1 | sel2 | sel3;
                long q0 = p0;
                long q1 = p1;
                long q2 = p2;
                long q3 = p3;
                for (int k = 0; k < 64; k++) {
                    final long r = Long.rotateLeft(s1 * 5, 7) * 9; // xoshiro256**
                    final long t = s1 << 17;
                    s2 ^= s0;
                    s3 ^= s1;
                    s1 ^= s2;
                    s0 ^= s3;
                    s2 ^= t;
                    s3 = Long.rotateLeft(s3, 45);
                    final long threshold = (sel0 & (q0 >> 63)) | (sel1 & (q1 >> 63)) | (sel2 & (q2 >> 63))
                            | (sel3 & (q3 >> 63));
                    q0 <<= 1;
                    q1 <<= 1;
                    q2 <<= 1;
                    q3 <<= 1;
                    accept |= undecided & threshold & ~r;
                    undecided &= ~(threshold ^ r);
                    if (undecided == 0) {
                        break;
                    }
                }
                w[site] = s ^ accept;
            }
        }
        rngState[0] = s0;
        rngState[1] = s1;
        rngState[2] = s2;
        rngState[3] = s3;
    }

    @Override
    public long[] latticeWords() {
        return words;
    }

    @Override
    public void setLatticeWords(long[] source) {
        if (source != words) {
            System.arraycopy(source, 0, words, 0, siteCount);
        }
    }

    @Override
    public void copyReplica(int r, byte[] out) {
        for (int i = 0; i < siteCount; i++) {
            out[i] = (byte) ((((words[i] >>> r) & 1) << 1) - 1);
        }
    }

    @Override
    public long storageBytes() {
        return (long) Long.BYTES * words.length;
    }

    @Override
    public boolean onVectors() {
        return false;
    }

    @Override
    public long[] generatorState() {
        return rngState.clone();
    }

    @Override
    public void setGeneratorState(long[] state) {
        if (state.length != rngState.length) {
            throw new IllegalArgumentException("a generator state of " + state.length + " words, this kernel has "
                    + rngState.length);
        }
        System.arraycopy(state, 0, rngState, 0, state.length);
    }
}
