package dev.coarse.cli.rsmi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.ProgressBars;
import dev.coarse.cli.command.ProgressReporter;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.Json;
import dev.coarse.exact.CriticalPoint;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.RuleInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.MatchedMcrg;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.RuleLearner;
import dev.coarse.stats.Estimate;
import dev.coarse.study.RuleFlowAnalysis;
import dev.coarse.study.RuleFlowResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coarse rsmi flow}: a rule iterated into a flow, measured level by level — the information each step keeps,
 * the couplings of each level, MCRG y<sub>t</sub> and y<sub>h</sub> of each step ({@link RuleFlowAnalysis}).
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = {"Iterate a rule into an RG flow and measure every level: I(H:E), I(V:E), the kept fraction and"
                + " H(V|H) of each step, pseudo-likelihood couplings, MCRG y_t and y_h (spins).",
            "--matched FILE2 (the same model and temperature on L/b): the rule of every step applied to it too, and"
                + " matched-lattice MCRG beside the standard one.",
            "Example: ./coarse rsmi flow ising64.h5 --levels 3 --rule majority --json",
            "         ./coarse rsmi flow ising64.h5 --matched ising32.h5 --levels 3 --rule filter.json"})
public final class RsmiFlowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.h5", description = "Ensemble file (level 0 is used).")
    Path file;

    @Option(names = "--levels", defaultValue = "3", paramLabel = "N",
            description = "Coarse-graining steps (default ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--rule", defaultValue = "majority", paramLabel = "RULE",
            description = "majority, decimation, or a rule file FILE.json (default ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--b", defaultValue = "2", paramLabel = "B", description = "Block size of majority and decimation (default ${DEFAULT-VALUE}).")
    int b;

    @Option(names = "--ties", defaultValue = "coin", paramLabel = "coin|fixed",
            description = "Majority ties: a seeded random block spin, or the block's first site (default ${DEFAULT-VALUE}).")
    String ties;

    @Option(names = "--buffer", defaultValue = "0", paramLabel = "W", description = "Buffer width between block and environment (default ${DEFAULT-VALUE}).")
    int buffer;

    @Option(names = "--env", defaultValue = "1", paramLabel = "W", description = "Environment shell width (default ${DEFAULT-VALUE}).")
    int environment;

    @Option(names = "--environment-code", defaultValue = "sum", paramLabel = "CODE",
            description = "How E enters the discrete estimators: sum (a lower bound), staggered (sums with sign (-1)^(x+y) per axis and component; for dimers the electric field, a lower bound) or pattern (default ${DEFAULT-VALUE}).")
    String environmentCode;

    @Option(names = "--positions", defaultValue = "all", paramLabel = "all|blocks",
            description = "Blocks at every site (the rule run on every translation) or at the rule's own blocks (default ${DEFAULT-VALUE}).")
    String positions;

    @Option(names = "--estimator", defaultValue = "miller-madow", paramLabel = "NAME",
            description = "Entropy estimator: plugin, miller-madow, nsb (default ${DEFAULT-VALUE}).")
    String estimator;

    @Option(names = "--resamples", defaultValue = "50", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--operators", defaultValue = "4", paramLabel = "M",
            description = "MCRG even operators, the first M of nn, nnn, third_nn, plaquette, … (default ${DEFAULT-VALUE}; 0: no MCRG).")
    int even;

    @Option(names = "--odd-operators", defaultValue = "2", paramLabel = "M",
            description = "MCRG odd operators, the first M of field, triangle, line3 (default ${DEFAULT-VALUE}).")
    int odd;

    @Option(names = "--bins", defaultValue = "20", description = "MCRG jackknife bins (default ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--couplings", defaultValue = "nn,nnn,plaquette", paramLabel = "OPS",
            description = "Operators of the pseudo-likelihood fits, comma-separated, or none (default ${DEFAULT-VALUE}).")
    String couplings;

    @Option(names = "--coupling-samples", defaultValue = "2000", paramLabel = "N",
            description = "Fit the couplings on the first N configurations of each level (default ${DEFAULT-VALUE}; 0: all).")
    int couplingSamples;

    @Option(names = "--matched", paramLabel = "FILE2.h5",
            description = "Matched-lattice MCRG: an ensemble of the same model and temperature on L/b (level 0 is "
                    + "used); step n's rule coarse-grains its level n too, and level n is matched against its level n − 1.")
    Path matched;

    @Option(names = "--matched-form", defaultValue = "couplings", paramLabel = "couplings|responses",
            description = "How --matched combines the two runs, as in rg mcrg (default ${DEFAULT-VALUE}).")
    String matchedForm;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Mixin
    ProgressBars progress;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            throw new UserError(file + " does not exist");
        }
        Ensemble data = EnsembleFile.read(file);
        if (data.size() == 0) {
            throw new UserError(file + " holds an empty ensemble (no configurations)");
        }
        if (levels < 1) {
            throw new UserError("--levels must be at least 1, got " + levels);
        }
        if (b < 2) {
            throw new UserError("--b must be at least 2, got " + b);
        }
        CoarseGraining coarseGraining = RuleArgument.resolve(rule, b, RuleArgument.ties(ties, "--ties"));
        // what the rule reads, and that it can be applied --levels times: before anything runs
        coarseGraining.coarseDegreesOfFreedom(data.degreesOfFreedom());
        List<Lattice> lattices = Coarsener.lattices(data.lattice(), coarseGraining, levels);
        int span = (int) coarseGraining.scaleFactor() + 2 * (buffer + environment);
        if (buffer < 0 || environment < 1 || span > lattices.get(levels - 1).linearSize()) {
            throw new UserError("block " + (int) coarseGraining.scaleFactor() + ", --buffer " + buffer + " and --env "
                    + environment + " span " + span + " sites; step " + levels + " blocks L = "
                    + lattices.get(levels - 1).linearSize() + " (need buffer ≥ 0, env ≥ 1 and a span ≤ L)");
        }
        RuleLearner learner = RuleLearner.fixed(coarseGraining);
        int d = data.lattice().dimension();
        boolean spins = data.meta().model().startsWith("ising");
        OperatorSet evenOps = spins && even > 0 ? operators(OperatorSet.standardEven(d), even, "--operators") : null;
        OperatorSet oddOps = spins && even > 0 ? operators(OperatorSet.standardOdd(d), odd, "--odd-operators") : null;
        if (evenOps != null && (bins < 2 || bins > data.size())) {
            throw new UserError("--bins must be in 2.." + data.size() + " (the number of samples), got " + bins);
        }
        RuleFlowAnalysis.Matched matchedRun = matched == null ? null
                : matchedRun(data, coarseGraining, lattices, evenOps);
        OperatorSet couplingOps = !spins || couplings.equals("none") ? null : OperatorSet.of(d, couplings.split(","));
        RuleFlowAnalysis.Settings settings;
        try {
            settings = new RuleFlowAnalysis.Settings(levels, buffer, environment, choice(environmentCode,
                    RuleInformation.Environment.class, "--environment-code"), choice(positions,
                    RuleInformation.Positions.class, "--positions"), EntropyEstimator.named(estimator), resamples,
                    evenOps, oddOps, bins, couplingOps, couplingSamples, 20);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        long start = System.nanoTime();
        long work = 2L * levels + 2 + (matchedRun == null ? 0 : 1);
        AtomicLong done = new AtomicLong();
        RuleFlowResult result;
        try (ProgressReporter bar = progress.bar("rsmi flow", 0, work)) {
            result = RuleFlowAnalysis.analyse(data.lattice(), data.data(), learner, settings, matchedRun,
                    seed.value(), () -> bar.advance(done.incrementAndGet(), work));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean ising2d = d == 2 && spins && data.meta().field() == 0.0;
        if (output.json()) {
            ObjectNode o = result.toJson();
            ObjectNode root = Json.object();
            root.put("file", file.toString());
            root.put("samples", data.size());
            root.put("rule", o.get("rule").asText());
            root.put("steps", levels);
            root.put("seed", seed.value());
            root.put("buffer", buffer);
            root.put("env", environment);
            root.put("environment_code", environmentCode);
            root.put("positions", positions);
            root.put("estimator", estimator);
            root.put("unit", "nats");
            root.set("even_operators", Json.strings(evenOps == null ? List.of() : evenOps.names()));
            root.set("odd_operators", Json.strings(oddOps == null ? List.of() : oddOps.names()));
            if (matchedRun != null) {
                root.put("matched_file", matched.toString());
                root.put("matched_samples", matchedRun.data().size());
                root.put("matched_form", matchedRun.form().name().toLowerCase(Locale.ROOT));
                // the L/b run's level k has the size of the L run's level k + 1
                root.set("matched_L", Json.integers(lattices.subList(1, levels + 1).stream()
                        .map(Lattice::linearSize).toList()));
            }
            root.set("levels", o.get("levels"));
            if (ising2d) {
                ObjectNode exact = root.putObject("exact");
                exact.put("y_t", CriticalPoint.SQUARE_ISING.thermalExponent());
                exact.put("y_h", CriticalPoint.SQUARE_ISING.magneticExponent());
            }
            root.put("seconds", seconds);
            output.print(root);
        } else {
            printText(output.out(), data, result, matchedRun);
        }
        return 0;
    }

    private void printText(PrintWriter out, Ensemble data, RuleFlowResult result, RuleFlowAnalysis.Matched m) {
        out.printf("%s: %d samples, %s, %d steps; buffer %d, env %d (%s, %s, %s positions, nats)%n", file,
                data.size(), result.rule(), levels, buffer, environment, environmentCode, estimator, positions);
        if (m != null) {
            out.printf("matched with %s: %d samples, L = %d (%s form); level n against its level n − 1%n", matched,
                    m.data().size(), m.lattice().linearSize(), m.form().name().toLowerCase(Locale.ROOT));
        }
        for (RuleFlowResult.Level level : result.levels()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  level %d (L = %d)", level.level(),
                    level.linearSize()));
            if (level.level() > 0) {
                line.append(String.format(Locale.ROOT, "  I(H:E) = %s  I(V:E) = %s  kept = %s  H(V|H) = %s",
                        format(level.information("mi")), format(level.information("mi_visible")),
                        format(level.information("kept_fraction")), format(level.information("loss"))));
                if (!Double.isNaN(level.yT().mean())) {
                    line.append(String.format(Locale.ROOT, "  y_t = %s  y_h = %s", format(level.yT()),
                            format(level.yH())));
                }
                if (level.matched()) {
                    line.append(String.format(Locale.ROOT, "  matched y_t = %s  y_h = %s", format(level.matchedYT()),
                            format(level.matchedYH())));
                }
            }
            level.couplings().ifPresent(c -> c.estimates().forEach((name, e) -> line.append("  ").append(name)
                    .append(" = ").append(format(e))));
            out.println(line);
        }
        if (data.meta().model().equals("ising2d") && data.meta().field() == 0.0) {
            out.printf("  exact (2D Ising)  y_t = %.4f  y_h = %.4f%n", CriticalPoint.SQUARE_ISING.thermalExponent(),
                    CriticalPoint.SQUARE_ISING.magneticExponent());
        }
        out.flush();
    }

    /**
     * The --matched ensemble, checked before anything runs with the checks of {@link MatchedMcrg} that {@code rg mcrg
     * --matched} uses: the same model and couplings, the L lattice blocked once, enough samples for the bins.
     */
    private RuleFlowAnalysis.Matched matchedRun(Ensemble data, CoarseGraining rule, List<Lattice> lattices,
                                                OperatorSet evenOps) throws Exception {
        MatchedMcrg.Form form = choice(matchedForm, MatchedMcrg.Form.class, "--matched-form");
        if (evenOps == null) {
            throw new UserError("--matched needs MCRG: an Ising file and --operators ≥ 1");
        }
        if (!rule.coarseDegreesOfFreedom(data.degreesOfFreedom()).equals(DegreesOfFreedom.isingSpins())) {
            throw new UserError("--matched needs a rule to ±1 spins, " + rule.name() + " makes "
                    + rule.coarseDegreesOfFreedom(data.degreesOfFreedom()));
        }
        if (!Files.exists(matched)) {
            throw new UserError(matched + " does not exist");
        }
        Ensemble small = EnsembleFile.read(matched);
        if (small.size() == 0) {
            throw new UserError(matched + " holds an empty ensemble (no configurations)");
        }
        try {
            MatchedMcrg.requireSameCouplings(data.meta(), file.toString(), small.meta(), matched.toString());
            MatchedMcrg.requireMatchingLattices(lattices, List.of(small.lattice()));
        } catch (IllegalArgumentException e) {
            throw new UserError("--matched: " + e.getMessage(), e);
        }
        try {
            MatchedMcrg.requireBins(bins, small.size(), matched.toString());
        } catch (IllegalArgumentException e) {
            throw new UserError("--bins: " + e.getMessage(), e);
        }
        return new RuleFlowAnalysis.Matched(small.lattice(), small.data(), form);
    }

    private static String format(Estimate e) {
        return Double.isNaN(e.mean()) ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", e.mean(), e.error());
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new UserError("unknown " + option + " '" + value + "' (known: " + String.join(", ", Arrays.stream(
                type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }

    private static OperatorSet operators(OperatorSet all, int m, String option) {
        if (m < 1 || m > all.size()) {
            throw new UserError(option + " must be 1.." + all.size() + " (" + all + "), got " + m);
        }
        return all.truncate(m);
    }
}
