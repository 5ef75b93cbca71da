package dev.coarse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import org.junit.jupiter.api.Test;

class DimerModelTest {

    @Test
    void constructorRefusesWhatIsNotAnEvenSquareTorusOfSideFourOrMore() {
        assertThatThrownBy(() -> new DimerModel(Lattice.cubic(4), 0, 1)).hasMessageContaining("square lattice");
        assertThatThrownBy(() -> new DimerModel(Lattice.square(5), 0, 1)).hasMessageContaining("even L ≥ 4, got L = 5");
        assertThatThrownBy(() -> new DimerModel(Lattice.square(2), 0, 1)).hasMessageContaining("got L = 2");
        assertThatThrownBy(() -> new DimerModel(Lattice.square(4), Double.NaN, 1)).hasMessageContaining("v must be");
        assertThatThrownBy(() -> new DimerModel(Lattice.square(4), 1, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new DimerModel(Lattice.square(4), 1, Double.POSITIVE_INFINITY))
                .hasMessageContaining("temperature");
    }

    @Test
    void describesItsConfigurations() {
        DimerModel m = new DimerModel(Lattice.square(4), -1, 0.5);
        assertThat(m.name()).isEqualTo("dimer2d");
        assertThat(m.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.bondOccupations());
        assertThat(m.degreesOfFreedom().length(m.lattice())).isEqualTo(32);
        assertThat(m.statesPerSite()).isEqualTo(4);
        assertThat(m.parameters()).containsExactlyEntriesOf(java.util.Map.of("v", -1.0));
        assertThat(m.beta()).isEqualTo(2.0);
    }

    @Test
    void columnarCoveringIsValidWithEveryOtherPlaquetteAligned() {
        for (int l : new int[] {4, 6, 10}) {
            DimerModel m = new DimerModel(Lattice.square(l), -1.5, 1);
            byte[] c = m.columnarCovering();
            m.validate(c);
            // x-dimers at even x: the plaquettes of even x hold two of them, those of odd x none
            assertThat(DimerModel.parallelPlaquettes(m.lattice(), c)).isEqualTo(l * l / 2);
            assertThat(m.energy(c)).isEqualTo(-1.5 * l * l / 2);
        }
    }

    @Test
    void countsAlignedPairsOfEitherOrientationAcrossTheWrap() {
        Lattice lattice = Lattice.square(4);
        byte[] c = new byte[32];
        // dimers on the y-bonds of (x, y) for even y: every plaquette with even y holds two (its left and right
        // edges), including those whose right edge wraps from x = 3 to x = 0
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y += 2) {
                c[2 * lattice.site(x, y) + 1] = 1;
            }
        }
        new DimerModel(lattice, 1, 1).validate(c);
        assertThat(DimerModel.parallelPlaquettes(lattice, c)).isEqualTo(8);
        // staggered: the x-bond of (x, y) when x + y is even; no plaquette holds two parallel dimers
        byte[] staggered = new byte[32];
        for (int s = 0; s < 16; s++) {
            if (lattice.sublattice(s) == 0) {
                staggered[2 * s] = 1;
            }
        }
        new DimerModel(lattice, 1, 1).validate(staggered);
        assertThat(DimerModel.parallelPlaquettes(lattice, staggered)).isZero();
    }

    @Test
    void validateNamesTheFirstBadSite() {
        DimerModel m = new DimerModel(Lattice.square(4), 0, 1);
        byte[] c = m.columnarCovering();
        assertThatThrownBy(() -> m.validate(new byte[16])).hasMessageContaining("has 16 values")
                .hasMessageContaining("32 bonds");
        byte[] bad = c.clone();
        bad[3] = 2;
        assertThatThrownBy(() -> m.validate(bad)).hasMessageContaining("value 2 at index 3");
        byte[] missing = c.clone();
        missing[2 * Lattice.square(4).site(2, 1)] = 0; // uncovers (2, 1) and (3, 1)
        assertThatThrownBy(() -> m.validate(missing)).hasMessage("site 9 at (2, 1) is covered by no dimer, not exactly one");
        byte[] doubled = c.clone();
        doubled[2 * 5 + 1] = 1; // the y-bond of (1, 1) to (1, 2): both already covered
        assertThatThrownBy(() -> m.validate(doubled)).hasMessage("site 5 at (1, 1) is covered by 2 dimers, not exactly one");
    }
}
