package dev.coarse.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.study.InvalidSettingException;
import dev.coarse.study.StudySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Two sizes × two temperatures × two seeds of the energy stage, short chains. */
    static final String SMALL = """
            {"name": "tiny", "attempts": 1,
             "study": {"energy": {"sampler": "sw", "sweeps": 200, "thermalize": 20, "chains": 1}},
             "grid": {"models": ["ising2d"], "sizes": [4, 6], "temperatures": [2.0, 3.0], "seeds": [1, 2],
                      "stages": [["energy"]]}}""";

    static SweepSpec small() throws Exception {
        return SweepSpec.read(MAPPER.readTree(SMALL));
    }

    @Test
    void theGridExpandsToOneStudyPerPointWithThePointsSizeTemperatureAndSeed() throws Exception {
        List<SweepTask> tasks = small().tasks();
        assertThat(tasks).hasSize(8);
        assertThat(new HashSet<>(tasks.stream().map(SweepTask::key).toList())).hasSize(8);
        SweepTask last = tasks.get(7);
        assertThat(last.point().toString()).isEqualTo(
                "{\"model\":\"ising2d\",\"L\":6,\"T\":3.0,\"seed\":2,\"stages\":[\"energy\"]}");
        JsonNode energy = last.study().get("energy");
        assertThat(energy.get("sizes").toString()).isEqualTo("[6]");
        assertThat(energy.get("temperatures").toString()).isEqualTo("[3.0]");
        assertThat(last.study().get("seed").asLong()).isEqualTo(2);
        // the key is a function of the spec alone: expanding again gives the same keys
        assertThat(small().tasks().stream().map(SweepTask::key).toList())
                .isEqualTo(tasks.stream().map(SweepTask::key).toList());
    }

    @Test
    void everyBuiltInStageReadsBackFromItsCanonicalJson() {
        for (String model : List.of("ising2d", "potts2d")) {
            ObjectNode tree = MAPPER.createObjectNode();
            tree.put("model", model);
            if (model.equals("ising2d")) {
                tree.putArray("stages").add("energy").add("binder").add("mcrg").add("info").add("flow");
            } else {
                tree.putArray("stages").add("energy").add("binder");
            }
            StudySpec spec = TreeSpecSource.read(tree);
            assertThat(TreeSpecSource.read(spec.toJson()).hash()).isEqualTo(spec.hash());
        }
    }

    @Test
    void aTaskRunsTheSameOnItsJsonAsOnItselfAndTheLocalEngineStoresWhatItRan(@TempDir Path dir) throws Exception {
        SweepSpec spec = small();
        List<SweepTask> tasks = spec.tasks();
        SweepTask first = tasks.get(0);
        String viaJson = TaskOutcome.execute(first.toJson(), 1, 1);
        ObjectNode direct = first.run(2);
        assertThat(TaskOutcome.fromJson(viaJson).result().toString()).isEqualTo(direct.toString());

        TaskStore store = new TaskStore(dir);
        List<TaskOutcome> seen = new ArrayList<>();
        Sweep.Outcome once = Sweep.run(spec, tasks, store, new LocalSweepEngine(2), 1, seen::add);
        assertThat(once.ran()).isEqualTo(8);
        assertThat(once.failed()).isEmpty();
        assertThat(seen).hasSize(8);
        assertThat(once.tasks().get(0).get("result").toString()).isEqualTo(direct.toString());
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isEqualTo(8);
        }
        // a rerun skips every finished task and returns the same tasks
        Sweep.Outcome again = Sweep.run(spec, tasks, store, new LocalSweepEngine(1), 1, null);
        assertThat(again.ran()).isZero();
        assertThat(again.skipped()).isEqualTo(8);
        assertThat(again.toJson().get("tasks").toString()).isEqualTo(once.toJson().get("tasks").toString());
    }

    @Test
    void aFailedTaskIsRetriedThenReportedAndRunsAgainOnTheNextSweep(@TempDir Path dir) throws Exception {
        SweepSpec spec = small();
        List<SweepTask> tasks = spec.tasks().subList(0, 2);
        AtomicInteger calls = new AtomicInteger();
        SweepEngine flaky = new SweepEngine() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public void run(List<SweepTask> pending, int threads, int attempts, java.util.function.Consumer<TaskOutcome> sink) {
                for (SweepTask t : pending) {
                    calls.incrementAndGet();
                    sink.accept(t == tasks.get(1) || t.key().equals(tasks.get(1).key())
                            ? new TaskOutcome(t.key(), null, "IllegalStateException: boom", 0, attempts)
                            : TaskOutcome.execute(t, threads, attempts));
                }
            }
        };
        TaskStore store = new TaskStore(dir);
        Sweep.Outcome first = Sweep.run(spec, tasks, store, flaky, 1, null);
        assertThat(first.tasks()).hasSize(1);
        assertThat(first.failed()).hasSize(1);
        assertThat(first.failed().get(0).get("error").asText()).contains("boom");
        Sweep.Outcome second = Sweep.run(spec, tasks, store, new LocalSweepEngine(1), 1, null);
        assertThat(second.ran()).isEqualTo(1);
        assertThat(second.skipped()).isEqualTo(1);
        assertThat(second.tasks()).hasSize(2);
    }

    @Test
    void aSavedRecordReplacesTheEarlierOneAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        TaskStore store = new TaskStore(dir);
        ObjectNode record = MAPPER.createObjectNode().put("key", "k1");
        record.putObject("result").put("value", 1);
        store.save(record);
        ((ObjectNode) record.get("result")).put("value", 2);
        store.save(record);
        assertThat(store.load("k1")).hasValueSatisfying(r -> assertThat(r.path("result").path("value").asInt())
                .isEqualTo(2));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("k1.json");
        }
    }

    @Test
    void executeRetriesUpToItsAttempts() throws Exception {
        ObjectNode study = small().tasks().get(0).study();
        ((ObjectNode) study.get("energy")).put("sweeps", -5); // reads back as an invalid study on the worker
        SweepTask broken = new SweepTask(SweepTask.keyOf(study), MAPPER.createObjectNode(), study);
        TaskOutcome outcome = TaskOutcome.execute(broken, 1, 3);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.error()).contains("sweeps");
    }

    @Test
    void aGridAxisNoStageTakesIsRefused() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(SMALL);
        ((ObjectNode) tree.get("grid")).putArray("stages").add("tensor");
        assertThatThrownBy(() -> SweepSpec.read(tree).tasks()).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("grid.sizes");
        ((ObjectNode) tree.get("grid")).put("colour", 3);
        assertThatThrownBy(() -> SweepSpec.read(tree)).hasMessageContaining("grid.colour");
    }
}
