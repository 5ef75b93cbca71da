package dev.coarse.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coarse.cli.CoarseMain;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.UserError;
import dev.coarse.cli.report.HtmlReport;
import dev.coarse.cli.report.StudyReport;
import dev.coarse.data.RunDirectory;
import dev.coarse.study.Study;
import dev.coarse.study.StudyResults;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coarse run}: the main job — a study from a YAML spec (or the default one), with results and a report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a study (the default: the 2D Ising model at criticality) and write results.json and report.html.",
            "Examples: ./coarse run --quick    ./coarse run examples/ising3d-binder.yaml --name cubic",
            "Spec format: docs/run.md; ./coarse run --print-default-spec shows the default study."})
public final class RunCommand implements Callable<Integer> {

    /** Class-path resource holding the default study. */
    public static final String DEFAULT_SPEC = "/dev/coarse/cli/run/default-study.yaml";

    /** Thread-safe once configured; building one costs milliseconds. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC.yaml", description = "The study spec (default: the built-in study).")
    Path specFile;

    @Option(names = "--quick", description = "Apply the spec's 'quick:' overrides (the default study then takes under a minute).")
    boolean quick;

    @Option(names = "--name", paramLabel = "NAME", description = "Run directory name (default: UTC time and study name).")
    String name;

    @Option(names = "--out-dir", defaultValue = "runs", paramLabel = "DIR", description = "Parent of run directories (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--resume", description = "Continue the run --name: skip stages already completed (the spec must be unchanged).")
    boolean resume;

    @Option(names = "--force", description = "Reuse an existing run directory, replacing its results.")
    boolean force;

    @Option(names = "--seed", paramLabel = "N", description = "Override the spec's seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object (results.json plus the run directory) on stdout.")
    boolean json;

    @Mixin
    ProgressBars progress;

    @Option(names = "--print-default-spec", description = "Print the default study's YAML and exit.")
    boolean printDefault;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (printDefault) {
            out.print(defaultSpecText());
            out.flush();
            return 0;
        }
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        if (resume && force) {
            throw new UserError("use either --resume (continue a run) or --force (start it again), not both");
        }
        if (resume && name == null) {
            throw new UserError("--resume needs --name of the run to continue");
        }
        String file = specFile == null ? "the default spec" : specFile.toString();
        StudySpec study = SpecReader.parse(readSpec(), file, quick, seed);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Study.MemoryNeed need = Study.memoryNeed(study, nThreads);
        MemoryGuard.require(need.bytes(), "run " + study.name() + " (its " + need.stage() + " stage's configurations)");
        RunDirectory dir;
        if (resume) {
            if (!Files.isDirectory(outDir.resolve(name))) {
                throw new UserError("cannot resume: " + outDir.resolve(name) + " does not exist");
            }
            dir = RunDirectory.create(outDir, name, study.name(), true);
        } else {
            dir = RunDirectory.create(outDir, name, study.name(), force);
        }
        StudyResults results;
        try {
            results = Study.run(study, dir, resume, nThreads, progress::bar);
        } catch (Study.SpecChangedException e) {
            throw new UserError(e.getMessage() + "; start a new run or use --force");
        }
        dir.writeReport(StudyReport.render(results).toHtml());
        if (json) {
            ObjectNode o = JsonOutput.object();
            o.put("run_directory", dir.path().toString());
            o.put("results", dir.resolve(RunDirectory.RESULTS).toString());
            o.put("report", dir.resolve(RunDirectory.REPORT).toString());
            o.setAll(results.toJson());
            JsonOutput.print(out, o);
        } else {
            out.printf("%s: %s%n", study.name(), String.join(", ", study.stages()));
            for (HtmlReport.Comparison c : StudyReport.summary(results)) {
                String measured = HtmlReport.formatWithError(c.measured().mean(), c.measured().error());
                if (Double.isFinite(c.exact()) && c.caveat() != null) {
                    out.printf(Locale.ROOT, "  %-60s %s   exact %s   (%s)%n", c.quantity(), measured,
                            HtmlReport.formatNumber(c.exact(), 6), c.caveat());
                } else if (Double.isFinite(c.exact())) {
                    out.printf(Locale.ROOT, "  %-60s %s   exact %s   (%+.1f σ)%n", c.quantity(), measured,
                            HtmlReport.formatNumber(c.exact(), 6), c.deviationInErrors());
                } else {
                    out.printf(Locale.ROOT, "  %-60s %s%n", c.quantity(), measured);
                }
            }
            out.println("wrote " + dir.resolve(RunDirectory.RESULTS) + " and " + dir.resolve(RunDirectory.REPORT));
            out.flush();
        }
        return 0;
    }

    private JsonNode readSpec() throws IOException {
        String text;
        if (specFile == null) {
            text = defaultSpecText();
        } else {
            if (!Files.exists(specFile)) {
                throw new NoSuchFileException(specFile.toString());
            }
            try {
                text = Files.readString(specFile, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                throw new UserError(specFile + " is not a YAML spec: it is not UTF-8 text");
            }
        }
        return parseYaml(text, specFile == null ? "the default spec" : specFile.toString());
    }

    /**
     * A spec's YAML text as a tree, for {@link SpecReader#parse}; text that is not YAML, or empty, is a
     * {@link UserError} naming {@code file}.
     */
    static JsonNode parseYaml(String text, String file) {
        try {
            JsonNode tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new UserError(file + " is empty");
            }
            return tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError("cannot parse " + file + " as YAML: " + UserError.oneLine(e.getOriginalMessage()));
        }
    }

    /** The YAML text of the default study. */
    public static String defaultSpecText() throws IOException {
        try (InputStream in = RunCommand.class.getResourceAsStream(DEFAULT_SPEC)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_SPEC);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
