package dev.coarse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coarse.study.sweep.LocalSweepEngine;
import dev.coarse.study.sweep.Sweep;
import dev.coarse.study.sweep.SweepSpec;
import dev.coarse.study.sweep.SweepTask;
import dev.coarse.study.sweep.TaskStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone Spark cluster on the loopback interface — a master and a worker, each a process of its own started
 * from this test's class path, the worker starting executor processes — runs a sweep submitted to
 * {@code spark://127.0.0.1:PORT}, and every task's result equals the local engine's. Tagged: it takes minutes, so
 * {@code ./mvnw verify} leaves it out (docs/scale-out.md says how to run it).
 */
@Tag("spark-cluster")
@EnabledForJreRange(max = JRE.JAVA_21,
        disabledReason = "Spark 4.0 runs on Java 17 to 21 (its Hadoop libraries fail on 23 and later)")
class SparkStandaloneClusterTest {

    @TempDir
    Path dir;

    @Test
    void aStandaloneMasterAndWorkerGiveTheLocalEnginesResults() throws Exception {
        SweepSpec spec = SweepSpec.read(new ObjectMapper().readTree(SparkSweepEngineTest.GRID));
        List<SweepTask> tasks = spec.tasks();
        Sweep.Outcome local = Sweep.run(spec, tasks, new TaskStore(dir.resolve("local")), new LocalSweepEngine(2), 1,
                null);

        // a Spark home for the worker's executor command: an empty jars/ (the class path comes from
        // spark.executor.extraClassPath) and the Scala version the launcher library asks for
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        String classPath = System.getProperty("java.class.path");
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        Process master = start("master", home, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        Process worker = null;
        try {
            waitForLog(dir.resolve("master.log"), "I have been elected leader", master);
            worker = start("worker", home, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "2", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", Files.createDirectories(dir.resolve("work")).toString(), url);
            waitForLog(dir.resolve("worker.log"), "Successfully registered with master", worker);

            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.driver.bindAddress", "127.0.0.1");
            System.setProperty("spark.executor.extraClassPath", classPath);
            System.setProperty("spark.executor.memory", "768m");
            System.setProperty("spark.jars", "");
            Sweep.Outcome cluster;
            try (SparkSweepEngine engine = new SparkSweepEngine(url)) {
                assertThat(engine.master()).isEqualTo(url);
                cluster = Sweep.run(spec, tasks, new TaskStore(dir.resolve("cluster")), engine, 1, null);
            } finally {
                for (String key : List.of("spark.driver.host", "spark.driver.bindAddress",
                        "spark.executor.extraClassPath", "spark.executor.memory", "spark.jars")) {
                    System.clearProperty(key);
                }
            }
            assertThat(cluster.failed()).isEmpty();
            assertThat(cluster.ran()).isEqualTo(tasks.size());
            assertThat(cluster.toJson().get("tasks").toString()).isEqualTo(local.toJson().get("tasks").toString());
            // the tasks ran in executor processes the worker started, not in this JVM
            try (var apps = Files.list(dir.resolve("work"))) {
                assertThat(apps.filter(p -> p.getFileName().toString().startsWith("app-")).count()).isEqualTo(1);
            }
        } finally {
            if (worker != null) {
                worker.destroy();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
            master.destroy();
            master.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(String name, Path home, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(System.getProperty("coarse.spark.moduleOptions", "").split(" ")));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        command.removeIf(String::isEmpty);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    private static void waitForLog(Path log, String line, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("process ended: " + Files.readString(log));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no '" + line + "' in " + log + " after 180 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
