package dev.coarse.emergence.sandpile;

import dev.coarse.stats.Estimate;
import dev.coarse.stats.Jackknife;
import java.util.ArrayList;
import java.util.List;

/**
 * Finite-size scaling of avalanche sizes over several L by moment analysis (De Menech, Stella &amp; Tebaldi, Phys. Rev.
 * E 58, R2677, 1998): if P(s) = s<sup>−τ</sup> F(s / L<sup>D</sup>), then ⟨s<sup>q</sup>⟩ ∝ L<sup>σ(q)</sup> with
 * σ(q) = D (q + 1 − τ), so the slope of σ against q is D and its intercept D(1 − τ). For the BTW model σ(q) is
 * not quite linear (multiscaling, Tebaldi, De Menech &amp; Stella 1999), so D and τ depend on the q range fitted; the
 * σ(q) themselves are reported. Errors: jackknife over blocks of avalanches, each replica leaving out one block of
 * every L (the runs are independent).
 *
 * @param sizes    the L values, ascending
 * @param moments  the orders q
 * @param sigma    σ(q) for each q, with errors
 * @param d        the cutoff dimension D (slope of σ over the q fitted)
 * @param tau      τ = 1 − intercept / D
 * @param fitLow   smallest q of the linear fit
 * @param fitHigh  largest q of the linear fit
 */
public record MomentScaling(int[] sizes, double[] moments, Estimate[] sigma, Estimate d, Estimate tau, double fitLow,
        double fitHigh) {

    /** Jackknife blocks per L. */
    public static final int BLOCKS = 20;

    /** The default orders q = 0.5, 1, …, 4 and the linear fit over q in [1, 4]. */
    public static MomentScaling of(List<AvalancheSeries> runs) {
        double[] q = {0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};
        return of(runs, q, 1, 4);
    }

    public static MomentScaling of(List<AvalancheSeries> runs, double[] q, double fitLow, double fitHigh) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("moment scaling needs at least 2 sizes L, got " + runs.size());
        }
        int nL = runs.size();
        int nq = q.length;
        int[] sizes = new int[nL];
        // blockSums[L][b][q] = Σ s^q over block b of that run
        double[][][] blockSums = new double[nL][BLOCKS][nq];
        long[][] blockCounts = new long[nL][BLOCKS];
        for (int l = 0; l < nL; l++) {
            AvalancheSeries run = runs.get(l);
            sizes[l] = run.linearSize();
            if (l > 0 && sizes[l] <= sizes[l - 1]) {
                throw new IllegalArgumentException("sizes L must be distinct and ascending");
            }
            long[] s = run.sizes();
            int blockLength = s.length / BLOCKS;
            if (blockLength < 1) {
                throw new IllegalArgumentException("need at least " + BLOCKS + " avalanches per L");
            }
            for (int b = 0; b < BLOCKS; b++) {
                for (int i = b * blockLength; i < (b + 1) * blockLength; i++) {
                    double logS = s[i] > 0 ? Math.log(s[i]) : Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < nq; k++) {
                        blockSums[l][b][k] += s[i] > 0 ? Math.exp(q[k] * logS) : 0;
                    }
                }
                blockCounts[l][b] = blockLength;
            }
        }
        double[][] full = fit(sizes, q, blockSums, blockCounts, -1, fitLow, fitHigh);
        double[][] replicas = new double[BLOCKS][];
        for (int b = 0; b < BLOCKS; b++) {
            replicas[b] = fit(sizes, q, blockSums, blockCounts, b, fitLow, fitHigh)[0];
        }
        Estimate[] sigma = new Estimate[nq];
        for (int k = 0; k < nq; k++) {
            sigma[k] = Estimate.of(full[0][k], Jackknife.error(column(replicas, k)));
        }
        Estimate d = Estimate.of(full[0][nq], Jackknife.error(column(replicas, nq)));
        Estimate tau = Estimate.of(full[0][nq + 1], Jackknife.error(column(replicas, nq + 1)));
        return new MomentScaling(sizes, q.clone(), sigma, d, tau, fitLow, fitHigh);
    }

    /** The collapse of one run's distribution: x = s / L<sup>D</sup>, y = s<sup>τ</sup> P(s) (log-binned). */
    public AvalancheStatistics.Distribution collapse(AvalancheSeries run, int binsPerDecade) {
        AvalancheStatistics.Distribution p = AvalancheStatistics.logBinned(run.sizes(), binsPerDecade);
        double[] x = new double[p.centres().length];
        double[] y = new double[x.length];
        double scale = Math.pow(run.linearSize(), d.mean());
        for (int i = 0; i < x.length; i++) {
            x[i] = p.centres()[i] / scale;
            y[i] = Math.pow(p.centres()[i], tau.mean()) * p.density()[i];
        }
        return new AvalancheStatistics.Distribution(x, y);
    }

    /** [σ(q)..., D, τ] with block {@code leave} left out (−1: none). */
    private static double[][] fit(int[] sizes, double[] q, double[][][] sums, long[][] counts, int leave,
            double fitLow, double fitHigh) {
        int nL = sizes.length;
        int nq = q.length;
        double[] out = new double[nq + 2];
        double[] lnL = new double[nL];
        for (int l = 0; l < nL; l++) {
            lnL[l] = Math.log(sizes[l]);
        }
        List<double[]> linear = new ArrayList<>();
        for (int k = 0; k < nq; k++) {
            double[] lnMoment = new double[nL];
            for (int l = 0; l < nL; l++) {
                double sum = 0;
                long n = 0;
                for (int b = 0; b < sums[l].length; b++) {
                    if (b != leave) {
                        sum += sums[l][b][k];
                        n += counts[l][b];
                    }
                }
                lnMoment[l] = Math.log(sum / n);
            }
            out[k] = leastSquares(lnL, lnMoment)[0];
            if (q[k] >= fitLow && q[k] <= fitHigh) {
                linear.add(new double[] {q[k], out[k]});
            }
        }
        if (linear.size() < 2) {
            throw new IllegalArgumentException("fewer than 2 orders q in the fit range [" + fitLow + ", " + fitHigh + "]");
        }
        double[] qs = new double[linear.size()];
        double[] ss = new double[linear.size()];
        for (int i = 0; i < qs.length; i++) {
            qs[i] = linear.get(i)[0];
            ss[i] = linear.get(i)[1];
        }
        double[] line = leastSquares(qs, ss);
        out[nq] = line[0];
        out[nq + 1] = 1 - line[1] / line[0];
        return new double[][] {out};
    }

    /** {slope, intercept} of y on x. */
    private static double[] leastSquares(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    private static double[] column(double[][] rows, int k) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][k];
        }
        return c;
    }
}
