package dev.coarse.cli.exact;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.CoarseMain;
import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import dev.coarse.exact.TransferMatrix1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactCommandTest {

    /** JSON round trip of doubles is exact (Jackson writes the shortest repr); allow one ulp-ish slack. */
    private static final double ROUND_TRIP = 1e-15;



    @Test
    void onsagerAtTcAsJson() throws Exception {
        CliRun r = run("exact", "--model", "ising2d", "--L", "inf", "--K", Double.toString(Onsager.CRITICAL_COUPLING),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("model").asText()).isEqualTo("ising2d");
        assertThat(j.get("L").asText()).isEqualTo("inf");
        // u(T_c) = −√2 and −βf(T_c) = ln2/2 + 2G/π = 0.9296953983416102 (Onsager 1944).
        assertThat(j.get("energy_per_site").asDouble()).isCloseTo(-Math.sqrt(2), within(1e-12));
        assertThat(j.get("ln_z_per_site").asDouble()).isCloseTo(0.9296953983416102, within(1e-12));
        assertThat(j.get("magnetization").asDouble()).isLessThan(0.1);
        assertThat(j.has("specific_heat")).isTrue();
        assertThat(j.has("free_energy_per_site")).isTrue();
    }

    @Test
    void specificHeatAtExactTcIsNullInJsonAndInfInTable() throws Exception {
        String tc = Double.toString(Onsager.CRITICAL_TEMPERATURE);
        CliRun r = run("exact", "--model", "ising2d", "--L", "inf", "--T", tc, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("specific_heat").isNull()).isTrue();
        CliRun table = run("exact", "--model", "ising2d", "--L", "inf", "--T", tc);
        assertThat(table.out()).containsPattern("specific_heat\\s+inf");
    }

    @Test
    void kaufmanFiniteTorus() throws Exception {
        CliRun r = run("exact", "--model", "ising2d", "--L", "16", "--T", "2.5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("L").asInt()).isEqualTo(16);
        assertThat(j.get("T").asDouble()).isEqualTo(2.5);
        assertThat(j.get("energy_per_site").asDouble()).isCloseTo(Kaufman.energyPerSite(16, 2.5), within(ROUND_TRIP));
        assertThat(j.get("specific_heat").asDouble())
                .isCloseTo(Kaufman.specificHeatPerSite(16, 2.5), within(ROUND_TRIP));
        assertThat(j.get("ln_z_per_site").asDouble())
                .isCloseTo(Kaufman.logPartitionFunction(16, 2.5) / 256, within(ROUND_TRIP));
        assertThat(j.get("free_energy_per_site").asDouble()).isCloseTo(Kaufman.freeEnergyPerSite(16, 2.5), within(1e-14));
        assertThat(j.has("magnetization")).isFalse();
    }

    @Test
    void chainInFieldFiniteAndInfinite() throws Exception {
        CliRun finite = run("exact", "--model", "ising1d", "--L", "10", "--K", "0.5", "--h", "0.3", "--json");
        assertThat(finite.code()).as(finite.err()).isZero();
        JsonNode j = finite.json();
        assertThat(j.get("T").asDouble()).isEqualTo(2.0);
        assertThat(j.get("energy_per_site").asDouble())
                .isCloseTo(TransferMatrix1D.energyPerSite(10, 2.0, 0.3), within(ROUND_TRIP));
        assertThat(j.get("specific_heat").asDouble())
                .isCloseTo(TransferMatrix1D.specificHeatPerSite(10, 2.0, 0.3), within(ROUND_TRIP));

        CliRun infinite = run("exact", "--model", "ising1d", "--L", "inf", "--T", "1", "--json");
        assertThat(infinite.code()).as(infinite.err()).isZero();
        // h = 0 infinite chain: u = −tanh K.
        assertThat(infinite.json().get("energy_per_site").asDouble()).isCloseTo(-Math.tanh(1.0), within(1e-14));
    }

    @Test
    void tableOutputIsReadable() {
        CliRun r = run("exact", "--model", "ising2d", "--L", "4", "--T", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("model", "ising2d", "energy_per_site", "specific_heat", "free_energy_per_site",
                "ln_z_per_site");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "exact --model potts2d --L 4 --T 1",
        "exact --model ising2d --L 1 --T 1",
        "exact --model ising2d --L 0 --T 1",
        "exact --model ising2d --L -3 --T 1",
        "exact --model ising2d --L four --T 1",
        "exact --model ising2d --L 4 --T 0",
        "exact --model ising2d --L 4 --T -1",
        "exact --model ising2d --L 4 --T NaN",
        "exact --model ising2d --L 4 --T Infinity",
        "exact --model ising2d --L 4 --K 0",
        "exact --model ising2d --L 4 --K NaN",
        "exact --model ising2d --L 4 --T 1 --K 1",
        "exact --model ising2d --L 4",
        "exact --model ising2d --L inf --T 1 --h 0.1",
        "exact --model ising2d --L 4 --T 1 --h 0",
        "exact --model ising1d --L 4 --T 1 --h NaN",
        "exact --model ising2d --L 4 --T 0.001",
        "exact --L 4 --T 1",
    })
    void badInputIsAUsageError(String line) {
        CliRun r = run(line.split(" "));
        assertThat(r.code()).as("%s → %s", line, r.err()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err()).as(line).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines().count()).as(line).isEqualTo(1);
        assertThat(r.out()).as(line).isEmpty();
    }
}
