package dev.coarse.learn.rbm;

import dev.coarse.stats.Estimate;
import dev.coarse.stats.MeanEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The RBM recipe for the real-space RG of the 2D Ising model (Y.-Z. You's lecture "重整化群与深度学习",
 * part "Ising模型重整化"; SCIENCE.md §5), and one extension of it.
 *
 * <p><b>Block 2 (the lecture).</b> Split the square lattice into corner-sharing 2×2 plaquettes (the faces of
 * one colour of the face checkerboard): every bond lies in exactly one plaquette and every site is a corner
 * of exactly two, so H = Σ<sub>plaquettes</sub> H<sub>loc</sub> with
 * P<sub>loc</sub>(σ) ∝ exp(J(σ₀σ₁ + σ₂σ₃ + σ₀σ₂ + σ₁σ₃)) (σ₀ σ₁ / σ₂ σ₃ the plaquette's rows). Fit an RBM
 * with one hidden spin τ, ±1 units and no biases (they vanish by spin-flip symmetry),
 * P<sub>RBM</sub>(σ) ∝ Σ<sub>τ</sub> exp(τ Σ<sub>i</sub> w<sub>i</sub>σ<sub>i</sub>), by minimising
 * KL(P<sub>loc</sub>‖P<sub>RBM</sub>); the optimum has w<sub>i</sub> = w(J). Replacing every plaquette by its
 * RBM and summing each visible spin σ, which couples only the two τ of its two plaquettes:
 * Σ<sub>σ</sub> e<sup>wσ(τ₁+τ₂)</sup> = 2cosh(w(τ₁+τ₂)) = const · e<sup>J′τ₁τ₂</sup>, with
 * J′ = R(J) = ½ ln cosh 2w(J) (both sides agree for τ₁τ₂ = ±1). The τ live on the plaquette centres, a
 * square lattice rotated by 45° with spacing √2, so ν = ln √2 / ln R′(J*).
 *
 * <p><b>Block 3 (extension).</b> 3×3-site blocks on a grid of spacing 2, neighbouring blocks sharing an edge
 * of three sites and four blocks sharing each corner site; a bond on a block's boundary belongs to two
 * blocks and enters each H<sub>loc</sub> with J/2, an inner bond with J. One hidden spin per block, weights
 * w<sub>k</sub> for the 9 sites (corner w<sub>c</sub>, edge w<sub>e</sub>, centre w<sub>0</sub> by symmetry).
 * Summing the visible spins: the centre gives a constant; an edge midpoint, shared by two neighbouring
 * blocks, gives ½ ln cosh 2w<sub>e</sub> τ₁τ₂; a corner site, shared by four blocks around a coarse
 * plaquette, gives ln cosh(w<sub>c</sub>(τ₁+τ₂+τ₃+τ₄)) = A + B Σ<sub>pairs</sub>τ<sub>a</sub>τ<sub>b</sub> +
 * C τ₁τ₂τ₃τ₄. Coarse couplings: nearest neighbour K₁′ = ½ ln cosh 2w<sub>e</sub> + 2B (two shared corners),
 * diagonal K₂′ = B, four-spin K₄′ = C. The map is closed on the nearest-neighbour coupling by the
 * mean-field-equivalent projection J′ = K₁′ + K₂′ (equal coordination 4 of both neighbour shells); K₄′ is
 * dropped. Scale factor 2, so ν = ln 2 / ln R′(J*). This projection is a stated approximation.
 */
public final class RbmRecipe {

    /** Supported block geometries: 2 (corner-sharing 2×2 plaquettes) and 3 (edge-sharing 3×3 blocks). */
    public static final int[] BLOCKS = {2, 3};

    private RbmRecipe() {
    }

    /** A fixed point of a one-coupling map with its thermal exponent. */
    public record FixedPoint(Estimate couplingStar, Estimate nu, Estimate slope, double weightStar) {
    }

    /**
     * The recipe's output: fixed point, exponent, w at the fixed point, and the map sampled on a grid of J
     * ({@code flow.get(k) = {J, R(J)}}).
     */
    public record Result(int block, String method, FixedPoint fixedPoint, List<double[]> flow) {
    }

    /** Linear scale factor of one step: √2 for block 2, 2 for block 3. */
    public static double scaleFactor(int block) {
        requireBlock(block);
        return block == 2 ? Math.sqrt(2) : 2.0;
    }

    /** Number of visible units of a block: 4 or 9. */
    public static int blockSites(int block) {
        requireBlock(block);
        return block * block;
    }

    /**
     * The local distribution P<sub>loc</sub> of one block at coupling J, indexed by visible code (bit k set ⇔
     * site k is +1; sites row-major in the block).
     */
    public static double[] blockDistribution(int block, double couplingJ) {
        int n = blockSites(block);
        double[] logWeights = new double[1 << n];
        double[] s = new double[n];
        for (int code = 0; code < logWeights.length; code++) {
            RbmExact.decode(UnitType.SPIN, code, n, s);
            logWeights[code] = couplingJ * bondSum(block, s);
        }
        return RbmExact.normalizeExp(logWeights);
    }

    /** −H<sub>loc</sub>/J of a block: Σ bonds, boundary bonds of block 3 counted with weight ½. */
    static double bondSum(int block, double[] s) {
        double sum = 0;
        for (int r = 0; r < block; r++) {
            for (int c = 0; c < block; c++) {
                int k = r * block + c;
                if (c + 1 < block) {
                    double weight = block == 3 && (r == 0 || r == block - 1) ? 0.5 : 1.0;
                    sum += weight * s[k] * s[k + 1];
                }
                if (r + 1 < block) {
                    double weight = block == 3 && (c == 0 || c == block - 1) ? 0.5 : 1.0;
                    sum += weight * s[k] * s[k + block];
                }
            }
        }
        return sum;
    }

    /**
     * The RBM (one hidden spin, no biases) minimising KL(P<sub>loc</sub>‖P<sub>RBM</sub>) exactly, oriented so that
     * Σ w ≥ 0 (the τ → −τ mirror image is equally good).
     *
     * <p>With one hidden spin and no biases the KL has a closed form: summing τ first,
     * Z(w) = 2 Π<sub>i</sub> 2cosh w<sub>i</sub>, so KL(w) = const − ⟨ln cosh(wᵀσ)⟩<sub>loc</sub> + Σ<sub>i</sub> ln cosh w<sub>i</sub>,
     * with gradient tanh w<sub>i</sub> − ⟨σ<sub>i</sub> tanh(wᵀσ)⟩ and Hessian diag(sech² w<sub>i</sub>) − ⟨σσᵀ sech²(wᵀσ)⟩.
     * Damped Newton from w = ½ (w = 0 is a saddle point: E[τ|σ] = 0 kills the gradient) until every gradient
     * component is below 1e-13. {@link ExactFit} does the same by plain gradient descent for any RBM.
     */
    public static Rbm fitExact(int block, double couplingJ) {
        int n = blockSites(block);
        double[] p = blockDistribution(block, couplingJ);
        double[][] states = new double[p.length][n];
        for (int code = 0; code < p.length; code++) {
            RbmExact.decode(UnitType.SPIN, code, n, states[code]);
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 0.5);
        double[] grad = new double[n];
        double[][] hess = new double[n][n];
        for (int iteration = 0; iteration < 200; iteration++) {
            double largest = klGradient(p, states, w, grad, hess);
            if (largest < 1e-13) {
                break;
            }
            double[] step = solve(hess, grad);
            // A Newton step on a non-convex region can point uphill; then take the gradient direction.
            if (dot(step, grad) <= 0) {
                step = grad.clone();
            }
            double current = klUpToConstant(p, states, w);
            double t = 1;
            double[] trial = new double[n];
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = w[i] - t * step[i];
                }
                if (klUpToConstant(p, states, trial) <= current + 1e-15 || t < 1e-8) {
                    break;
                }
                t /= 2;
            }
            w = trial;
        }
        Rbm rbm = new Rbm(UnitType.SPIN, new double[n], new double[1], w);
        orient(rbm);
        return rbm;
    }

    private static double klUpToConstant(double[] p, double[][] states, double[] w) {
        double kl = 0;
        for (double wi : w) {
            kl += Math.log(Math.cosh(wi));
        }
        for (int code = 0; code < p.length; code++) {
            kl -= p[code] * Math.log(Math.cosh(dot(w, states[code])));
        }
        return kl;
    }

    /** Writes the KL gradient and Hessian; returns the largest gradient component in magnitude. */
    private static double klGradient(double[] p, double[][] states, double[] w, double[] grad, double[][] hess) {
        int n = w.length;
        for (int i = 0; i < n; i++) {
            grad[i] = Math.tanh(w[i]);
            java.util.Arrays.fill(hess[i], 0);
            double c = Math.cosh(w[i]);
            hess[i][i] = 1 / (c * c);
        }
        for (int code = 0; code < p.length; code++) {
            double[] s = states[code];
            double x = dot(w, s);
            double th = Math.tanh(x);
            double sech2 = 1 - th * th;
            for (int i = 0; i < n; i++) {
                grad[i] -= p[code] * s[i] * th;
                for (int j = 0; j < n; j++) {
                    hess[i][j] -= p[code] * s[i] * s[j] * sech2;
                }
            }
        }
        double largest = 0;
        for (double g : grad) {
            largest = Math.max(largest, Math.abs(g));
        }
        return largest;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves H x = g by Gaussian elimination with partial pivoting (n ≤ 9); returns g itself if H is singular. */
    private static double[] solve(double[][] h, double[] g) {
        int n = g.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(h[i], 0, m[i], 0, n);
            m[i][n] = g[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-300) {
                return g.clone();
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    static void orient(Rbm rbm) {
        double sum = 0;
        for (double w : rbm.weights()) {
            sum += w;
        }
        if (sum < 0) {
            double[] w = rbm.weights();
            for (int k = 0; k < w.length; k++) {
                w[k] = -w[k];
            }
        }
    }

    /** The coarse coupling J′ from a fitted one-hidden-spin block RBM (see the class comment). */
    public static double coarseCoupling(int block, Rbm rbm) {
        double[] w = rbm.weights();
        if (block == 2) {
            double mean = (w[0] + w[1] + w[2] + w[3]) / 4;
            return 0.5 * Math.log(Math.cosh(2 * mean));
        }
        requireBlock(block);
        double edge = (w[1] + w[3] + w[5] + w[7]) / 4;
        double corner = (w[0] + w[2] + w[6] + w[8]) / 4;
        double[] abc = cornerExpansion(corner);
        double nearest = 0.5 * Math.log(Math.cosh(2 * edge)) + 2 * abc[1];
        double diagonal = abc[1];
        return nearest + diagonal;
    }

    /**
     * {A, B, C} with ln cosh(w(τ₁+τ₂+τ₃+τ₄)) = A + B Σ<sub>a&lt;b</sub>τ<sub>a</sub>τ<sub>b</sub> + C τ₁τ₂τ₃τ₄ for all
     * τ ∈ {±1}⁴: from m = Στ ∈ {4, 2, 0}, where (Σ pairs, product) = (6, 1), (0, −1), (−2, 1).
     */
    public static double[] cornerExpansion(double w) {
        double f4 = Math.log(Math.cosh(4 * w));
        double f2 = Math.log(Math.cosh(2 * w));
        // f4 = A + 6B + C, f2 = A − C, 0 = A − 2B + C: the first minus the third gives f4 = 8B,
        // then A + C = 2B and A − C = f2.
        double b = f4 / 8;
        double a = (2 * b + f2) / 2;
        double c = (2 * b - f2) / 2;
        return new double[] {a, b, c};
    }

    /** R(J) with w(J) fitted by exact KL minimisation. */
    public static double exactMap(int block, double couplingJ) {
        return coarseCoupling(block, fitExact(block, couplingJ));
    }

    /**
     * The non-trivial fixed point of a one-coupling map: the first sign change of R(J) − J on a grid
     * J = 0.05, 0.10, …, 3, refined by bisection to {@code tolerance}; R′(J*) by a central difference with
     * step {@code h}; ν = ln b / ln R′(J*).
     */
    public static FixedPoint fixedPoint(DoubleUnaryOperator map, double scaleFactor, double tolerance, double h) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        double previous = map.applyAsDouble(0.05) - 0.05;
        for (double j = 0.10; j <= 3.0 + 1e-9; j += 0.05) {
            double g = map.applyAsDouble(j) - j;
            if (Math.signum(g) != Math.signum(previous)) {
                lo = j - 0.05;
                hi = j;
                break;
            }
            previous = g;
        }
        if (Double.isNaN(lo)) {
            throw new IllegalStateException("no non-trivial fixed point in J ∈ (0.05, 3]");
        }
        double gLo = map.applyAsDouble(lo) - lo;
        while (hi - lo > tolerance) {
            double mid = 0.5 * (lo + hi);
            double g = map.applyAsDouble(mid) - mid;
            if (Math.signum(g) == Math.signum(gLo)) {
                lo = mid;
                gLo = g;
            } else {
                hi = mid;
            }
        }
        double star = 0.5 * (lo + hi);
        double slope = (map.applyAsDouble(star + h) - map.applyAsDouble(star - h)) / (2 * h);
        double nu = Math.log(scaleFactor) / Math.log(slope);
        return new FixedPoint(Estimate.exact(star), Estimate.exact(nu), Estimate.exact(slope), Double.NaN);
    }

    /** The exact-KL recipe: J*, ν, w* and the map on the grid J = 0.05 … 1.5 (error 0: no sampling). */
    public static Result exact(int block) {
        DoubleUnaryOperator map = j -> exactMap(block, j);
        FixedPoint fp = fixedPoint(map, scaleFactor(block), 1e-10, 1e-4);
        double wStar = meanWeight(fitExact(block, fp.couplingStar().mean()));
        return new Result(block, "exact", new FixedPoint(fp.couplingStar(), fp.nu(), fp.slope(), wStar),
                flowGrid(map));
    }

    /** The map R sampled at J = 0.05, 0.10, …, 1.5. */
    public static List<double[]> flowGrid(DoubleUnaryOperator map) {
        return flowGrid(0.05, 30, map);
    }

    /** The map R sampled at J = step, 2·step, …, points·step. */
    public static List<double[]> flowGrid(double step, int points, DoubleUnaryOperator map) {
        List<double[]> flow = new ArrayList<>();
        for (int k = 1; k <= points; k++) {
            double j = step * k;
            flow.add(new double[] {j, map.applyAsDouble(j)});
        }
        return flow;
    }

    /** The trajectory J₀, R(J₀), R(R(J₀)), … ({@code steps} + 1 values). */
    public static double[] iterate(DoubleUnaryOperator map, double start, int steps) {
        double[] t = new double[steps + 1];
        t[0] = start;
        for (int k = 1; k <= steps; k++) {
            t[k] = map.applyAsDouble(t[k - 1]);
        }
        return t;
    }

    /** Mean of an RBM's weights. */
    public static double meanWeight(Rbm rbm) {
        double s = 0;
        for (double w : rbm.weights()) {
            s += w;
        }
        return s / rbm.weights().length;
    }

    /**
     * Settings of the CD variant.
     *
     * @param replicas      independent replicas (seeds), ≥ 2; the error is their standard error
     * @param samples       plaquettes drawn exactly from P<sub>loc</sub> per replica and J
     * @param trainer       CD settings (biases are never trained here); its seed is replaced per replica
     * @param averageEpochs the last this many epochs' weights are averaged (Polyak averaging)
     */
    public record CdSettings(int replicas, int samples, RbmTrainer.Config trainer, int averageEpochs) {

        public CdSettings {
            if (replicas < 2 || samples < 1 || averageEpochs < 1 || averageEpochs > trainer.epochs()) {
                throw new IllegalArgumentException("bad CD recipe settings");
            }
        }

        /** 6 replicas × 4000 plaquettes, CD-3, η = 0.02, μ = 0.5, batches of 32, 8 epochs, last 4 averaged. */
        public static CdSettings defaults(long seed) {
            RbmTrainer.Config c = new RbmTrainer.Config(3, false, 0.02, 0.5, 0, 0, 32, 8, seed, 1, false);
            return new CdSettings(6, 4000, c, 4);
        }
    }

    /**
     * w(J) learned by CD on {@code samples} plaquettes drawn exactly (inverse CDF over the 2^n block states)
     * from P<sub>loc</sub>(J). The uniforms come from {@code dataSeed} alone, so the samples of different J are
     * common random numbers and the learned map is smooth enough in J for root finding.
     */
    public static Rbm fitCd(int block, double couplingJ, CdSettings settings, long dataSeed) {
        int n = blockSites(block);
        double[] p = blockDistribution(block, couplingJ);
        byte[][] data = sampleExactly(p, n, settings.samples(), dataSeed);
        Rbm rbm = new Rbm(UnitType.SPIN, n, 1);
        java.util.Arrays.fill(rbm.weights(), 0.5);
        RbmTrainer.Config base = settings.trainer().withTrainBiases(false);
        double[] average = new double[n];
        int epochs = base.epochs();
        for (int epoch = 0; epoch < epochs; epoch++) {
            RbmTrainer trainer = new RbmTrainer(base.withBatches(base.batchSize(), 1).withSeed(dataSeed * 31 + epoch));
            trainer.train(rbm, data);
            if (epoch >= epochs - settings.averageEpochs()) {
                for (int k = 0; k < n; k++) {
                    average[k] += rbm.weights()[k] / settings.averageEpochs();
                }
            }
        }
        Rbm averaged = new Rbm(UnitType.SPIN, new double[n], new double[1], average);
        orient(averaged);
        return averaged;
    }

    /** {@code count} configurations drawn iid from {@code p} over codes of {@code n} spins. */
    public static byte[][] sampleExactly(double[] p, int n, int count, long seed) {
        double[] cdf = new double[p.length];
        double acc = 0;
        for (int k = 0; k < p.length; k++) {
            acc += p[k];
            cdf[k] = acc;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        byte[][] data = new byte[count][n];
        for (int m = 0; m < count; m++) {
            double u = rng.nextDouble() * acc;
            int lo = 0;
            int hi = p.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            for (int i = 0; i < n; i++) {
                data[m][i] = (byte) (((lo >>> i) & 1) != 0 ? 1 : -1);
            }
        }
        return data;
    }

    /**
     * The CD recipe. For each replica r (data seed drawn from {@code settings.trainer().seed()}), the learned map
     * R<sub>r</sub>(J) of {@link #fitCd} is evaluated at the 7 points J = J*<sub>exact</sub> + 0.04·(k − 3),
     * k = 0…6, and fitted by least squares with a quadratic R<sub>r</sub>(J) ≈ α + βx + γx², x = J − J*<sub>exact</sub>;
     * J*<sub>r</sub> is the root of the quadratic minus J nearest to J*<sub>exact</sub>, R′<sub>r</sub> = β + 2γx*,
     * ν<sub>r</sub> = ln b / ln R′<sub>r</sub>. (A local fit instead of bisection: the learned map is noisy in J,
     * and a finite difference of a noisy map gives a useless slope.) The results are the means over replicas
     * with their standard errors; the flow is the replicas' mean map at J = 0.2, 0.4, …, 1.6.
     */
    public static Result contrastiveDivergence(int block, CdSettings settings) {
        double centre = fixedPoint(j -> exactMap(block, j), scaleFactor(block), 1e-6, 1e-4).couplingStar().mean();
        SplittableRandom seeds = new SplittableRandom(settings.trainer().seed());
        int r = settings.replicas();
        double[] stars = new double[r];
        double[] nus = new double[r];
        double[] slopes = new double[r];
        double[] weights = new double[r];
        long[] dataSeeds = new long[r];
        double[] x = new double[7];
        double[] y = new double[7];
        for (int k = 0; k < r; k++) {
            long dataSeed = seeds.nextLong();
            dataSeeds[k] = dataSeed;
            for (int m = 0; m < x.length; m++) {
                x[m] = 0.04 * (m - 3);
                y[m] = coarseCoupling(block, fitCd(block, centre + x[m], settings, dataSeed));
            }
            double[] q = quadraticFit(x, y);
            // R(J) = J ⇔ (α − J*_exact) + (β − 1)x + γx² = 0: the root nearest x = 0 (the linear root if the
            // quadratic has none there).
            double a = q[2];
            double b = q[1] - 1;
            double c = q[0] - centre;
            double root = -c / b;
            double disc = b * b - 4 * a * c;
            if (Math.abs(a) > 1e-12 && disc >= 0) {
                double r1 = (-b + Math.sqrt(disc)) / (2 * a);
                double r2 = (-b - Math.sqrt(disc)) / (2 * a);
                double nearest = Math.abs(r1) < Math.abs(r2) ? r1 : r2;
                if (Math.abs(nearest) < 0.25) {
                    root = nearest;
                }
            }
            stars[k] = centre + root;
            slopes[k] = q[1] + 2 * q[2] * root;
            nus[k] = Math.log(scaleFactor(block)) / Math.log(slopes[k]);
            weights[k] = meanWeight(fitCd(block, stars[k], settings, dataSeed));
        }
        List<double[]> flow = flowGrid(0.2, 8, j -> {
            double s = 0;
            for (long ds : dataSeeds) {
                s += coarseCoupling(block, fitCd(block, j, settings, ds));
            }
            return s / dataSeeds.length;
        });
        FixedPoint fp = new FixedPoint(MeanEstimator.ofIndependent(stars), MeanEstimator.ofIndependent(nus),
                MeanEstimator.ofIndependent(slopes), MeanEstimator.ofIndependent(weights).mean());
        return new Result(block, "cd", fp, flow);
    }

    /** Least-squares {α, β, γ} of y ≈ α + βx + γx². */
    static double[] quadraticFit(double[] x, double[] y) {
        double[][] normal = new double[3][3];
        double[] rhs = new double[3];
        for (int m = 0; m < x.length; m++) {
            double[] basis = {1, x[m], x[m] * x[m]};
            for (int i = 0; i < 3; i++) {
                rhs[i] += basis[i] * y[m];
                for (int j = 0; j < 3; j++) {
                    normal[i][j] += basis[i] * basis[j];
                }
            }
        }
        return solve(normal, rhs);
    }

    static void requireBlock(int block) {
        if (block != 2 && block != 3) {
            throw new IllegalArgumentException("block must be 2 (corner-sharing 2×2 plaquettes) or 3 (edge-sharing"
                    + " 3×3 blocks), got " + block);
        }
    }
}
