package dev.coarse.mc;

/**
 * The output of {@link FieldChainRunner#run}: kept configurations, per-sample series and what each chain's sampler
 * settled on.
 *
 * @param spec                    the run that produced it (its seed reproduces the result exactly)
 * @param configurations          chain-major: {@code configurations[chain * samplesPerChain + k]} is the k-th kept
 *                                configuration of {@code chain}, a fresh array in the model's layout
 * @param actionPerSite           {@code [chain][sample]}: S/N
 * @param fieldSquaredPerSite     {@code [chain][sample]}: Σ<sub>x</sub>|φ<sub>x</sub>|²/N
 * @param absMagnetizationPerSite {@code [chain][sample]}: |Σ<sub>x</sub>φ<sub>x</sub>|/N (the modulus for a
 *                                complex field)
 * @param acceptance              per chain: accepted/proposed during production (trajectories, or site proposals)
 * @param stepSize                per chain: the step frozen after thermalisation (ε, or the Metropolis width)
 * @param leapfrogSteps           per chain: leapfrog steps per trajectory (HMC), 0 for Metropolis
 * @param elapsedNanos            wall-clock time of the run
 */
public record FieldChainResult(FieldRunSpec spec, double[][] configurations, double[][] actionPerSite,
                               double[][] fieldSquaredPerSite, double[][] absMagnetizationPerSite, double[] acceptance,
                               double[] stepSize, int[] leapfrogSteps, long elapsedNanos) {

    /** Number of chains. */
    public int chains() {
        return actionPerSite.length;
    }

    /** Kept configurations per chain. */
    public int samplesPerChain() {
        return spec.samplesPerChain();
    }

    /** The k-th kept configuration of a chain (shared, not a copy). */
    public double[] configuration(int chain, int sample) {
        return configurations[chain * samplesPerChain() + sample];
    }

    /** Production acceptance averaged over the chains (each chain made the same number of proposals). */
    public double meanAcceptance() {
        return mean(acceptance);
    }

    /** The frozen step averaged over the chains. */
    public double meanStepSize() {
        return mean(stepSize);
    }

    /** Leapfrog steps per trajectory averaged over the chains (each chain tunes its own step); 0 for Metropolis. */
    public double meanLeapfrogSteps() {
        double sum = 0;
        for (int steps : leapfrogSteps) {
            sum += steps;
        }
        return sum / leapfrogSteps.length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
