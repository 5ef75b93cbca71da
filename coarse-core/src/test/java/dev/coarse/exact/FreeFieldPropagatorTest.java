package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.FieldModel;
import dev.coarse.model.Phi4Model;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The momentum sums against a route that shares nothing with them: the dense matrix A of the quadratic action, read
 * column by column off the model's gradient (exact at λ = 0, where the gradient is A φ), inverted and its determinant
 * taken by EJML.
 */
class FreeFieldPropagatorTest {

    /** Two exact computations of one number, agreeing to rounding (matrices of at most 54 rows). */
    private static final double EXACT = 1e-10;

    static Stream<FieldModel> freeModels() {
        return Stream.of(new Phi4Model(Lattice.square(4), 0.2, 0.0), new Phi4Model(Lattice.chain(7), 0.45, 0.0),
                new Phi4Model(Lattice.cubic(3), 0.15, 0.0), new Phi4Model(Lattice.square(2), 0.1, 0.0),
                new ComplexPhi4Model(Lattice.square(3), 1.0, 4.5, 0.0),
                new ComplexPhi4Model(Lattice.cubic(2), 0.3, 2.0, 0.0));
    }

    private static FreeFieldPropagator propagator(FieldModel model) {
        return model instanceof Phi4Model real ? FreeFieldPropagator.of(real)
                : FreeFieldPropagator.of((ComplexPhi4Model) model);
    }

    /** A<sub>jk</sub> = ∂S/∂φ<sub>j</sub> at φ = e<sub>k</sub> (S is quadratic at λ = 0, its gradient A φ). */
    private static DMatrixRMaj actionMatrix(FieldModel model) {
        int n = model.fieldLength();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        double[] unit = new double[n];
        double[] column = new double[n];
        for (int k = 0; k < n; k++) {
            unit[k] = 1;
            model.gradient(unit, column);
            unit[k] = 0;
            for (int j = 0; j < n; j++) {
                a.set(j, k, column[j]);
            }
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("freeModels")
    void twoPointFunctionIsTheInverseOfTheActionMatrix(FieldModel model) {
        DMatrixRMaj inverse = actionMatrix(model);
        assertThat(CommonOps_DDRM.invert(inverse)).isTrue();
        FreeFieldPropagator exact = propagator(model);
        Lattice lattice = model.lattice();
        int parts = model.componentsPerSite();
        int d = lattice.dimension();
        for (int y = 0; y < lattice.siteCount(); y++) {
            double direct = 0;
            for (int p = 0; p < parts; p++) {
                direct += inverse.get(p, parts * y + p); // site 0 to site y, component p
            }
            assertThat(exact.twoPoint(lattice.coordinates(y))).as("site %d", y).isCloseTo(direct, within(EXACT));
        }
        double[] axis = exact.twoPointAlongAxis();
        assertThat(axis).hasSize(lattice.linearSize() / 2 + 1);
        assertThat(axis[0]).isEqualTo(exact.fieldSquaredPerSite());
        int[] r = new int[d];
        r[0] = 1;
        assertThat(axis[1]).isCloseTo(exact.twoPoint(r), within(EXACT));
    }

    @ParameterizedTest
    @MethodSource("freeModels")
    void lnZIsTheGaussianIntegral(FieldModel model) {
        // ∫ dφ e^{−½ φᵀAφ} = (2π)^{n/2} det(A)^{−1/2}, n real components
        DMatrixRMaj a = actionMatrix(model);
        int n = model.fieldLength();
        double lnZ = 0.5 * n * Math.log(2 * Math.PI) - 0.5 * Math.log(CommonOps_DDRM.det(a));
        assertThat(propagator(model).lnZPerSite()).isCloseTo(lnZ / model.lattice().siteCount(), within(EXACT));
    }

    @org.junit.jupiter.api.Test
    void refusesTheInteractingTheoryAndKernelsThatAreNotPositive() {
        assertThatThrownBy(() -> FreeFieldPropagator.of(new Phi4Model(Lattice.square(4), 0.2, 0.1)))
                .hasMessageContaining("lambda = 0");
        assertThatThrownBy(() -> new FreeFieldPropagator(2, 4, 2.0, 1.0, 1)).hasMessageContaining("a − d|b| > 0");
    }
}
