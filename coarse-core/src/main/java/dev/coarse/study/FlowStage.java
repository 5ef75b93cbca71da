package dev.coarse.study;

import dev.coarse.exact.CriticalPoint;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coupling flow K → K′ of one RG step ({@link FlowDiagram}): sample at each K of a grid, coarse-grain once,
 * fit the coarse couplings by pseudo-likelihood; the fixed point K* of the projected map K → K′_nn and
 * ν = ln b / ln (dK′/dK) there.
 */
public final class FlowStage extends BuiltInStage<FlowSettings, FlowResult> {

    public static final String NAME = "flow";

    public FlowStage() {
        super(NAME, 3, FlowSettings.class, true, FlowSettings::defaults, FlowSettings::read, FlowResult::fromJson);
    }

    @Override
    public FlowResult run(StudyModel model, FlowSettings settings, StageContext context) {
        int d = model.dimension();
        FlowDiagram.Spec spec = new FlowDiagram.Spec(d, settings.size(), settings.couplings(),
                settings.rule().build(), settings.operatorSet(d), settings.sampler(), settings.samples(),
                settings.thin(), settings.thermalize(), context.seed(0), context.threads());
        context.expect(spec.totalSweeps());
        FlowDiagram.Result r = FlowDiagram.run(spec, context.progress());
        List<FlowResult.Point> points = new ArrayList<>();
        for (FlowDiagram.Point p : r.points()) {
            Map<String, Estimate> coarse = new LinkedHashMap<>();
            for (String name : p.coarse().names()) {
                coarse.put(name, p.coarse().get(name));
            }
            points.add(new FlowResult.Point(p.coupling(), coarse));
        }
        CriticalPoint reference = model.criticalPoint();
        // ν as 1/y_t, the form the study has always reported (1/(1/ν) need not be ν in floating point)
        return new FlowResult(settings.size(), settings.rule().b(), settings.rule().rule(),
                reference.criticalCoupling(), 1 / reference.thermalExponent(), points, r.fixedPoint());
    }
}
