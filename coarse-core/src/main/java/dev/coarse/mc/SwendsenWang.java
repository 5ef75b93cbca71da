package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import java.util.random.RandomGenerator;

/**
 * The Swendsen–Wang algorithm for the zero-field Ising model (Swendsen &amp; Wang, PRL 58, 86 (1987)):
 * every satisfied bond is activated with probability p = 1 − e<sup>−2K</sup>, the clusters of active
 * bonds are found with union–find (path halving, each root linked under the smaller), and every cluster is
 * flipped with probability ½. One {@link #sweep} is one full decomposition.
 *
 * <p>Bonds are visited site by site along the forward directions (the d·N bonds once each), each decided by 32
 * bits of a word drawn per site and pair of axes; then a cluster flips iff bit (r mod 64) of the word drawn for the
 * block of 64 sites that holds its root r (its smallest site) is set, so the step is a deterministic function of the
 * configuration and the random stream. The bond and flip decisions draw from a xoshiro256** generator in local
 * variables, seeded with four outputs of the stream at the start of each sweep. With the one-pass labelling this
 * made a sweep about 1.4× faster, and the 32-bit bond decisions and 64 flip bits per word another 9 % on JDK 17
 * and 1–4 % on JDK 25 (L = 64, T<sub>c</sub>: BENCHMARKS.md, 2026-11-23). All buffers are preallocated.
 */
public final class SwendsenWang extends NeighbourTableSampler {

    private final int dimension;
    /**
     * ⌈p·2³²⌉: a 32-bit uniform integer k activates a bond iff k &lt; it, i.e. with probability p rounded up to
     * a multiple of 2⁻³² (an error below 2.4·10⁻¹⁰, far under any statistical error a run can reach).
     */
    private final long bondThreshold;
    private final int[] parent;
    /** Per site after the labelling pass: 1 if its cluster flips. */
    private final byte[] flip;

    /** @throws IllegalArgumentException if the field h is not zero */
    public SwendsenWang(IsingModel model) {
        super(requireZeroField(model, "Swendsen-Wang sampler"), SamplerKind.SWENDSEN_WANG);
        this.dimension = model.lattice().dimension();
        this.bondThreshold = (long) Math.ceil(-StrictMath.expm1(-2.0 * model.couplingK()) * 0x1p32);
        int n = model.lattice().siteCount();
        this.parent = new int[n];
        this.flip = new byte[n];
    }

    /** One full bond decomposition and cluster flip. Modified: {@code spins}. */
    @Override
    public void sweep(byte[] spins, RandomGenerator rng) {
        final int n = spins.length;
        final int[] parent = this.parent;
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        // xoshiro256** in locals, seeded from the chain's stream once per sweep, the step written out as in the
        // other kernels (a generator object was not scalar-replaced: sweepsDoNotAllocate failed; Xoshiro256.next on
        // a local array, as in ClusterGrowth, ran SW 5 % slower at L = 64 on JDK 17, 2026-12-06). Each site
        // draws one word per two forward bonds, satisfied or not (so no draw waits on a branch): the high half
        // decides the bond along an even axis, the low half the next axis; a satisfied bond is active iff
        // that half is below ⌈p·2³²⌉
        long s0 = rng.nextLong();
        long s1 = rng.nextLong();
        long s2 = rng.nextLong();
        long s3 = rng.nextLong() | 1L; // never the all-zero state
        final long threshold = bondThreshold;
        final int z = coordination;
        final int[] nb = neighbours;
        long word = 0;
        for (int i = 0; i < n; i++) {
            final byte si = spins[i];
            for (int axis = 0; axis < dimension; axis++) {
                if ((axis & 1) == 0) {
                    word = Long.rotateLeft(s1 * 5, 7) * 9;
                    final long t = s1 << 17;
                    s2 ^= s0;
                    s3 ^= s1;
                    s1 ^= s2;
                    s0 ^= s3;
                    s2 ^= t;
                    s3 = Long.rotateLeft(s3, 45);
                }
                final long u = (axis & 1) == 0 ? word >>> 32 : word & 0xFFFFFFFFL;
                final int j = nb[i * z + 2 * axis];
                if (si == spins[j] && u < threshold) {
                    union(i, j);
                }
            }
        }
        // Every root is its cluster's smallest site and every parent is smaller than its child, so in site order
        // parent[p] is already p's root: one pass labels every site without a find. Every 64 sites draw one word;
        // bit (i mod 64) decides whether the cluster whose root is i flips (without branches: a root's bit, or
        // its root's).
        final byte[] flip = this.flip;
        long coins = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 63) == 0) {
                coins = Long.rotateLeft(s1 * 5, 7) * 9;
                final long t = s1 << 17;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = Long.rotateLeft(s3, 45);
            }
            final int root = parent[parent[i]];
            parent[i] = root;
            final byte f = root == i ? (byte) ((coins >>> (i & 63)) & 1) : flip[root];
            flip[i] = f;
            spins[i] = (byte) (spins[i] * (1 - 2 * f));
        }
    }

    /** Cluster label (root) of every site after the last sweep's bond decomposition. Modified: none. */
    int clusterRoot(int site) {
        return find(site);
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Links the two roots, the larger index under the smaller (so every parent is smaller than its child). */
    private void union(int a, int b) {
        final int ra = find(a);
        final int rb = find(b);
        if (ra < rb) {
            parent[rb] = ra;
        } else {
            parent[ra] = rb;
        }
    }
}
