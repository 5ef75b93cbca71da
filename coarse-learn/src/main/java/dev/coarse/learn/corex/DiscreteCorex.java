package dev.coarse.learn.corex;

import dev.coarse.mc.TaskPool;
import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Discrete CorEx (Ver Steeg &amp; Galstyan, "Discovering structure in high-dimensional data through correlation
 * explanation", NIPS 2014): m latent factors of k values each maximise the total correlation they explain,
 * TC(X; Y) = Σ<sub>j</sub> TC(X<sub>G<sub>j</sub></sub>; Y<sub>j</sub>), by the paper's fixed-point iterations:
 * <ul>
 * <li>the marginals p(x<sub>i</sub> | y<sub>j</sub>) and p(y<sub>j</sub>) from the current soft labels
 * p(y<sub>j</sub> | x) (with 0.001 pseudo-counts, as bio_corex);</li>
 * <li>α<sub>ij</sub> ← (1 − λ) α<sub>ij</sub> + λ exp(γ<sub>j</sub> (I(X<sub>i</sub>:Y<sub>j</sub>) −
 * max<sub>j'</sub> I(X<sub>i</sub>:Y<sub>j'</sub>))), λ = {@value #DAMPING}, γ<sub>j</sub> = {@value #GAMMA_MIN} +
 * {@value #GAMMA_PER_TC}·|TC<sub>j</sub>| (the paper's soft tree constraint, Sec. 3);</li>
 * <li>p(y<sub>j</sub> | x) = p(y<sub>j</sub>) Π<sub>i</sub> (p(y<sub>j</sub>|x<sub>i</sub>)/p(y<sub>j</sub>))
 * <sup>α<sub>ij</sub></sup> / Z<sub>j</sub>(x) (Eq. 7), and TC<sub>j</sub> = mean of ln Z<sub>j</sub>(x) (Eq. 8).</li>
 * </ul>
 * Missing values (−1) drop out of the product and of the counts of their variable. With a batch size below the
 * sample count each iteration relabels one mini-batch and the counts are a running sum that forgets at the rate
 * batch/samples (about one pass of memory); a final pass labels every sample. The work per iteration is
 * samples × variables × m·k additions, split into {@value #CHUNKS} fixed chunks of samples so that the threads never
 * change a result.
 */
public final class DiscreteCorex {

    /** λ, the damping of the α update. */
    public static final double DAMPING = 0.3;
    /** γ at zero TC. */
    public static final double GAMMA_MIN = 1.0;
    /** Growth of γ with the factor's TC (nats⁻¹). */
    public static final double GAMMA_PER_TC = 500.0;
    /** Pseudo-count of every marginal. */
    static final double PSEUDO_COUNT = 0.001;
    /** Sample chunks (fixed, so that the sums are the same whatever the thread count). */
    static final int CHUNKS = 16;
    /** Random-number algorithm of the restarts' streams. */
    static final String RANDOM_ALGORITHM = "L64X128MixRandom";

    private final CorexSettings settings;

    public DiscreteCorex(CorexSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Fits the layer {@code settings.restarts()} times from seeds split off {@code seed}; keeps the largest TC. */
    public CorexFit fit(SymbolMatrix data, long seed) {
        Objects.requireNonNull(data, "data");
        SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of(RANDOM_ALGORITHM).create(seed);
        CorexLayer[] layers = new CorexLayer[settings.restarts()];
        double[] tcs = new double[layers.length];
        int best = 0;
        for (int r = 0; r < layers.length; r++) {
            layers[r] = new Run(data, root.split()).fit();
            tcs[r] = layers[r].tc().mean();
            if (tcs[r] > tcs[best]) {
                best = r;
            }
        }
        int[][] clusters = new int[layers.length][];
        for (int r = 0; r < layers.length; r++) {
            clusters[r] = layers[r].clusters();
        }
        return new CorexFit(layers[best], tcs, AdjustedRandIndex.stability(clusters, best));
    }

    /** One fit: the state of the iterations. Arrays are laid out [variable][symbol][factor][state]. */
    private final class Run {
        final SymbolMatrix x;
        final RandomGenerator rng;
        final int n;
        final int p;
        final int s;
        final int m;
        final int k;
        final int mk;
        final double[] counts;
        final double[] factorCounts;
        final double[] weights;
        final double[] ratio;
        final double[] logPy;
        final double[] alpha;
        final double[] mi;
        final double[] posterior;
        final double[] logZ;
        final double[] tcs;

        Run(SymbolMatrix x, RandomGenerator rng) {
            this.x = x;
            this.rng = rng;
            n = x.rows();
            p = x.columns();
            s = x.maxAlphabet();
            m = settings.factors();
            k = settings.states();
            mk = m * k;
            counts = new double[p * s * mk];
            factorCounts = new double[mk];
            weights = new double[p * s * mk];
            ratio = new double[p * s * mk];
            logPy = new double[mk];
            alpha = new double[p * m];
            mi = new double[p * m];
            posterior = new double[n * mk];
            logZ = new double[n * m];
            tcs = new double[m];
        }

        CorexLayer fit() {
            // one factor explains every variable alone (α = 1); several start from random attachments
            for (int t = 0; t < alpha.length; t++) {
                alpha[t] = m == 1 ? 1.0 : 0.5 + 0.5 * rng.nextDouble();
            }
            // random soft labels, Dirichlet(1, …, 1) per sample and factor
            for (int l = 0; l < n; l++) {
                for (int j = 0; j < m; j++) {
                    double sum = 0;
                    int base = l * mk + j * k;
                    for (int c = 0; c < k; c++) {
                        posterior[base + c] = -Math.log(1.0 - rng.nextDouble());
                        sum += posterior[base + c];
                    }
                    for (int c = 0; c < k; c++) {
                        posterior[base + c] /= sum;
                    }
                }
            }
            int batch = settings.batchSize() == 0 || settings.batchSize() >= n ? n : settings.batchSize();
            int[] order = new int[n];
            for (int l = 0; l < n; l++) {
                order[l] = l;
            }
            double forget = batch == n ? 0.0 : 1.0 - (double) batch / n;
            int cursor = n;
            double[] history = new double[settings.maxIterations()];
            int[] rows = Arrays.copyOf(order, batch);
            if (batch < n) {
                shuffle(order);
                System.arraycopy(order, 0, rows, 0, batch);
                cursor = batch;
            }
            accumulate(rows, 0.0);
            int iterations = 0;
            boolean converged = false;
            try (TaskPool pool = TaskPool.open("corex", settings.threads())) {
                while (iterations < settings.maxIterations()) {
                    marginals();
                    if (m > 1) {
                        updateAlpha();
                    }
                    if (batch < n) {
                        if (cursor + batch > n) {
                            shuffle(order);
                            cursor = 0;
                        }
                        System.arraycopy(order, cursor, rows, 0, batch);
                        cursor += batch;
                    }
                    label(pool, rows);
                    history[iterations] = totalTc(rows);
                    accumulate(rows, forget);
                    iterations++;
                    if (iterations > 10 && Math.abs(mean(history, iterations - 5, iterations)
                            - mean(history, iterations - 10, iterations - 5)) < settings.tolerance()) {
                        converged = true;
                        break;
                    }
                }
                marginals();
                int[] all = new int[n];
                for (int l = 0; l < n; l++) {
                    all[l] = l;
                }
                label(pool, all);
            }
            return result(iterations, converged);
        }

        private void shuffle(int[] a) {
            for (int t = a.length - 1; t > 0; t--) {
                int u = rng.nextInt(t + 1);
                int tmp = a[t];
                a[t] = a[u];
                a[u] = tmp;
            }
        }

        /** counts ← forget·counts + the soft counts of {@code rows}. */
        private void accumulate(int[] rows, double forget) {
            for (int t = 0; t < counts.length; t++) {
                counts[t] *= forget;
            }
            for (int t = 0; t < mk; t++) {
                factorCounts[t] *= forget;
            }
            byte[] v = x.values();
            for (int row : rows) {
                int post = row * mk;
                for (int c = 0; c < mk; c++) {
                    factorCounts[c] += posterior[post + c];
                }
                int xBase = row * p;
                for (int i = 0; i < p; i++) {
                    int symbol = v[xBase + i];
                    if (symbol < 0) {
                        continue;
                    }
                    int base = (i * s + symbol) * mk;
                    for (int c = 0; c < mk; c++) {
                        counts[base + c] += posterior[post + c];
                    }
                }
            }
        }

        /** p(y), p(x_i | y), the ratios ln p(x_i|y)/p(x_i), I(X_i : Y_j) and the weights α·ratio. */
        private void marginals() {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += factorCounts[j * k + c] + PSEUDO_COUNT;
                }
                for (int c = 0; c < k; c++) {
                    logPy[j * k + c] = Math.log((factorCounts[j * k + c] + PSEUDO_COUNT) / sum);
                }
            }
            int[] alphabet = x.alphabet();
            double[] conditional = new double[s * k];
            for (int i = 0; i < p; i++) {
                int a = alphabet[i];
                for (int j = 0; j < m; j++) {
                    for (int c = 0; c < k; c++) {
                        double sum = 0;
                        for (int v = 0; v < a; v++) {
                            sum += counts[(i * s + v) * mk + j * k + c] + PSEUDO_COUNT;
                        }
                        for (int v = 0; v < a; v++) {
                            conditional[v * k + c] = (counts[(i * s + v) * mk + j * k + c] + PSEUDO_COUNT) / sum;
                        }
                    }
                    double information = 0;
                    for (int v = 0; v < a; v++) {
                        double marginal = 0;
                        for (int c = 0; c < k; c++) {
                            marginal += Math.exp(logPy[j * k + c]) * conditional[v * k + c];
                        }
                        for (int c = 0; c < k; c++) {
                            double r = Math.log(conditional[v * k + c] / marginal);
                            ratio[(i * s + v) * mk + j * k + c] = r;
                            information += Math.exp(logPy[j * k + c]) * conditional[v * k + c] * r;
                        }
                    }
                    mi[i * m + j] = information;
                }
            }
            weigh();
        }

        private void weigh() {
            for (int i = 0; i < p; i++) {
                for (int v = 0; v < s; v++) {
                    int base = (i * s + v) * mk;
                    for (int j = 0; j < m; j++) {
                        double a = alpha[i * m + j];
                        for (int c = 0; c < k; c++) {
                            weights[base + j * k + c] = a * ratio[base + j * k + c];
                        }
                    }
                }
            }
        }

        private void updateAlpha() {
            for (int i = 0; i < p; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    max = Math.max(max, mi[i * m + j]);
                }
                for (int j = 0; j < m; j++) {
                    double gamma = GAMMA_MIN + GAMMA_PER_TC * Math.abs(tcs[j]);
                    double optimum = Math.exp(gamma * (mi[i * m + j] - max));
                    alpha[i * m + j] = (1 - DAMPING) * alpha[i * m + j] + DAMPING * optimum;
                }
            }
            weigh();
        }

        /** p(y_j | x) and ln Z_j(x) of the given rows (Eq. 7), in fixed chunks. */
        private void label(TaskPool pool, int[] rows) {
            int chunks = Math.min(CHUNKS, rows.length);
            pool.run(chunks, chunk -> {
                int from = (int) ((long) rows.length * chunk / chunks);
                int to = (int) ((long) rows.length * (chunk + 1) / chunks);
                double[] u = new double[mk];
                byte[] v = x.values();
                for (int t = from; t < to; t++) {
                    int row = rows[t];
                    System.arraycopy(logPy, 0, u, 0, mk);
                    int xBase = row * p;
                    for (int i = 0; i < p; i++) {
                        int symbol = v[xBase + i];
                        if (symbol < 0) {
                            continue;
                        }
                        int base = (i * s + symbol) * mk;
                        for (int c = 0; c < mk; c++) {
                            u[c] += weights[base + c];
                        }
                    }
                    for (int j = 0; j < m; j++) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int c = 0; c < k; c++) {
                            max = Math.max(max, u[j * k + c]);
                        }
                        double sum = 0;
                        for (int c = 0; c < k; c++) {
                            sum += Math.exp(u[j * k + c] - max);
                        }
                        double z = max + Math.log(sum);
                        logZ[row * m + j] = z;
                        for (int c = 0; c < k; c++) {
                            posterior[row * mk + j * k + c] = Math.exp(u[j * k + c] - z);
                        }
                    }
                }
            });
        }

        /** TC_j = mean of ln Z_j over the rows; their sum. */
        private double totalTc(int[] rows) {
            Arrays.fill(tcs, 0.0);
            for (int row : rows) {
                for (int j = 0; j < m; j++) {
                    tcs[j] += logZ[row * m + j];
                }
            }
            double total = 0;
            for (int j = 0; j < m; j++) {
                tcs[j] /= rows.length;
                total += tcs[j];
            }
            return total;
        }

        private CorexLayer result(int iterations, boolean converged) {
            double[] perSample = new double[n];
            for (int l = 0; l < n; l++) {
                for (int j = 0; j < m; j++) {
                    perSample[l] += logZ[l * m + j];
                }
            }
            double total = 0;
            for (double z : perSample) {
                total += z;
            }
            double mean = total / n;
            double squares = 0;
            for (double z : perSample) {
                squares += (z - mean) * (z - mean);
            }
            double error = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.NaN;
            double[] factorTc = new double[m];
            for (int l = 0; l < n; l++) {
                for (int j = 0; j < m; j++) {
                    factorTc[j] += logZ[l * m + j] / n;
                }
            }
            Integer[] rank = new Integer[m];
            for (int j = 0; j < m; j++) {
                rank[j] = j;
            }
            Arrays.sort(rank, (a, b) -> a.equals(b) ? 0 : factorTc[b] != factorTc[a]
                    ? Double.compare(factorTc[b], factorTc[a]) : Integer.compare(a, b));
            int[] newIndex = new int[m];
            double[] sortedTc = new double[m];
            double[][] sortedAlpha = new double[m][p];
            double[][] sortedMi = new double[m][p];
            for (int r = 0; r < m; r++) {
                int j = rank[r];
                newIndex[j] = r;
                sortedTc[r] = factorTc[j];
                for (int i = 0; i < p; i++) {
                    sortedAlpha[r][i] = alpha[i * m + j];
                    sortedMi[r][i] = mi[i * m + j];
                }
            }
            int[] clusters = new int[p];
            for (int i = 0; i < p; i++) {
                int best = 0;
                for (int r = 1; r < m; r++) {
                    if (sortedAlpha[r][i] > sortedAlpha[best][i]) {
                        best = r;
                    }
                }
                clusters[i] = best;
            }
            byte[] labels = new byte[n * m];
            for (int l = 0; l < n; l++) {
                for (int j = 0; j < m; j++) {
                    int best = 0;
                    for (int c = 1; c < k; c++) {
                        if (posterior[l * mk + j * k + c] > posterior[l * mk + j * k + best]) {
                            best = c;
                        }
                    }
                    labels[l * m + newIndex[j]] = (byte) best;
                }
            }
            int[] alphabet = new int[m];
            Arrays.fill(alphabet, k);
            return new CorexLayer(sortedTc, Estimate.of(mean, error), clusters, sortedAlpha, sortedMi,
                    new SymbolMatrix(n, m, labels, alphabet), iterations, converged, model(newIndex));
        }

        /** The parameters with the factors renumbered by {@code newIndex}. */
        private CorexModel model(int[] newIndex) {
            double[] sortedLogPy = new double[mk];
            double[] sortedWeights = new double[weights.length];
            for (int j = 0; j < m; j++) {
                int r = newIndex[j];
                System.arraycopy(logPy, j * k, sortedLogPy, r * k, k);
                for (int iv = 0; iv < p * s; iv++) {
                    System.arraycopy(weights, iv * mk + j * k, sortedWeights, iv * mk + r * k, k);
                }
            }
            return new CorexModel(p, s, m, k, sortedLogPy, sortedWeights);
        }
    }

    private static double mean(double[] a, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += a[t];
        }
        return sum / (to - from);
    }
}
