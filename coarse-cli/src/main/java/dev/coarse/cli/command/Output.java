package dev.coarse.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} switch of a command that prints either text or one JSON object (a picocli mixin), with
 * the streams the command writes to: results on {@link #out()}, messages on {@link #err()}.
 */
public final class Output {

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether --json was given. */
    public boolean json() {
        return json;
    }

    /** Standard output of the command (the test harness's writer in tests). */
    public PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Standard error of the command. */
    public PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Prints {@code value} as the command's one JSON object on {@link #out()}. */
    public void print(JsonNode value) {
        JsonOutput.print(out(), value);
    }
}
