package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import dev.coarse.stats.Autocorrelation;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.Jackknife;
import dev.coarse.stats.MeanEstimator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thermodynamic observables of a {@link ChainResult} with error bars (SCIENCE.md §2).
 *
 * <p>Simple means (e, |m|, m²) come from {@link MeanEstimator} with τ<sub>int</sub> pooled over chains.
 * Derived quantities (Binder U₄ = 1 − ⟨m⁴⟩/(3⟨m²⟩²), C = N(⟨e²⟩ − ⟨e⟩²)/T², χ = N(⟨m²⟩ − ⟨|m|⟩²)/T, and
 * the second-moment correlation length ξ = √(χ'/F − 1)/(2 sin(π/L)) with χ' = ⟨|M(0)|²⟩/N and
 * F = ⟨|M(k<sub>min</sub>)|²⟩/N averaged over the d axes, k<sub>min</sub> = 2π/L) use a jackknife over
 * blocks of {@value #BLOCK_LENGTH_IN_TAU}·τ<sub>max</sub> samples, τ<sub>max</sub> the largest
 * τ<sub>int</sub> of the series the quantity needs; blocks never straddle chains, and the block length is
 * shortened if needed to keep at least {@value #MIN_BLOCKS} blocks (then the error is less reliable). The
 * τ<sub>int</sub> reported with a derived quantity is that τ<sub>max</sub>. A run with one sample per chain
 * treats the chains as one series of independent samples.
 *
 * <p>Potts: the magnetisation per site of a configuration is the standard scalar order parameter
 * m = (q·max<sub>a</sub> n<sub>a</sub>/N − 1)/(q − 1) ∈ [0, 1] (n<sub>a</sub> = sites in state a; m = ±|m|
 * is not signed, so abs_magnetization = ⟨m⟩). The Fourier modes for ξ and G(r) use the simplex
 * embedding, |M(k)|² = q/(q−1)·Σ<sub>a</sub>|Σ<sub>j</sub>(δ(s<sub>j</sub>, a) − 1/q)e<sup>ik·x<sub>j</sub></sup>|²,
 * and G(r) = ⟨(qδ(s<sub>i</sub>, s<sub>i+r</sub>) − 1)/(q − 1)⟩; both reduce to the Ising forms for q = 2.
 */
public final class Observables {

    /** Jackknife block length in units of the largest τ<sub>int</sub> of the inputs. */
    public static final int BLOCK_LENGTH_IN_TAU = 10;
    /** Fewest jackknife blocks accepted before the block length is shortened. */
    public static final int MIN_BLOCKS = 20;

    private Observables() {
    }

    /**
     * energy_per_site, abs_magnetization, m2, binder, specific_heat, susceptibility, correlation_length, in
     * this order (the JSON names of {@code coarse sample}); for dimers the observables of {@link #measureDimers}.
     */
    public static Map<String, Estimate> measure(ChainResult result) {
        Model model = result.spec().model();
        if (model instanceof DimerModel) {
            return measureDimers(result);
        }
        int n = model.lattice().siteCount();
        double t = model.temperature();
        double[][] e = arrange(result.energyPerSite());
        double[][] m = arrange(result.magnetizationPerSite());
        double[][] e2 = map(e, x -> x * x);
        double[][] absM = map(m, Math::abs);
        double[][] m2 = map(m, x -> x * x);
        double[][] m4 = map(m, x -> x * x * x * x);
        double[][][] modes = arrangeModes(fourierModes(result));

        Map<String, Estimate> out = new LinkedHashMap<>();
        out.put("energy_per_site", MeanEstimator.of(e));
        out.put("abs_magnetization", MeanEstimator.of(absM));
        out.put("m2", MeanEstimator.of(m2));
        out.put("binder", derived(new double[][][] {m2, m4}, v -> 1 - v[1] / (3 * v[0] * v[0])));
        out.put("specific_heat", derived(new double[][][] {e, e2}, v -> n * (v[1] - v[0] * v[0]) / (t * t)));
        out.put("susceptibility", derived(new double[][][] {absM, m2}, v -> n * (v[1] - v[0] * v[0]) / t));
        double sine = 2 * Math.sin(Math.PI / model.lattice().linearSize());
        out.put("correlation_length", derived(modes, v -> Math.sqrt(v[0] / v[1] - 1) / sine));
        return out;
    }

    /**
     * The observables of close-packed dimers ({@link DimerObservables}), named for what they are rather than for the
     * Ising slots they fill: energy_per_site (v·N<sub>∥</sub>/N), parallel_plaquettes (N<sub>∥</sub>/N, which
     * carries the energy's information even at v = 0), columnar_order (⟨|Ψ|⟩, the "magnetisation" series),
     * columnar_order_squared (⟨Ψ²⟩), specific_heat (N(⟨e²⟩ − ⟨e⟩²)/T²), columnar_susceptibility
     * (N(⟨Ψ²⟩ − ⟨|Ψ|⟩²)/T) and winding_squared (⟨W<sub>x</sub>² + W<sub>y</sub>²⟩, the flux fluctuations that
     * worms winding around the torus produce), in this order. Errors as for spins (class comment).
     */
    public static Map<String, Estimate> measureDimers(ChainResult result) {
        Model model = result.spec().model();
        Lattice lattice = model.lattice();
        int n = lattice.siteCount();
        double t = model.temperature();
        int chains = result.chains();
        int samples = result.samplesPerChain();
        double[][] parallel = new double[chains][samples];
        double[][] winding = new double[chains][samples];
        for (int c = 0; c < chains; c++) {
            for (int k = 0; k < samples; k++) {
                byte[] config = result.configuration(c, k);
                parallel[c][k] = DimerObservables.parallelPlaquettesPerSite(lattice, config);
                int[] w = DimerObservables.winding(lattice, config);
                winding[c][k] = w[0] * w[0] + w[1] * w[1];
            }
        }
        double[][] e = arrange(result.energyPerSite());
        double[][] e2 = map(e, x -> x * x);
        double[][] psi = arrange(result.magnetizationPerSite());
        double[][] psi2 = map(psi, x -> x * x);
        Map<String, Estimate> out = new LinkedHashMap<>();
        out.put("energy_per_site", MeanEstimator.of(e));
        out.put("parallel_plaquettes", MeanEstimator.of(arrange(parallel)));
        out.put("columnar_order", MeanEstimator.of(psi));
        out.put("columnar_order_squared", MeanEstimator.of(psi2));
        out.put("specific_heat", derived(new double[][][] {e, e2}, v -> n * (v[1] - v[0] * v[0]) / (t * t)));
        out.put("columnar_susceptibility", derived(new double[][][] {psi, psi2},
                v -> n * (v[1] - v[0] * v[0]) / t));
        out.put("winding_squared", MeanEstimator.of(arrange(winding)));
        return out;
    }

    /**
     * Per-sample Fourier intensities for the second-moment correlation length: {@code [0][chain][sample]} is
     * |M(0)|²/N and {@code [1][chain][sample]} is |M(k<sub>min</sub>)|²/N averaged over the d axes.
     */
    public static double[][][] fourierModes(ChainResult result) {
        Model model = result.spec().model();
        Lattice lattice = model.lattice();
        int chains = result.chains();
        int samples = result.samplesPerChain();
        int n = lattice.siteCount();
        int l = lattice.linearSize();
        int d = lattice.dimension();
        int q = model.statesPerSite();
        boolean potts = model instanceof PottsModel;
        double[] cos = new double[l];
        double[] sin = new double[l];
        for (int x = 0; x < l; x++) {
            cos[x] = Math.cos(2 * Math.PI * x / l);
            sin[x] = Math.sin(2 * Math.PI * x / l);
        }
        int[][] coordinate = new int[d][n];
        for (int axis = 0; axis < d; axis++) {
            int stride = lattice.stride(axis);
            for (int s = 0; s < n; s++) {
                coordinate[axis][s] = s / stride % l;
            }
        }
        double[][][] out = new double[2][chains][samples];
        double[] re = new double[q];
        double[] im = new double[q];
        int[] counts = new int[q];
        for (int c = 0; c < chains; c++) {
            for (int k = 0; k < samples; k++) {
                byte[] config = result.configuration(c, k);
                double zero;
                if (potts) {
                    java.util.Arrays.fill(counts, 0);
                    for (byte s : config) {
                        counts[s]++;
                    }
                    zero = 0;
                    for (int a = 0; a < q; a++) {
                        double dev = counts[a] - (double) n / q;
                        zero += dev * dev;
                    }
                    zero *= (double) q / (q - 1);
                } else {
                    long sum = 0;
                    for (byte s : config) {
                        sum += s;
                    }
                    zero = (double) sum * sum;
                }
                double kmin = 0;
                for (int axis = 0; axis < d; axis++) {
                    int[] x = coordinate[axis];
                    if (potts) {
                        java.util.Arrays.fill(re, 0);
                        java.util.Arrays.fill(im, 0);
                        for (int s = 0; s < n; s++) {
                            re[config[s]] += cos[x[s]];
                            im[config[s]] += sin[x[s]];
                        }
                        double sum = 0;
                        for (int a = 0; a < q; a++) {
                            sum += re[a] * re[a] + im[a] * im[a];
                        }
                        kmin += sum * q / (q - 1);
                    } else {
                        double r = 0;
                        double i = 0;
                        for (int s = 0; s < n; s++) {
                            r += config[s] * cos[x[s]];
                            i += config[s] * sin[x[s]];
                        }
                        kmin += r * r + i * i;
                    }
                }
                out[0][c][k] = zero / n;
                out[1][c][k] = kmin / d / n;
            }
        }
        return out;
    }

    /**
     * The spin–spin correlation G(r) = ⟨s<sub>i</sub>s<sub>i+r·e</sub>⟩ averaged over sites i and the d axes
     * e, for r = 0 … ⌊L/2⌋ (not connected: at h = 0 on a finite torus ⟨s⟩ = 0). Potts: see the class comment.
     * Errors from {@link MeanEstimator} on the per-sample averages. Cost O(N·d·L) per sample.
     */
    public static Estimate[] correlationFunction(ChainResult result) {
        Model model = result.spec().model();
        int q = model.statesPerSite();
        boolean potts = model instanceof PottsModel;
        return correlationFunction(model.lattice(), result.chains(), result.samplesPerChain(), (c, k, i, j) -> {
            byte[] config = result.configuration(c, k);
            return potts ? (config[i] == config[j] ? q - 1.0 : -1.0) / (q - 1) : config[i] * config[j];
        });
    }

    /** The product of the values at sites i and j of sample k of chain c, as a two-point function averages it. */
    @FunctionalInterface
    interface PairProduct {
        double of(int chain, int sample, int i, int j);
    }

    /**
     * ⟨product(i, i + r·e)⟩ averaged over sites i and the d axes e, for r = 0 … ⌊L/2⌋, with errors from
     * {@link MeanEstimator} on the per-sample averages: the loop every two-point function shares.
     */
    static Estimate[] correlationFunction(Lattice lattice, int chains, int samples, PairProduct product) {
        int n = lattice.siteCount();
        int d = lattice.dimension();
        int maxR = lattice.linearSize() / 2;
        double[][][] g = new double[maxR + 1][chains][samples];
        for (int c = 0; c < chains; c++) {
            for (int k = 0; k < samples; k++) {
                for (int axis = 0; axis < d; axis++) {
                    for (int i = 0; i < n; i++) {
                        int j = i;
                        for (int r = 0; r <= maxR; r++) {
                            g[r][c][k] += product.of(c, k, i, j);
                            j = lattice.forwardNeighbour(j, axis);
                        }
                    }
                }
                for (int r = 0; r <= maxR; r++) {
                    g[r][c][k] /= (double) n * d;
                }
            }
        }
        Estimate[] out = new Estimate[maxR + 1];
        for (int r = 0; r <= maxR; r++) {
            out[r] = MeanEstimator.of(arrange(g[r]));
        }
        return out;
    }

    /** The Potts order parameter (q·max<sub>a</sub> n<sub>a</sub>/N − 1)/(q − 1). {@code counts}: scratch, length q. */
    public static double pottsOrderParameter(byte[] states, int q, int[] counts) {
        java.util.Arrays.fill(counts, 0);
        for (byte s : states) {
            counts[s]++;
        }
        int max = 0;
        for (int a = 0; a < q; a++) {
            max = Math.max(max, counts[a]);
        }
        return ((double) q * max / states.length - 1) / (q - 1);
    }

    /**
     * Jackknife estimate of f(means of the series); series[k][chain][sample]. The block length is
     * {@value #BLOCK_LENGTH_IN_TAU}·τ<sub>max</sub>, at most one chain, shortened to keep
     * {@value #MIN_BLOCKS} blocks where possible.
     */
    public static Estimate derived(double[][][] series, Jackknife.Derived f) {
        double tauMax = 0;
        for (double[][] s : series) {
            tauMax = Math.max(tauMax, Autocorrelation.integratedTime(s));
        }
        int chains = series[0].length;
        int perChain = series[0][0].length;
        long total = (long) chains * perChain;
        int block = (int) Math.min(perChain, Math.max(1, Math.ceil(BLOCK_LENGTH_IN_TAU * tauMax)));
        while (block > 1 && (long) chains * (perChain / block) < MIN_BLOCKS) {
            block--;
        }
        if (total / block < 2) {
            return new Estimate(Double.NaN, Double.NaN, tauMax);
        }
        double[][] flat = new double[series.length][];
        for (int k = 0; k < series.length; k++) {
            flat[k] = Jackknife.concatenateBlocks(series[k], block);
        }
        Estimate jk = Jackknife.estimate(flat, block, f);
        return new Estimate(jk.mean(), jk.error(), tauMax);
    }

    /** One sample per chain: the chains are independent draws, one series. Otherwise unchanged. */
    static double[][] arrange(double[][] chainSeries) {
        if (chainSeries.length > 0 && chainSeries[0].length == 1) {
            double[] flat = new double[chainSeries.length];
            for (int c = 0; c < flat.length; c++) {
                flat[c] = chainSeries[c][0];
            }
            return new double[][] {flat};
        }
        return chainSeries;
    }

    private static double[][][] arrangeModes(double[][][] modes) {
        return new double[][][] {arrange(modes[0]), arrange(modes[1])};
    }

    static double[][] map(double[][] series, java.util.function.DoubleUnaryOperator op) {
        double[][] out = new double[series.length][];
        for (int c = 0; c < series.length; c++) {
            out[c] = new double[series[c].length];
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = op.applyAsDouble(series[c][i]);
            }
        }
        return out;
    }
}
