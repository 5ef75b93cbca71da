package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CoarseGraining} satisfies, classical or learned; subclassed once per rule. The hooks say
 * what the rule reads and which symmetries it has; the tests hold for every rule that declares them.
 */
public abstract class CoarseGrainingContract {

    /** The rule under test; its scale factor b is an integer. */
    protected abstract CoarseGraining rule();

    /** Lattices (of every dimension the rule supports) on which the rule is valid. */
    protected List<Lattice> validLattices() {
        int b = (int) rule().scaleFactor();
        return List.of(Lattice.chain(4 * b), Lattice.square(3 * b), Lattice.cubic(2 * b));
    }

    /** Every kind of degrees of freedom the rule reads: ±1 spins unless the rule says more. */
    protected List<DegreesOfFreedom> readableDegreesOfFreedom() {
        return List.of(DegreesOfFreedom.isingSpins());
    }

    /** Degrees of freedom the rule must refuse with an IllegalArgumentException: bond occupations by default. */
    protected DegreesOfFreedom unreadableDegreesOfFreedom() {
        return DegreesOfFreedom.bondOccupations();
    }

    /**
     * Whether the rule is odd under the global flip of ±1 spins for the same seed, R(−s) = −R(s): true for the
     * block rules (the tie pattern is flip-invariant, so the same draws decide the same ties, and a tie is resolved
     * to a spin of the block, which flips too) and the block average.
     */
    protected boolean oddUnderGlobalSpinFlip() {
        return true;
    }

    protected static byte[] randomSpins(int n, RandomGenerator rng) {
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        return s;
    }

    protected static byte[] flipped(byte[] s) {
        byte[] f = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = (byte) -s[i];
        }
        return f;
    }

    /** n random configurations of {@code dof} on {@code lattice}: uniform discrete values, Gaussian continuous ones. */
    protected static Configurations random(DegreesOfFreedom dof, Lattice lattice, int n, RandomGenerator rng) {
        int length = dof.length(lattice);
        if (dof.isDiscrete()) {
            byte[][] values = new byte[n][length];
            for (byte[] c : values) {
                for (int i = 0; i < length; i++) {
                    c[i] = dof.values() == DegreesOfFreedom.Values.SPIN ? (byte) (rng.nextBoolean() ? 1 : -1)
                            : (byte) rng.nextInt(dof.states());
                }
            }
            return new DiscreteConfigurations(dof, values);
        }
        double[][] values = new double[n][length];
        for (double[] c : values) {
            for (int i = 0; i < length; i++) {
                c[i] = rng.nextGaussian();
            }
        }
        return new ContinuousConfigurations(dof, values);
    }

    protected static SplittableGenerator streams(long seed) {
        return new SplittableRandom(seed);
    }

    /** The coarse-graining of one ±1 configuration through the batch method, its stream split from {@code seed}. */
    protected Configurations coarse(Lattice fine, byte[] spins, long seed) {
        return rule().apply(fine, new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), new byte[][] {spins}),
                streams(seed));
    }

    /** As {@link #coarse} for a rule that writes discrete values: the one coarse configuration. */
    protected byte[] coarseSpins(Lattice fine, byte[] spins, long seed) {
        return ((DiscreteConfigurations) coarse(fine, spins, seed)).values()[0];
    }

    protected static double[] values(Configurations c, int sample) {
        double[] out = new double[c.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.value(sample, i);
        }
        return out;
    }

    protected static Configurations copy(Configurations c) {
        if (c instanceof DiscreteConfigurations d) {
            byte[][] v = new byte[d.size()][];
            for (int i = 0; i < v.length; i++) {
                v[i] = d.values()[i].clone();
            }
            return new DiscreteConfigurations(d.degreesOfFreedom(), v);
        }
        ContinuousConfigurations f = (ContinuousConfigurations) c;
        double[][] v = new double[f.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.values()[i].clone();
        }
        return new ContinuousConfigurations(f.degreesOfFreedom(), v);
    }

    @Test
    void coarseLatticeHasSideLOverB() {
        int b = (int) rule().scaleFactor();
        for (Lattice fine : validLattices()) {
            Lattice c = rule().coarseLattice(fine);
            assertThat(c.dimension()).isEqualTo(fine.dimension());
            assertThat(c.linearSize()).isEqualTo(fine.linearSize() / b);
        }
    }

    @Test
    void writesWhatItDeclaresOneOutputPerInputAndLeavesTheInputAlone() {
        RandomGenerator rng = new SplittableRandom(1);
        for (DegreesOfFreedom dof : readableDegreesOfFreedom()) {
            DegreesOfFreedom declared = rule().coarseDegreesOfFreedom(dof);
            for (Lattice fine : validLattices()) {
                Configurations in = random(dof, fine, 5, rng);
                Configurations before = copy(in);
                Configurations out = rule().apply(fine, in, streams(7));
                assertThat(out.degreesOfFreedom()).as("%s from %s", rule(), dof).isEqualTo(declared);
                assertThat(out.size()).isEqualTo(in.size());
                assertThat(out.length()).isEqualTo(declared.length(rule().coarseLattice(fine)));
                out.validateValues();
                for (int i = 0; i < in.size(); i++) {
                    assertThat(values(in, i)).isEqualTo(values(before, i));
                }
            }
        }
    }

    @Test
    void theDiscreteKernelIsTheBatchMethodOneConfigurationAtATime() {
        RandomGenerator rng = new SplittableRandom(5);
        for (DegreesOfFreedom dof : readableDegreesOfFreedom()) {
            if (!dof.isDiscrete() || !rule().coarseDegreesOfFreedom(dof).isDiscrete()) {
                continue;
            }
            for (Lattice fine : validLattices()) {
                DiscreteConfigurations in = (DiscreteConfigurations) random(dof, fine, 4, rng);
                DiscreteConfigurations batch = (DiscreteConfigurations) rule().apply(fine, in, streams(13));
                SplittableGenerator streams = streams(13);
                for (int i = 0; i < in.size(); i++) {
                    byte[] one = new byte[batch.length()];
                    rule().apply(fine, in.values()[i], one, streams.split());
                    assertThat(one).isEqualTo(batch.values()[i]);
                }
            }
        }
    }

    @Test
    void refusesDegreesOfFreedomItCannotRead() {
        DegreesOfFreedom bad = unreadableDegreesOfFreedom();
        Lattice fine = validLattices().get(1);
        assertThatThrownBy(() -> rule().coarseDegreesOfFreedom(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad.toString());
        Configurations in = random(bad, fine, 2, new SplittableRandom(6));
        assertThatThrownBy(() -> rule().apply(fine, in, streams(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void globalSpinFlipCommutesWithTheRuleForTheSameSeed() {
        assumeTrue(oddUnderGlobalSpinFlip(), "the rule declares no same-seed flip symmetry");
        RandomGenerator rng = new SplittableRandom(2);
        for (Lattice fine : validLattices()) {
            for (int trial = 0; trial < 20; trial++) {
                byte[] s = randomSpins(fine.siteCount(), rng);
                long seed = rng.nextLong();
                double[] up = values(coarse(fine, s, seed), 0);
                double[] down = values(coarse(fine, flipped(s), seed), 0);
                for (int i = 0; i < up.length; i++) {
                    assertThat(down[i]).isEqualTo(-up[i]);
                }
            }
        }
    }

    @Test
    void sameSeedSameOutput() {
        RandomGenerator rng = new SplittableRandom(3);
        for (DegreesOfFreedom dof : readableDegreesOfFreedom()) {
            for (Lattice fine : validLattices()) {
                Configurations in = random(dof, fine, 3, rng);
                Configurations a = rule().apply(fine, in, streams(11));
                Configurations b = rule().apply(fine, in, streams(11));
                for (int i = 0; i < in.size(); i++) {
                    assertThat(values(a, i)).isEqualTo(values(b, i));
                }
            }
        }
    }

    @Test
    void bMustDivideL() {
        int b = (int) rule().scaleFactor();
        Lattice bad = Lattice.square(3 * b + 1);
        assertThatThrownBy(() -> rule().coarseLattice(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not divide");
    }

    @Test
    void tooManyLevelsAreRejectedWithTheLimitNamed() {
        int b = (int) rule().scaleFactor();
        Lattice fine = Lattice.square(b * b * 2);
        assertThat(Coarsener.maxLevels(fine, rule())).isEqualTo(2);
        assertThat(Coarsener.lattices(fine, rule(), 2)).hasSize(3);
        assertThatThrownBy(() -> Coarsener.lattices(fine, rule(), 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2");
    }

    @Test
    void iterateKeepsSampleOrderAndIsDeterministic() {
        int b = (int) rule().scaleFactor();
        Lattice fine = Lattice.square(b * b * 2);
        DegreesOfFreedom dof = readableDegreesOfFreedom().get(0);
        if (!rule().coarseDegreesOfFreedom(dof).equals(dof)) {
            return; // a rule that changes the kind of values cannot be iterated on its own output
        }
        Configurations configs = random(dof, fine, 5, new SplittableRandom(4));
        List<Configurations> a = Coarsener.iterate(configs, fine, rule(), 2, 99);
        List<Configurations> again = Coarsener.iterate(configs, fine, rule(), 2, 99);
        assertThat(a).hasSize(3);
        assertThat(a.get(0)).isSameAs(configs);
        assertThat(a.get(2).length()).isEqualTo(dof.length(Lattice.square(2)));
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < configs.size(); i++) {
                assertThat(values(a.get(n), i)).isEqualTo(values(again.get(n), i));
            }
        }
    }
}
