package dev.coarse.study;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Progress;
import dev.coarse.mc.Sampler;
import dev.coarse.mc.SamplerKind;
import dev.coarse.mc.TaskPool;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Couplings;
import dev.coarse.rg.FixedPoints;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.PolynomialFit;
import dev.coarse.rg.PseudoLikelihood;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The flow diagram of one real-space RG step (SCIENCE.md §4): for every coupling K of a grid, sample the Ising
 * model at K, coarse-grain every configuration once with a rule, and fit the coarse couplings K'<sub>α</sub> by
 * pseudo-likelihood over an operator set. The flow K → K'<sub>nn</sub> of the nearest-neighbour coupling (the
 * projection of the full flow K → (K'<sub>nn</sub>, K'<sub>nnn</sub>, …) on the NN axis) locates a fixed point
 * K* = K'(K*) and ν = ln b / ln (dK'/dK)|<sub>K*</sub>.
 *
 * <p><b>Truncation.</b> The fixed point of a projected one-coupling map is not the critical point: the coarse
 * Hamiltonian of a majority rule has NNN, plaquette, … couplings, and forcing it onto one coupling (or reading off
 * only its NN component) shifts K* away from K<sub>c</sub> and ν away from 1. The result is what the truncated map
 * gives; compare with the exact K<sub>c</sub> = 0.4407 and ν = 1 (2D Ising), not with an expectation of agreement.
 *
 * <p><b>Fixed point.</b> K'(K) is smoothed by a weighted polynomial fit over the grid (cubic from 5 points on,
 * else of degree n − 2 ≥ 1, linear for 2 points), K* is its first crossing of the diagonal ({@link FixedPoints}),
 * and the errors of K*, the slope and ν are the spread over parametric resamples of the K' points.
 *
 * <p><b>Sampling.</b> One chain per grid point, with streams split from {@code seed} in grid order
 * ({@link ChainRunner#chainStreams}); thermalise, then keep a configuration every {@code thin}
 * sweep-equivalents ({@link SweepUnits}). The coarse-graining randomness (majority ties) comes from the same
 * stream. Results do not depend on the thread count.
 */
public final class FlowDiagram {

    /** The default projected operator. */
    public static final String NN = "nn";
    /** Parametric resamples for the fixed-point errors. */
    public static final int RESAMPLES = 400;

    /**
     * What to compute.
     *
     * @param dimension  lattice dimension of the Ising model (2 for the flow diagram; 1 for the exact 1D checks)
     * @param linearSize L of the fine lattice
     * @param couplings  grid of K &gt; 0, strictly increasing, at least 2
     * @param rule       the coarse-graining step
     * @param operators  fitted on the coarse lattice; must contain {@value #NN}
     * @param sampler    Wolff or Swendsen–Wang (any per-configuration Ising sampler kind)
     * @param samples    configurations per grid point
     * @param thin       sweep-equivalents between kept configurations
     * @param thermalize discarded sweep-equivalents (≥ {@link BinderScan#MIN_THERMALIZE})
     */
    public record Spec(int dimension, int linearSize, double[] couplings, CoarseGraining rule, OperatorSet operators,
                       SamplerKind sampler, int samples, int thin, int thermalize, long seed, int threads) {
        public Spec {
            couplings = couplings.clone();
            if (couplings.length < 2) {
                throw new IllegalArgumentException("a flow needs at least 2 couplings, got " + couplings.length);
            }
            for (int i = 0; i < couplings.length; i++) {
                if (!(couplings[i] > 0) || !Double.isFinite(couplings[i])
                        || (i > 0 && couplings[i] <= couplings[i - 1])) {
                    throw new IllegalArgumentException("couplings must be finite, > 0 and strictly increasing, got "
                            + Arrays.toString(couplings));
                }
            }
            if (!operators.names().contains(NN)) {
                throw new IllegalArgumentException("the operator set must contain 'nn', got " + operators);
            }
            if (samples < 2 || thin < 1) {
                throw new IllegalArgumentException("need samples ≥ 2 and thin ≥ 1, got " + samples + ", " + thin);
            }
            if (thermalize < BinderScan.MIN_THERMALIZE) {
                throw new IllegalArgumentException("thermalize must be ≥ " + BinderScan.MIN_THERMALIZE + ", got "
                        + thermalize);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
            }
            Lattice fine = Lattice.of(dimension, linearSize);
            rule.coarseLattice(fine); // rejects sizes the rule cannot block (e.g. odd L for b = 2)
            IsingModel probe = IsingModel.atCoupling(fine, couplings[0]);
            sampler.create(probe); // rejects samplers the model does not take, now
        }

        /** Total sweep-equivalents (the total given to {@link Progress}). */
        public long totalSweeps() {
            return couplings.length * (thermalize + (long) samples * thin);
        }
    }

    /** One grid point: K and the fitted coarse couplings (all operators, jackknife errors). */
    public record Point(double coupling, Couplings coarse) {
        /** K'<sub>nn</sub>. */
        public Estimate projected() {
            return coarse.get(NN);
        }
    }

    /** K*, the slope λ = dK'/dK there and ν = ln b / ln λ, with resampling errors (ν NaN if λ ≤ 1). */
    public record FixedPoint(Estimate coupling, Estimate slope, Estimate nu) {
    }

    /** The flow and its fixed point (empty when K'(K) − K does not change sign on the grid). */
    public record Result(Spec spec, List<Point> points, Optional<FixedPoint> fixedPoint, long elapsedNanos) {
        public Result {
            points = List.copyOf(points);
        }

        /** {K, K'<sub>nn</sub>, error} per grid point. */
        public double[][] flow() {
            double[][] out = new double[points.size()][];
            for (int i = 0; i < out.length; i++) {
                Point p = points.get(i);
                out[i] = new double[] {p.coupling(), p.projected().mean(), p.projected().error()};
            }
            return out;
        }
    }

    private FlowDiagram() {
    }

    /** Samples, coarse-grains and fits every grid point, then locates the fixed point. {@code progress} may be null. */
    public static Result run(Spec spec, Progress progress) {
        long start = System.nanoTime();
        double[] ks = spec.couplings();
        int count = ks.length;
        List<RandomGenerator> streams = ChainRunner.chainStreams(spec.seed(), count);
        Point[] points = new Point[count];
        AtomicLong done = new AtomicLong();
        TaskPool.run("flow-diagram", count, spec.threads(), i -> points[i] = point(spec, ks[i], streams.get(i), done, progress));
        double[] kp = new double[count];
        double[] err = new double[count];
        for (int i = 0; i < count; i++) {
            kp[i] = points[i].projected().mean();
            err[i] = points[i].projected().error();
        }
        Optional<FixedPoint> fp = fixedPoint(ks, kp, err, spec.rule().scaleFactor(), RESAMPLES, spec.seed());
        return new Result(spec, Arrays.asList(points), fp, System.nanoTime() - start);
    }

    /** Degree of the smoothing polynomial for n grid points. */
    static int degreeFor(int points) {
        return points >= 5 ? 3 : Math.max(1, points - 2);
    }

    /**
     * The fixed point of a measured one-coupling map K → K' (values with errors): polynomial smoothing, the first
     * crossing of the diagonal on [K<sub>first</sub>, K<sub>last</sub>], errors from {@code resamples} parametric
     * resamples (resamples without a crossing are skipped; the slope's and ν's spread is over those with one).
     *
     * @return empty when the smoothed map does not cross the diagonal inside the grid
     */
    public static Optional<FixedPoint> fixedPoint(double[] k, double[] kPrime, double[] errors, double b,
                                                  int resamples, long seed) {
        int n = k.length;
        int degree = degreeFor(n);
        double lo = k[0];
        double hi = k[n - 1];
        Optional<FixedPoints.FixedPoint> base = FixedPoints.find(PolynomialFit.fit(k, kPrime, errors, degree), lo, hi, b);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] stats = new double[3][3]; // [quantity][count, sum, sum²]
        double[] v = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                v[i] = kPrime[i] + errors[i] * rng.nextGaussian();
            }
            Optional<FixedPoints.FixedPoint> f = FixedPoints.find(PolynomialFit.fit(k, v, errors, degree), lo, hi, b);
            if (f.isPresent()) {
                add(stats[0], f.get().coupling());
                add(stats[1], f.get().slope());
                add(stats[2], f.get().nu());
            }
        }
        FixedPoints.FixedPoint fp = base.get();
        return Optional.of(new FixedPoint(Estimate.of(fp.coupling(), spread(stats[0])),
                Estimate.of(fp.slope(), spread(stats[1])), Estimate.of(fp.nu(), spread(stats[2]))));
    }

    private static void add(double[] s, double x) {
        if (Double.isFinite(x)) {
            s[0]++;
            s[1] += x;
            s[2] += x * x;
        }
    }

    /** Sample standard deviation, NaN with fewer than 2 values. */
    private static double spread(double[] s) {
        if (s[0] < 2) {
            return Double.NaN;
        }
        double mean = s[1] / s[0];
        return Math.sqrt(Math.max(0, (s[2] / s[0] - mean * mean) * s[0] / (s[0] - 1)));
    }

    private static Point point(Spec spec, double k, RandomGenerator rng, AtomicLong done, Progress progress) {
        Lattice fine = Lattice.of(spec.dimension(), spec.linearSize());
        Lattice coarse = spec.rule().coarseLattice(fine);
        IsingModel model = IsingModel.atCoupling(fine, k);
        Sampler sampler = spec.sampler().create(model);
        byte[] state = ChainRunner.randomConfiguration(model, rng);
        SweepUnits units = new SweepUnits(sampler);
        long total = spec.totalSweeps();
        units.thermalize(state, spec.thermalize(), rng, () -> { });
        tick(spec.thermalize(), done, total, progress);
        byte[][] blocked = new byte[spec.samples()][];
        long counted = 0;
        for (int s = 0; s < spec.samples(); s++) {
            for (int t = 0; t < spec.thin(); t++) {
                units.advance(state, rng);
            }
            blocked[s] = new byte[coarse.siteCount()];
            spec.rule().apply(fine, state, blocked[s], rng);
            if ((s + 1) % Math.max(1, spec.samples() / 20) == 0) {
                tick((long) spec.thin() * Math.max(1, spec.samples() / 20), done, total, progress);
                counted += (long) spec.thin() * Math.max(1, spec.samples() / 20);
            }
        }
        tick((long) spec.thin() * spec.samples() - counted, done, total, progress);
        Couplings c = PseudoLikelihood.fit(blocked, coarse, spec.operators(),
                Math.min(PseudoLikelihood.DEFAULT_BLOCKS, spec.samples()));
        return new Point(k, c);
    }

    private static void tick(long sweeps, AtomicLong done, long total, Progress progress) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("flow diagram cancelled");
        }
        if (progress != null) {
            progress.advance(done.addAndGet(sweeps), total);
        }
    }
}
