package dev.coarse.learn.mi;

import ai.djl.ndarray.NDArray;
import dev.coarse.naming.Identified;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.Jackknife;
import java.util.Locale;
import dev.coarse.learn.engine.Scalars;

/**
 * A variational lower bound on the mutual information I(X;Y), as a function of a critic's score matrix: for a
 * batch of K joint samples (x<sub>i</sub>, y<sub>i</sub>), S<sub>ij</sub> = f(x<sub>i</sub>, y<sub>j</sub>); the
 * diagonal holds pairs drawn from p(x, y), the K(K−1) off-diagonal entries pairs from p(x)p(y). Definitions and
 * their bias and variance as in Poole, Ozair, van den Oord, Alemi &amp; Tucker, "On variational bounds of mutual
 * information", ICML 2019 (their eqs. 2, 6 and 12); in nats.
 *
 * <ul>
 *   <li>{@link #INFONCE} (van den Oord, Li &amp; Vinyals 2018): I<sub>NCE</sub> = (1/K) Σ<sub>i</sub>
 *       [S<sub>ii</sub> − ln((1/K) Σ<sub>j</sub> e<sup>S<sub>ij</sub></sup>)]. Each x<sub>i</sub> must pick its
 *       partner among K candidates, so I<sub>NCE</sub> ≤ ln K whatever the critic: low variance, but a true MI
 *       above ln K is reported as about ln K ({@link #ceiling}).</li>
 *   <li>{@link #DONSKER_VARADHAN} (Donsker &amp; Varadhan 1983; MINE, Belghazi et al. 2018): I<sub>DV</sub> =
 *       E<sub>p(x,y)</sub>[f] − ln E<sub>p(x)p(y)</sub>[e<sup>f</sup>], batch means over the diagonal and the
 *       off-diagonal entries. Tight for the optimal critic and not capped by K, but the logarithm of a batch mean
 *       makes the mini-batch gradient biased and the estimate's variance grows like e<sup>I</sup>.</li>
 *   <li>{@link #NWJ} (Nguyen, Wainwright &amp; Jordan 2010; f-GAN KL, "MINE-f"): I<sub>NWJ</sub> =
 *       E<sub>p(x,y)</sub>[f] − e<sup>−1</sup> E<sub>p(x)p(y)</sub>[e<sup>f</sup>]. Linear in both expectations,
 *       so unbiased on a mini-batch, tight for f = 1 + ln p(x,y)/(p(x)p(y)); variance also exponential in
 *       I.</li>
 * </ul>
 *
 * <p>Training maximises {@link #batchBound} on each mini-batch. Held-out data are scored in batches of the same K
 * ({@link #batchStatistics}) and pooled ({@link #pooled}): InfoNCE averages its per-batch values (its meaning
 * depends on K); DV and NWJ pool the joint and marginal means over all batches before taking the logarithm or the
 * exponential, so that the estimate is that of all held-out pairs, with a delete-one-batch jackknife error.
 */
public enum MiBound implements Identified {

    /** The InfoNCE (contrastive predictive coding) bound, capped at ln K. */
    INFONCE("infonce"),
    /** The Donsker–Varadhan bound, as in MINE. */
    DONSKER_VARADHAN("dv"),
    /** The Nguyen–Wainwright–Jordan bound (f-divergence, "MINE-f"). */
    NWJ("nwj");

    /** An InfoNCE result at or above this fraction of ln K is reported as near its ceiling. */
    public static final double CEILING_FRACTION = 0.9;

    /** Masks the diagonal out of an off-diagonal log-sum-exp: e<sup>−1e9</sup> is exactly 0 in float. */
    private static final float DIAGONAL_MASK = 1e9f;

    private final String id;

    MiBound(String id) {
        this.id = id;
    }

    /** The short name used on the command line and in JSON: infonce, dv, nwj. */
    @Override
    public String id() {
        return id;
    }

    /**
     * The bound with this short name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static MiBound ofId(String id) {
        return Identified.byId(MiBound.class, "bound", id == null ? null : id.toLowerCase(Locale.ROOT));
    }

    /** The largest value the bound can take on batches of {@code batchSize}: ln K for InfoNCE, +∞ for DV and NWJ. */
    public double ceiling(int batchSize) {
        if (batchSize < 2) {
            throw new IllegalArgumentException("a batch needs at least 2 samples, got " + batchSize);
        }
        return this == INFONCE ? StrictMath.log(batchSize) : Double.POSITIVE_INFINITY;
    }

    /** Whether {@code value} is within 10% of the ceiling, where the bound says more about K than about I. */
    public boolean nearCeiling(double value, int batchSize) {
        return value >= CEILING_FRACTION * ceiling(batchSize);
    }

    /**
     * The bound on one batch, differentiable in the scores: the training objective (to be maximised).
     *
     * @param scores K×K, {@code scores[i][j]} = f(x<sub>i</sub>, y<sub>j</sub>), K ≥ 2; not modified
     * @return a scalar
     */
    public NDArray batchBound(NDArray scores) {
        long k = scores.getShape().get(0);
        if (scores.getShape().dimension() != 2 || scores.getShape().get(1) != k || k < 2) {
            throw new IllegalArgumentException("scores must be a K×K matrix with K ≥ 2, got " + scores.getShape());
        }
        NDArray joint = scores.diagonal().mean();
        return switch (this) {
            case INFONCE -> Scalars.add(scores.logSoftmax(1).diagonal().mean(), (float) StrictMath.log(k));
            case DONSKER_VARADHAN -> joint.sub(logMeanExpOffDiagonal(scores, k));
            case NWJ -> joint.sub(Scalars.sub(logMeanExpOffDiagonal(scores, k), 1).exp());
        };
    }

    /** ln of the mean of e<sup>S<sub>ij</sub></sup> over i ≠ j, shifted by the largest score against overflow. */
    private static NDArray logMeanExpOffDiagonal(NDArray scores, long k) {
        NDArray masked = scores.sub(Scalars.mul(scores.getManager().eye((int) k), DIAGONAL_MASK));
        NDArray shift = masked.max().stopGradient();
        return Scalars.sub(masked.sub(shift).exp().sum().log().add(shift), (float) StrictMath.log((double) k * (k - 1)));
    }

    /** Number of values {@link #batchStatistics} returns. */
    static final int STATISTICS = 3;

    /**
     * What the pooled held-out estimate needs from one batch, in double precision: the mean diagonal score, the
     * log-mean-exp of the off-diagonal scores, and the batch's InfoNCE value.
     *
     * @param scores K×K row-major, {@code scores[i*K + j]} = f(x<sub>i</sub>, y<sub>j</sub>); not modified
     */
    public static double[] batchStatistics(float[] scores, int k) {
        double joint = 0;
        double offMax = Double.NEGATIVE_INFINITY;
        double infoNce = 0;
        for (int i = 0; i < k; i++) {
            joint += scores[i * k + i];
            double rowMax = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                rowMax = Math.max(rowMax, scores[i * k + j]);
                if (j != i) {
                    offMax = Math.max(offMax, scores[i * k + j]);
                }
            }
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                rowSum += StrictMath.exp(scores[i * k + j] - rowMax);
            }
            infoNce += scores[i * k + i] - rowMax - StrictMath.log(rowSum);
        }
        double offSum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    offSum += StrictMath.exp(scores[i * k + j] - offMax);
                }
            }
        }
        double logMeanExp = offMax + StrictMath.log(offSum / ((double) k * (k - 1)));
        return new double[] {joint / k, logMeanExp, infoNce / k + StrictMath.log(k)};
    }

    /**
     * The bound on B ≥ 2 batches together, with a delete-one-batch jackknife error (batches of independent samples
     * are independent; for InfoNCE and NWJ, linear in the batch values, the jackknife error is the standard error
     * of the mean of the batch values).
     *
     * @param statistics {@code statistics[b]} from {@link #batchStatistics} for batch b; not modified
     */
    public Estimate pooled(double[][] statistics) {
        int batches = statistics.length;
        if (batches < 2) {
            throw new IllegalArgumentException("a pooled estimate needs at least 2 batches, got " + batches);
        }
        double shift = Double.NEGATIVE_INFINITY;
        for (double[] s : statistics) {
            shift = Math.max(shift, s[1]);
        }
        // series: mean diagonal score, mean off-diagonal e^(S − shift), InfoNCE value
        double[][] series = new double[STATISTICS][batches];
        for (int b = 0; b < batches; b++) {
            series[0][b] = statistics[b][0];
            series[1][b] = StrictMath.exp(statistics[b][1] - shift);
            series[2][b] = statistics[b][2];
        }
        double c = shift;
        Estimate e = Jackknife.estimate(series, 1, switch (this) {
            case INFONCE -> m -> m[2];
            case DONSKER_VARADHAN -> m -> m[0] - c - StrictMath.log(m[1]);
            case NWJ -> m -> m[0] - StrictMath.exp(c - 1) * m[1];
        });
        return Double.isFinite(e.error()) ? e : Estimate.of(e.mean(), Double.POSITIVE_INFINITY);
    }
}
