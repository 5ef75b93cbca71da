package dev.coarse.dynamics.reaction;

import java.util.List;

/**
 * A deterministic trajectory of a network: {@code values[time][species]} (molecule numbers, volume 1).
 *
 * @param model  which deterministic model produced it ("mean field", "quasi-steady state")
 */
public record DeterministicPath(String model, List<String> species, double[] times, double[][] values) {

    public DeterministicPath {
        species = List.copyOf(species);
        if (values.length != times.length) {
            throw new IllegalArgumentException("one state per time");
        }
    }

    /** Value of one species at one sample time. */
    public double value(int timeIndex, int speciesIndex) {
        return values[timeIndex][speciesIndex];
    }
}
