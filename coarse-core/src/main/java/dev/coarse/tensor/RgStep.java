package dev.coarse.tensor;

import java.util.Arrays;

/**
 * One step of a tensor RG run.
 *
 * @param step            1, 2, …; after step n a tensor holds 2<sup>n</sup> sites
 * @param lnZPerSite      the estimate after this step: the normalisations so far plus ln Tr(T<sub>n</sub>)/2<sup>n</sup>,
 *                        i.e. ln Z per site of the 2<sup>n</sup>-site torus (the normalisations alone if that trace is
 *                        not positive)
 * @param truncationError the discarded weight Σ<sub>cut</sub> s² / Σ s² of the step's SVDs (the larger of TRG's two
 *                        splits; HOTRG: of the chosen environment, whose eigenvalues are s²)
 * @param spectrum        leading singular values of the step's split divided by the largest (kept and cut, up to 2χ)
 * @param conformal       Gu–Wen data of the step's normalised tensor, or null when not asked for
 */
public record RgStep(int step, double lnZPerSite, double truncationError, double[] spectrum, ConformalData conformal) {

    public RgStep {
        if (step < 1) {
            throw new IllegalArgumentException("steps count from 1, got " + step);
        }
        spectrum = spectrum.clone();
    }

    @Override
    public double[] spectrum() {
        return spectrum.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgStep s && s.step == step && Double.compare(s.lnZPerSite, lnZPerSite) == 0
                && Double.compare(s.truncationError, truncationError) == 0 && Arrays.equals(s.spectrum, spectrum)
                && java.util.Objects.equals(s.conformal, conformal);
    }

    @Override
    public int hashCode() {
        return step * 31 + Double.hashCode(lnZPerSite);
    }
}
