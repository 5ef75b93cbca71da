package dev.coarse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JVM ({@code src/main/sh/java-runtime.sh}, sourced by {@code ./coarse} and the peer
 * benchmark script), run by bash on a directory of fake JDKs: each has the {@code release} file a JDK ships and an
 * executable {@code bin/java}.
 */
class JavaRuntimeScriptTest {

    private static final Path SCRIPT = Path.of("src/main/sh/java-runtime.sh");

    @TempDir
    Path jvms;

    @BeforeEach
    void fakeJdks() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15", true);
        jdk("temurin-25-jdk-amd64", "25.0.3", true);
        jdk("jre-26-without-vector", "26", false); // newest, but no jdk.incubator.vector module
        jdk("java-21-openjdk-amd64", "21.0.5", true);
        jdk("java-8-openjdk-amd64", "1.8.0_392", true);
        Files.createDirectories(jvms.resolve("not-a-jdk"));
    }

    @Test
    void theNewestJdkWithTheVectorModuleWhenNothingIsSet() throws Exception {
        assertThat(choose(Map.of())).isEqualTo(jvms.resolve("temurin-25-jdk-amd64/bin/java").toString());
    }

    @Test
    void withAMaximumReleaseTheNewestJdkUpToIt() throws Exception {
        // `coarse sweep --engine spark`: Spark 4.0 runs on Java 17 to 21
        assertThat(choose(Map.of(), "21")).isEqualTo(jvms.resolve("java-21-openjdk-amd64/bin/java").toString());
        assertThat(choose(Map.of(), "20")).isEqualTo(jvms.resolve("java-17-openjdk-amd64/bin/java").toString());
    }

    @Test
    void coarseJavaThenJavaHomeComeFirst() throws Exception {
        String home = jvms.resolve("java-17-openjdk-amd64").toString();
        assertThat(choose(Map.of("COARSE_JAVA", "/opt/my/java", "JAVA_HOME", home))).isEqualTo("/opt/my/java");
        assertThat(choose(Map.of("JAVA_HOME", home))).isEqualTo(home + "/bin/java");
        // a JAVA_HOME without bin/java is passed over
        assertThat(choose(Map.of("JAVA_HOME", jvms.resolve("not-a-jdk").toString())))
                .isEqualTo(jvms.resolve("temurin-25-jdk-amd64/bin/java").toString());
    }

    @Test
    void javaOnThePathWhenNoJdkQualifies(@TempDir Path empty) throws Exception {
        assertThat(choose(Map.of("COARSE_JVM_DIR", empty.toString()))).isEqualTo("java");
        assertThat(choose(Map.of("COARSE_JVM_DIR", empty.resolve("missing").toString()))).isEqualTo("java");
    }

    private void jdk(String name, String version, boolean vectorModule) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        Path java = home.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String modules = vectorModule ? "java.base java.logging jdk.incubator.vector jdk.jshell" : "java.base java.logging";
        Files.writeString(jvms.resolve(name).resolve("release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nMODULES=\"" + modules + "\"\n");
    }

    /** coarse_java after sourcing the script with only {@code env} set (and COARSE_JVM_DIR = the fake JDKs). */
    private String choose(Map<String, String> env) throws Exception {
        return choose(env, "");
    }

    /** {@link #choose(Map)} with {@code coarse_find_java MAX} (none when empty). */
    private String choose(Map<String, String> env, String max) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                ". \"$1\" && coarse_find_java $2 && printf '%s' \"$coarse_java\"", "test", SCRIPT.toString(), max);
        pb.environment().remove("COARSE_JAVA");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("COARSE_JVM_DIR", jvms.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
