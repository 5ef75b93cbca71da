package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.dynamics.gibbs.CoarseGrainedEntropy;

/**
 * The dynamics stage (issue 22, docs/dynamics.md): lumping of the double-well chain, Michaelis–Menten full SSA against
 * its reductions, and Gibbs's coarse-grained entropy of the torus maps. It does not use the study's model.
 *
 * @param states       grid points of the double-well chain, 3 … 120
 * @param temperature  its temperature, 0.01 … 100
 * @param maxBlocks    the loss curve's largest number of blocks k, 2 … min(states, 12)
 * @param substrate    Michaelis–Menten S₀, 1 … 10⁵
 * @param enzyme       Michaelis–Menten E₀, 1 … 10⁵
 * @param tEnd         the reaction network's last sample time, &gt; 0 … 10⁶
 * @param times        sample times 0 … tEnd, 2 … 101
 * @param runs         SSA runs of the full and of the reduced model, 10 … 100000
 * @param cellsPerSide 1/δ of the Gibbs coarse-graining, 2 … {@link CoarseGrainedEntropy#MAX_CELLS_PER_SIDE}
 * @param ensemble     points of the Gibbs ensemble, 1 … 2²²
 * @param steps        map applications, 1 … 200
 */
public record DynamicsSettings(int states, double temperature, int maxBlocks, int substrate, int enzyme, double tEnd,
        int times, int runs, int cellsPerSide, int ensemble, int steps) implements StageSettings {

    /** Most blocks of the loss curve (greedy lumping is O(n³) per chain: this keeps the curve short to read). */
    public static final int MAX_BLOCKS = 12;
    /** Most states of the double well. */
    public static final int MAX_STATES = 120;
    /** Largest Gibbs ensemble. */
    public static final int MAX_ENSEMBLE = 1 << 22;

    public DynamicsSettings {
        InvalidSettingException.between("states", states, 3, MAX_STATES);
        InvalidSettingException.between("temperature", temperature, 0.01, 100);
        InvalidSettingException.between("max_blocks", maxBlocks, 2, Math.min(states, MAX_BLOCKS));
        InvalidSettingException.between("substrate", substrate, 1, 100_000);
        InvalidSettingException.between("enzyme", enzyme, 1, 100_000);
        if (!(tEnd > 0 && tEnd <= 1e6)) {
            throw new InvalidSettingException("t_end", "must be > 0 and at most 1e6, got " + tEnd);
        }
        InvalidSettingException.between("times", times, 2, 101);
        InvalidSettingException.between("runs", runs, 10, 100_000);
        InvalidSettingException.between("cells_per_side", cellsPerSide, 2, CoarseGrainedEntropy.MAX_CELLS_PER_SIDE);
        InvalidSettingException.between("ensemble", ensemble, 1, MAX_ENSEMBLE);
        InvalidSettingException.between("steps", steps, 1, 200);
    }

    /**
     * A 40-state double well at T = 0.2 lumped to k ≤ 8; Michaelis–Menten with scarce enzyme (S₀ = 300, E₀ = 2, the
     * rates of docs/dynamics.md) to t = 4000 at 9 times with 400 runs; 2¹⁸ points at δ = 1/64 for 20 steps.
     */
    public static DynamicsSettings defaults(StudyModel model) {
        return new DynamicsSettings(40, 0.2, 8, 300, 2, 4000, 9, 400, 64, 1 << 18, 20);
    }

    static DynamicsSettings read(SpecSource s, StudyModel model) {
        DynamicsSettings d = defaults(model);
        int states = SpecReading.integer(s, "states", d.states(), 3, MAX_STATES);
        return new DynamicsSettings(states,
                SpecReading.number(s, "temperature", d.temperature(), 0.01, 100),
                SpecReading.integer(s, "max_blocks", Math.min(d.maxBlocks(), states), 2,
                        Math.min(states, MAX_BLOCKS)),
                SpecReading.integer(s, "substrate", d.substrate(), 1, 100_000),
                SpecReading.integer(s, "enzyme", d.enzyme(), 1, 100_000),
                SpecReading.number(s, "t_end", d.tEnd(), 0, 1e6),
                SpecReading.integer(s, "times", d.times(), 2, 101),
                SpecReading.integer(s, "runs", d.runs(), 10, 100_000),
                SpecReading.integer(s, "cells_per_side", d.cellsPerSide(), 2,
                        CoarseGrainedEntropy.MAX_CELLS_PER_SIDE),
                SpecReading.integer(s, "ensemble", d.ensemble(), 1, MAX_ENSEMBLE),
                SpecReading.integer(s, "steps", d.steps(), 1, 200));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("states", states);
        n.put("temperature", temperature);
        n.put("max_blocks", maxBlocks);
        n.put("substrate", substrate);
        n.put("enzyme", enzyme);
        n.put("t_end", tEnd);
        n.put("times", times);
        n.put("runs", runs);
        n.put("cells_per_side", cellsPerSide);
        n.put("ensemble", ensemble);
        n.put("steps", steps);
        return n;
    }
}
