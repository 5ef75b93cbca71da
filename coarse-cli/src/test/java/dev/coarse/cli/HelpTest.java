package dev.coarse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand answers {@code --help} with its usage and exit 0, required options or not. */
class HelpTest {

    static Stream<String> commandPaths() {
        List<String> paths = new ArrayList<>();
        collect(CoarseMain.commandLine(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> paths) {
        for (var entry : command.getSubcommands().entrySet()) {
            if (!entry.getKey().equals(entry.getValue().getCommandName())) {
                continue; // an alias
            }
            String path = (prefix + " " + entry.getKey()).trim();
            paths.add(path);
            collect(entry.getValue(), path, paths);
        }
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void helpPrintsUsageAndExitsZero(String path) {
        List<String> args = new ArrayList<>(List.of(path.split(" ")));
        args.add("--help");
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertThat(run.code()).as("exit code of coarse %s --help (stderr: %s)", path, run.err()).isZero();
        assertThat(run.out()).as("coarse %s --help", path).contains("Usage: coarse " + path);
    }

    @Test
    void everySubcommandIsCovered() {
        assertThat(commandPaths()).contains("exact", "inspect", "sample", "bench", "rg flow", "info mi");
    }
}
