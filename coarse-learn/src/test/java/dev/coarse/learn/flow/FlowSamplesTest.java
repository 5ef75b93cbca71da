package dev.coarse.learn.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.Phi4Model;
import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Importance weights of an untrained flow (the identity, q = N(0, I)) against the free field's exact values: the
 * reweighting machinery alone, no training. Tolerances are 4 standard errors (false-failure rate about 6·10⁻⁵ per
 * assertion for Gaussian errors, fixed seeds).
 */
class FlowSamplesTest {

    private static final double SIGMAS = 4;

    @Test
    void untrainedFlowReweightsToTheExactFreeField() {
        FieldTarget target = new FieldTarget(new Phi4Model(Lattice.square(4), 0.15, 0));
        FlowSettings settings = new FlowSettings(2, 1, 4, 500, 1, 1, 1e-3, 2, false, 3);
        FlowArchitecture a = settings.architecture(4, 1);
        TrainedFlow identity;
        try (var manager = dev.coarse.learn.engine.TorchEngine.newManager();
             HierarchicalFlow flow = new HierarchicalFlow(a, manager, new SplittableRandom(3))) {
            identity = new TrainedFlow(a, settings, flow.weights(), 0, 0, new double[0]);
        }
        try (FlowSampler sampler = new FlowSampler(target, identity)) {
            FlowSamples s = sampler.draw(40_000, new SplittableRandom(17), false).samples();
            double exactLnZ = target.exactLnZ().getAsDouble() / target.sites();
            Estimate bound = s.boundPerSite();
            assertThat(bound.mean()).isLessThan(exactLnZ);
            Estimate lnZ = s.importanceLnZPerSite();
            assertThat(lnZ.sigmasFrom(exactLnZ)).as("IS ln Z %s vs %s", lnZ, exactLnZ).isLessThan(SIGMAS);
            Estimate phi2 = s.reweightedObservable();
            double exact = target.exactObservable().getAsDouble();
            assertThat(phi2.sigmasFrom(exact)).as("<phi^2> %s vs %s", phi2, exact).isLessThan(SIGMAS);
            assertThat(s.essFraction()).isBetween(0.05, 1.0);
            // the unweighted draws are N(0, 1): <phi^2> = 1 within errors, far from the target's 0.56
            assertThat(s.flowObservable().sigmasFrom(1.0)).isLessThan(SIGMAS);
        }
    }

    @Test
    void weightsGiveKishEssAndTheBound() {
        FlowSamples equal = new FlowSamples(new double[] {-1, -1, -1, -1}, new double[] {1, 2, 3, 4}, 0.5, 2);
        assertThat(equal.essFraction()).isCloseTo(1.0, within(1e-12));
        assertThat(equal.boundPerSite().mean()).isCloseTo((0.5 - 1) / 2, within(1e-12));
        assertThat(equal.importanceLnZPerSite().mean()).isCloseTo((0.5 - 1) / 2, within(1e-12));
        assertThat(equal.reweightedObservable().mean()).isCloseTo(2.5, within(1e-12));
        FlowSamples one = new FlowSamples(new double[] {0, -800, -800, -800}, new double[] {7, 1, 1, 1}, 0, 1);
        assertThat(one.essFraction()).isCloseTo(0.25, within(1e-12));
        assertThat(one.reweightedObservable().mean()).isCloseTo(7, within(1e-12));
    }
}
