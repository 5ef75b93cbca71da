package dev.coarse.emergence.ca;

import java.util.Objects;

/**
 * A population under the 3x+1 map and its random-walk control, step by step.
 *
 * @param binWidth width of the entropy's bins in log<sub>2</sub> n
 * @param times steps 0 … T
 * @param collatzEntropy plug-in entropy (nats) of the population's histogram of ⌊log<sub>2</sub> n / binWidth⌋
 * @param walkEntropy the same for the control walk
 * @param collatzMeanLog2 mean log<sub>2</sub> n of the population
 * @param walkMeanLog2 mean log<sub>2</sub> of the control
 * @param collatzAtCycle fraction of the population on the cycle {1, 2}
 */
public record CollatzHistory(double binWidth, int[] times, double[] collatzEntropy, double[] walkEntropy,
        double[] collatzMeanLog2, double[] walkMeanLog2, double[] collatzAtCycle) {

    public CollatzHistory {
        Objects.requireNonNull(times, "times");
        int n = times.length;
        if (!(binWidth > 0) || collatzEntropy.length != n || walkEntropy.length != n || collatzMeanLog2.length != n
                || walkMeanLog2.length != n || collatzAtCycle.length != n) {
            throw new IllegalArgumentException("positive bin width and one value per time in every series");
        }
        times = times.clone();
        collatzEntropy = collatzEntropy.clone();
        walkEntropy = walkEntropy.clone();
        collatzMeanLog2 = collatzMeanLog2.clone();
        walkMeanLog2 = walkMeanLog2.clone();
        collatzAtCycle = collatzAtCycle.clone();
    }

    @Override
    public int[] times() {
        return times.clone();
    }

    @Override
    public double[] collatzEntropy() {
        return collatzEntropy.clone();
    }

    @Override
    public double[] walkEntropy() {
        return walkEntropy.clone();
    }

    @Override
    public double[] collatzMeanLog2() {
        return collatzMeanLog2.clone();
    }

    @Override
    public double[] walkMeanLog2() {
        return walkMeanLog2.clone();
    }

    @Override
    public double[] collatzAtCycle() {
        return collatzAtCycle.clone();
    }
}
