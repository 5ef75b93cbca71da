package dev.coarse.emergence.deepnet;

/**
 * The mean-field figures of one (φ, σ<sub>w</sub>², σ<sub>b</sub>²) ({@link MeanField#analyse}).
 *
 * @param activation       φ's name
 * @param sigmaW2          σ<sub>w</sub>²
 * @param sigmaB2          σ<sub>b</sub>²
 * @param qStar            fixed point of the length map
 * @param chi1             χ₁ (1 on the order-to-chaos line)
 * @param cStar            stable fixed point of the correlation map (1 in the ordered phase)
 * @param xiQ              depth scale of the length, ξ<sub>q</sub> (layers)
 * @param xiC              depth scale of the correlation, ξ<sub>c</sub> (layers; infinite on the line)
 * @param criticalSigmaW2  σ<sub>w</sub>² of the line χ₁ = 1 at this σ<sub>b</sub>² (NaN if none in [10⁻³, 100])
 */
public record SignalPropagation(String activation, double sigmaW2, double sigmaB2, double qStar, double chi1,
        double cStar, double xiQ, double xiC, double criticalSigmaW2) {

    /** Whether perturbations grow (χ₁ &gt; 1). */
    public boolean chaotic() {
        return chi1 > 1;
    }
}
