package dev.coarse.cli;

import dev.coarse.cli.command.JsonOutput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coarse run --quick} end to end: the default study, shortened, must still measure the right physics. */
@Tag("slow")
class RunQuickSlowTest {

    /** Wall-clock budget of the quick study (the brief: under a minute on 2 idle cores; slack for a loaded CI). */
    static final double BUDGET_SECONDS = 90;
    /** Measured values must lie within this many errors of the exact ones (false failure ~1e-4 per value). */
    static final double SIGMAS = 4;
    /** χ² p-values below this fail (energy over all points versus Kaufman). */
    static final double MIN_P_VALUE = 1e-4;

    @TempDir
    Path dir;

    @Test
    void quickDefaultStudyRunsInBudgetAndMeasuresTheExactValues() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = CoarseMain.execute(new String[] {"run", "--quick", "--quiet", "--json", "--out-dir",
            dir.toString(), "--name", "quick"}, new PrintWriter(out), new PrintWriter(err));
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertThat(exit).as(err.toString()).isZero();
        assertThat(seconds).as("wall time of coarse run --quick").isLessThan(BUDGET_SECONDS);
        JsonNode stages = JsonOutput.MAPPER.readTree(dir.resolve("quick/results.json").toFile()).get("stages");

        JsonNode energy = stages.get("energy");
        assertThat(energy.get("p_value_energy").asDouble()).as("χ² p-value of e(T) vs Kaufman").isGreaterThan(MIN_P_VALUE);

        JsonNode binder = stages.get("binder");
        assertWithin("T_c", binder.get("tc"), binder.get("tc_exact").asDouble());

        JsonNode mcrg = stages.get("mcrg");
        JsonNode sizes = mcrg.get("sizes");
        JsonNode deepest = sizes.get(sizes.size() - 1).get("levels");
        JsonNode level = deepest.get(deepest.size() - 1);
        assertWithin("y_t", level.get("y_t"), 1.0);
        assertWithin("y_h", level.get("y_h"), 15.0 / 8.0);

        JsonNode info = stages.get("info").get("steps").get(0);
        double kept = info.get("kept_fraction").get("mean").asDouble();
        assertThat(kept).as("kept fraction lies in (0, 1]").isGreaterThan(0).isLessThanOrEqualTo(1.0 + 1e-9);

        assertThat(Files.size(dir.resolve("quick/report.html"))).isGreaterThan(10_000);
    }

    private static void assertWithin(String what, JsonNode estimate, double exact) {
        double mean = estimate.get("mean").asDouble();
        double error = estimate.get("error").asDouble();
        assertThat(error).as(what + " error").isPositive();
        assertThat(Math.abs(mean - exact)).as(what + " = " + mean + " ± " + error + " vs exact " + exact
                + " (fails ~1e-4 of seeds)").isLessThan(SIGMAS * error);
    }
}
