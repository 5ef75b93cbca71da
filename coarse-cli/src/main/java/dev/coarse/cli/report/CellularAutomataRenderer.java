package dev.coarse.cli.report;

import dev.coarse.emergence.ca.CoarseGrainingTable;
import dev.coarse.study.CellularAutomataResult;
import dev.coarse.study.CellularAutomataStage;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The cellular-automata stage: space-time diagrams, the Israeli–Goldenfeld counts and coarse-graining graph, Life's
 * block entropy and the 3x+1 entropies. There is nothing measured against an exact value with an error, so the
 * summary is empty; the paper's examples are reported as found or not.
 */
final class CellularAutomataRenderer extends StageRenderer<CellularAutomataResult> {

    CellularAutomataRenderer() {
        super(CellularAutomataStage.NAME, CellularAutomataResult.class,
                "Cellular automata → exact coarse-graining, Life and 3x+1 entropies");
    }

    @Override
    List<HtmlReport.Comparison> summary(StudySpec spec, CellularAutomataResult result) {
        return List.of();
    }

    @Override
    void render(StudySpec spec, CellularAutomataResult r, HtmlReport report) throws IOException {
        report.paragraph("Elementary cellular automata from seeded random rows (time down, 1 = black), bit-packed 64"
                + " cells per word (dev.coarse.emergence.ca; docs/emergence.md).");
        for (CellularAutomataResult.Diagram d : r.diagrams()) {
            byte[][] cells = d.cells();
            int zoom = cells[0].length <= 256 ? 2 : 1;
            report.figurePng("Rule " + d.rule() + ", " + cells[0].length + " cells, " + (cells.length - 1)
                    + " steps.", CellImages.png(cells, zoom));
        }
        report.paragraph("Israeli–Goldenfeld coarse-graining (PRL 92, 074105, 2004), found exactly for all 256 rules:"
                + " every non-constant projection P of an N-cell supercell and elementary rule g with P∘f^N = g∘P."
                + " The paper's examples (rule 105 → 150 at N = 2 with P = 6, the pair's parity; rule 146 → 128 at"
                + " N = 3 with P = 128, P(111) = 1 only) are " + (r.paperExamples() ? "found" : "NOT found")
                + (r.maxSupercell() < 3 ? " (only the first: this table stops at N = 2)." : "."));
        List<List<String>> rows = new ArrayList<>();
        for (CoarseGrainingTable.Counts c : r.counts()) {
            rows.add(List.of(Integer.toString(c.supercell()), Long.toString(c.pairs()),
                    Long.toString(c.pairsWithConstantCoarseRule()), Integer.toString(c.coarseGrainableRules()),
                    Integer.toString(c.rulesWithOtherCoarseRule()), Integer.toString(c.edges())));
        }
        report.table("Counts per supercell size N", List.of("N", "pairs (f, P, g)", "g = 0 or 255",
                "rules with a coarse-graining", "rules with g ≠ f", "edges f → g ≠ f"), rows);
        Map<Integer, List<String>> targets = new TreeMap<>();
        for (CoarseGrainingTable.Edge e : r.graph()) {
            if (e.coarseRule() == 0 || e.coarseRule() == 255) {
                continue;
            }
            targets.computeIfAbsent(e.fineRule(), k -> new ArrayList<>()).add(e.coarseRule() + " (N = "
                    + e.supercells().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        List<List<String>> graphRows = new ArrayList<>();
        targets.forEach((f, gs) -> graphRows.add(List.of(Integer.toString(f), String.join("; ", gs))));
        report.table("The coarse-graining graph: each rule f and the rules g ≠ f it flows to (N ≤ " + r.maxSupercell()
                + "); edges to the constant rules 0 and 255 (everything dies or fills) are left out here, not in"
                + " results.json", List.of("f", "g (supercell sizes)"), graphRows);
        CellularAutomataResult.Series life = r.life();
        report.figure("Game of Life from a random soup: the 3×3 block entropy per cell falls from ln 2 as the soup"
                + " orders.", Plots.xy("Game of Life", "generation", "nats per cell / density")
                .line("3×3 block entropy per cell", life.times(), life.values("block_entropy_per_cell"))
                .line("density", life.times(), life.values("density")).chart());
        CellularAutomataResult.Series collatz = r.collatz();
        double[] hc = collatz.values("collatz_entropy");
        double[] hw = collatz.values("walk_entropy");
        report.figure(String.format(Locale.ROOT, "3x+1 on a population: entropy of log2 n in bins of 0.5, beside the"
                + " random walk with the same step law. At the end: 3x+1 %.3f nats (the cycle {1, 2}: at most ln 2),"
                + " walk %.3f.", hc[hc.length - 1], hw[hw.length - 1]),
                Plots.xy("Coarse entropy of log2 n", "step", "nats").line("3x+1", collatz.times(), hc)
                        .line("random walk", collatz.times(), hw).chart());
    }
}
