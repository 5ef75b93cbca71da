package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.tensor.ConformalData;
import dev.coarse.tensor.RgStep;
import dev.coarse.tensor.TensorModel;
import dev.coarse.tensor.TensorRg;
import dev.coarse.tensor.TensorRgResult;
import dev.coarse.tensor.TensorRgSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tensor} stage: the partition function coarse-grained by a tensor RG ({@code dev.coarse.tensor}) —
 * f(T) against Onsager, and the Gu–Wen central charge and scaling dimensions of every step at T<sub>c</sub>, which
 * the report puts beside MCRG's exponents (y = 2 − x). Deterministic (no sampling, the seed is unused); a few
 * seconds. A model without a tensor here (3D Ising) is skipped with a note.
 */
public final class TensorStage implements Stage<TensorSettings, TensorResult> {

    public static final String NAME = "tensor";

    /**
     * At least this many steps for the free-energy curve: the infinite-lattice estimate carries ln Tr T / 2<sup>steps</sup>,
     * which below T<sub>c</sub> is ln 2 / 2<sup>steps</sup> (two ordered states) — 6.6e-7 after 20 steps, 6.5e-10 after 30.
     */
    static final int CURVE_STEPS = 30;

    @Override
    public String name() {
        return NAME;
    }

    /** After core's five stages (0 … 4), before coarse-learn's rsmi (6); fixes the stage's seed. */
    @Override
    public int order() {
        return 5;
    }

    @Override
    public Class<TensorSettings> settingsType() {
        return TensorSettings.class;
    }

    @Override
    public TensorSettings defaults(StudyModel model) {
        return TensorSettings.defaults(model);
    }

    @Override
    public TensorSettings read(SpecSource section, StudyModel model) {
        return TensorSettings.read(section, model);
    }

    @Override
    public TensorResult run(StudyModel model, TensorSettings settings, StageContext context) {
        if (model.family() == StudyModel.Family.ISING3D) {
            return TensorResult.skipped("no tensor network for " + model.id() + " here: the tensor stage runs the 2D "
                    + "Ising and Potts models only");
        }
        double[] ts = settings.temperatures();
        context.expect(ts.length + 1);
        TensorRgSettings plain = TensorRgSettings.infinite(settings.scheme(), settings.chi(),
                Math.max(settings.steps(), CURVE_STEPS), false);
        List<TensorResult.CurvePoint> curve = new ArrayList<>();
        for (double t : ts) {
            TensorModel m = tensorModel(model, t);
            double lnZ = TensorRg.run(m.localTensor(), plain).lnZPerSite();
            curve.add(new TensorResult.CurvePoint(t, lnZ, -t * lnZ, m.exactLnZPerSite(0).orElse(Double.NaN)));
            context.advance(1);
        }
        TensorRgResult run = TensorRg.run(tensorModel(model, settings.temperature()).localTensor(),
                TensorRgSettings.infinite(settings.scheme(), settings.chi(), settings.steps(), true));
        context.advance(1);
        List<TensorResult.Step> steps = new ArrayList<>();
        for (RgStep s : run.steps()) {
            ConformalData c = s.conformal();
            steps.add(new TensorResult.Step(s.step(), s.lnZPerSite(), s.truncationError(), c.centralCharge(),
                    c.scalingDimensions()));
        }
        RgStep best = run.bestConformalStep();
        return new TensorResult("", settings.scheme().id(), settings.chi(), settings.temperature(), curve, steps,
                best == null ? 0 : best.step(), exact(model));
    }

    private static TensorModel tensorModel(StudyModel model, double temperature) {
        return model.family() == StudyModel.Family.ISING2D ? TensorModel.ising(temperature, 0)
                : TensorModel.potts(model.q(), temperature);
    }

    /** c, x_σ, x_ε of the 2D Ising (q = 2) and the 3- and 4-state Potts critical points. */
    static TensorResult.Exact exact(StudyModel model) {
        int q = model.family() == StudyModel.Family.ISING2D ? 2 : model.q();
        return switch (q) {
            case 2 -> new TensorResult.Exact(0.5, 0.125, 1.0, 1);
            case 3 -> new TensorResult.Exact(0.8, 2.0 / 15.0, 0.8, 2);
            case 4 -> new TensorResult.Exact(1.0, 0.125, 0.5, 2);
            default -> new TensorResult.Exact(Double.NaN, Double.NaN, Double.NaN, 2);
        };
    }

    @Override
    public TensorResult readResult(JsonNode json) {
        return TensorResult.fromJson(json);
    }
}
