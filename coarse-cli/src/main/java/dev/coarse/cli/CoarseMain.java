package dev.coarse.cli;

import dev.coarse.cli.bench.BenchCommand;
import dev.coarse.cli.command.CommandGroup;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.dynamics.DynamicsCommand;
import dev.coarse.cli.emerge.EmergeCommand;
import dev.coarse.cli.exact.ExactCommand;
import dev.coarse.cli.flow.FlowCommand;
import dev.coarse.cli.rgflow.RgFlowCommand;
import dev.coarse.cli.info.InfoCommand;
import dev.coarse.cli.rbm.RbmCommand;
import dev.coarse.cli.msds.MsdsCommand;
import dev.coarse.cli.reduce.ReduceCommand;
import dev.coarse.cli.rg.RgCommand;
import dev.coarse.cli.rsmi.RsmiCommand;
import dev.coarse.cli.run.RunCommand;
import dev.coarse.cli.sample.InspectCommand;
import dev.coarse.cli.sample.SampleCommand;
import dev.coarse.cli.sweep.SweepCommand;
import dev.coarse.cli.tensor.TrgCommand;
import dev.coarse.data.CoarseVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code coarse} command. Bad input gives one line {@code coarse: error: …} on stderr and exit code 2
 * (a stack trace only with {@code --debug}); internal failures exit 1.
 */
@Command(name = "coarse",
        mixinStandardHelpOptions = true,
        versionProvider = CoarseMain.Version.class,
        description = "Sample lattice models, coarse-grain them, measure information and run the renormalization group.",
        subcommands = {
            HelpCommand.class,
            ExactCommand.class,
            InspectCommand.class,
            SampleCommand.class,
            RgCommand.class,
            RbmCommand.class,
            RsmiCommand.class,
            FlowCommand.class,
            RgFlowCommand.class,
            TrgCommand.class,
            RunCommand.class,
            SweepCommand.class,
            InfoCommand.class,
            DynamicsCommand.class,
            EmergeCommand.class,
            BenchCommand.class,
            ReduceCommand.class,
            MsdsCommand.class,
        })
public final class CoarseMain extends CommandGroup {

    /** Exit code for bad input (usage errors, invalid parameters, unreadable files). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for an internal failure. */
    public static final int EXIT_INTERNAL = 1;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    /**
     * The one line for an {@link OutOfMemoryError} that escaped the commands' own estimates: the heap and how to
     * raise it.
     */
    static String outOfMemory(long maxHeap) {
        long gib = Math.max(1, Math.round(maxHeap / (double) (1L << 30)));
        // a heap below 1 GiB (COARSE_JAVA_OPTS=-Xmx64m) is named as it is, not rounded up to "1 GiB"
        String heap = maxHeap >= 1L << 30 ? gib + " GiB" : MemoryGuard.size(maxHeap);
        return "coarse: error: out of memory (the Java heap is " + heap + "): run with a larger heap, e.g."
                + " COARSE_JAVA_OPTS=-Xmx" + 2 * gib + "g, or make the run smaller";
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CoarseMain());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("coarse: error: " + parameterError(ex));
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"))
                    || hasDebugDeep(parseResult);
            PrintWriter err = commandLine.getErr();
            if (debug) {
                ex.printStackTrace(err);
            }
            Throwable cause = ex;
            if (cause instanceof UncheckedIOException u && u.getCause() != null) {
                cause = u.getCause();
            }
            if (isUserError(cause)) {
                err.println("coarse: error: " + describe(cause));
                return EXIT_USAGE;
            }
            err.println("coarse: error: internal failure: " + describe(cause)
                    + (debug ? "" : " (run with --debug for details)"));
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /**
     * One line for a command-line error; for a mistyped subcommand or option, what was not understood and the
     * nearest names picocli suggests ("did you mean …?").
     */
    static String parameterError(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            CommandLine cl = u.getCommandLine();
            String command = cl.getCommandSpec().qualifiedName();
            boolean option = first.startsWith("-");
            boolean hasSubcommands = !cl.getSubcommands().isEmpty();
            String what = option ? "unknown option '" + first + "' for '" + command + "'"
                    : hasSubcommands ? "'" + first + "' is not a '" + command + "' command"
                    : "unexpected argument '" + first + "' for '" + command + "'";
            List<String> suggestions = u.getSuggestions();
            String hint = suggestions.isEmpty()
                    ? " (see '" + command + " --help')"
                    : ": did you mean " + String.join(" or ", suggestions.stream().limit(3)
                            .map(x -> "'" + x + "'").toList()) + "?";
            return what + hint;
        }
        return UserError.oneLine(ex.getMessage());
    }

    private static boolean hasDebugDeep(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult sub = pr; sub != null; sub = sub.subcommand()) {
            if (sub.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static boolean isUserError(Throwable t) {
        return t instanceof UserError || t instanceof IllegalArgumentException || t instanceof IOException;
    }

    static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return e.getFile() + " already exists (use --force to overwrite)";
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        return UserError.oneLine(msg);
    }

    /** Reports the version recorded in the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"coarse " + CoarseVersion.get()};
        }
    }
}
