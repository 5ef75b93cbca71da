package dev.coarse.mc;

import dev.coarse.model.FieldModel;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Runs independent chains of a {@link FieldSampler} in parallel: the field-model sibling of {@link ChainRunner},
 * with the same stream discipline ({@link ChainRunner#chainStreams}: the root generator seeded with the spec's seed is
 * split once per chain, in chain order, before any thread starts) and the same executor ({@link TaskPool}), so the
 * result for a seed is identical for every thread count.
 *
 * <p>Chain c draws a hot start φ<sub>k</sub> ~ N(0, 1) for every real component from its stream, runs
 * {@code thermalize} updates with step tuning on, freezes the step, resets the acceptance counts, then runs
 * {@code updates} updates, measuring and copying the configuration after every {@code thin}-th.
 */
public final class FieldChainRunner {

    private static final int REPORTS_PER_CHAIN = 100;

    private FieldChainRunner() {
    }

    /**
     * Runs {@code spec}; {@code progress} may be null (it counts updates).
     *
     * @throws IllegalStateException if the run is interrupted or a chain fails
     */
    public static FieldChainResult run(FieldRunSpec spec, Progress progress) {
        long start = System.nanoTime();
        int chains = spec.chains();
        int samples = spec.samplesPerChain();
        double[][] configurations = new double[chains * samples][];
        double[][] action = new double[chains][samples];
        double[][] fieldSquared = new double[chains][samples];
        double[][] magnetization = new double[chains][samples];
        double[] acceptance = new double[chains];
        double[] stepSize = new double[chains];
        int[] leapfrogSteps = new int[chains];
        List<RandomGenerator> streams = ChainRunner.chainStreams(spec.seed(), chains);
        AtomicLong done = new AtomicLong();
        TaskPool.run("sampling", chains, spec.threads(), c -> {
            RandomGenerator rng = streams.get(c);
            FieldSampler sampler = spec.newSampler();
            FieldModel model = spec.model();
            double[] field = new double[model.fieldLength()];
            for (int k = 0; k < field.length; k++) {
                field[k] = rng.nextGaussian();
            }
            long chainUpdates = spec.thermalize() + spec.updates();
            long reportEvery = Math.max(1, chainUpdates / REPORTS_PER_CHAIN);
            sampler.step().tuning(true);
            int kept = 0;
            for (long u = 1; u <= chainUpdates; u++) {
                if (u == spec.thermalize() + 1) {
                    sampler.step().tuning(false);
                    sampler.step().resetCounts();
                }
                sampler.update(field, rng);
                long production = u - spec.thermalize();
                if (production > 0 && production % spec.thin() == 0 && kept < samples) {
                    action[c][kept] = model.action(field) / model.lattice().siteCount();
                    fieldSquared[c][kept] = fieldSquaredPerSite(model, field);
                    magnetization[c][kept] = absMagnetizationPerSite(model, field);
                    configurations[c * samples + kept] = field.clone();
                    kept++;
                }
                if (u % reportEvery == 0 || u == chainUpdates) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("chain " + c + " cancelled");
                    }
                    if (progress != null) {
                        long step = u % reportEvery == 0 ? reportEvery : u % reportEvery;
                        progress.advance(done.addAndGet(step), spec.totalUpdates());
                    }
                }
            }
            acceptance[c] = sampler.step().acceptance();
            stepSize[c] = sampler.step().size();
            leapfrogSteps[c] = sampler instanceof HybridMonteCarlo hmc ? hmc.leapfrogSteps() : 0;
        });
        return new FieldChainResult(spec, configurations, action, fieldSquared, magnetization, acceptance, stepSize,
                leapfrogSteps, System.nanoTime() - start);
    }

    /** Σ<sub>x</sub>|φ<sub>x</sub>|²/N: the sum of squares of every real component, over the sites. */
    public static double fieldSquaredPerSite(FieldModel model, double[] field) {
        double sum = 0;
        for (double v : field) {
            sum += v * v;
        }
        return sum / model.lattice().siteCount();
    }

    /** |Σ<sub>x</sub>φ<sub>x</sub>|/N, the modulus of the summed complex value for a complex field. */
    public static double absMagnetizationPerSite(FieldModel model, double[] field) {
        int parts = model.componentsPerSite();
        double norm2 = 0;
        for (int p = 0; p < parts; p++) {
            double sum = 0;
            for (int k = p; k < field.length; k += parts) {
                sum += field[k];
            }
            norm2 += sum * sum;
        }
        return Math.sqrt(norm2) / model.lattice().siteCount();
    }
}
