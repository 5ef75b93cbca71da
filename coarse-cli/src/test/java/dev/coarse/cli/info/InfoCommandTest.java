package dev.coarse.cli.info;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.CoarseMain;
import dev.coarse.cli.command.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

    @TempDir
    Path dir;


    /** Columns: a fair bit x, y = x, an independent bit z, a Gaussian g and a correlated Gaussian h. */
    private Path samples(int n, boolean header) throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder(header ? "x,y,z,g,h\n" : "");
        for (int i = 0; i < n; i++) {
            int x = rng.nextInt(2);
            double g = rng.nextGaussian();
            double h = 0.6 * g + 0.8 * rng.nextGaussian();
            sb.append(x).append(',').append(x).append(',').append(rng.nextInt(2)).append(',').append(g).append(',')
                    .append(h).append('\n');
        }
        Path f = dir.resolve(header ? "with-header.csv" : "plain.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return JsonOutput.MAPPER.readTree(r.out());
    }

    @Test
    void mutualInformationOfCopiedBitIsLn2InBothUnitsWithOrWithoutHeader() throws IOException {
        for (boolean header : new boolean[] {true, false}) {
            Path f = samples(2000, header);
            JsonNode nats = json(run("info", "mi", f.toString(), "--x", "0", "--y", "1", "--json"));
            assertThat(nats.get("estimator").asText()).isEqualTo("miller-madow");
            assertThat(nats.get("n_samples").asInt()).isEqualTo(2000);
            assertThat(nats.get("unit").asText()).isEqualTo("nats");
            // H(x) of 2000 fair bits is ln 2 up to ~1e-3
            assertThat(nats.get("value").get("mean").asDouble()).isCloseTo(Math.log(2), within(2e-3));
            JsonNode bits = json(run("info", "mi", f.toString(), "--x", "0", "--y", "1", "--json", "--bits"));
            assertThat(bits.get("unit").asText()).isEqualTo("bits");
            assertThat(bits.get("value").get("mean").asDouble()).isCloseTo(1.0, within(3e-3));
        }
    }

    @Test
    void everySubcommandAndEstimatorRuns() throws IOException {
        Path f = samples(1000, true);
        for (String est : new String[] {"plugin", "miller-madow", "nsb"}) {
            assertThat(json(run("info", "entropy", f.toString(), "--x", "0,2", "--estimator", est, "--json"))
                    .get("value").get("mean").asDouble()).isCloseTo(2 * Math.log(2), within(0.01));
            JsonNode cmi = json(run("info", "cmi", f.toString(), "--x", "0", "--y", "1", "--z", "2", "--estimator",
                    est, "--json"));
            assertThat(cmi.get("value").get("mean").asDouble()).isCloseTo(Math.log(2), within(0.01));
            JsonNode tc = json(run("info", "tc", f.toString(), "--x", "0,1,2", "--estimator", est, "--json"));
            assertThat(tc.get("value").get("mean").asDouble()).isCloseTo(Math.log(2), within(0.01));
        }
        JsonNode ksg = json(run("info", "mi", f.toString(), "--x", "3", "--y", "4", "--estimator", "ksg", "--k", "5",
                "--json"));
        double exact = -0.5 * Math.log(1 - 0.36);
        assertThat(ksg.get("value").get("mean").asDouble()).isCloseTo(exact, within(0.06));
        // a declared alphabet larger than the one seen raises NSB's entropy (unseen symbols get prior mass)
        double seen = json(run("info", "entropy", f.toString(), "--x", "0", "--estimator", "nsb", "--json"))
                .get("value").get("mean").asDouble();
        double declared = json(run("info", "entropy", f.toString(), "--x", "0", "--estimator", "nsb", "--alphabet", "50",
                "--json")).get("value").get("mean").asDouble();
        assertThat(declared).isGreaterThan(seen);
        CliRun text = run("info", "mi", f.toString(), "--x", "0", "--y", "2");
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("I(X;Y) = ").contains("nats");
    }

    private void assertUsageError(CliRun r, String fragment) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err().strip()).startsWith("coarse: error: ").contains(fragment).doesNotContain("\n");
    }

    @Test
    void badInputGivesOneLineAndExitTwo() throws IOException {
        Path f = samples(20, true);
        assertUsageError(run("info", "mi", f.toString(), "--x", "0", "--y", "9"), "column 9 does not exist");
        assertUsageError(run("info", "mi", f.toString(), "--x", "0"), "--y is required");
        assertUsageError(run("info", "mi", f.toString(), "--x", "0", "--y", "0"), "selected twice");
        assertUsageError(run("info", "mi", f.toString(), "--x", "3", "--y", "4", "--estimator", "ksg", "--k", "20"),
                "k < N");
        assertUsageError(run("info", "mi", f.toString(), "--x", "3", "--y", "0"), "non-integer");
        assertUsageError(run("info", "mi", f.toString(), "--x", "0", "--y", "1", "--estimator", "magic"),
                "unknown entropy estimator");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "a,b\n");
        assertUsageError(run("info", "entropy", empty.toString(), "--x", "0"), "no samples");
        Path words = dir.resolve("words.csv");
        Files.writeString(words, "1,2\n3,four\n");
        assertUsageError(run("info", "entropy", words.toString(), "--x", "0"), "'four' is not a number");
        assertUsageError(run("info", "entropy", dir.resolve("missing.csv").toString(), "--x", "0"), "no such file");
        Path h5 = dir.resolve("ensemble.h5");
        Files.writeString(h5, "");
        assertUsageError(run("info", "entropy", h5.toString(), "--x", "0"), "is not an HDF5 file");
    }
}
