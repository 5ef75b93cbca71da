package dev.coarse.rg;

import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * A block rule ({@link MajorityRule}, {@link Decimation}, …) as a function of one block's pattern code: the form
 * in which {@link dev.coarse.info.BlockInformation#keptInformation} measures what a rule keeps. Tabulating the
 * real rule, rather than writing majority or decimation again by hand, guarantees that the information measured
 * is that of the rule the RG steps apply.
 *
 * <p>The pattern code is that of {@code BlockInformation}: digit k (k = 0 least significant) is the k-th site
 * of the block in row-major offset order, 1 for s = +1 and 0 for s = −1. This is also the order in which
 * {@link BlockPartition} lists a block's sites and in which the rules read them, so digit 0 is the corner that
 * decimation keeps and that a fixed-site majority tie-break uses. The table is built by applying the rule to
 * every pattern placed in block 0 of a lattice of side 2b; the rule must therefore be deterministic (majority
 * with {@link TieBreak#FIXED_SITE}, not the random coin), so that the coarse spin H is a function of the block V.
 */
public final class BlockPatternRule {

    /** Largest block (in sites) whose 2<sup>sites</sup> patterns are tabulated. */
    public static final int MAX_BLOCK_SITES = 20;

    private BlockPatternRule() {
    }

    /**
     * The rule as a table over the 2<sup>b<sup>d</sup></sup> patterns of a b-block in d dimensions; the coarse
     * symbol is 1 for a coarse spin +1 and 0 for −1.
     *
     * @param rule      a deterministic rule on ±1 spins with block size {@code blockSize}
     * @param dimension lattice dimension d
     * @param blockSize block side b
     * @throws IllegalArgumentException if the rule's scale factor is not {@code blockSize}, or the block has more
     *                                  than {@value #MAX_BLOCK_SITES} sites
     */
    public static IntUnaryOperator of(CoarseGraining rule, int dimension, int blockSize) {
        if (rule.scaleFactor() != blockSize) {
            throw new IllegalArgumentException("rule " + rule.name() + " has scale factor " + rule.scaleFactor()
                    + ", not the block size " + blockSize);
        }
        Lattice fine = Lattice.of(dimension, 2 * blockSize);
        BlockPartition partition = fine.blocks(blockSize);
        int[] sites = partition.sitesOf(0);
        if (sites.length > MAX_BLOCK_SITES) {
            throw new IllegalArgumentException("a rule on blocks of " + sites.length + " sites is too large to"
                    + " tabulate (at most " + MAX_BLOCK_SITES + " sites)");
        }
        byte[] config = new byte[fine.siteCount()];
        Arrays.fill(config, (byte) 1);
        byte[] coarse = new byte[rule.coarseLattice(fine).siteCount()];
        SplittableRandom rng = new SplittableRandom(0);
        int[] table = new int[1 << sites.length];
        for (int code = 0; code < table.length; code++) {
            for (int k = 0; k < sites.length; k++) {
                config[sites[k]] = (byte) (((code >>> k) & 1) == 1 ? 1 : -1);
            }
            rule.apply(fine, config, coarse, rng);
            table[code] = coarse[0] > 0 ? 1 : 0;
        }
        return code -> table[code];
    }
}
