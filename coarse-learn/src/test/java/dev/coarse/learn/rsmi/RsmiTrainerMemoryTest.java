package dev.coarse.learn.rsmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import org.junit.jupiter.api.Test;

class RsmiTrainerMemoryTest {

    @Test
    void estimateCountsEveryPairsVisibleAndEnvironmentFloats() {
        // L = 16, 2×2 block, buffer 2, shell 4: V = 4 sites; the shell is the 14×14 square around the block minus the
        // 6×6 square of block and buffer, 196 − 36 = 160 sites; 8 pairs of the 64 blocks per configuration
        RsmiTrainer trainer = new RsmiTrainer(RsmiTrainingSettings.defaults(2, 2, 4, 1, 1).withPairs(8, 0.2));
        long bytes = trainer.estimatedBytes(Lattice.square(16), DegreesOfFreedom.isingSpins(), 800);
        assertThat(bytes).isEqualTo(800L * 8 * (4 + 160) * Float.BYTES);
    }

    @Test
    void pairsPerConfigurationAreCappedByTheBlocksOnTheLattice() {
        // L = 8 holds 16 blocks of 2×2: asking for 100 pairs draws 16
        RsmiTrainer trainer = new RsmiTrainer(RsmiTrainingSettings.defaults(2, 1, 1, 1, 1).withPairs(100, 0.2));
        long bytes = trainer.estimatedBytes(Lattice.square(8), DegreesOfFreedom.isingSpins(), 10);
        // shell: 6×6 around block+buffer (4×4) → 36 − 16 = 20 sites
        assertThat(bytes).isEqualTo(10L * 16 * (4 + 20) * Float.BYTES);
    }
}
