package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.coarse.learn.engine.Scalars;

/**
 * The fixed map from dequantised pixels y ∈ [0, 1] to the flow's variables x, with its log-determinant (part of the
 * likelihood, so of bits per dimension).
 */
public enum Preprocessing {
    /**
     * x = logit(α + (1 − 2α) y), α = {@value #ALPHA} (Dinh et al. 2017): ln|dx/dy| = ln(1 − 2α) − ln p − ln(1 − p),
     * p = α + (1 − 2α) y.
     */
    LOGIT,
    /** x = 2y − 1: ln|dx/dy| = ln 2 per variable. */
    AFFINE;

    /** The logit's margin. */
    public static final double ALPHA = 0.05;

    /** y of shape (B, …) → {x, ln|det ∂x/∂y| of shape (B)}. */
    public NDList forward(NDArray y) {
        long batch = y.getShape().get(0);
        if (this == AFFINE) {
            long d = y.size() / batch;
            NDArray x = Scalars.sub(Scalars.mul(y, 2), 1);
            return new NDList(x, y.getManager().full(new ai.djl.ndarray.types.Shape(batch), (float) (d * Math.log(2)),
                    y.getDataType()));
        }
        NDArray p = Scalars.add(Scalars.mul(y, 1 - 2 * ALPHA), ALPHA);
        NDArray lnP = p.log();
        NDArray lnQ = Scalars.add(p.neg(), 1).log();
        NDArray x = lnP.sub(lnQ);
        NDArray ld = Scalars.add(lnP.add(lnQ).neg(), Math.log(1 - 2 * ALPHA)).reshape(batch, -1).sum(new int[] {1});
        return new NDList(x, ld);
    }

    /** ln|dx/dy| of one variable at y. */
    public double logDerivative(double y) {
        if (this == AFFINE) {
            return Math.log(2);
        }
        double p = ALPHA + (1 - 2 * ALPHA) * y;
        return Math.log(1 - 2 * ALPHA) - Math.log(p) - Math.log(1 - p);
    }

    /** The inverse for one variable: x → y (may leave [0, 1] for x outside the image of the forward map). */
    public double inverse(double x) {
        if (this == AFFINE) {
            return (x + 1) / 2;
        }
        double p = 1 / (1 + Math.exp(-x));
        return (p - ALPHA) / (1 - 2 * ALPHA);
    }
}
