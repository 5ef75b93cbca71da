package dev.coarse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.info.BlockGeometry;
import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tabulated rule applied to the block pattern that {@code BlockInformation} forms from
 * {@link BlockGeometry#visibleSites} gives exactly the coarse spin the rg rule gives on the whole lattice:
 * the pattern digits and the rg rules number block sites the same way ({@link BlockPartition} order).
 */
class BlockPatternRuleTest {

    @ParameterizedTest
    @CsvSource({"MAJORITY, 2, 2, 8", "DECIMATION, 2, 2, 8", "MAJORITY, 2, 3, 9", "DECIMATION, 2, 3, 6",
            "MAJORITY, 3, 2, 4", "DECIMATION, 3, 2, 4", "MAJORITY, 1, 4, 16", "DECIMATION, 1, 3, 12"})
    void patternFunctionAgreesWithTheRuleOnTheLattice(InfoBlockCommand.Rule name, int dimension, int b, int side) {
        Lattice lattice = Lattice.of(dimension, side);
        CoarseGraining rule = InfoBlockCommand.coarseGraining(name, b);
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
}
