package dev.coarse.learn.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.coarse.exact.FreeFieldPropagator;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.FieldModel;
import dev.coarse.model.Phi4Model;
import java.util.Objects;
import java.util.OptionalDouble;
import dev.coarse.learn.engine.Scalars;

/**
 * φ⁴ on the L×L torus as a flow target, the same actions as {@link Phi4Model} (hopping form, one channel) and
 * {@link ComplexPhi4Model} (two channels re, im), written with DJL arrays so that they can be differentiated:
 * real, S = Σ<sub>x</sub>[−2κ Σ<sub>μ</sub> φ<sub>x</sub>φ<sub>x+μ</sub> + φ<sub>x</sub>² + λ(φ<sub>x</sub>² − 1)²];
 * complex, S = Σ<sub>x</sub>[−2t Σ<sub>μ</sub> (a<sub>x</sub>a<sub>x+μ</sub> + b<sub>x</sub>b<sub>x+μ</sub>)
 * + μ|φ<sub>x</sub>|² + λ|φ<sub>x</sub>|⁴]. ln Z has no offset; at λ = 0 it is exact ({@link FreeFieldPropagator}),
 * as is the reweighted observable ⟨|φ|²⟩ per site.
 */
public final class FieldTarget implements FlowTarget {

    private final FieldModel model;
    private final int linearSize;

    public FieldTarget(FieldModel model) {
        this.model = Objects.requireNonNull(model, "model");
        if (model.lattice().dimension() != 2) {
            throw new IllegalArgumentException("the hierarchical flow works on the square lattice, got "
                    + model.lattice());
        }
        this.linearSize = model.lattice().linearSize();
    }

    public FieldModel model() {
        return model;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public java.util.Map<String, Double> parameters() {
        return model.parameters();
    }

    @Override
    public int linearSize() {
        return linearSize;
    }

    @Override
    public int channels() {
        return model instanceof ComplexPhi4Model ? 2 : 1;
    }

    @Override
    public void attach(NDManager manager) {
        // nothing to precompute
    }

    /** x shifted cyclically by one site along {@code axis} (2 = rows, 3 = columns): entry i is entry i+1. */
    static NDArray shift(NDArray x, int axis) {
        String head = axis == 2 ? ":, :, 1:, :" : ":, :, :, 1:";
        String tail = axis == 2 ? ":, :, 0:1, :" : ":, :, :, 0:1";
        return x.get(new NDIndex(head)).concat(x.get(new NDIndex(tail)), axis);
    }

    @Override
    public NDArray action(NDArray x) {
        NDArray neighbours = shift(x, 2).add(shift(x, 3));
        NDArray hopping = x.mul(neighbours).sum(new int[] {1, 2, 3});
        NDArray norm2 = x.square().sum(new int[] {1});
        if (model instanceof Phi4Model real) {
            NDArray local = norm2.add(Scalars.mul(Scalars.sub(norm2, 1).square(), real.lambda())).sum(new int[] {1, 2});
            return Scalars.mul(hopping, -2 * real.kappa()).add(local);
        }
        ComplexPhi4Model complex = (ComplexPhi4Model) model;
        NDArray local = Scalars.mul(norm2, complex.mu()).add(Scalars.mul(norm2.square(), complex.lambda()))
                .sum(new int[] {1, 2});
        return Scalars.mul(hopping, -2 * complex.t()).add(local);
    }

    @Override
    public double lnZOffset() {
        return 0;
    }

    private OptionalDouble free() {
        if (model instanceof Phi4Model real && real.lambda() == 0) {
            return OptionalDouble.of(FreeFieldPropagator.of(real).lnZPerSite());
        }
        if (model instanceof ComplexPhi4Model complex && complex.lambda() == 0) {
            return OptionalDouble.of(FreeFieldPropagator.of(complex).lnZPerSite());
        }
        return OptionalDouble.empty();
    }

    @Override
    public OptionalDouble exactLnZ() {
        OptionalDouble perSite = free();
        return perSite.isPresent() ? OptionalDouble.of(perSite.getAsDouble() * sites()) : perSite;
    }

    @Override
    public NDArray observable(NDArray x) {
        return Scalars.div(x.square().sum(new int[] {1, 2, 3}), sites());
    }

    @Override
    public String observableName() {
        return "field_squared_per_site";
    }

    @Override
    public OptionalDouble exactObservable() {
        if (model instanceof Phi4Model real && real.lambda() == 0) {
            return OptionalDouble.of(FreeFieldPropagator.of(real).fieldSquaredPerSite());
        }
        if (model instanceof ComplexPhi4Model complex && complex.lambda() == 0) {
            return OptionalDouble.of(FreeFieldPropagator.of(complex).fieldSquaredPerSite());
        }
        return OptionalDouble.empty();
    }
}
