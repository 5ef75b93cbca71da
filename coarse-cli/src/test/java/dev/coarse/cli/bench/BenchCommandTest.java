package dev.coarse.cli.bench;

import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.exact.Onsager;
import dev.coarse.mc.CheckerboardMetropolis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchCommandTest {

    @Test
    void jsonHasEveryKernelWithPositiveSpeeds() throws Exception {
        CliRun r = run("bench", "--L", "16", "--seconds", "0.02", "--warmup", "0.02", "--threads", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = JsonOutput.MAPPER.readTree(r.out());
        assertThat(json.get("L").asInt()).isEqualTo(16);
        assertThat(json.get("T").asDouble()).isEqualTo(Onsager.CRITICAL_TEMPERATURE);
        assertThat(json.get("threads").asInt()).isEqualTo(2);
        // the JVM that ran the kernels: their speed depends on its JIT (docs/performance.md)
        assertThat(json.get("java").asText()).isEqualTo(Runtime.version().toString());
        JsonNode kernels = json.get("kernels");
        for (String k : new String[] {"metropolis_scalar", "metropolis_bytes", "metropolis_multispin",
            "metropolis_multispin_narrow", "wolff", "swendsen_wang"}) {
            assertThat(kernels.get(k).get("flips_per_ns").asDouble()).as(k).isPositive();
        }
        // the build runs tests with --add-modules jdk.incubator.vector, and every test but the wide-vectors ones with
        // coarse.multispin.vector512=false: the multispin sampler's eight-site blocks on two 256-bit halves
        JsonNode multispin = kernels.get("metropolis_multispin");
        assertThat(multispin.get("block_sites").asInt()).isEqualTo(8);
        assertThat(multispin.get("vectorized").asBoolean()).isTrue();
        assertThat(multispin.get("vector_bits").asInt()).isEqualTo(256);
        JsonNode narrow = kernels.get("metropolis_multispin_narrow");
        assertThat(narrow.get("block_sites").asInt()).isEqualTo(4);
        assertThat(narrow.get("vectorized").asBoolean()).isTrue();
        assertThat(narrow.get("vector_bits").asInt()).isEqualTo(256);
        JsonNode scalar = kernels.get("metropolis_scalar");
        assertThat(scalar.get("kernel").asText()).isEqualTo("packed-256");
        assertThat(scalar.get("vector_bits").asInt()).isEqualTo(256);
        assertThat(scalar.get("sweeps_per_call").asInt()).isEqualTo(16);
        assertThat(scalar.get("one_sweep_per_call").get("flips_per_ns").asDouble()).isPositive();
        // L = 16 is below the byte-per-site vector schedule's smallest L (34): its scalar loop
        assertThat(kernels.get("metropolis_bytes").get("kernel").asText()).isEqualTo("square-loop");
        assertThat(kernels.get("metropolis_bytes").get("vector_bits").asInt()).isZero();
        for (String k : new String[] {"wolff", "swendsen_wang"}) {
            JsonNode node = kernels.get(k);
            assertThat(node.get("independent_samples_per_s").asDouble()).as(k).isPositive();
            double tau = node.get("tau_int_abs_m").asDouble();
            assertThat(tau).as(k).isGreaterThanOrEqualTo(0.5);
            assertThat(node.get("independent_samples_per_s").asDouble())
                    .isCloseTo(node.get("samples_per_s").asDouble() / (2 * tau),
                            org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
    }

    @Test
    void byteKernelReportsItsVectorScheduleAtL34() throws Exception {
        CliRun r = run("bench", "--L", "34", "--seconds", "0.01", "--warmup", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode bytes = JsonOutput.MAPPER.readTree(r.out()).get("kernels").get("metropolis_bytes");
        assertThat(bytes.get("vectorized").asBoolean()).isTrue();
        // 16-site blocks below L = 66: 256-bit vectors on every machine
        assertThat(bytes.get("vector_bits").asInt()).isEqualTo(256);
        assertThat(bytes.get("kernel").asText()).isEqualTo("bytes-256");
    }

    @Test
    void byteKernelReportsItsVectorWidthAtL66() throws Exception {
        CliRun r = run("bench", "--L", "66", "--seconds", "0.01", "--warmup", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        // 32-site blocks: one 512-bit vector where the JDK and the hardware allow (see CheckerboardMetropolis)
        assertThat(JsonOutput.MAPPER.readTree(r.out()).get("kernels").get("metropolis_bytes").get("vector_bits")
                .asInt()).isEqualTo(CheckerboardMetropolis.vectorized512() ? 512 : 256);
    }

    @Test
    void textOutputNamesTheKernels() {
        CliRun r = run("bench", "--L", "8", "--seconds", "0.01", "--warmup", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("metropolis_multispin").contains("wolff").contains("tau_int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--L 1", "--L 0", "--L 7", "--seconds 0", "--seconds -1", "--seconds NaN",
        "--threads 0", "--L x", "--warmup -1", "--warmup NaN"})
    void badInputGivesOneLineAndExitTwo(String args) {
        String[] split = args.split(" ");
        CliRun r = run("bench", split[0], split[1], "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("coarse: error: ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }
}
