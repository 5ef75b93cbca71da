package dev.coarse.study;

import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.RuleInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.LinearFilterRule;
import dev.coarse.rg.RuleFlow;
import dev.coarse.rg.RuleLearner;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The RSMI stage's work, for any set of rules: sample once, iterate every rule into a flow on the same
 * configurations and measure each ({@link RuleFlowAnalysis}), and read off each rule's filter. The stage that runs it
 * supplies the learned rule (coarse-learn registers the stage, so core never imports it); the fixed rules come from the
 * settings. A rule's streams depend on its place in {@link RsmiSettings.Rule}, not on which other rules run, so its
 * numbers do not change when the comparison gains or loses a rule.
 */
public final class RsmiComparison {

    /** Blocks whose values fit the effective filter: enough for a well-determined regression, cheap to collect. */
    static final int FILTER_ROWS = 100_000;

    private RsmiComparison() {
    }

    /**
     * Runs the comparison.
     *
     * @param learned the learned rule's learner, or null where none is available (then {@code note} says why and the
     *                learned rule is skipped)
     * @param note    why there is no learned rule (ignored when there is one)
     */
    /**
     * A lower bound on the bytes the comparison holds at once: the sampled configurations and one rule's coarse
     * copies (the rules run one after another).
     */
    public static long estimatedBytes(StudyModel model, RsmiSettings settings, int threads) {
        return settings.sampling().estimatedBytes(model, settings.size(), threads,
                Coarsening.coarseCopies(settings.b(), model.dimension()));
    }

    public static RsmiResult run(StudyModel model, RsmiSettings settings, StageContext context, RuleLearner learned,
                                 String note) {
        Sampling s = settings.sampling();
        int d = model.dimension();
        List<RsmiSettings.Rule> rules = new ArrayList<>(settings.rules());
        if (learned == null) {
            rules.remove(RsmiSettings.Rule.LEARNED);
        }
        long perRule = Math.max(1, s.work() / 4);
        context.expect(s.work() + perRule * rules.size());
        ChainResult sampled = context.sample(model.model(settings.size(), settings.temperature()), s, 0);
        Lattice lattice = settings.lattice(d);
        DiscreteConfigurations data = new DiscreteConfigurations(
                dev.coarse.configuration.DegreesOfFreedom.isingSpins(), sampled.configurations());
        RuleFlowAnalysis.Settings analysis = settings.analysis(d);
        int ticks = 2 * settings.levels() + 2;
        List<RsmiResult.Entry> entries = new ArrayList<>();
        for (RsmiSettings.Rule rule : rules) {
            long seed = context.seed(1 + rule.ordinal());
            RuleLearner learner = rule == RsmiSettings.Rule.LEARNED ? learned : settings.fixedRule(rule);
            RuleFlow flow = RuleFlow.iterate(lattice, data, learner, settings.levels(), seed);
            long[] done = {0};
            RuleFlowResult measured = RuleFlowAnalysis.measure(flow, analysis, seed, () -> {
                done[0]++;
                context.advance(perRule / ticks);
            });
            context.advance(perRule - perRule / ticks * done[0]);
            entries.add(new RsmiResult.Entry(rule.id(), measured, filter(lattice, data, flow.rules().get(0),
                    settings.b(), seed)));
        }
        boolean skipped = learned == null && settings.rules().contains(RsmiSettings.Rule.LEARNED);
        return new RsmiResult(settings.temperature(), data.size(), settings.size(), settings.b(), entries,
                skipped ? note : "");
    }

    /**
     * The rule's filter (rows scaled to a largest |weight| of 1): a {@link LinearFilterRule}'s own weights; for any
     * other rule the least-squares fit of each coarse value on its block's values over the data's blocks,
     * h ≈ w·v + c — the linear part of what the rule does to these configurations (uniform for the majority rule, the
     * corner for decimation). A pseudo-inverse copes with block values that are linearly dependent.
     */
    static double[][] filter(Lattice lattice, DiscreteConfigurations data, CoarseGraining rule, int b, long seed) {
        if (rule instanceof LinearFilterRule linear) {
            return new double[][] {scaled(linear.filter())};
        }
        RuleInformation.Features f = RuleInformation.features(lattice, data, rule, new BlockGeometry(lattice, b, 0, 1),
                RuleInformation.Positions.BLOCKS, seed, FILTER_ROWS);
        double[][] v = f.visible();
        double[][] h = f.coarse();
        int rows = v.length;
        int m = v[0].length;
        int k = h[0].length;
        double[] meanV = new double[m];
        double[] meanH = new double[k];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                meanV[j] += v[r][j] / rows;
            }
            for (int j = 0; j < k; j++) {
                meanH[j] += h[r][j] / rows;
            }
        }
        DMatrixRMaj vv = new DMatrixRMaj(m, m);
        DMatrixRMaj vh = new DMatrixRMaj(m, k);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < m; i++) {
                double a = v[r][i] - meanV[i];
                for (int j = 0; j < m; j++) {
                    vv.add(i, j, a * (v[r][j] - meanV[j]));
                }
                for (int j = 0; j < k; j++) {
                    vh.add(i, j, a * (h[r][j] - meanH[j]));
                }
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        DMatrixRMaj w = new DMatrixRMaj(m, k);
        if (!solver.setA(vv)) {
            throw new IllegalStateException("the block values' covariance could not be decomposed");
        }
        solver.solve(vh, w);
        double[][] out = new double[k][m];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < m; i++) {
                out[j][i] = w.get(i, j);
            }
            out[j] = scaled(out[j]);
        }
        return out;
    }

    private static double[] scaled(double[] w) {
        double max = 0;
        for (double x : w) {
            max = Math.max(max, Math.abs(x));
        }
        double[] out = w.clone();
        if (max > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= max;
            }
        }
        return out;
    }
}
