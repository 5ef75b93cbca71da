package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.info.BlockGeometry;
import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tabulated rule applied to the block pattern that {@code BlockInformation} forms from
 * {@link BlockGeometry#visibleSites} gives exactly the coarse spin the rg rule gives on the whole lattice:
 * the pattern digits and the rg rules number block sites the same way ({@link BlockPartition} order).
 */
class BlockPatternRuleTest {

    @ParameterizedTest
    @CsvSource({"majority, 2, 2, 8", "decimation, 2, 2, 8", "majority, 2, 3, 9", "decimation, 2, 3, 6",
            "majority, 3, 2, 4", "decimation, 3, 2, 4", "majority, 1, 4, 16", "decimation, 1, 3, 12"})
    void patternFunctionAgreesWithTheRuleOnTheLattice(String name, int dimension, int b, int side) {
        Lattice lattice = Lattice.of(dimension, side);
        CoarseGraining rule = CoarseGrainingRules.byName(name, b, TieBreak.FIXED_SITE);
        IntUnaryOperator table = BlockPatternRule.of(rule, dimension, b);
        BlockPartition partition = lattice.blocks(b);
        BlockGeometry geometry = new BlockGeometry(lattice, b, 0, 1);
        SplittableRandom rng = new SplittableRandom(5);
        byte[] coarse = new byte[partition.blockCount()];
        for (int trial = 0; trial < 50; trial++) {
            byte[] config = new byte[lattice.siteCount()];
            for (int s = 0; s < config.length; s++) {
                config[s] = (byte) (rng.nextBoolean() ? 1 : -1);
            }
            rule.apply(lattice, config, coarse, rng);
            for (int block = 0; block < partition.blockCount(); block++) {
                int[] sites = geometry.visibleSites(partition.site(block, 0));
                assertThat(sites).isEqualTo(partition.sitesOf(block));
                int code = 0;
                for (int k = sites.length - 1; k >= 0; k--) {
                    code = 2 * code + (config[sites[k]] > 0 ? 1 : 0);
                }
                assertThat(table.applyAsInt(code)).as("block %d of trial %d", block, trial)
                        .isEqualTo(coarse[block] > 0 ? 1 : 0);
            }
        }
    }

    /**
     * In closed form: decimation keeps digit 0; majority takes the sign of the block sum and, on a tie, digit 0
     * (the fixed-site tie-break). A hand-written pattern function of this form can be replaced by the table.
     */
    @ParameterizedTest
    @CsvSource({"1, 4", "2, 2", "2, 3", "3, 2"})
    void tablesAreMajorityAndDecimationInClosedForm(int dimension, int b) {
        int sites = (int) Math.round(Math.pow(b, dimension));
        IntUnaryOperator majority = BlockPatternRule.of(new MajorityRule(b, TieBreak.FIXED_SITE), dimension, b);
        IntUnaryOperator decimation = BlockPatternRule.of(new Decimation(b), dimension, b);
        for (int code = 0; code < 1 << sites; code++) {
            int up = Integer.bitCount(code);
            int expected = 2 * up > sites ? 1 : 2 * up < sites ? 0 : code & 1;
            assertThat(majority.applyAsInt(code)).as("majority, pattern %s", Integer.toBinaryString(code))
                    .isEqualTo(expected);
            assertThat(decimation.applyAsInt(code)).as("decimation, pattern %s", Integer.toBinaryString(code))
                    .isEqualTo(code & 1);
        }
    }

    @Test
    void refusesAMismatchedBlockSizeAndBlocksTooLargeToTabulate() {
        assertThatThrownBy(() -> BlockPatternRule.of(new Decimation(2), 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block size 3");
        assertThatThrownBy(() -> BlockPatternRule.of(new Decimation(3), 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("27 sites");
    }
}
