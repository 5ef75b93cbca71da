package dev.coarse.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.UserError;
import dev.coarse.study.InvalidSettingException;
import dev.coarse.study.sweep.Sweep;
import dev.coarse.study.sweep.SweepEngine;
import dev.coarse.study.sweep.SweepSpec;
import dev.coarse.study.sweep.SweepTask;
import dev.coarse.study.sweep.TaskStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coarse sweep}: a grid of studies, one task per point, on the local pool or on Spark. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a grid of studies (models × L × T × seeds × stage sets), one task per point; a rerun "
                + "skips finished tasks and retries failed ones.",
            "Writes runs/NAME/: tasks/<key>.json, sweep.json, report.html, and results.parquet (Spark engine).",
            "Examples: ./coarse sweep examples/sweep.yaml    ./coarse sweep examples/sweep.yaml --engine spark "
                + "--master 'local[2]' --json",
            "Spec format and clusters: docs/scale-out.md."})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The sweep spec.")
    Path specFile;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "ENGINE",
            description = "local (a thread pool, the default) or spark (coarse-spark's build, Apache Spark 4).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[N], local[*] (the default) or spark://HOST:7077.")
    String master;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Tasks at a time on the local engine (default: all cores).")
    Integer parallel;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Threads per task (default ${DEFAULT-VALUE}). Results do not depend on it.")
    int threads;

    @Option(names = "--name", paramLabel = "NAME", description = "Run directory name (default: the sweep's name).")
    String name;

    @Option(names = "--out-dir", defaultValue = "runs", paramLabel = "DIR",
            description = "Parent of run directories (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--json", description = "Print {\"tasks\": [{\"key\", \"spec\", \"result\"}, …], …} on stdout.")
    boolean json;

    @Mixin
    ProgressBars progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        if (parallel != null && parallel < 1) {
            throw new UserError("--parallel must be at least 1, got " + parallel);
        }
        if (master != null && engine.equals("local")) {
            throw new UserError("--master is for --engine spark");
        }
        String file = specFile.toString();
        SweepSpec sweep;
        List<SweepTask> tasks;
        try {
            sweep = SweepSpec.read(readYaml());
            tasks = sweep.tasks();
        } catch (InvalidSettingException e) {
            throw new UserError("'" + e.setting() + "' in " + file + ": " + e.problem());
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + UserError.oneLine(e.getMessage()));
        }
        Path dir = Files.createDirectories(outDir.resolve(name == null ? sweep.name() : name));
        int pool = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        Sweep.Outcome outcome;
        boolean parquet;
        try (SweepEngine e = EngineLoader.provider(engine).open(master, pool);
             ProgressReporter bar = progress.bar("sweep (" + engine + ")")) {
            AtomicInteger done = new AtomicInteger();
            int total = tasks.size();
            bar.advance(0, total);
            outcome = Sweep.run(sweep, tasks, new TaskStore(dir.resolve("tasks")), e, threads,
                    o -> bar.advance(done.incrementAndGet(), total));
            parquet = e.writeParquet(outcome.tasks(), dir.resolve("results.parquet"));
        }
        ObjectNode document = outcome.toJson();
        JsonOutput.MAPPER.writeValue(dir.resolve("sweep.json").toFile(), document);
        SweepReport.render(outcome).write(dir.resolve("report.html"), true);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            document.put("run_directory", dir.toString());
            document.put("parquet", parquet ? dir.resolve("results.parquet").toString() : null);
            JsonOutput.print(out, document);
        } else {
            out.printf("%s: %d tasks done (%d ran now on the %s engine, %d found done), %d failed%n", sweep.name(),
                    outcome.tasks().size(), outcome.ran() - outcome.failed().size(), outcome.engine(),
                    outcome.skipped(), outcome.failed().size());
            for (ObjectNode f : outcome.failed()) {
                out.printf("  failed %s %s: %s%n", f.get("key").asText().substring(0, 12),
                        f.path("spec").path("point"), f.path("error").asText());
            }
            out.println("wrote " + dir.resolve("sweep.json") + (parquet ? ", " + dir.resolve("results.parquet") : "")
                    + " and " + dir.resolve("report.html"));
            out.flush();
        }
        return outcome.failed().isEmpty() ? 0 : 1;
    }

    private JsonNode readYaml() throws IOException {
        if (!Files.exists(specFile)) {
            throw new NoSuchFileException(specFile.toString());
        }
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(specFile.toFile());
            if (tree == null || tree.isMissingNode()) {
                throw new UserError(specFile + " is empty");
            }
            return tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError("cannot parse " + specFile + " as YAML: " + UserError.oneLine(e.getOriginalMessage()));
        }
    }
}
