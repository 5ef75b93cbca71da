package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Cluster construction of Wolff and Swendsen–Wang in the limits where the clusters are known exactly. */
class ClusterSamplersTest {

    private static final Lattice LATTICE = Lattice.square(6);
    /** T = 0.01: p_add = 1 − e^{−200}, indistinguishable from 1 in double precision. */
    private static final double COLD = 0.01;
    /** T = 10^7: p_add ≈ 2·10^{−7}; the chance of any bond in the tests below is below 10^{−4}. */
    private static final double HOT = 1e7;

    /** A 2×3 block of +1 in a sea of −1. */
    private static byte[] blockInSea() {
        byte[] s = new byte[LATTICE.siteCount()];
        Arrays.fill(s, (byte) -1);
        for (int x = 1; x <= 2; x++) {
            for (int y = 2; y <= 4; y++) {
                s[LATTICE.site(x, y)] = 1;
            }
        }
        return s;
    }

    private static RandomGenerator rng(long seed) {
        return ChainRunner.chainStreams(seed, 1).get(0);
    }

    @Test
    void coldWolffFlipsTheWholeDomainOfTheSeed() {
        Wolff wolff = new Wolff(IsingModel.atTemperature(LATTICE, COLD));
        for (long seed = 0; seed < 20; seed++) {
            byte[] s = blockInSea();
            int size = wolff.clusterFlip(s, rng(seed));
            // Either the block (6 sites) flipped to −1 or the sea (30 sites) flipped to +1: uniform either way.
            assertThat(size).isIn(6, 30);
            assertThat(IsingModel.magnetization(s)).isEqualTo(size == 6 ? -36 : 36);
        }
    }

    @Test
    void hotWolffFlipsOnlyTheSeed() {
        Wolff wolff = new Wolff(IsingModel.atTemperature(LATTICE, HOT));
        byte[] s = blockInSea();
        byte[] before = s.clone();
        assertThat(wolff.clusterFlip(s, rng(1))).isEqualTo(1);
        int changed = 0;
        for (int i = 0; i < s.length; i++) {
            changed += s[i] != before[i] ? 1 : 0;
        }
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void coldSwendsenWangKeepsEverySatisfiedBondAndFlipsDomainsWhole() {
        IsingModel model = IsingModel.atTemperature(LATTICE, COLD);
        SwendsenWang sw = new SwendsenWang(model);
        RandomGenerator r = rng(4);
        for (int trial = 0; trial < 20; trial++) {
            byte[] s = ChainRunner.randomConfiguration(model, r);
            byte[] before = s.clone();
            sw.sweep(s, r);
            // All satisfied bonds are active, so each domain is one cluster and stays satisfied inside;
            // an unsatisfied bond joins two clusters flipped independently.
            for (int i = 0; i < s.length; i++) {
                for (int axis = 0; axis < 2; axis++) {
                    int j = LATTICE.forwardNeighbour(i, axis);
                    if (before[i] == before[j]) {
                        assertThat(s[i]).isEqualTo(s[j]);
                        assertThat(sw.clusterRoot(i)).isEqualTo(sw.clusterRoot(j));
                    } else {
                        assertThat(sw.clusterRoot(i)).isNotEqualTo(sw.clusterRoot(j));
                    }
                }
                assertThat(s[i] == before[i]).isEqualTo(s[sw.clusterRoot(i)] == before[sw.clusterRoot(i)]);
            }
        }
    }

    @Test
    void hotSwendsenWangFlipsSingleSitesWithProbabilityOneHalf() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(64), HOT);
        SwendsenWang sw = new SwendsenWang(model);
        RandomGenerator r = rng(5);
        byte[] s = ChainRunner.randomConfiguration(model, r);
        byte[] before = s.clone();
        sw.sweep(s, r);
        int flipped = 0;
        for (int i = 0; i < s.length; i++) {
            flipped += s[i] != before[i] ? 1 : 0;
            assertThat(sw.clusterRoot(i)).isEqualTo(i);
        }
        // Binomial(4096, ½): sd 32; 4 sd.
        assertThat(flipped).isBetween(2048 - 128, 2048 + 128);
    }

    @Test
    void zeroFieldKernelsCommuteWithTheGlobalFlip() {
        IsingModel model = IsingModel.atTemperature(LATTICE, 2.3);
        for (SamplerKind kind : new SamplerKind[] {SamplerKind.METROPOLIS, SamplerKind.WOLFF, SamplerKind.SWENDSEN_WANG}) {
            Sampler sampler = kind.create(model);
            byte[] s = ChainRunner.randomConfiguration(model, rng(6));
            byte[] flipped = s.clone();
            for (int i = 0; i < flipped.length; i++) {
                flipped[i] = (byte) -flipped[i];
            }
            RandomGenerator a = rng(7);
            RandomGenerator b = rng(7);
            for (int step = 0; step < 10; step++) {
                sampler.sweep(s, a);
                sampler.sweep(flipped, b);
            }
            for (int i = 0; i < s.length; i++) {
                assertThat(flipped[i]).as(kind.id()).isEqualTo((byte) -s[i]);
            }
        }
    }

    @Test
    void coldPottsWolffRecoloursTheWholeDomain() {
        PottsModel model = new PottsModel(LATTICE, 4, COLD);
        PottsWolff wolff = new PottsWolff(model);
        for (long seed = 0; seed < 20; seed++) {
            byte[] s = new byte[LATTICE.siteCount()];
            Arrays.fill(s, (byte) 2);
            s[LATTICE.site(3, 3)] = 1;
            int size = wolff.clusterMove(s, rng(seed));
            assertThat(size).isIn(1, 35);
            int[] counts = new int[4];
            for (byte v : s) {
                counts[v]++;
            }
            int largest = Arrays.stream(counts).max().orElseThrow();
            // The single site joined the sea or the sea took a new colour: never a mixed cluster.
            assertThat(largest).isIn(35, 36);
            model.validate(s);
        }
    }
}
