package dev.coarse.cli.sweep;

import dev.coarse.cli.command.UserError;
import dev.coarse.study.sweep.LocalSweepEngine;
import dev.coarse.study.sweep.Sweep;
import dev.coarse.study.sweep.SweepEngineProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a sweep engine by name. {@code local} is core's. Any other comes from the CLI's class path if it is there,
 * else from coarse-spark's build ({@code coarse-spark/target}: its jar and {@code spark-lib/}, or the directory in
 * {@code COARSE_SPARK_DIR}), loaded in a class loader of its own, so Spark is on no class path until a sweep asks for
 * it.
 */
final class EngineLoader {

    private EngineLoader() {
    }

    static SweepEngineProvider provider(String name) {
        ClassLoader own = EngineLoader.class.getClassLoader();
        var found = Sweep.engine(name, own);
        if (found.isPresent()) {
            return found.get();
        }
        if (name.equals(LocalSweepEngine.NAME)) {
            throw new IllegalStateException("the local engine is not registered");
        }
        Path dir = sparkDir();
        List<URL> jars = jars(dir);
        if (jars.isEmpty()) {
            throw new UserError("engine '" + name + "' is not built (no coarse-spark jar in " + dir + "): run "
                    + "./mvnw -B -pl coarse-spark -am package -DskipTests, which downloads Apache Spark, or use "
                    + "--engine local");
        }
        int java = Runtime.version().feature();
        if (java > 21) {
            throw new UserError("engine '" + name + "' needs Java 17 to 21 (Spark 4.0's Hadoop libraries fail on "
                    + "Java 23 and later), this is Java " + java + ": set COARSE_JAVA to a JDK 17 or 21 java");
        }
        // the System property Spark's Netty reads when its classes load (spark-submit sets it on the command line)
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        URLClassLoader loader = new URLClassLoader("coarse-" + name, jars.toArray(URL[]::new), own);
        return Sweep.engine(name, loader).orElseThrow(() -> new UserError("no engine '" + name + "' (engines: "
                + String.join(", ", names(loader)) + ")"));
    }

    private static List<String> names(ClassLoader loader) {
        return Sweep.engines(loader);
    }

    /**
     * The system property {@code coarse.spark.dir}, else $COARSE_SPARK_DIR, else coarse-spark/target beside the CLI's
     * own coarse-cli/target.
     */
    static Path sparkDir() {
        String env = System.getProperty("coarse.spark.dir", System.getenv("COARSE_SPARK_DIR"));
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Path cli = Path.of(EngineLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // coarse-cli/target/coarse-cli.jar or coarse-cli/target/classes
            return cli.getParent().getParent().getParent().resolve("coarse-spark").resolve("target");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("coarse-spark", "target");
        }
    }

    private static List<URL> jars(Path dir) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> own = Files.list(dir)) {
            List<Path> engineJars = own.filter(p -> p.getFileName().toString().matches("coarse-spark-[^/]*\\.jar")
                    && !p.getFileName().toString().endsWith("-all.jar")).toList();
            if (engineJars.isEmpty() || !Files.isDirectory(dir.resolve("spark-lib"))) {
                return List.of();
            }
            for (Path p : engineJars) {
                urls.add(p.toUri().toURL());
            }
            try (Stream<Path> lib = Files.list(dir.resolve("spark-lib"))) {
                for (Path p : lib.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return List.of();
        }
        return urls;
    }
}
