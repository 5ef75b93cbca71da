package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.coarse.lattice.Lattice;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CoarseGraining} satisfies; subclassed once per rule, in any module (coarse-core's
 * test-jar publishes it): override {@link #rule()}, and the hooks where a rule differs.
 */
public abstract class CoarseGrainingContract {

    /** The rule under test; its scale factor b is an integer. */
    protected abstract CoarseGraining rule();

    /** Lattices (of every dimension the rule supports) on which the rule is valid. */
    protected List<Lattice> validLattices() {
        int b = (int) rule().scaleFactor();
        return List.of(Lattice.chain(4 * b), Lattice.square(3 * b), Lattice.cubic(2 * b));
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

    protected byte[] coarse(Lattice fine, byte[] spins, long seed) {
        byte[] out = new byte[rule().coarseLattice(fine).siteCount()];
        rule().apply(fine, spins, out, new SplittableRandom(seed));
        return out;
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
    void outputIsSpinsAndInputUntouched() {
        RandomGenerator rng = new SplittableRandom(1);
        for (Lattice fine : validLattices()) {
            byte[] s = randomSpins(fine.siteCount(), rng);
            byte[] copy = s.clone();
            byte[] c = coarse(fine, s, 7);
            assertThat(s).isEqualTo(copy);
            for (byte v : c) {
                assertThat(v == 1 || v == -1).as("coarse spin %d", v).isTrue();
            }
        }
    }

    /**
     * Whether the rule is odd under the global flip of ±1 spins for the same seed, R(−s) = −R(s), checked by
     * {@link #globalSpinFlipCommutesWithTheRuleForTheSameSeed()}. A rule that draws a fresh ±1 from the generator (a
     * coin for a tie, a sampled hidden unit) or has a field-like bias does not have this symmetry, and says so here.
     */
    protected boolean oddUnderGlobalSpinFlip() {
        return true;
    }

    /**
     * Global flip symmetry: for the same seed, R(−s) = −R(s). Holds with seeded ties because the tie pattern
     * is flip-invariant (same rng draws) and a tie is resolved to a spin of the block, which flips too.
     */
    @Test
    void globalSpinFlipCommutesWithTheRuleForTheSameSeed() {
        assumeTrue(oddUnderGlobalSpinFlip(), "the rule declares no same-seed flip symmetry");
        RandomGenerator rng = new SplittableRandom(2);
        for (Lattice fine : validLattices()) {
            for (int trial = 0; trial < 20; trial++) {
                byte[] s = randomSpins(fine.siteCount(), rng);
                long seed = rng.nextLong();
                assertThat(coarse(fine, flipped(s), seed)).isEqualTo(flipped(coarse(fine, s, seed)));
            }
        }
    }

    @Test
    void sameSeedSameOutput() {
        RandomGenerator rng = new SplittableRandom(3);
        for (Lattice fine : validLattices()) {
            byte[] s = randomSpins(fine.siteCount(), rng);
            assertThat(coarse(fine, s, 11)).isEqualTo(coarse(fine, s, 11));
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
        RandomGenerator rng = new SplittableRandom(4);
        byte[][] configs = new byte[5][];
        for (int i = 0; i < configs.length; i++) {
            configs[i] = randomSpins(fine.siteCount(), rng);
        }
        List<byte[][]> a = Coarsener.iterate(configs, fine, rule(), 2, 99);
        List<byte[][]> again = Coarsener.iterate(configs, fine, rule(), 2, 99);
        assertThat(a).hasSize(3);
        assertThat(a.get(0)).isSameAs(configs);
        assertThat(a.get(2)[0]).hasSize(4);
        for (int n = 0; n < 3; n++) {
            assertThat(a.get(n)).isDeepEqualTo(again.get(n));
        }
    }
}
