package dev.coarse.learn.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.coarse.learn.engine.AdamOptimizer;
import dev.coarse.learn.engine.TorchEngine;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a {@link HierarchicalFlow} on a target's action alone (Li &amp; Wang 2018): each step draws a batch
 * z ∼ N(0, I), x = g(z), and takes an Adam step on the reparameterised loss
 * βF<sub>q</sub> ≈ mean[ln q(x) + S(x)], ln q(x) = ln N(z) − ln|det ∂g/∂z|; −βF<sub>q</sub> + offset ≤ ln Z for every
 * flow. Gradients come from DJL's autograd ({@link GradientCollector}), no hand-written backpropagation.
 *
 * <p>Randomness: one seed split into {@link SplittableRandom} streams in a fixed order — the initial weights, then
 * one stream per epoch for its latents — so a resumed run draws the same latents for its later epochs as an
 * uninterrupted one; Adam's moments and step count travel in the checkpoint ({@link TrainedFlow#optimizer()}), so a
 * resumed run is bit-identical to an uninterrupted one. Nothing is drawn from PyTorch's generator; on one machine, libtorch and
 * intra-op thread count a run is bit-identical for a seed.
 */
public final class FlowTrainer {

    private final FlowSettings settings;

    public FlowTrainer(FlowSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public FlowSettings settings() {
        return settings;
    }

    /** Trains from scratch; see {@link #train(FlowTarget, TrainedFlow, double, FlowProgress)}. */
    public TrainedFlow train(FlowTarget target, FlowProgress progress) {
        return train(target, null, Double.POSITIVE_INFINITY, progress);
    }

    /**
     * Trains until {@code settings.epochs()} epochs are done or, after an epoch, {@code maxSeconds} of this session's
     * wall-clock time have passed.
     *
     * @param start       a checkpoint to continue (same architecture and settings), or null to start afresh
     * @param maxSeconds  the wall-clock budget of this session, positive
     * @throws IllegalArgumentException if the checkpoint does not fit, or training diverged (a non-finite loss)
     */
    public TrainedFlow train(FlowTarget target, TrainedFlow start, double maxSeconds, FlowProgress progress) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(progress, "progress");
        if (!(maxSeconds > 0)) {
            throw new IllegalArgumentException("max seconds must be positive, got " + maxSeconds);
        }
        FlowArchitecture architecture = settings.architecture(target.linearSize(), target.channels());
        if (start != null && !start.architecture().equals(architecture)) {
            throw new IllegalArgumentException("the checkpoint's flow " + start.architecture()
                    + " does not match " + architecture);
        }
        long began = System.nanoTime();
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom weights = root.split();
        int firstEpoch = start == null ? 1 : start.epochsDone() + 1;
        for (int e = 1; e < firstEpoch; e++) {
            root.split();
        }
        double previousSeconds = start == null ? 0 : start.seconds();
        double[] history = new double[settings.epochs()];
        if (start != null) {
            System.arraycopy(start.boundHistory(), 0, history, 0, start.epochsDone());
        }
        int l = architecture.linearSize();
        int v = architecture.variables();
        int batch = settings.batch();
        double n = target.sites();
        TorchEngine.seed(settings.seed());
        try (NDManager manager = TorchEngine.newManager();
             HierarchicalFlow flow = new HierarchicalFlow(architecture, manager, weights)) {
            target.attach(manager);
            if (start != null) {
                flow.setWeights(start.weights());
            }
            List<NDArray> parameters = flow.parameters();
            // the step size decays geometrically to a tenth over the run: late steps average the gradient noise
            // down instead of jittering around the optimum (Adam counts updates per parameter, from 1)
            int totalSteps = settings.epochs() * settings.stepsPerEpoch();
            int resumedSteps = (firstEpoch - 1) * settings.stepsPerEpoch();
            float rate = (float) settings.learningRate();
            if (start != null && start.optimizer() != null && start.optimizer().steps() != resumedSteps) {
                throw new IllegalArgumentException("the checkpoint's optimizer took " + start.optimizer().steps()
                        + " steps, its epochs " + resumedSteps);
            }
            AdamOptimizer adam = new AdamOptimizer(parameters, manager, start == null ? null : start.optimizer());
            float[] z = new float[batch * v];
            TrainedFlow snapshot = start;
            int epochsDone = firstEpoch - 1;
            for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                SplittableRandom latents = root.split();
                double sum = 0;
                double ess = Double.NaN;
                for (int step = 0; step < settings.stepsPerEpoch(); step++) {
                    FlowSampler.gaussian(z, latents);
                    try (NDManager stepManager = manager.newSubManager()) {
                        NDArray zArray = stepManager.create(z, new Shape(batch, architecture.channels(), l, l));
                        NDArray lnW;
                        try (GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
                            NDList out = flow.generate(zArray);
                            NDArray lnQ = FlowSampler.logDensity(flow, zArray, out.get(0), out.get(1),
                                    settings.symmetric());
                            NDArray free = lnQ.add(target.action(out.get(0)));
                            NDArray loss = free.mean();
                            collector.backward(loss);
                            lnW = free.neg();
                        }
                        double[] w = toDoubles(lnW.toFloatArray());
                        FlowSamples batchSamples = new FlowSamples(w, new double[w.length], target.lnZOffset(),
                                target.sites());
                        double bound = batchSamples.boundPerSite().mean();
                        if (!Double.isFinite(bound)) {
                            throw new IllegalArgumentException("training diverged at epoch " + epoch + " (the bound is "
                                    + bound + "): try a smaller learning rate");
                        }
                        sum += bound;
                        if (step == settings.stepsPerEpoch() - 1) {
                            ess = batchSamples.essFraction();
                        }
                        int update = (epoch - 1) * settings.stepsPerEpoch() + step;
                        adam.step(rate * (float) StrictMath.pow(0.1, Math.min(1.0, (double) update / totalSteps)));
                    }
                }
                history[epoch - 1] = sum / settings.stepsPerEpoch();
                epochsDone = epoch;
                double seconds = (System.nanoTime() - began) * 1e-9;
                snapshot = new TrainedFlow(architecture, settings, flow.weights(), epochsDone,
                        previousSeconds + seconds, java.util.Arrays.copyOf(history, epochsDone), adam.state());
                progress.epochDone(epoch, settings.epochs(), history[epoch - 1], ess, snapshot);
                if (seconds >= maxSeconds) {
                    break;
                }
            }
            if (snapshot == null) {
                snapshot = new TrainedFlow(architecture, settings, flow.weights(), 0, 0, new double[0]);
            }
            return snapshot;
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
