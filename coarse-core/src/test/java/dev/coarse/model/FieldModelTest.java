package dev.coarse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The φ⁴ actions: their validation, their value on hand-computable fields, gradients and local differences. */
class FieldModelTest {

    /** Central differences of a smooth action with h = 1e-5: truncation ~h² S''' ≈ 1e-9, rounding ~1e-16·S/h. */
    private static final double FINITE_DIFFERENCE = 1e-6;

    static Stream<FieldModel> models() {
        return Stream.of(new Phi4Model(Lattice.square(4), 0.18, 1.1), new Phi4Model(Lattice.cubic(3), 0.1, 0.5),
                new Phi4Model(Lattice.chain(2), 0.3, 0.0), new Phi4Model(Lattice.square(2), 0.2, 0.7),
                new ComplexPhi4Model(Lattice.square(4), 1.0, -1.5, 0.8), new ComplexPhi4Model(Lattice.cubic(2), 0.5, 4.0,
                        0.0), new ComplexPhi4Model(Lattice.chain(5), 0.7, 2.0, 2.0));
    }

    private static double[] randomField(FieldModel model, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] field = new double[model.fieldLength()];
        for (int k = 0; k < field.length; k++) {
            field[k] = 1.5 * rng.nextDouble(-1, 1);
        }
        return field;
    }

    @ParameterizedTest
    @MethodSource("models")
    void gradientMatchesCentralFiniteDifferencesOfTheAction(FieldModel model) {
        double[] field = randomField(model, 11);
        double[] gradient = new double[field.length];
        model.gradient(field, gradient);
        double h = 1e-5;
        for (int k = 0; k < field.length; k++) {
            double keep = field[k];
            field[k] = keep + h;
            double up = model.action(field);
            field[k] = keep - h;
            double down = model.action(field);
            field[k] = keep;
            assertThat(gradient[k]).as("component %d of %s", k, model).isCloseTo((up - down) / (2 * h),
                    within(FINITE_DIFFERENCE));
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void siteActionDifferencesAreActionDifferences(FieldModel model) {
        double[] field = randomField(model, 12);
        int parts = model.componentsPerSite();
        for (int x = 0; x < model.lattice().siteCount(); x++) {
            double re = field[parts * x];
            double im = parts == 2 ? field[parts * x + 1] : 0.0;
            double before = model.action(field);
            double local = model.siteAction(field, x, re, im);
            double[] changed = field.clone();
            changed[parts * x] = re + 0.37;
            if (parts == 2) {
                changed[parts * x + 1] = im - 0.21;
            }
            double after = model.action(changed);
            double changedLocal = model.siteAction(field, x, re + 0.37, parts == 2 ? im - 0.21 : 0.0);
            assertThat(changedLocal - local).isCloseTo(after - before, within(1e-12));
        }
    }

    @Test
    void realActionOfAConstantFieldIsNTimesTheOneSiteTerms() {
        // φ = c everywhere: S = N[−2κ d c² + c² + λ(c² − 1)²], worked by hand.
        Phi4Model model = new Phi4Model(Lattice.cubic(3), 0.15, 0.9);
        double c = 0.8;
        double[] field = new double[27];
        java.util.Arrays.fill(field, c);
        double expected = 27 * (-2 * 0.15 * 3 * c * c + c * c + 0.9 * (c * c - 1) * (c * c - 1));
        assertThat(model.action(field)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void complexActionOfAPlaneWaveCountsEachBondOnce() {
        // φ_x = e^{iθ x} on a chain of L sites: φ_i*φ_{i+1} + c.c. = 2 cos θ per bond, |φ| = 1, so
        // S = L(−2t cos θ + μ + λ) for θ = 2π/L.
        int l = 6;
        ComplexPhi4Model model = new ComplexPhi4Model(Lattice.chain(l), 0.7, -0.4, 1.3);
        double theta = 2 * Math.PI / l;
        double[] field = new double[2 * l];
        for (int x = 0; x < l; x++) {
            field[2 * x] = Math.cos(theta * x);
            field[2 * x + 1] = Math.sin(theta * x);
        }
        assertThat(model.action(field)).isCloseTo(l * (-2 * 0.7 * Math.cos(theta) - 0.4 + 1.3), within(1e-12));
    }

    @Test
    void saysWhatItsConfigurationsHold() {
        Phi4Model real = new Phi4Model(Lattice.square(4), 0.2, 1.0);
        ComplexPhi4Model complex = new ComplexPhi4Model(Lattice.square(4), 1.0, 1.0, 1.0);
        assertThat(real.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.realField());
        assertThat(complex.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.complexField());
        assertThat(real.fieldLength()).isEqualTo(16);
        assertThat(complex.fieldLength()).isEqualTo(32);
        assertThat(real.name()).isEqualTo("phi4");
        assertThat(complex.name()).isEqualTo("phi4c");
        assertThat(real.parameters()).containsOnlyKeys("kappa", "lambda");
        assertThat(complex.parameters()).containsOnlyKeys("t", "mu", "lambda");
        assertThatThrownBy(() -> real.validate(new double[15])).hasMessageContaining("15 values");
        assertThatThrownBy(() -> real.validate(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Double.NaN})).hasMessageContaining("not finite");
    }

    @Test
    void rejectsCouplingsWithoutANormalisableWeight() {
        Lattice square = Lattice.square(4);
        for (Runnable bad : List.<Runnable>of(() -> new Phi4Model(square, -0.1, 1.0),
                () -> new Phi4Model(square, Double.NaN, 1.0), () -> new Phi4Model(square, 0.2, -0.5),
                () -> new Phi4Model(square, 0.2, Double.POSITIVE_INFINITY),
                () -> new ComplexPhi4Model(square, -1.0, 1.0, 1.0), () -> new ComplexPhi4Model(square, 1.0, 1.0, -1.0),
                () -> new ComplexPhi4Model(square, 1.0, Double.NaN, 1.0))) {
            assertThatThrownBy(bad::run).isInstanceOf(IllegalArgumentException.class);
        }
        // the free field is normalisable only below κ = 1/(2d), μ = 2dt
        assertThat(new Phi4Model(square, 0.2499, 0.0).kappa()).isEqualTo(0.2499);
        assertThatThrownBy(() -> new Phi4Model(square, 0.25, 0.0)).hasMessageContaining("kappa < 1/(2d) = 0.25");
        assertThatThrownBy(() -> new Phi4Model(Lattice.cubic(4), 0.17, 0.0)).hasMessageContaining("1/(2d)");
        assertThat(new Phi4Model(square, 5.0, 0.01).kappa()).isEqualTo(5.0);
        assertThatThrownBy(() -> new ComplexPhi4Model(square, 1.0, 4.0, 0.0)).hasMessageContaining("mu > 2 d t = 4.0");
        assertThat(new ComplexPhi4Model(square, 1.0, -10.0, 1.0).mu()).isEqualTo(-10.0);
    }
}
