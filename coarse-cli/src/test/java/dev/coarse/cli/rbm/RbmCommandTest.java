package dev.coarse.cli.rbm;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.CoarseMain;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.learn.rbm.RbmFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RbmCommandTest {


    @Test
    void exactRecipePrintsOneJsonObjectWithTheFixedPoint() throws Exception {
        CliRun r = run("rbm", "recipe", "--method", "exact", "--json");
        assertThat(r.code()).isZero();
        JsonNode root = JsonOutput.MAPPER.readTree(r.out());
        assertThat(root.path("J_star").path("mean").asDouble()).isCloseTo(0.4863, within(1e-4));
        assertThat(root.path("J_star").path("error").asDouble()).isZero();
        assertThat(root.path("nu").path("mean").asDouble()).isCloseTo(1.136, within(1e-3));
        assertThat(root.path("w_star").asDouble()).isCloseTo(0.8139, within(1e-4));
        assertThat(root.path("flow").size()).isEqualTo(30);
        assertThat(root.path("flow").get(0).size()).isEqualTo(2);
    }

    @Test
    void badInputGivesOneLineAndExitTwo() {
        CliRun block = run("rbm", "recipe", "--block", "5", "--json");
        assertThat(block.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(block.err()).startsWith("coarse: error: --block").hasLineCount(1);
        CliRun hidden = run("rbm", "recipe", "--hidden", "2");
        assertThat(hidden.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(hidden.out()).isEmpty();
    }

    @Test
    void trainReadsCsvWritesALoadableModelAndRefusesMissingFilesAndOverwrites(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("spins.csv");
        StringBuilder sb = new StringBuilder("# four spins per line\n");
        for (int m = 0; m < 200; m++) {
            sb.append(m % 3 == 0 ? "1,1,1,1" : m % 3 == 1 ? "-1,-1,-1,-1" : "1,-1,1,-1").append('\n');
        }
        Files.writeString(csv, sb.toString());
        Path model = dir.resolve("m.json");
        CliRun r = run("rbm", "train", csv.toString(), "--hidden", "3", "--epochs", "5", "--out", model.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JsonOutput.MAPPER.readTree(r.out());
        assertThat(root.path("unit_type").asText()).isEqualTo("spin");
        assertThat(root.path("log_likelihood").asDouble()).isNegative().isGreaterThan(-4 * Math.log(2));
        assertThat(RbmFile.load(model).rbm().visibleCount()).isEqualTo(4);
        CliRun again = run("rbm", "train", csv.toString(), "--hidden", "3", "--out", model.toString());
        assertThat(again.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(again.err()).contains("already exists");
        CliRun h5 = run("rbm", "train", dir.resolve("e.h5").toString(), "--hidden", "3", "--out", "x.json");
        assertThat(h5.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(h5.err()).contains("no such file").hasLineCount(1);
    }
}
