package dev.coarse.learn.flow;

import dev.coarse.learn.engine.AdamState;
import java.util.Objects;

/**
 * A trained flow's weights with what made them: the architecture, the settings, the epochs done and the seconds
 * spent, and the per-epoch training bound on ln Z / N (index e−1 for epoch e; resumed runs keep the earlier epochs').
 *
 * @param architecture  the flow's shape
 * @param settings      the training settings
 * @param weights       one flat array per parameter, in {@link HierarchicalFlow#parameters()} order; not copied
 * @param epochsDone    epochs trained, 0 … settings.epochs()
 * @param seconds       wall-clock seconds spent training, over all sessions
 * @param boundHistory  the training bound per site after each epoch, length epochsDone
 * @param optimizer     Adam's state after the last epoch (so a resumed run is bit-identical to an uninterrupted one),
 *                      or null when unknown (an untrained flow, or a file written before the state was kept)
 */
public record TrainedFlow(FlowArchitecture architecture, FlowSettings settings, float[][] weights, int epochsDone,
                          double seconds, double[] boundHistory, AdamState optimizer) {

    /** A flow without optimizer state. */
    public TrainedFlow(FlowArchitecture architecture, FlowSettings settings, float[][] weights, int epochsDone,
                       double seconds, double[] boundHistory) {
        this(architecture, settings, weights, epochsDone, seconds, boundHistory, null);
    }

    public TrainedFlow {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(boundHistory, "boundHistory");
        if (epochsDone < 0 || epochsDone > settings.epochs() || boundHistory.length != epochsDone) {
            throw new IllegalArgumentException("epochs done " + epochsDone + " must be within 0.." + settings.epochs()
                    + " and match the history's " + boundHistory.length + " entries");
        }
        if (optimizer != null && optimizer.means().length != weights.length) {
            throw new IllegalArgumentException("the optimizer state covers " + optimizer.means().length
                    + " parameters, the flow has " + weights.length);
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
    }
}
