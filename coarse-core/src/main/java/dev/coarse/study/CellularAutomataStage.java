package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.emergence.ca.BlockEntropies;
import dev.coarse.emergence.ca.CoarseGrainingTable;
import dev.coarse.emergence.ca.CollatzHistory;
import dev.coarse.emergence.ca.CollatzPopulation;
import dev.coarse.emergence.ca.ElementaryAutomaton;
import dev.coarse.emergence.ca.ElementaryRule;
import dev.coarse.emergence.ca.EntropyHistory;
import dev.coarse.emergence.ca.SupercellSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cellular automata (issue 24, docs/emergence.md): space-time diagrams of elementary rules from seeded random rows,
 * the exact Israeli–Goldenfeld table with its counts and coarse-graining graph, Life's falling block entropy, and
 * the 3x+1 population beside its random-walk control. It does not sample the study's model.
 */
public final class CellularAutomataStage implements Stage<CellularAutomataSettings, CellularAutomataResult> {

    public static final String NAME = "cellular-automata";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Class<CellularAutomataSettings> settingsType() {
        return CellularAutomataSettings.class;
    }

    @Override
    public CellularAutomataSettings defaults(StudyModel model) {
        return CellularAutomataSettings.defaults(model);
    }

    @Override
    public CellularAutomataSettings read(SpecSource section, StudyModel model) {
        return CellularAutomataSettings.read(section, model);
    }

    @Override
    public CellularAutomataResult readResult(JsonNode json) {
        return CellularAutomataResult.fromJson(json);
    }

    @Override
    public CellularAutomataResult run(StudyModel model, CellularAutomataSettings s, StageContext context) {
        context.expect(4);
        List<CellularAutomataResult.Diagram> diagrams = new ArrayList<>();
        long i = 0;
        for (int rule : s.rules()) {
            ElementaryAutomaton automaton = ElementaryAutomaton.random(new ElementaryRule(rule), s.length(), 0.5,
                    new SplittableRandom(context.seed(i++)));
            diagrams.add(CellularAutomataResult.Diagram.of(rule, automaton.spaceTime(s.steps())));
        }
        context.advance(1);
        CoarseGrainingTable table = SupercellSearch.table(s.maxSupercell(), Math.max(1, context.threads()));
        List<CoarseGrainingTable.Counts> counts = new ArrayList<>();
        for (int n = CoarseGrainingTable.MIN_SUPERCELL; n <= s.maxSupercell(); n++) {
            counts.add(table.counts(n));
        }
        boolean paper = table.contains(105, 2, 6, 150)
                && (s.maxSupercell() < 3 || table.contains(146, 3, 128, 128));
        context.advance(1);
        EntropyHistory life = BlockEntropies.life(s.lifeSize(), s.lifeSteps(), Math.max(1, s.lifeSteps() / 100),
                CellularAutomataSettings.LIFE_BLOCK, 0.5, new SplittableRandom(context.seed(i++)));
        context.advance(1);
        CollatzHistory collatz = CollatzPopulation.run(s.collatzPopulation(), CellularAutomataSettings.COLLATZ_BITS,
                s.collatzSteps(), 0.5, new SplittableRandom(context.seed(i)));
        CellularAutomataResult.Series lifeSeries = new CellularAutomataResult.Series(asDoubles(life.times()),
                List.of("density", "block_entropy_per_cell"), List.of(life.density(), life.blockEntropyPerCell()));
        CellularAutomataResult.Series collatzSeries = new CellularAutomataResult.Series(asDoubles(collatz.times()),
                List.of("collatz_entropy", "walk_entropy"), List.of(collatz.collatzEntropy(), collatz.walkEntropy()));
        context.advance(1);
        return new CellularAutomataResult(diagrams, s.maxSupercell(), counts, table.graph(), paper, lifeSeries,
                collatzSeries);
    }

    private static double[] asDoubles(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }
}
