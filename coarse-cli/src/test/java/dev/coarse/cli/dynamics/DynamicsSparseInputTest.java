package dev.coarse.cli.dynamics;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynamics markov|lump --sparse}: triplet files, against the dense path on the same chain. */
class DynamicsSparseInputTest {

    /**
     * Six states in blocks A = {0, 1}, B = {2, 3}, C = {4, 5}, strongly lumpable: every state of a block sends the
     * same mass into each block (A: 0.5, 0.2, 0.3; B: 0.1, 0.4, 0.5; C: 0.25, 0.25, 0.5), spread differently.
     */
    private static final double[][] LUMPABLE = {
        {0.3, 0.2, 0.1, 0.1, 0.3, 0.0},
        {0.1, 0.4, 0.2, 0.0, 0.15, 0.15},
        {0.05, 0.05, 0.4, 0.0, 0.2, 0.3},
        {0.0, 0.1, 0.1, 0.3, 0.5, 0.0},
        {0.25, 0.0, 0.1, 0.15, 0.2, 0.3},
        {0.1, 0.15, 0.0, 0.25, 0.5, 0.0},
    };

    private static Path triplets(Path dir, String name, double[][] p) throws IOException {
        StringBuilder s = new StringBuilder("# from, to, probability\n");
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (p[i][j] != 0) {
                    s.append(i).append(", ").append(j).append(", ").append(p[i][j]).append('\n');
                }
            }
        }
        Path file = dir.resolve(name);
        Files.writeString(file, s.toString());
        return file;
    }

    private static Path csv(Path dir, String name, double[][] p) throws IOException {
        StringBuilder s = new StringBuilder();
        for (double[] row : p) {
            for (int j = 0; j < row.length; j++) {
                s.append(j == 0 ? "" : ", ").append(row[j]);
            }
            s.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, s.toString());
        return file;
    }

    /** {@code lump --sparse FILE --method exact --clusters k --initial LABELS --json}, LABELS written first. */
    private static CliRun lumpExact(Path file, Path labels, String labelText, int clusters) throws IOException {
        Files.writeString(labels, labelText + "\n");
        return run("dynamics", "lump", "--sparse", file.toString(), "--method", "exact", "--clusters",
                String.valueOf(clusters), "--initial", labels.toString(), "--json");
    }

    @Test
    void sparseMarkovAgreesWithTheDensePath(@TempDir Path dir) throws IOException {
        CliRun sparse = run("dynamics", "markov", "--sparse", triplets(dir, "p.txt", LUMPABLE).toString(), "--json");
        CliRun dense = run("dynamics", "markov", csv(dir, "p.csv", LUMPABLE).toString(), "--json");
        assertThat(sparse.code()).as(sparse.err()).isZero();
        assertThat(dense.code()).as(dense.err()).isZero();
        JsonNode s = sparse.json();
        JsonNode d = dense.json();
        assertThat(s.get("sparse").asBoolean()).isTrue();
        assertThat(s.get("nonzeros").asInt()).isEqualTo(28);
        assertThat(s.get("stationary_residual").asDouble()).isLessThan(1e-13);
        for (int i = 0; i < 6; i++) {
            // residual < 1e-13 in L1; this chain mixes in a few steps, so the law is as close
            assertThat(s.get("stationary").get(i).asDouble()).isCloseTo(d.get("stationary").get(i).asDouble(),
                    within(1e-12));
        }
        assertThat(s.get("entropy_rate").asDouble()).isCloseTo(d.get("entropy_rate").asDouble(), within(1e-12));
        assertThat(s.get("predictive_information").asDouble())
                .isCloseTo(d.get("predictive_information").asDouble(), within(1e-12));
        assertThat(s.get("relaxation_times").get(0).asDouble())
                .isCloseTo(d.get("relaxation_times").get(0).asDouble(), within(1e-12));
    }

    @Test
    void sparseRatesAreAContinuousTimeChain(@TempDir Path dir) throws IOException {
        Path q = dir.resolve("q.txt");
        // Diagonal left out: Q_00 = −2, Q_11 = −0.5.
        Files.writeString(q, "0 1 2\n1 0 0.5\n");
        CliRun r = run("dynamics", "markov", "--sparse", "--rates", q.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("continuous_time").asBoolean()).isTrue();
        assertThat(j.get("stationary").get(0).asDouble()).isCloseTo(0.2, within(1e-12));
        // Rate eigenvalue −(2 + 0.5): relaxation time 0.4.
        assertThat(j.get("relaxation_times").get(0).asDouble()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void sparseExactLumpingRefinesTheInitialPartitionToThePlantedBlocks(@TempDir Path dir) throws IOException {
        Path p = triplets(dir, "p.txt", LUMPABLE);
        Path labels = dir.resolve("labels.txt");
        CliRun r = lumpExact(p, labels, "0 0 0 0 1 1", 3);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode b = j.get("partition");
        assertThat(b.get(0).asInt()).isEqualTo(b.get(1).asInt());
        assertThat(b.get(2).asInt()).isEqualTo(b.get(3).asInt());
        assertThat(b.get(4).asInt()).isEqualTo(b.get(5).asInt());
        assertThat(b.get(0).asInt()).isNotIn(b.get(2).asInt(), b.get(4).asInt());
        assertThat(b.get(2).asInt()).isNotEqualTo(b.get(4).asInt());
        assertThat(j.get("exactly_lumpable").asBoolean()).isTrue();
        assertThat(j.get("information_loss").asDouble()).isLessThan(1e-12);
        assertThat(j.get("refinement_rounds").asInt()).isEqualTo(2);

        CliRun wrongK = run("dynamics", "lump", "--sparse", p.toString(), "--method", "exact", "--clusters", "2",
                "--initial", labels.toString());
        assertThat(wrongK.code()).isEqualTo(2);
        assertThat(wrongK.err().strip()).startsWith("coarse: error: ").contains("has 3 blocks, not 2")
                .doesNotContain("\n");

        // greedy on small sparse input: densified with a note, and it finds the same lumpable partition
        CliRun greedy = run("dynamics", "lump", "--sparse", p.toString(), "--clusters", "3", "--json");
        assertThat(greedy.code()).as(greedy.err()).isZero();
        assertThat(greedy.err()).contains("densified");
        assertThat(greedy.json().get("information_loss").asDouble()).isLessThan(1e-12);
        assertThat(greedy.json().get("exactly_lumpable").asBoolean()).isTrue();
    }

    @Test
    void greedyOnALargeSparseChainSaysWhichMethodsWork(@TempDir Path dir) throws IOException {
        int n = DynamicsLumpCommand.DENSIFY_STATES + 1;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i).append(' ').append((i + 1) % n).append(" 0.5\n").append(i).append(' ').append(i)
                    .append(" 0.5\n");
        }
        Path p = dir.resolve("cycle.txt");
        Files.writeString(p, s.toString());
        CliRun r = run("dynamics", "lump", "--sparse", p.toString(), "--clusters", "3", "--method", "spectral");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("coarse: error: ").contains("--method exact").doesNotContain("\n");
        // The lazy cycle is lumpable into one block only from one block; the exact method runs.
        CliRun exact = run("dynamics", "lump", "--sparse", p.toString(), "--clusters", "1", "--method", "exact",
                "--json");
        assertThat(exact.code()).as(exact.err()).isZero();
        assertThat(exact.json().get("information_loss").asDouble()).isLessThan(1e-12);
    }

    @Test
    void sparseExactLumpingOfAReducibleChainHasNoLoss(@TempDir Path dir) throws IOException {
        // 0 → {1, 2}, and {1, 2} swap: 0 is never reached again. {1, 2} is one block, {0} another.
        Path p = dir.resolve("reducible.txt");
        Files.writeString(p, "0 1 0.5\n0 2 0.5\n1 2 1\n2 1 1\n");
        CliRun r = lumpExact(p, dir.resolve("labels.txt"), "0 1 1", 2);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("irreducible").asBoolean()).isFalse();
        assertThat(j.get("information_loss").isNull()).isTrue();
        assertThat(j.get("exactly_lumpable").asBoolean()).isTrue();
        CliRun markov = run("dynamics", "markov", "--sparse", p.toString());
        assertThat(markov.code()).isEqualTo(2);
        assertThat(markov.err().strip()).isEqualTo(
                "coarse: error: coarse dynamics markov needs an irreducible chain: state 0 cannot be reached from state 1");
    }

    @Test
    void badTripletsAreOneLineNamingTheRowAndExitTwo(@TempDir Path dir) throws IOException {
        String[][] cases = {
            // file content, expected fragment
            {"0 0 0.5\n0 1 0.5\n1 0 -0.2\n1 1 1.2\n", "row 1, column 0 is -0.2"},
            {"0 0 0.5\n0 1 0.5\n1 0 0.3\n1 1 0.6\n", "row 1 of the transition matrix sums to 0.8999"},
            {"states 2\n0 0 0.5\n0 2 0.5\n1 1 1\n", "row 0, column 2: state outside 0 … 1"},
            {"0 0 0.5\n0 1 0.5\n1 x 1\n", "'x' is not a state index"},
        };
        for (String[] c : cases) {
            Path p = dir.resolve("bad.txt");
            Files.writeString(p, c[0]);
            for (String command : new String[] {"markov", "lump"}) {
                CliRun r = command.equals("markov") ? run("dynamics", "markov", "--sparse", p.toString())
                        : run("dynamics", "lump", "--sparse", p.toString(), "--clusters", "1", "--method", "exact");
                assertThat(r.code()).as(c[1]).isEqualTo(2);
                assertThat(r.err().strip()).startsWith("coarse: error: ").contains(c[1]).doesNotContain("\n");
            }
        }
        Path ok = triplets(dir, "p.txt", LUMPABLE);
        CliRun tau = run("dynamics", "markov", "--sparse", ok.toString(), "--tau", "2");
        assertThat(tau.code()).isEqualTo(2);
        assertThat(tau.err()).contains("--tau 2 needs a dense chain");
        CliRun initialDense = run("dynamics", "lump", csv(dir, "p.csv", LUMPABLE).toString(), "--clusters", "3",
                "--initial", ok.toString());
        assertThat(initialDense.code()).isEqualTo(2);
        assertThat(initialDense.err()).contains("--initial applies to sparse input");
    }
}
