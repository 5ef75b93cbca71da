package dev.coarse.cli.rg;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import org.junit.jupiter.api.Test;

class RgCommandTest {



    @Test
    void migdalKadanoffRecursionJson() throws Exception {
        CliRun r = run("rg", "recursion", "--scheme", "migdal-kadanoff", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        // K* = ½ ln τ, τ the tribonacci constant 1.83928675521416113 (OEIS A058265)
        assertThat(j.get("fixed_point").asDouble()).isCloseTo(0.5 * Math.log(1.83928675521416113), within(1e-10));
        assertThat(j.get("nu").asDouble()).isCloseTo(1.338, within(1e-3));
        assertThat(j.get("flow")).hasSize(20);
        assertThat(j.get("flow").get(0)).hasSize(2);
    }

    @Test
    void decimation1dSaysThereIsNoFixedPoint() throws Exception {
        CliRun r = run("rg", "recursion", "--scheme", "decimation1d", "--json", "--points", "5");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("fixed_point").isNull()).isTrue();
        assertThat(j.get("nu").isNull()).isTrue();
        assertThat(j.get("note").asText()).contains("no non-trivial fixed point");
        assertThat(j.get("flow")).hasSize(5);
    }

    @Test
    void hurstJson() throws Exception {
        CliRun r = run("rg", "hurst", "--h", "0.3", "--n", "1024", "--series", "16", "--seed", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode h = r.json().get("h");
        assertThat(h.get("mean").asDouble()).isCloseTo(0.3, within(0.05));
        assertThat(h.get("error").asDouble()).isPositive();
    }

    @Test
    void sumJson() throws Exception {
        CliRun r = run("rg", "sum", "--cutoff", "gauss", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode res = r.json().get("results");
        assertThat(res).hasSize(1);
        assertThat(res.get(0).get("constant").asDouble()).isCloseTo(-1.0 / 12, within(1e-6));
        assertThat(run("rg", "sum", "--json").json().get("results")).hasSize(3);
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        for (String[] args : new String[][] {
            {"rg", "recursion", "--scheme", "bogus"},
            {"rg", "hurst", "--h", "1.5"},
            {"rg", "hurst", "--n", "1000"},
            {"rg", "sum", "--cutoff", "cosine"},
            {"rg", "recursion", "--points", "x"},
        }) {
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).startsWith("coarse: error: ");
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
