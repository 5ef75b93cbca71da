package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.emergence.ca.SupercellSearch;
import java.util.List;

/**
 * The cellular-automata stage (issue 24): space-time diagrams of {@code rules}, the Israeli–Goldenfeld table up to
 * {@code maxSupercell}, Life's block entropy and the 3x+1 population. It does not use the study's model.
 *
 * @param rules             elementary rules drawn as space-time diagrams, each 0 … 255
 * @param length            cells of each diagram's row, 8 … 1024
 * @param steps             steps of each diagram, 1 … 1024
 * @param maxSupercell      largest supercell of the table, 2 … 4
 * @param lifeSize          side of the Life grid, 8 … 1024
 * @param lifeSteps         Life generations, 1 … 100000
 * @param collatzPopulation integers of the 3x+1 population, 1 … 10<sup>7</sup>
 * @param collatzSteps      steps of the 3x+1 population, 1 … 10000
 */
public record CellularAutomataSettings(List<Integer> rules, int length, int steps, int maxSupercell, int lifeSize,
        int lifeSteps, int collatzPopulation, int collatzSteps) implements StageSettings {

    /** Bits of the 3x+1 starting integers (at most CollatzPopulation.MAX_BITS). */
    public static final int COLLATZ_BITS = 30;
    /** Side of Life's entropy blocks. */
    public static final int LIFE_BLOCK = 3;

    public CellularAutomataSettings {
        rules = SpecReading.integers("rules", rules, 0, 255);
        InvalidSettingException.between("length", length, 8, 1024);
        InvalidSettingException.between("steps", steps, 1, 1024);
        InvalidSettingException.between("max_n", maxSupercell, 2, SupercellSearch.MAX_SUPERCELL);
        InvalidSettingException.between("life_size", lifeSize, 8, 1024);
        InvalidSettingException.between("life_steps", lifeSteps, 1, 100_000);
        InvalidSettingException.between("collatz_population", collatzPopulation, 1, 10_000_000);
        InvalidSettingException.between("collatz_steps", collatzSteps, 1, 10_000);
    }

    /** Rules 30, 90, 110, 184 on 256 cells for 256 steps; the full table (N ≤ 4); Life 256² for 1000 generations. */
    public static CellularAutomataSettings defaults(StudyModel model) {
        return new CellularAutomataSettings(List.of(30, 90, 110, 184), 256, 256, 4, 256, 1000, 100_000, 300);
    }

    static CellularAutomataSettings read(SpecSource s, StudyModel model) {
        CellularAutomataSettings d = defaults(model);
        return new CellularAutomataSettings(SpecReading.integers(s, "rules", d.rules(), 0, 255),
                SpecReading.integer(s, "length", d.length(), 8, 1024),
                SpecReading.integer(s, "steps", d.steps(), 1, 1024),
                SpecReading.integer(s, "max_n", d.maxSupercell(), 2, SupercellSearch.MAX_SUPERCELL),
                SpecReading.integer(s, "life_size", d.lifeSize(), 8, 1024),
                SpecReading.integer(s, "life_steps", d.lifeSteps(), 1, 100_000),
                SpecReading.integer(s, "collatz_population", d.collatzPopulation(), 1, 10_000_000),
                SpecReading.integer(s, "collatz_steps", d.collatzSteps(), 1, 10_000));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.set("rules", Json.integers(rules));
        n.put("length", length);
        n.put("steps", steps);
        n.put("max_n", maxSupercell);
        n.put("life_size", lifeSize);
        n.put("life_steps", lifeSteps);
        n.put("collatz_population", collatzPopulation);
        n.put("collatz_steps", collatzSteps);
        return n;
    }
}
