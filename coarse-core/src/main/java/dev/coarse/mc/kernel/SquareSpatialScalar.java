package dev.coarse.mc.kernel;

/**
 * The spatially multi-spin-coded checkerboard sweep ({@link SquareSpatialLayout}) in plain Java: the exact twin
 * of {@link SquareSpatialVector}, lane by lane, drawing the same random words in the same order, so it gives
 * bit-identical configurations. It runs when the JVM was started without {@code --add-modules
 * jdk.incubator.vector} (or on hardware without 256-bit vectors), and it is the oracle the vector kernel is
 * tested against.
 *
 * <p><b>Update.</b> Colour 0, then colour 1 (sites of one colour never interact, so each colour is one parallel
 * update); a colour's units in increasing order. For each of a unit's 64 × 4 sites, d = the number of its four
 * neighbours that disagree with it, counted by bit-sliced adders; ΔE = 8 − 4d and the acceptance a(d) =
 * e<sup>−8β</sup>, e<sup>−4β</sup>, 7/8, 1, 1 for d = 0…4 (SCIENCE.md §2; ΔE = 0 accepted with
 * 7/8, the value of {@code CheckerboardMetropolis.ZERO_COST_ACCEPTANCE}).
 *
 * <p><b>Random numbers.</b> Lane l draws from its own xoshiro256** stream (state {@code state[4k + l]}), one word
 * per lane per turn, in groups of {@link SquareMultispinLayout#WORDS_PER_TEST} turns, until after a group every
 * lane's sites are decided (at least one group, at most {@link SquareMultispinLayout#TABLE_BITS} turns). Bit q of
 * a site's uniform fraction u is the complement of its bit in the q-th word; a site with d = 0 or 1 flips iff u
 * &lt; p, p = e<sup>−8β</sup> or e<sup>−4β</sup> as a 64-bit fixed-point fraction (the bit-serial comparison of
 * {@link SquareMultispinScalar}: P(flip) = ⌊p·2⁶⁴⌋/2⁶⁴); a site with d = 2 flips where the OR of the last group's
 * three words has a 1 (probability 1 − 2⁻³ = 7/8, bits no other decision reads); d ≥ 3 always flips.
 */
final class SquareSpatialScalar {

    private SquareSpatialScalar() {
    }

    /**
     * One sweep. Modified: {@code packed}, {@code state}.
     *
     * @param bits {@link SquareMultispinLayout#thresholdTables} of e<sup>−4β</sup> and e<sup>−8β</sup>
     */
    static void sweep(SquareSpatialLayout layout, long[] packed, long[] state, long[] bits) {
        final int lanes = SquareSpatialLayout.LANES;
        final long[] masks = layout.valid;
        final long[] accept = new long[lanes];
        final long[] undecided = new long[lanes];
        final long[] eq0 = new long[lanes];
        final long[] eq2 = new long[lanes];
        final long[] lastWords = new long[lanes];
        for (int colour = 0; colour < 2; colour++) {
            final int mine = layout.colourStart(colour);
            final int theirs = layout.colourStart(1 - colour);
            for (int u = 0; u < layout.units; u++) {
                final int row = mine + layout.unitIndex[u];
                final int other = theirs + layout.unitIndex[u];
                final int left = theirs + layout.leftIndex[u];
                final int right = theirs + layout.rightIndex[u];
                for (int l = 0; l < lanes; l++) {
                    final long valid = masks[u * lanes + l];
                    final long side = SquareSpatialLayout.side(packed[other + l], packed[left + l], packed[right + l],
                            layout.leftShift[u], layout.rightShift[u], ((colour + l) & 1) == 0, valid);
                    SquareMultispinScalar.classify(packed[row + l], packed[other + l], side, packed[other + l - 1],
                            packed[other + l + 1], valid, l, eq0, eq2, accept, undecided);
                }
                SquareMultispinScalar.decide(state, bits, eq0, accept, undecided, lastWords);
                for (int l = 0; l < lanes; l++) {
                    packed[row + l] ^= accept[l] | (eq2[l] & lastWords[l]);
                }
            }
            layout.refreshGhosts(packed, colour);
        }
    }
}
