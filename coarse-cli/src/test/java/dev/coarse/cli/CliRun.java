package dev.coarse.cli;

import dev.coarse.cli.command.JsonOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** One in-process run of the {@code coarse} command as a test sees it: exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

    /** Runs {@code coarse args…} in process. */
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CoarseMain.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code coarse args… --quiet}, for commands that would otherwise draw a progress bar. */
    public static CliRun quiet(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--quiet";
        return run(all);
    }

    /** Asserts a refusal as a user error: exit 2 and one line {@code coarse: error: …} holding every fragment. */
    public void assertOneLineUserError(String... fragments) {
        org.assertj.core.api.Assertions.assertThat(code).as(out + err).isEqualTo(CoarseMain.EXIT_USAGE);
        org.assertj.core.api.Assertions.assertThat(err).startsWith("coarse: error: ").contains(fragments);
        org.assertj.core.api.Assertions.assertThat(err.strip().lines()).hasSize(1);
    }

    /** Standard output parsed as the one JSON object of {@code --json}. */
    public JsonNode json() throws IOException {
        return JsonOutput.MAPPER.readTree(out);
    }
}
