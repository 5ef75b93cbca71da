package dev.coarse.learn.corex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.BlockPartition;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.CoarseGrainingContract;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link CoarseGrainingContract} on CorEx layers fitted on 2×2 blocks — one binary factor (spins out, so the rule
 * can be iterated), two binary factors (two spin components per site) and one three-valued factor (Potts labels) —
 * and what a fitted layer does: it labels its own training data as the fit did, and on blocks that copy a planted
 * spin (each site flipped with probability 0.1) its coarse spin is the planted one up to a global sign.
 */
class CorexCoarseGrainingContractTest {

    private static final Lattice TRAINING = Lattice.square(8);

    /**
     * 8×8 configurations whose 2×2 blocks copy an independent fair block spin, each site flipped with probability
     * 0.1; the planted block spins are written to {@code planted} (samples × blocks) when it is not null.
     */
    static byte[][] blockData(int samples, long seed, byte[][] planted) {
        SplittableRandom rng = new SplittableRandom(seed);
        BlockPartition blocks = TRAINING.blocks(2);
        byte[][] out = new byte[samples][TRAINING.siteCount()];
        for (int n = 0; n < samples; n++) {
            for (int block = 0; block < blocks.blockCount(); block++) {
                byte spin = rng.nextBoolean() ? (byte) 1 : (byte) -1;
                if (planted != null) {
                    planted[n][block] = spin;
                }
                for (int site : blocks.sitesOf(block)) {
                    out[n][site] = rng.nextDouble() < 0.1 ? (byte) -spin : spin;
                }
            }
        }
        return out;
    }

    private static final byte[][] DATA = blockData(200, 1, null);
    private static final CorexCoarseGraining ONE = CorexCoarseGraining.fit(TRAINING, DATA, 2, CorexSettings.of(1), 3);
    private static final CorexCoarseGraining TWO = CorexCoarseGraining.fit(TRAINING, DATA, 2, CorexSettings.of(2), 4);
    private static final CorexCoarseGraining THREE = CorexCoarseGraining.fit(TRAINING, DATA, 2,
            CorexSettings.of(1).withStates(3), 5);

    /** A layer fitted in 2D reads square tori whose side b divides. */
    abstract class OnSquareTori extends CoarseGrainingContract {
        @Override
        protected List<Lattice> validLattices() {
            return List.of(Lattice.square(4), Lattice.square(6), Lattice.square(8));
        }

        /**
         * A fitted layer's labels are not odd under the flip: nothing in the fit ties p(y | −x) to p(y | x), and a
         * block with two spins up is labelled the same way whichever spins they are.
         */
        @Override
        protected boolean oddUnderGlobalSpinFlip() {
            return false;
        }
    }

    @Nested
    class OneBinaryFactor extends OnSquareTori {
        @Override
        protected CoarseGraining rule() {
            return ONE;
        }
    }

    @Nested
    class TwoBinaryFactors extends OnSquareTori {
        @Override
        protected CoarseGraining rule() {
            return TWO;
        }
    }

    @Nested
    class OneThreeValuedFactor extends OnSquareTori {
        @Override
        protected CoarseGraining rule() {
            return THREE;
        }
    }

    @Test
    void writesWhatTheFactorsAre() {
        assertThat(ONE.coarseDegreesOfFreedom(DegreesOfFreedom.isingSpins())).isEqualTo(DegreesOfFreedom.isingSpins());
        assertThat(TWO.coarseDegreesOfFreedom(DegreesOfFreedom.isingSpins()))
                .isEqualTo(DegreesOfFreedom.isingSpins().withComponents(2));
        assertThat(THREE.coarseDegreesOfFreedom(DegreesOfFreedom.isingSpins()))
                .isEqualTo(DegreesOfFreedom.pottsStates(3));
    }

    @Test
    void theModelLabelsItsTrainingDataAsTheFitDid() {
        PlantedFactors planted = PlantedFactors.generate(3, 5, 400, 8);
        CorexLayer layer = new DiscreteCorex(CorexSettings.of(3)).fit(planted.data(), 2).best();
        SymbolMatrix x = planted.data();
        byte[] sample = new byte[x.columns()];
        byte[] labels = new byte[3];
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(x.values(), r * x.columns(), sample, 0, x.columns());
            layer.model().label(sample, labels);
            for (int j = 0; j < 3; j++) {
                assertThat(labels[j]).as("row %d factor %d", r, j).isEqualTo((byte) layer.labels().value(r, j));
            }
        }
    }

    @Test
    void theCoarseSpinIsThePlantedBlockSpinUpToAGlobalSign() {
        byte[][] planted = new byte[100][16];
        byte[][] fresh = blockData(100, 77, planted);
        DiscreteConfigurations coarse = (DiscreteConfigurations) ONE.apply(TRAINING,
                new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), fresh), new SplittableRandom(1));
        int agree = 0;
        for (int n = 0; n < fresh.length; n++) {
            for (int block = 0; block < 16; block++) {
                agree += coarse.values()[n][block] == planted[n][block] ? 1 : 0;
            }
        }
        // a 2×2 majority of copies flipped with p = 0.1 is wrong (3 or 4 flips, or a 2–2 tie broken wrongly) with
        // probability 4·0.1³·0.9 + 0.1⁴ + ½·6·0.1²·0.9² ≈ 0.028; allow 0.06 (1,600 blocks, about 7σ)
        double fraction = Math.max(agree, 1600 - agree) / 1600.0;
        assertThat(fraction).isGreaterThan(0.94);
    }
}
