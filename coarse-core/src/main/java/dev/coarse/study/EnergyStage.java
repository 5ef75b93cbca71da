package dev.coarse.study;

import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.Observables;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.IncompleteGamma;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Energy and specific heat per site versus temperature for each size, set against Kaufman's exact finite-L
 * results (2D Ising; SCIENCE.md §1) with a χ² over all points.
 */
public final class EnergyStage extends BuiltInStage<EnergySettings, EnergyResult> {

    public static final String NAME = "energy";

    public EnergyStage() {
        super(NAME, 0, EnergySettings.class, false, EnergySettings::defaults, EnergySettings::read,
                EnergyResult::fromJson);
    }

    /** Whether Kaufman's exact finite-L values apply (the 2D Ising model). */
    public static boolean hasExactValues(StudyModel model) {
        return model.family() == StudyModel.Family.ISING2D;
    }

    @Override
    public long estimatedBytes(StudyModel model, EnergySettings settings, int threads) {
        return settings.sizes().stream().mapToLong(size -> settings.sampling().estimatedBytes(model, size, threads, 0))
                .max().orElse(0);
    }

    @Override
    public EnergyResult run(StudyModel model, EnergySettings settings, StageContext context) {
        Sampling s = settings.sampling();
        double[] ts = settings.temperatures();
        boolean exact = hasExactValues(model);
        context.expect(s.work() * settings.sizes().size() * ts.length);
        List<EnergyResult.Point> points = new ArrayList<>();
        double chi2E = 0;
        double chi2C = 0;
        int n = 0;
        long i = 0;
        for (int size : settings.sizes()) {
            for (double t : ts) {
                ChainResult r = context.sample(model.model(size, t), s, i++);
                Map<String, Estimate> obs = Observables.measure(r);
                Estimate energy = obs.get("energy_per_site");
                Estimate heat = obs.get("specific_heat");
                Optional<EnergyResult.Exact> reference = Optional.empty();
                if (exact) {
                    double e = Kaufman.energyPerSite(size, t);
                    double c = Kaufman.specificHeatPerSite(size, t);
                    reference = Optional.of(new EnergyResult.Exact(e, c));
                    chi2E += square(energy.sigmasFrom(e));
                    chi2C += square(heat.sigmasFrom(c));
                    n++;
                }
                points.add(new EnergyResult.Point(size, t, energy, heat, reference));
            }
        }
        Optional<EnergyResult.ChiSquared> chi2 = n == 0 ? Optional.empty()
                : Optional.of(new EnergyResult.ChiSquared(chi2E, chi2C, n, IncompleteGamma.chiSquaredPValue(chi2E, n),
                        IncompleteGamma.chiSquaredPValue(chi2C, n)));
        return new EnergyResult(points, chi2);
    }

    private static double square(double x) {
        return Double.isFinite(x) ? x * x : 0;
    }

    /**
     * Kaufman's exact energy and specific heat per site of the L×L periodic lattice at each temperature (rows 0 and
     * 1), for drawing; empty when the model has none ({@link #hasExactValues}).
     */
    public static Optional<double[][]> exactCurves(StudyModel model, int linearSize, double[] temperatures) {
        if (!hasExactValues(model)) {
            return Optional.empty();
        }
        double[][] curves = new double[2][temperatures.length];
        for (int i = 0; i < temperatures.length; i++) {
            curves[0][i] = Kaufman.energyPerSite(linearSize, temperatures[i]);
            curves[1][i] = Kaufman.specificHeatPerSite(linearSize, temperatures[i]);
        }
        return Optional.of(curves);
    }

    /** Onsager's energy per site of the infinite lattice at each temperature; empty when the model has none. */
    public static Optional<double[]> infiniteLatticeEnergy(StudyModel model, double[] temperatures) {
        if (!hasExactValues(model)) {
            return Optional.empty();
        }
        double[] e = new double[temperatures.length];
        for (int i = 0; i < temperatures.length; i++) {
            e[i] = Onsager.energyPerSite(temperatures[i]);
        }
        return Optional.of(e);
    }
}
