package dev.coarse.tensor;

/**
 * Observables by central finite differences of the tensor-RG ln z = ln Z / N (not impurity tensors). With a step δ
 * in T and δ<sub>h</sub> in h:
 * <pre>
 *   u = T² ∂ln z/∂T           ≈ T² [ln z(T+δ) − ln z(T−δ)] / 2δ
 *   C = ∂u/∂T = 2T ∂ln z/∂T + T² ∂²ln z/∂T²,  ∂² ≈ [ln z(T+δ) − 2 ln z(T) + ln z(T−δ)] / δ²
 *   m = T ∂ln z/∂h            ≈ T [ln z(h+δ<sub>h</sub>) − ln z(h−δ<sub>h</sub>)] / 2δ<sub>h</sub>
 * </pre>
 * The stencils' own error is δ²·∂³ln z/6 for a first derivative and δ²·∂⁴ln z/12 for the second; on top of that the
 * RG's truncation error ε in ln z enters as about ε/δ and ε/δ² — but ε varies smoothly with T at fixed χ, so in
 * practice the differences inherit the smooth, not the full, part of it (docs/tensor.md gives measured figures).
 * Each point costs three RG runs (five with the field).
 *
 * @param temperature      T
 * @param field            h
 * @param lnZPerSite       ln z at (T, h)
 * @param freeEnergy       f = −T ln z
 * @param energy           u per site
 * @param specificHeat     C per site
 * @param magnetization    m per site (NaN when the model has no field, i.e. Potts)
 */
public record Thermodynamics(double temperature, double field, double lnZPerSite, double freeEnergy, double energy,
                             double specificHeat, double magnetization) {

    /** The default temperature step, relative to T. */
    public static final double RELATIVE_STEP = 1e-3;

    /** The default field step. */
    public static final double FIELD_STEP = 1e-4;

    /** The observables of {@code model} at its T and h with the default steps. */
    public static Thermodynamics of(TensorModel model, TensorRgSettings settings) {
        return of(model, settings, RELATIVE_STEP * model.temperature(), FIELD_STEP);
    }

    /**
     * @param temperatureStep δ (must leave T − δ &gt; 0)
     * @param fieldStep       δ<sub>h</sub> (unused for Potts)
     */
    public static Thermodynamics of(TensorModel model, TensorRgSettings settings, double temperatureStep,
                                    double fieldStep) {
        double t = model.temperature();
        if (!(temperatureStep > 0) || !(temperatureStep < t) || !(fieldStep > 0)) {
            throw new IllegalArgumentException("finite-difference steps must be positive and δ < T, got δ = "
                    + temperatureStep + ", δh = " + fieldStep);
        }
        TensorRgSettings plain = new TensorRgSettings(settings.scheme(), settings.chi(), settings.steps(),
                settings.torusSize(), false);
        double centre = lnZ(model, plain);
        double up = lnZ(model.atTemperature(t + temperatureStep), plain);
        double down = lnZ(model.atTemperature(t - temperatureStep), plain);
        double first = (up - down) / (2 * temperatureStep);
        double second = (up - 2 * centre + down) / (temperatureStep * temperatureStep);
        double m = Double.NaN;
        if (model.family() == TensorModel.Family.ISING2D) {
            double plus = lnZ(model.atField(model.field() + fieldStep), plain);
            double minus = lnZ(model.atField(model.field() - fieldStep), plain);
            m = t * (plus - minus) / (2 * fieldStep);
        }
        return new Thermodynamics(t, model.field(), centre, -t * centre, t * t * first, 2 * t * first + t * t * second,
                m);
    }

    private static double lnZ(TensorModel model, TensorRgSettings settings) {
        return TensorRg.run(model.localTensor(), settings).lnZPerSite();
    }
}
