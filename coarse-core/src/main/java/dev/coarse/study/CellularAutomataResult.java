package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.emergence.ca.CoarseGrainingTable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cellular-automata stage measured.
 *
 * @param diagrams      one space-time diagram per rule, from one seeded random row
 * @param maxSupercell  largest supercell of the table
 * @param counts        the table's counts per supercell size, N = 2 … maxSupercell
 * @param graph         the coarse-graining graph: edges f → g (g ≠ f) with their supercell sizes
 * @param paperExamples whether the table holds Israeli & Goldenfeld's examples (105 → 150 at N = 2 with P = 6;
 *                      146 → 128 at N = 3 with P = 128, checked only when maxSupercell ≥ 3)
 * @param life          Life's block entropy over time: times, density, entropy per cell (nats)
 * @param collatz       the 3x+1 population and its random-walk control: times, both entropies (nats)
 */
public record CellularAutomataResult(List<Diagram> diagrams, int maxSupercell, List<CoarseGrainingTable.Counts> counts,
        List<CoarseGrainingTable.Edge> graph, boolean paperExamples, Series life, Series collatz)
        implements StageResult {

    public CellularAutomataResult {
        diagrams = List.copyOf(diagrams);
        counts = List.copyOf(counts);
        graph = List.copyOf(graph);
    }

    /**
     * A space-time diagram, row t the cells at step t as a string of '0' and '1'.
     *
     * @param rule Wolfram number
     * @param rows rows at steps 0 … T
     */
    public record Diagram(int rule, List<String> rows) {
        public Diagram {
            rows = List.copyOf(rows);
        }

        /** The cells, {@code [t][i]} = 0 or 1. */
        public byte[][] cells() {
            byte[][] cells = new byte[rows.size()][];
            for (int t = 0; t < cells.length; t++) {
                String row = rows.get(t);
                cells[t] = new byte[row.length()];
                for (int i = 0; i < row.length(); i++) {
                    cells[t][i] = (byte) (row.charAt(i) == '1' ? 1 : 0);
                }
            }
            return cells;
        }

        /** A diagram from cells {@code [t][i]}. */
        public static Diagram of(int rule, byte[][] cells) {
            List<String> rows = new ArrayList<>(cells.length);
            for (byte[] row : cells) {
                StringBuilder s = new StringBuilder(row.length);
                for (byte b : row) {
                    s.append(b != 0 ? '1' : '0');
                }
                rows.add(s.toString());
            }
            return new Diagram(rule, rows);
        }
    }

    /** Named series over common times: {@code values[k]} has one value per time. */
    public record Series(double[] times, List<String> names, List<double[]> values) {
        public Series {
            times = times.clone();
            names = List.copyOf(names);
            List<double[]> copies = new ArrayList<>();
            for (double[] v : values) {
                if (v.length != times.length) {
                    throw new IllegalArgumentException("each series needs one value per time");
                }
                copies.add(v.clone());
            }
            values = List.copyOf(copies);
            if (names.size() != values.size()) {
                throw new IllegalArgumentException("one name per series");
            }
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public List<double[]> values() {
            List<double[]> copies = new ArrayList<>();
            values.forEach(v -> copies.add(v.clone()));
            return copies;
        }

        /** The series called {@code name}. */
        public double[] values(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no series " + name);
            }
            return values.get(i).clone();
        }

        ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.set("times", Json.numbers(times));
            for (int i = 0; i < names.size(); i++) {
                n.set(names.get(i), Json.numbers(values.get(i)));
            }
            return n;
        }

        static Series fromJson(JsonNode n) {
            List<String> names = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            n.fieldNames().forEachRemaining(name -> {
                if (!name.equals("times")) {
                    names.add(name);
                    values.add(Json.doubles(n.get(name)));
                }
            });
            return new Series(Json.doubles(n.get("times")), names, values);
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        ArrayNode d = n.putArray("diagrams");
        for (Diagram diagram : diagrams) {
            ObjectNode o = d.addObject();
            o.put("rule", diagram.rule());
            o.set("rows", Json.strings(diagram.rows()));
        }
        n.put("max_n", maxSupercell);
        ArrayNode c = n.putArray("counts");
        for (CoarseGrainingTable.Counts k : counts) {
            ObjectNode o = c.addObject();
            o.put("n", k.supercell());
            o.put("pairs", k.pairs());
            o.put("pairs_with_constant_coarse_rule", k.pairsWithConstantCoarseRule());
            o.put("coarse_grainable_rules", k.coarseGrainableRules());
            o.put("rules_with_other_coarse_rule", k.rulesWithOtherCoarseRule());
            o.put("edges", k.edges());
        }
        ArrayNode g = n.putArray("graph");
        for (CoarseGrainingTable.Edge e : graph) {
            ObjectNode o = g.addObject();
            o.put("from", e.fineRule());
            o.put("to", e.coarseRule());
            o.set("n", Json.integers(e.supercells()));
        }
        n.put("paper_examples_found", paperExamples);
        n.set("life", life.toJson());
        n.set("collatz", collatz.toJson());
        return n;
    }

    public static CellularAutomataResult fromJson(JsonNode json) {
        List<Diagram> diagrams = Json.list(json.get("diagrams"),
                o -> new Diagram(o.get("rule").asInt(), Json.strings(o.get("rows"))));
        List<CoarseGrainingTable.Counts> counts = Json.list(json.get("counts"),
                o -> new CoarseGrainingTable.Counts(o.get("n").asInt(), o.get("pairs").asLong(),
                        o.get("pairs_with_constant_coarse_rule").asLong(), o.get("coarse_grainable_rules").asInt(),
                        o.get("rules_with_other_coarse_rule").asInt(), o.get("edges").asInt()));
        List<CoarseGrainingTable.Edge> graph = Json.list(json.get("graph"), o -> {
            List<Integer> sizes = new ArrayList<>();
            o.get("n").forEach(v -> sizes.add(v.asInt()));
            return new CoarseGrainingTable.Edge(o.get("from").asInt(), o.get("to").asInt(), sizes);
        });
        return new CellularAutomataResult(diagrams, json.get("max_n").asInt(), counts, graph,
                json.get("paper_examples_found").asBoolean(), Series.fromJson(json.get("life")),
                Series.fromJson(json.get("collatz")));
    }
}
