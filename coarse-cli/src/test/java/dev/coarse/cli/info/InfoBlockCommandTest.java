package dev.coarse.cli.info;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CoarseMain;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.exact.ExactSampler;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.ExactInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoBlockCommandTest {

    /** 4σ: a false failure about once in 10⁴ runs (fixed seed). */
    private static final double STAT_SIGMAS = 4.0;
    private static final Lattice TORUS = Lattice.square(4);

    @TempDir
    static Path dir;
    private static Path configs;
    private static ExactDistribution exact;

    @BeforeAll
    static void writeConfigurations() throws IOException {
        exact = Enumeration.boltzmann(IsingModel.atCoupling(TORUS, 0.4));
        byte[][] sample = new ExactSampler(exact).sample(4000, new SplittableRandom(3));
        StringBuilder sb = new StringBuilder();
        for (byte[] c : sample) {
            for (int s = 0; s < c.length; s++) {
                sb.append(s == 0 ? "" : ",").append(c[s]);
            }
            sb.append('\n');
        }
        configs = dir.resolve("configs.csv");
        Files.writeString(configs, sb.toString());
    }

    private static String[] result(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CoarseMain.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void decimationLossMatchesEnumeration() throws IOException {
        String[] r = result("info", "block", configs.toString(), "--block", "2", "--buffer", "0", "--env", "1",
                "--rule", "decimation", "--environment-code", "pattern", "--estimator", "plugin", "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode root = JsonOutput.MAPPER.readTree(r[1]);
        JsonNode row = root.get("profile").get(0);
        int[] v = BlockGeometry.blockSites(TORUS, 2, 0);
        double loss = ExactInformation.entropy(exact, v) - ExactInformation.entropy(exact, new int[] {v[0]});
        double mean = row.get("loss").get("mean").asDouble();
        double error = row.get("loss").get("error").asDouble();
        assertThat(Math.abs(mean - loss)).as("%s ± %s vs %s", mean, error, loss).isLessThanOrEqualTo(STAT_SIGMAS * error);
        assertThat(row.get("kept_fraction").get("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(root.get("rule").asText()).isEqualTo("decimation");
    }

    @Test
    void textProfileAndBadInput() {
        String[] ok = result("info", "block", configs.toString(), "--block", "1", "--buffer", "0..0", "--env", "1");
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
        assertThat(ok[1]).contains("L_B = 0: I(V:E) = ").contains("configurations");
        String[] tooBig = result("info", "block", configs.toString(), "--block", "3", "--buffer", "0..1");
        assertThat(tooBig[0]).isEqualTo("2");
        assertThat(tooBig[2]).startsWith("coarse: error: ").contains("larger than the lattice");
        String[] badBuffer = result("info", "block", configs.toString(), "--buffer", "x..2");
        assertThat(badBuffer[0]).isEqualTo("2");
        assertThat(badBuffer[2]).contains("--buffer");
        String[] notSquare = result("info", "block", configs.toString(), "--dimension", "3");
        assertThat(notSquare[0]).isEqualTo("2");
        assertThat(notSquare[2]).contains("not the site count");
    }
}
