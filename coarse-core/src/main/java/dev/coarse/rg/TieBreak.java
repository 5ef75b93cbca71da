package dev.coarse.rg;

import java.util.random.RandomGenerator;

/**
 * How a block rule decides a block whose weighted sum is exactly zero (a tie: only possible for even blocks
 * or special filters).
 *
 * <p>Both choices commute with the global spin flip s → −s for the same seed: the tie pattern is
 * flip-invariant, so the random stream is consumed identically, and the tie result is a spin of the block,
 * which flips with it. For a majority tie exactly half the block is +1, so the random choice gives ±1 with
 * probability ½ each (an unbiased seeded coin).
 */
public enum TieBreak {
    /** The spin of a block site chosen uniformly at random with the given rng (one draw per tie). */
    COIN,
    /** The spin of the block's first site (the corner with the smallest coordinates); no randomness. */
    FIXED_SITE;

    /** The tie result for the block whose sites are {@code sites[offset .. offset + blockSites)}. */
    byte resolve(byte[] fine, int[] sites, int offset, int blockSites, RandomGenerator rng) {
        int k = this == COIN ? rng.nextInt(blockSites) : 0;
        return fine[sites[offset + k]];
    }
}
