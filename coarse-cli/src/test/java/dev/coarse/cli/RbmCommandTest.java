package dev.coarse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RbmCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CoarseMain.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exactRecipePrintsOneJsonObjectWithTheFixedPoint() throws Exception {
        Run r = run("rbm", "recipe", "--method", "exact", "--json");
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
        Run block = run("rbm", "recipe", "--block", "5", "--json");
        assertThat(block.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(block.err()).startsWith("coarse: error: --block").hasLineCount(1);
        Run hidden = run("rbm", "recipe", "--hidden", "2");
        assertThat(hidden.code()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(hidden.out()).isEmpty();
    }
}
