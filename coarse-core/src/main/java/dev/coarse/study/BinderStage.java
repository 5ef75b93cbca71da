package dev.coarse.study;

import dev.coarse.rg.BinderCrossing;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binder cumulants U_L(T) for several L by {@link BinderScan}; consecutive curves cross near T_c (SCIENCE.md §4),
 * giving T_c with an error, and the susceptibility at T_c gives γ/ν from χ ∝ L^{γ/ν}.
 */
public final class BinderStage extends BuiltInStage<BinderSettings, BinderResult> {

    public static final String NAME = "binder";

    public BinderStage() {
        super(NAME, 1, BinderSettings.class, false, BinderSettings::defaults, BinderSettings::read,
                BinderResult::fromJson);
    }

    @Override
    public BinderResult run(StudyModel model, BinderSettings settings, StageContext context) {
        int[] sizes = settings.sizes().stream().mapToInt(Integer::intValue).toArray();
        BinderScan.Spec scan = new BinderScan.Spec(model.family(), model.q(), sizes,
                settings.temperatures(), settings.sampler(), settings.sweeps(), settings.thermalize(),
                context.seed(0), context.threads());
        context.expect(scan.totalSweeps());
        BinderScan.Result r = BinderScan.run(scan, context.progress());
        List<BinderResult.Curve> curves = new ArrayList<>();
        for (BinderScan.SizeCurve curve : r.curves()) {
            List<BinderScan.Point> points = curve.points();
            curves.add(new BinderResult.Curve(curve.linearSize(),
                    points.stream().mapToDouble(BinderScan.Point::temperature).toArray(),
                    points.stream().map(BinderScan.Point::binder).toList(),
                    points.stream().map(BinderScan.Point::susceptibility).toList(),
                    points.stream().map(BinderScan.Point::energyPerSite).toList()));
        }
        double tc = r.criticalTemperature().mean();
        List<BinderResult.Susceptibility> chiAt = new ArrayList<>();
        for (BinderScan.SizeCurve curve : r.curves()) {
            BinderCrossing.Curve chi = curve.susceptibilityCurve();
            BinderCrossing.Curve err = new BinderCrossing.Curve(chi.linearSize(), chi.temperatures(), chi.errors(),
                    new double[chi.errors().length]);
            chiAt.add(new BinderResult.Susceptibility(curve.linearSize(),
                    Estimate.of(chi.at(tc), Math.abs(err.at(tc)))));
        }
        Optional<BinderResult.GammaOverNu> fit = Optional.ofNullable(r.gammaOverNu()).map(g ->
                new BinderResult.GammaOverNu(g.exponent(), g.logAmplitude().mean(), g.chiSquared(),
                        g.degreesOfFreedom()));
        return new BinderResult(curves, r.crossings(), model.criticalPoint().criticalTemperature(),
                r.criticalTemperature(), r.statistical(), r.systematic(), r.criticalCoupling(), chiAt, fit,
                model.criticalPoint().gammaOverNu());
    }
}
