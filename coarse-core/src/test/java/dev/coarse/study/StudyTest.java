package dev.coarse.study;

import dev.coarse.mc.SamplerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.RunDirectory;
import dev.coarse.info.BlockInformation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study run from Java alone, without the CLI: tiny lattices and few sweeps, every stage. */
class StudyTest {

    private static final StudyModel ISING = StudyModel.ising(2);

    @TempDir
    Path root;

    /** Every stage on lattices of 4 to 16 sites a side: the whole pipeline in a few seconds. */
    static StudySpec tiny(long seed) {
        return new StudySpec("tiny", seed, ISING, List.of("energy", "binder", "mcrg", "flow", "info"), Map.of(
                "energy", new EnergySettings(new Sampling(SamplerKind.SWENDSEN_WANG, 300, 30, 1, 2), List.of(4, 8),
                        StudySpec.evenlySpaced(2.0, 3.0, 3)),
                "binder", new BinderSettings(SamplerKind.WOLFF, 400, 40, List.of(4, 8), StudySpec.evenlySpaced(1.8, 2.8, 5)),
                "mcrg", new McrgSettings(new Sampling(SamplerKind.WOLFF, 600, 20, 2, 2), List.of(16), 2.269,
                        new Coarsening(Coarsening.Rule.MAJORITY, 2, 2), 4, 2, 5),
                "flow", new FlowSettings(SamplerKind.SWENDSEN_WANG, 100, 2, 20, 8, StudySpec.evenlySpaced(0.3, 0.5, 3),
                        new Coarsening(Coarsening.Rule.MAJORITY, 2, 1), List.of("nn")),
                "info", new InfoSettings(new Sampling(SamplerKind.WOLFF, 400, 20, 2, 2), 8, 2.269,
                        new Coarsening(Coarsening.Rule.MAJORITY, 2, 2), 0, 1, BlockInformation.EnvironmentCode.SUM,
                        InfoSettings.Estimator.MILLER_MADOW, 50)));
    }

    @Test
    void memoryNeedIsTheLargestStagesConfigurationsCountedByHand() {
        // mcrg: 2 chains × 600/2 kept configurations of 16×16 one-byte sites (+16 bytes of array header and 24 of
        // reference and per-sample energy and magnetisation each), the neighbour table (256 sites × 4 ints), one
        // running configuration per chain, and majority copies of 2×2 blocks (at most 1/3 of the fine sites)
        long mcrg = 600L * (256 + 40) + 256 * 4 * 4 + 2 * 256 + 600L * 256 / 3;
        // energy at L = 8: 600 kept of 64 sites; info at L = 8: 400 kept, with copies: both smaller
        assertThat(Study.memoryNeed(tiny(1), 2)).isEqualTo(new Study.MemoryNeed("mcrg", mcrg));
        assertThat(mcrg).isEqualTo(233_408);
    }

    private static ObjectNode withoutTiming(StudyResults results) {
        ObjectNode json = results.toJson();
        json.remove("elapsed_seconds");
        return json;
    }

    @Test
    void aStudyRunsFromJavaAndReturnsTypedResults() {
        StudyResults results = Study.run(tiny(7), 2);
        assertThat(results.stages().keySet()).containsExactly("energy", "binder", "mcrg", "flow", "info");
        EnergyResult energy = results.result(EnergyResult.class).orElseThrow();
        assertThat(energy.points()).hasSize(2 * 3);
        assertThat(energy.points().get(0).exact()).as("2D Ising has Kaufman's exact values").isPresent();
        assertThat(energy.chiSquared().orElseThrow().degreesOfFreedom()).isEqualTo(6);
        BinderResult binder = results.result(BinderResult.class).orElseThrow();
        assertThat(binder.curves()).hasSize(2);
        assertThat(binder.exactCriticalTemperature()).isEqualTo(2 / Math.log(1 + Math.sqrt(2)));
        McrgResult mcrg = results.result(McrgResult.class).orElseThrow();
        assertThat(mcrg.sizes().get(0).levels()).hasSize(2);
        assertThat(mcrg.exactMagneticExponent()).isEqualTo(15.0 / 8.0);
        assertThat(results.result(FlowResult.class).orElseThrow().points()).hasSize(3);
        InfoResult info = results.result(InfoResult.class).orElseThrow();
        assertThat(info.steps()).hasSize(2);
        double kept = info.steps().get(0).keptFraction().mean();
        assertThat(kept).as("the data-processing bound").isBetween(0.0, 1.0 + 1e-9);
    }

    @Test
    void sameSeedSameResultsWhateverTheThreadCountAndAnotherSeedOthers() {
        assertThat(withoutTiming(Study.run(tiny(3), 1))).isEqualTo(withoutTiming(Study.run(tiny(3), 2)));
        assertThat(withoutTiming(Study.run(tiny(4), 1)).get("stages"))
                .isNotEqualTo(withoutTiming(Study.run(tiny(3), 1)).get("stages"));
    }

    @Test
    void everyResultReadsBackFromItsJsonToTheSameJson() {
        StudyResults results = Study.run(tiny(5), 2);
        results.stages().forEach((name, result) -> {
            JsonNode json = result.toJson();
            assertThat(Stages.get(name).readResult(json).toJson()).as(name).isEqualTo(json);
        });
    }

    @Test
    void aRunDirectoryHoldsCheckpointsAndAResumedRunEndsWithTheSameResults() throws IOException {
        StudySpec spec = tiny(11);
        RunDirectory whole = RunDirectory.create(root, "whole", spec.name(), false);
        StudyResults first = Study.run(spec, whole, false, 2, stage -> null);
        // compared as text: a number read back is an int node where the writer put a long
        assertThat(whole.readJson(RunDirectory.RESULTS).orElseThrow()).hasToString(first.toJson().toString());
        assertThat(whole.readJson(Study.SPEC_FILE).orElseThrow().get("spec_hash").asText()).isEqualTo(spec.hash());

        RunDirectory cut = RunDirectory.create(root, "cut", spec.name(), false);
        Study.run(spec, cut, false, 2, stage -> null);
        byte[] energy = Files.readAllBytes(cut.resolve(Study.checkpointName("energy")));
        for (String stage : List.of("mcrg", "flow", "info")) {
            Files.delete(cut.resolve(Study.checkpointName(stage)));
        }
        Files.delete(cut.resolve(RunDirectory.RESULTS));
        StudyResults resumed = Study.run(spec, cut, true, 1, stage -> null);
        assertThat(Files.readAllBytes(cut.resolve(Study.checkpointName("energy")))).as("energy was not rerun")
                .isEqualTo(energy);
        assertThat(withoutTiming(resumed)).isEqualTo(withoutTiming(first));
    }

    @Test
    void resumingRefusesAnotherSpecAndADirectoryWithoutOne() throws IOException {
        RunDirectory dir = RunDirectory.create(root, "r", "tiny", false);
        assertThatThrownBy(() -> Study.run(tiny(1), dir, true, 1, stage -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no spec.json");
        StudySpec energyOnly = StudySpec.of("tiny", 1, ISING, List.of("energy"));
        Files.writeString(dir.resolve(Study.SPEC_FILE), "{\"spec_hash\": \"0123456789abcdef\"}");
        assertThatThrownBy(() -> Study.run(energyOnly, dir, true, 1, stage -> null))
                .isInstanceOf(Study.SpecChangedException.class).hasMessageContaining("hash 0123456789ab, now");
    }

    @Test
    void theStagesAreFoundInTheirRunOrderWhichFixesTheirSeeds() {
        // (the tests also register ExtraStage, after these)
        assertThat(Stages.names().subList(0, 5)).containsExactly("energy", "binder", "mcrg", "flow", "info");
        assertThat(Stages.all().subList(0, 5)).extracting(Stage::order).containsExactly(0, 1, 2, 3, 4);
    }
}
