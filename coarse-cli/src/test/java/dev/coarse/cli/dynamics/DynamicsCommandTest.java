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

class DynamicsCommandTest {

    /** Agreement of a JSON-printed double with a hand formula evaluated in another order. */
    private static final double HAND = 1e-12;

    @Test
    void markovOnTwoStateChainMatchesHandFormulas(@TempDir Path dir) throws IOException {
        double a = 0.3;
        double b = 0.1;
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, (1 - a) + "," + a + "\n" + b + "," + (1 - b) + "\n");
        CliRun r = run("dynamics", "markov", csv.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("states").asInt()).isEqualTo(2);
        assertThat(j.get("irreducible").asBoolean()).isTrue();
        assertThat(j.get("stationary").get(0).asDouble()).isCloseTo(b / (a + b), within(HAND));
        double h = b / (a + b) * (-a * Math.log(a) - (1 - a) * Math.log(1 - a))
                + a / (a + b) * (-b * Math.log(b) - (1 - b) * Math.log(1 - b));
        assertThat(j.get("entropy_rate").asDouble()).isCloseTo(h, within(HAND));
        assertThat(j.get("relaxation_times").get(0).asDouble()).isCloseTo(-1 / Math.log(1 - a - b), within(HAND));
    }

    @Test
    void markovReadsRatesAsAContinuousTimeChain(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("q.json");
        Files.writeString(json, "{\"rate_matrix\": [[-2, 2], [0.5, -0.5]]}");
        CliRun r = run("dynamics", "markov", json.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("continuous_time").asBoolean()).isTrue();
        // Rate eigenvalue −(2 + 0.5): relaxation time 0.4.
        assertThat(j.get("relaxation_times").get(0).asDouble()).isCloseTo(0.4, within(HAND));
    }

    @Test
    void lumpFindsAnExactlyLumpablePartition(@TempDir Path dir) throws IOException {
        // States {0, 1} and {2, 3}: each state's probability of entering {0, 1} is 0.7 from the first pair and 0.2
        // from the second, spread differently inside the pair — strongly lumpable by construction.
        Path csv = dir.resolve("lumpable.csv");
        Files.writeString(csv, """
                0.5, 0.2, 0.1, 0.2
                0.1, 0.6, 0.3, 0.0
                0.2, 0.0, 0.4, 0.4
                0.1, 0.1, 0.7, 0.1
                """);
        for (String method : new String[] {"exact", "greedy"}) {
            CliRun r = run("dynamics", "lump", csv.toString(), "--clusters", "2", "--method", method, "--json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode j = r.json();
            JsonNode p = j.get("partition");
            assertThat(p.get(0).asInt()).isEqualTo(p.get(1).asInt());
            assertThat(p.get(2).asInt()).isEqualTo(p.get(3).asInt());
            assertThat(p.get(0).asInt()).isNotEqualTo(p.get(2).asInt());
            assertThat(j.get("information_loss").asDouble()).as(method).isLessThan(1e-12);
            assertThat(j.get("exactly_lumpable").asBoolean()).isTrue();
            JsonNode curve = j.get("loss_curve");
            assertThat(curve).hasSize(2);
            assertThat(curve.get(1).get(0).asInt()).isEqualTo(2);
            assertThat(j.get("comparison").get(1).get("k").asInt()).isEqualTo(2);
            // strongly lumpable: the lumped process is Markov, both bounds on its KL rate vanish
            assertThat(j.get("kl_rate").get("lower").asDouble()).isLessThan(1e-12);
            assertThat(j.get("kl_rate").get("upper").asDouble()).isLessThan(1e-12);
            assertThat(j.get("kl_rate").get("order").asInt()).isEqualTo(12);
        }
    }

    @Test
    void klOrderOneIsTheInformationLossAndABadOrderIsRefused() throws IOException {
        CliRun order1 = run("dynamics", "lump", "--example", "double-well", "--states", "30", "--clusters", "3",
                "--kl-order", "1", "--json");
        JsonNode j = order1.json();
        assertThat(j.get("kl_rate").get("upper").asDouble())
                .isCloseTo(j.get("information_loss").asDouble(), org.assertj.core.api.Assertions.within(1e-13));
        CliRun bad = run("dynamics", "lump", "--example", "double-well", "--states", "30", "--clusters", "3",
                "--kl-order", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("coarse: error: ").contains("--kl-order");
    }

    @Test
    void lumpOfTheDoubleWellExample() throws IOException {
        CliRun r = run("dynamics", "lump", "--example", "double-well", "--states", "30", "--clusters", "2",
                "--method", "spectral", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode p = j.get("partition");
        // The two wells: states left of the barrier in one block, right of it in the other.
        assertThat(p.get(0).asInt()).isEqualTo(p.get(14).asInt());
        assertThat(p.get(15).asInt()).isEqualTo(p.get(29).asInt());
        assertThat(p.get(0).asInt()).isNotEqualTo(p.get(29).asInt());
        assertThat(j.get("exactly_lumpable").asBoolean()).isFalse();
        // the KL rate of the split at the barrier, bracketed at order 12 well below L (docs/dynamics.md quotes it)
        JsonNode kl = j.get("kl_rate");
        assertThat(kl.get("order").asInt()).isEqualTo(12);
        assertThat(kl.get("lower").asDouble()).isGreaterThan(0.004);
        assertThat(kl.get("upper").asDouble()).isLessThan(0.0045).isGreaterThan(kl.get("lower").asDouble());
        assertThat(j.get("information_loss").asDouble()).isGreaterThan(0.007);
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "0.5, 0.5\n0.5, 0.6\n");
        CliRun r = run("dynamics", "markov", csv.toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("coarse: error: ").contains("row 1").doesNotContain("\n");
        assertThat(r.out()).isEmpty();

        Path reducible = dir.resolve("reducible.csv");
        Files.writeString(reducible, "1, 0\n0.5, 0.5\n");
        CliRun red = run("dynamics", "markov", reducible.toString());
        assertThat(red.code()).isEqualTo(2);
        assertThat(red.err().strip()).startsWith("coarse: error: ").contains("irreducible");

        Path lumpable = dir.resolve("random.csv");
        // No two states share an entry in any column: no 2-block partition is lumpable.
        Files.writeString(lumpable, "0.5, 0.3, 0.2\n0.1, 0.6, 0.3\n0.3, 0.2, 0.5\n");
        CliRun none = run("dynamics", "lump", lumpable.toString(), "--clusters", "2", "--method", "exact");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).startsWith("coarse: error: ").contains("no strongly lumpable partition");

        CliRun tooMany = run("dynamics", "lump", lumpable.toString(), "--clusters", "4");
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err().strip()).contains("--clusters");

        CliRun missing = run("dynamics", "markov", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("coarse: error: ");

        CliRun neither = run("dynamics", "markov");
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err().strip()).contains("exactly one of FILE and --example");
    }
}
