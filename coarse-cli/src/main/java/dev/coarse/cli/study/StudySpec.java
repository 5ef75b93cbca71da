package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.cli.UserError;
import dev.coarse.exact.Onsager;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import dev.coarse.mc.SamplerKind;
import dev.coarse.rg.CoarseGrainingRules;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.TieBreak;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A validated study: the model, the seed and the settings of every stage. Built from YAML by
 * {@link #parse(JsonNode, String, boolean)}; {@link #toJson()} is its canonical form (recorded in results.json),
 * and {@link #hash()} the SHA-256 of that form, which {@code --resume} compares.
 */
public record StudySpec(String name, long seed, String model, int q, List<String> stages, Sampling energySampling,
                        List<Integer> energySizes, double[] energyTemperatures, Sampling binderSampling,
                        List<Integer> binderSizes, double[] binderTemperatures, int binderResamples,
                        Sampling mcrgSampling, List<Integer> mcrgSizes, double mcrgTemperature, Coarsening mcrgRule,
                        int mcrgEven, int mcrgOdd, int mcrgBins, Sampling flowSampling, int flowSize,
                        double[] flowCouplings, Coarsening flowRule, List<String> flowOperators, Sampling infoSampling,
                        int infoSize, double infoTemperature, Coarsening infoRule, int infoBuffer,
                        int infoEnvironment, String infoCode, String infoEstimator, int infoResamples) {

    /** Stage names in the order they run. */
    public static final List<String> STAGES = List.of("energy", "binder", "mcrg", "flow", "info");
    /** Model names. */
    public static final List<String> MODELS = List.of("ising2d", "ising3d", "potts2d");
    /** Critical coupling of the simple-cubic Ising model (SCIENCE.md; Ferrenberg, Xu, Landau 2018). */
    public static final double ISING3D_CRITICAL_COUPLING = 0.2216546;
    /** Largest lattice accepted (sites). */
    static final int MAX_SITES = 1 << 22;

    /** Monte Carlo settings of one stage (the fields of {@link dev.coarse.mc.RunSpec}). */
    public record Sampling(String sampler, long sweeps, long thermalize, long thin, int chains) {
        ObjectNode toJson() {
            ObjectNode n = JsonOutput.object();
            n.put("sampler", sampler);
            n.put("sweeps", sweeps);
            n.put("thermalize", thermalize);
            n.put("thin", thin);
            n.put("chains", chains);
            return n;
        }

        long samples() {
            return (long) chains * (sweeps / thin);
        }
    }

    /** A coarse-graining rule by name, block size and number of levels. */
    public record Coarsening(String rule, int b, int levels) {
        public CoarseGraining build() {
            return CoarseGrainingRules.byName(rule, b, TieBreak.COIN);
        }
    }

    /** The critical temperature of the model (exact in 2D; the numerical K_c for 3D Ising). */
    public double criticalTemperature() {
        return switch (model) {
            case "ising2d" -> Onsager.CRITICAL_TEMPERATURE;
            case "ising3d" -> 1.0 / ISING3D_CRITICAL_COUPLING;
            default -> PottsModel.squareLatticeCriticalTemperature(q);
        };
    }

    /** The model's dimension. */
    public int dimension() {
        return model.equals("ising3d") ? 3 : 2;
    }

    /** The model on an L^d lattice at temperature T. */
    public Model model(int linearSize, double temperature) {
        Lattice lattice = Lattice.of(dimension(), linearSize);
        return model.equals("potts2d") ? new PottsModel(lattice, q, temperature) : new IsingModel(lattice, temperature, 0.0);
    }

    /** Whether the model has ±1 spins (the rg stages need them). */
    public boolean isIsing() {
        return model.startsWith("ising");
    }

    /**
     * Parses and validates a spec tree (YAML parsed into JSON nodes). With {@code quick} the spec's
     * {@code quick:} mapping is merged over it first.
     *
     * @param file name used in error messages
     */
    public static StudySpec parse(JsonNode tree, String file, boolean quick, Long seedOverride) {
        if (tree == null || !tree.isObject()) {
            throw new UserError(file + " must be a YAML mapping of keys to values");
        }
        ObjectNode root = ((ObjectNode) tree).deepCopy();
        JsonNode quickNode = root.remove("quick");
        if (quick) {
            if (quickNode == null) {
                throw new UserError(file + " has no 'quick:' section, so --quick cannot shorten it");
            }
            if (!quickNode.isObject()) {
                throw new UserError("'quick' in " + file + ": expected a mapping of keys to values");
            }
            SpecReader.merge(root, quickNode);
        } else if (quickNode != null && !quickNode.isObject()) {
            throw new UserError("'quick' in " + file + ": expected a mapping of keys to values");
        }
        SpecReader r = new SpecReader(root, file, null);
        String name = r.string("name", "study");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw r.error("name", "use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
        long seed = r.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (seedOverride != null) {
            seed = seedOverride;
        }
        String model = r.choice("model", "ising2d", MODELS);
        int q = (int) r.integer("q", model.equals("potts2d") ? 3 : 2, 2, 64);
        if (!model.equals("potts2d") && q != 2) {
            throw r.error("q", "applies to potts2d only");
        }
        List<String> stages = r.strings("stages", STAGES);
        for (String s : stages) {
            if (!STAGES.contains(s)) {
                throw r.error("stages", "unknown stage '" + s + "' (stages: " + String.join(", ", STAGES) + ")");
            }
        }
        if (stages.isEmpty()) {
            throw r.error("stages", "name at least one stage");
        }
        boolean ising = model.startsWith("ising");
        int d = model.equals("ising3d") ? 3 : 2;
        for (String s : List.of("mcrg", "flow", "info")) {
            if (stages.contains(s) && !ising) {
                throw r.error("stages", "stage '" + s + "' needs ±1 spins (an Ising model), not " + model);
            }
        }
        double tc = model.equals("ising2d") ? Onsager.CRITICAL_TEMPERATURE
                : model.equals("ising3d") ? 1.0 / ISING3D_CRITICAL_COUPLING : PottsModel.squareLatticeCriticalTemperature(q);
        String cluster = "wolff";
        Model probe = model.equals("potts2d") ? new PottsModel(Lattice.of(d, 4), q, 1.0)
                : new IsingModel(Lattice.of(d, 4), 1.0, 0.0);
        List<String> samplers = SamplerKind.available(probe).stream().map(SamplerKind::id).toList();

        SpecReader e = r.section("energy");
        Sampling energySampling = sampling(e, samplers, ising ? "sw" : "wolff", 2000, 200, 2, 2);
        List<Integer> energySizes = sizes(e, "sizes", List.of(16, 32), d);
        double[] energyT = e.range("temperatures", linspace(0.6 * tc, 1.5 * tc, 13));
        e.finish();

        SpecReader bi = r.section("binder");
        Sampling binderSampling = scanSampling(bi, samplers, cluster, 4000, 400);
        List<Integer> binderSizes = sizes(bi, "sizes", List.of(8, 16, 32), d);
        double[] binderT = bi.range("temperatures", linspace(0.97 * tc, 1.03 * tc, 9));
        int resamples = 400;
        bi.finish();
        for (int k = 1; k < binderSizes.size(); k++) {
            if (binderSizes.get(k) <= binderSizes.get(k - 1)) {
                throw bi.error("sizes", "must increase strictly, got " + binderSizes);
            }
        }
        for (int k = 1; k < binderT.length; k++) {
            if (binderT[k] <= binderT[k - 1]) {
                throw bi.error("temperatures", "must increase strictly");
            }
        }
        if (stages.contains("binder") && binderSizes.size() < 2) {
            throw bi.error("sizes", "Binder crossings need at least two sizes");
        }
        if (stages.contains("binder") && binderT.length < 4) {
            throw bi.error("temperatures", "Binder crossings need at least four temperatures (cubic interpolation)");
        }

        SpecReader m = r.section("mcrg");
        Sampling mcrgSampling = sampling(m, samplers, cluster, 20_000, 1000, 10, 2);
        List<Integer> mcrgSizes = sizes(m, "sizes", List.of(64, 128), d);
        double mcrgT = temperature(m, tc);
        Coarsening mcrgRule = coarsening(m, 3);
        int even = (int) m.integer("even_operators", 4, 1, OperatorSet.standardEven(d).size());
        int odd = (int) m.integer("odd_operators", 2, 1, OperatorSet.standardOdd(d).size());
        int bins = (int) m.integer("bins", 20, 2, 1000);
        m.finish();
        if (stages.contains("mcrg")) {
            checkLevels(m, "sizes", mcrgSizes, mcrgRule, d);
            checkOperators(m, mcrgSizes, mcrgRule, d, OperatorSet.standardEven(d).truncate(even));
            checkOperators(m, mcrgSizes, mcrgRule, d, OperatorSet.standardOdd(d).truncate(odd));
            checkSamples(m, mcrgSampling, bins);
        }

        SpecReader f = r.section("flow");
        String flowSampler = f.choice("sampler", ising ? "sw" : "wolff", samplers);
        long flowSamples = f.integer("samples", 500, 2, 10_000_000);
        long flowThin = f.integer("thin", 2, 1, 1_000_000);
        long flowThermalize = f.integer("thermalize", 200, 10, 1_000_000_000L);
        Sampling flowSampling = new Sampling(flowSampler, flowSamples * flowThin, flowThermalize, flowThin, 1);
        int flowSize = (int) f.integer("size", 32, 2, 4096);
        double[] flowK = f.range("couplings", linspace(0.36, 0.56, 11));
        Coarsening flowRule = new Coarsening(f.choice("rule", "majority", List.of("majority", "decimation")),
                (int) f.integer("b", 2, 2, 16), 1);
        List<String> flowOps = f.strings("operators", List.of("nn"));
        f.finish();
        if (stages.contains("flow")) {
            checkLevels(f, "size", List.of(flowSize), flowRule, d);
            checkSize(f, "size", flowSize, d);
            OperatorSet ops;
            try {
                ops = OperatorSet.of(d, flowOps.toArray(String[]::new));
            } catch (IllegalArgumentException ex) {
                throw f.error("operators", ex.getMessage());
            }
            checkOperators(f, List.of(flowSize), flowRule, d, ops);
            if (!flowOps.contains("nn")) {
                throw f.error("operators", "must include 'nn' (the flow is drawn in K_nn)");
            }
            if (flowK.length < 2) {
                throw f.error("couplings", "the flow needs at least two couplings");
            }
            for (int k = 1; k < flowK.length; k++) {
                if (flowK[k] <= flowK[k - 1]) {
                    throw f.error("couplings", "must increase strictly");
                }
            }
        }

        SpecReader in = r.section("info");
        Sampling infoSampling = sampling(in, samplers, cluster, 2000, 200, 10, 2);
        int infoSize = (int) in.integer("size", 32, 2, 4096);
        double infoT = temperature(in, tc);
        Coarsening infoRule = coarsening(in, 2);
        int infoBuffer = (int) in.integer("buffer", 0, 0, 64);
        int infoEnv = (int) in.integer("environment", 1, 1, 64);
        String infoCode = in.choice("environment_code", "sum", List.of("sum", "pattern"));
        String infoEstimator = in.choice("estimator", "miller-madow", List.of("plugin", "miller-madow", "nsb"));
        int infoResamples = (int) in.integer("resamples", 50, 2, 10_000);
        in.finish();
        if (stages.contains("info")) {
            checkLevels(in, "size", List.of(infoSize), infoRule, d);
            checkSize(in, "size", infoSize, d);
            int last = Coarsener.lattices(Lattice.of(d, infoSize), infoRule.build(), infoRule.levels() - 1)
                    .get(infoRule.levels() - 1).linearSize();
            int span = infoRule.b() + 2 * (infoBuffer + infoEnv);
            if (span > last) {
                throw in.error("levels", "at level " + infoRule.levels() + " the lattice has L = " + last
                        + ", smaller than the block, buffer and environment span b + 2(buffer + environment) = " + span);
            }
            if (infoCode.equals("pattern") && Math.pow(infoRule.b() + 2 * (infoBuffer + infoEnv), d) > 62) {
                throw in.error("environment_code", "'pattern' needs fewer than 62 sites in block, buffer and shell; use 'sum'");
            }
        }
        r.finish();
        return new StudySpec(name, seed, model, q, List.copyOf(stages), energySampling, energySizes, energyT,
                binderSampling, binderSizes, binderT, resamples, mcrgSampling, mcrgSizes, mcrgT, mcrgRule, even, odd,
                bins, flowSampling, flowSize, flowK, flowRule, flowOps, infoSampling, infoSize, infoT, infoRule,
                infoBuffer, infoEnv, infoCode, infoEstimator, infoResamples);
    }

    private static Sampling sampling(SpecReader r, List<String> samplers, String sampler, long sweeps, long thermalize,
                                     long thin, int chains) {
        String s = r.choice("sampler", sampler, samplers);
        long sw = r.integer("sweeps", sweeps, 1, 1_000_000_000L);
        long th = r.integer("thermalize", thermalize, 0, 1_000_000_000L);
        long thinning = r.integer("thin", thin, 1, 1_000_000L);
        int c = (int) r.integer("chains", chains, 1, 1024);
        if (thinning > sw) {
            throw r.error("thin", "must not exceed sweeps (" + sw + "), got " + thinning);
        }
        return new Sampling(s, sw, th, thinning, c);
    }

    /** One chain per point, no thinning (Binder scans): sampler, sweeps, thermalize. */
    private static Sampling scanSampling(SpecReader r, List<String> samplers, String sampler, long sweeps,
                                         long thermalize) {
        String s = r.choice("sampler", sampler, samplers);
        long sw = r.integer("sweeps", sweeps, 40, 1_000_000_000L);
        long th = r.integer("thermalize", thermalize, 10, 1_000_000_000L);
        return new Sampling(s, sw, th, 1, 1);
    }

    private static List<Integer> sizes(SpecReader r, String key, List<Integer> fallback, int d) {
        List<Integer> sizes = r.integers(key, fallback, 2, 4096);
        for (int L : sizes) {
            checkSize(r, key, L, d);
        }
        return sizes;
    }

    private static void checkSize(SpecReader r, String key, int L, int d) {
        if (Math.pow(L, d) > MAX_SITES) {
            throw r.error(key, "L = " + L + " gives more than " + MAX_SITES + " sites in " + d + "D");
        }
    }

    private static double temperature(SpecReader r, double tc) {
        if (r.has("temperature") && "critical".equals(r.string("temperature", null))) {
            return tc;
        }
        return r.number("temperature", tc, 1e-6, 1e6);
    }

    private static Coarsening coarsening(SpecReader r, int levels) {
        String rule = r.choice("rule", "majority", List.of("majority", "decimation"));
        int b = (int) r.integer("b", 2, 2, 16);
        int n = (int) r.integer("levels", levels, 1, 20);
        return new Coarsening(rule, b, n);
    }

    private static void checkLevels(SpecReader r, String key, List<Integer> sizes, Coarsening c, int d) {
        for (int L : sizes) {
            if (L % c.b() != 0) {
                throw r.error(key, "L = " + L + " is not divisible by b = " + c.b());
            }
            int max = Coarsener.maxLevels(Lattice.of(d, L), c.build());
            if (c.levels() > max) {
                throw r.error("levels", c.levels() + " levels of b = " + c.b() + " are more than L = " + L
                        + " allows (at most " + max + ", each coarse lattice needs L ≥ 2 divisible by b)");
            }
        }
    }

    /** The operators must fit on the coarsest lattice (no term may contain a site twice). */
    private static void checkOperators(SpecReader r, List<Integer> sizes, Coarsening c, int d, OperatorSet operators) {
        for (int L : sizes) {
            Lattice coarsest = Coarsener.lattices(Lattice.of(d, L), c.build(), c.levels()).get(c.levels());
            byte[] ones = new byte[coarsest.siteCount()];
            java.util.Arrays.fill(ones, (byte) 1);
            try {
                operators.values(coarsest, ones);
            } catch (IllegalArgumentException ex) {
                throw r.error("levels", c.levels() + " levels of b = " + c.b() + " leave L = " + coarsest.linearSize()
                        + " from L = " + L + ", too small for the operators (" + ex.getMessage() + ")");
            }
        }
    }

    private static void checkSamples(SpecReader r, Sampling s, int bins) {
        if (s.samples() < bins) {
            throw r.error("sweeps", "gives " + s.samples() + " samples (chains × sweeps / thin), fewer than bins = " + bins);
        }
    }

    static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a + (b - a) * i / (n - 1);
        }
        return out;
    }

    /** The canonical JSON form (every setting, defaults filled in). */
    public ObjectNode toJson() {
        ObjectNode n = JsonOutput.object();
        n.put("name", name);
        n.put("seed", seed);
        n.put("model", model);
        if (model.equals("potts2d")) {
            n.put("q", q);
        }
        ArrayNode st = n.putArray("stages");
        stages.forEach(st::add);
        ObjectNode e = n.putObject("energy");
        e.setAll(energySampling.toJson());
        ints(e.putArray("sizes"), energySizes);
        doubles(e.putArray("temperatures"), energyTemperatures);
        ObjectNode b = n.putObject("binder");
        b.put("sampler", binderSampling.sampler());
        b.put("sweeps", binderSampling.sweeps());
        b.put("thermalize", binderSampling.thermalize());
        ints(b.putArray("sizes"), binderSizes);
        doubles(b.putArray("temperatures"), binderTemperatures);
        ObjectNode m = n.putObject("mcrg");
        m.setAll(mcrgSampling.toJson());
        ints(m.putArray("sizes"), mcrgSizes);
        m.put("temperature", mcrgTemperature);
        rule(m, mcrgRule);
        m.put("even_operators", mcrgEven);
        m.put("odd_operators", mcrgOdd);
        m.put("bins", mcrgBins);
        ObjectNode f = n.putObject("flow");
        f.put("sampler", flowSampling.sampler());
        f.put("samples", flowSampling.sweeps() / flowSampling.thin());
        f.put("thin", flowSampling.thin());
        f.put("thermalize", flowSampling.thermalize());
        f.put("size", flowSize);
        doubles(f.putArray("couplings"), flowCouplings);
        f.put("rule", flowRule.rule());
        f.put("b", flowRule.b());
        ArrayNode ops = f.putArray("operators");
        flowOperators.forEach(ops::add);
        ObjectNode i = n.putObject("info");
        i.setAll(infoSampling.toJson());
        i.put("size", infoSize);
        i.put("temperature", infoTemperature);
        rule(i, infoRule);
        i.put("buffer", infoBuffer);
        i.put("environment", infoEnvironment);
        i.put("environment_code", infoCode);
        i.put("estimator", infoEstimator);
        i.put("resamples", infoResamples);
        return n;
    }

    private static void rule(ObjectNode n, Coarsening c) {
        n.put("rule", c.rule());
        n.put("b", c.b());
        n.put("levels", c.levels());
    }

    private static void ints(ArrayNode a, List<Integer> values) {
        values.forEach(a::add);
    }

    private static void doubles(ArrayNode a, double[] values) {
        for (double v : values) {
            a.add(v);
        }
    }

    /** SHA-256 (hex) of {@link #toJson()}. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
