package dev.coarse.cli.rsmi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coarse rsmi flow --matched}: known answers from {@code rg mcrg --matched} — a flow whose rule equals the
 * majority rule must give rg mcrg's matched numbers bit for bit — the JSON keys, the text form, and the bad inputs
 * (checked by the same {@code MatchedMcrg} checks as {@code rg mcrg}).
 */
class RsmiFlowMatchedCommandTest {

    @TempDir
    static Path dir;
    static Path ising16;
    static Path ising8;
    static Path ising8Hotter;
    static Path ising8Few;

    private static Path sample(String name, String l, String t, String sweeps) {
        Path file = dir.resolve(name);
        CliRun r = CliRun.quiet("sample", "--sampler", "wolff", "--sweeps", sweeps, "--thermalize", "100", "--thin", "5",
                "--chains", "1", "--threads", "1", "--seed", "3", "--out", file.toString(), "--model", "ising2d",
                "--L", l, "--T", t);
        assertThat(r.code()).as(r.err()).isZero();
        return file;
    }

    @BeforeAll
    static void ensembles() {
        ising16 = sample("m16.h5", "16", "2.5", "2000");
        ising8 = sample("m8.h5", "8", "2.5", "2000");
        ising8Hotter = sample("m8hot.h5", "8", "2.6", "2000");
        ising8Few = sample("m8few.h5", "8", "2.5", "500");
    }

    private static String[] flow(String... extra) {
        return flowWith(ising8, extra);
    }

    private static String[] flowWith(Path small, String... extra) {
        List<String> args = new ArrayList<>(List.of("rsmi", "flow", ising16.toString(), "--matched", small.toString(),
                "--levels", "2", "--operators", "2", "--odd-operators", "2", "--bins", "10", "--seed", "4",
                "--couplings", "none", "--positions", "blocks", "--json"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static JsonNode mcrg(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("rg", "mcrg", ising16.toString(), "--levels", "2",
                "--operators", "2", "--odd-operators", "2", "--bins", "10", "--seed", "4", "--json"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r.json();
    }

    /** Levels 1 and 2 of the flow: matched exponents equal rg mcrg --matched's, standard ones rg mcrg's. */
    private static void assertSameExponents(JsonNode flow, JsonNode matched, JsonNode standard) {
        for (int n = 1; n <= 2; n++) {
            JsonNode level = flow.get("levels").get(n);
            for (String y : List.of("y_t", "y_h")) {
                assertThat(level.get("matched").get(y)).as("level %d matched %s", n, y)
                        .isEqualTo(matched.get("levels").get(n - 1).get(y));
                assertThat(level.get(y)).as("level %d standard %s", n, y)
                        .isEqualTo(standard.get("levels").get(n - 1).get(y));
            }
        }
    }

    @Test
    void aRuleEqualToMajorityReproducesRgMcrgMatchedExactly() throws Exception {
        JsonNode matchedFixed = mcrg("--matched", ising8.toString(), "--ties", "fixed");
        JsonNode standardFixed = mcrg("--ties", "fixed");
        // a learned filter's file (RSMI format) with weights (1.1, 1, 1, 1): the sign of the block sum, and at a 2–2
        // block the sign of the first site — the majority rule with first-site ties, as a learned rule
        Path learned = dir.resolve("learned.json");
        Files.writeString(learned, """
                {"format": "coarse-rsmi-filter", "version": 1, "rule": "rsmi", "dimension": 2, "b": 2,
                 "reads": {"values": "spin", "states": 2, "support": "sites", "components": 1},
                 "hidden_kind": "binary", "weights": [[1.1, 1, 1, 1]], "metadata": {}}""");
        CliRun fromLearned = CliRun.quiet(flow("--rule", learned.toString()));
        assertThat(fromLearned.code()).as(fromLearned.err()).isZero();
        assertThat(fromLearned.json().get("rule").asText()).doesNotStartWith("majority");
        assertSameExponents(fromLearned.json(), matchedFixed, standardFixed);
        // a plain linear-filter file equal to the block sum, ties to the first site
        Path uniform = dir.resolve("uniform.json");
        Files.writeString(uniform, "{\"rule\": \"linear-filter\", \"b\": 2, \"weights\": [1, 1, 1, 1], \"ties\": \"fixed\"}");
        assertSameExponents(CliRun.quiet(flow("--rule", uniform.toString())).json(), matchedFixed, standardFixed);
        // majority with coin ties: the same streams as rg mcrg (the L/b run's coins seeded --seed + 1), so equal too
        CliRun coin = CliRun.quiet(flow());
        assertThat(coin.code()).as(coin.err()).isZero();
        assertSameExponents(coin.json(), mcrg("--matched", ising8.toString()), mcrg());

        JsonNode j = coin.json();
        assertThat(j.get("matched_file").asText()).isEqualTo(ising8.toString());
        assertThat(j.get("matched_samples").asInt()).isEqualTo(400);
        assertThat(j.get("matched_form").asText()).isEqualTo("couplings");
        assertThat(j.get("matched_L").toString()).isEqualTo("[8,4]");
        assertThat(j.get("levels").get(0).has("matched")).isFalse();
        // matched level 2 compares different runs from the standard level 2: not the same number
        assertThat(j.get("levels").get(2).get("matched").get("y_h"))
                .isNotEqualTo(j.get("levels").get(2).get("y_h"));
    }

    @Test
    void textShowsBothEstimates() {
        CliRun r = CliRun.quiet("rsmi", "flow", ising16.toString(), "--matched", ising8.toString(), "--levels", "2",
                "--operators", "2", "--bins", "10", "--couplings", "none", "--positions", "blocks");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("matched with " + ising8 + ": 400 samples, L = 8 (couplings form)");
        assertThat(r.out().lines().filter(l -> l.contains("level 2 (L = 4)")).findFirst().orElseThrow())
                .contains("  y_t = ", "  matched y_t = ");
    }

    @Test
    void badMatchedInputsAreOneLineErrors() {
        assertUserError(CliRun.quiet(flowWith(ising8Hotter)), "same model, temperature and field",
                "T = 2.6");
        assertUserError(CliRun.quiet(flowWith(ising16)), "same size", "L = 16");
        assertUserError(CliRun.quiet(flow("--matched-form", "ratio")), "unknown --matched-form 'ratio'");
        assertUserError(CliRun.quiet(flowWith(dir.resolve("none.h5"))), "none.h5 does not exist");
        assertUserError(CliRun.quiet("rsmi", "flow", ising16.toString(), "--matched", ising8.toString(), "--operators",
                "0"), "--matched needs MCRG");
        assertUserError(CliRun.quiet("rsmi", "flow", ising16.toString(), "--matched", ising8Few.toString(), "--levels",
                "2", "--bins", "200"), "--bins", "2..100", "m8few.h5");
    }

    private static void assertUserError(CliRun r, String... fragments) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(fragments);
    }
}
