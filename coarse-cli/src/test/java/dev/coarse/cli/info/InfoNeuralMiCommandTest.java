package dev.coarse.cli.info;

import static dev.coarse.cli.CliRun.quiet;
import static dev.coarse.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.cli.CliRun;
import dev.coarse.cli.CoarseMain;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.exact.ExactSampler;
import dev.coarse.info.ExactInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.mi.ActivationFunction;
import dev.coarse.learn.mi.EpochListener;
import dev.coarse.learn.mi.MiBound;
import dev.coarse.learn.mi.MiTrainer;
import dev.coarse.learn.mi.MiTrainingSettings;
import dev.coarse.learn.mi.Mlp;
import dev.coarse.learn.mi.NeuralMiResult;
import dev.coarse.learn.mi.SeparableCritic;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coarse info neural-mi}: the same inputs and {@code value} as {@code info mi}, the bound's details, and
 * bad input as one line with exit code 2. Small networks and few epochs: these check the command, the library's
 * tests check the estimates.
 */
class InfoNeuralMiCommandTest {

    private static final double STAT_SIGMAS = 4.0;
    /** Correlation of each of the two Gaussian pairs in {@link #gaussians}: I = −ln(1 − 0.8²) = 1.0217 nats. */
    private static final double EXACT = -Math.log(1 - 0.64);
    private static final String[] SMALL_CRITIC = {"--width", "32", "--depth", "1", "--embedding", "8"};

    @TempDir
    Path dir;

    /**
     * Columns x0, x1, y0, y1, z, v0, v1: y_a = 0.8 x_a + 0.6 ε_a, z independent, v_a = x_a + 0.1 ε'_a
     * (I(x;v) = ln 101 = 4.6 nats).
     */
    private Path gaussians(int n) throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        StringBuilder sb = new StringBuilder("x0,x1,y0,y1,z,v0,v1\n");
        for (int i = 0; i < n; i++) {
            double x0 = random.nextGaussian();
            double x1 = random.nextGaussian();
            sb.append(x0).append(',').append(x1).append(',').append(0.8 * x0 + 0.6 * random.nextGaussian())
                    .append(',').append(0.8 * x1 + 0.6 * random.nextGaussian()).append(',')
                    .append(random.nextGaussian()).append(',').append(x0 + 0.1 * random.nextGaussian())
                    .append(',').append(x1 + 0.1 * random.nextGaussian()).append('\n');
        }
        Path f = dir.resolve("gaussians.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static String[] args(String... head) {
        String[] all = new String[head.length + SMALL_CRITIC.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SMALL_CRITIC, 0, all, head.length, SMALL_CRITIC.length);
        return all;
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return r.json();
    }

    @Test
    void jsonHasTheValueOfInfoMiAndTheBoundsDetails() throws IOException {
        Path f = gaussians(5000);
        JsonNode root = json(quiet(args("info", "neural-mi", f.toString(), "--x", "0,1", "--y", "2,3", "--batch", "64",
                "--epochs", "8", "--json")));
        assertThat(root.get("estimator").asText()).isEqualTo("neural");
        assertThat(root.get("bound").asText()).isEqualTo("infonce");
        assertThat(root.get("n_samples").asInt()).isEqualTo(5000);
        assertThat(root.get("unit").asText()).isEqualTo("nats");
        double mean = root.get("value").get("mean").asDouble();
        double error = root.get("value").get("error").asDouble();
        assertThat(error).isPositive();
        assertThat(mean).isLessThan(EXACT + STAT_SIGMAS * error).isGreaterThan(0.7 * EXACT);
        assertThat(root.get("ceiling").asDouble()).isCloseTo(Math.log(64), within(1e-12));
        assertThat(root.get("ceiling_hit").asBoolean()).isFalse();
        JsonNode critic = root.get("critic");
        assertThat(critic.get("type").asText()).isEqualTo("separable");
        assertThat(critic.get("width").asInt()).isEqualTo(32);
        assertThat(critic.get("depth").asInt()).isEqualTo(1);
        assertThat(critic.get("embedding").asInt()).isEqualTo(8);
        assertThat(critic.get("activation").asText()).isEqualTo("elu");
        assertThat(root.get("epochs_run").asInt()).isBetween(1, 8);
        assertThat(root.get("best_epoch").asInt()).isBetween(0, root.get("epochs_run").asInt());
        assertThat(root.get("batch").asInt()).isEqualTo(64);
        assertThat(root.get("held_out_size").asInt()).isEqualTo(1000);
        assertThat(root.get("validation_size").asInt()).isEqualTo(500);
        assertThat(root.get("test_size").asInt()).isEqualTo(500);
        assertThat(root.get("training_size").asInt()).isEqualTo(4000);
        assertThat(root.get("seed").asLong()).isEqualTo(1);
        // info mi with KSG on the same columns: the same "value" object, and about the same number
        JsonNode ksg = json(run("info", "mi", f.toString(), "--x", "0,1", "--y", "2,3", "--estimator", "ksg",
                "--json"));
        assertThat(ksg.get("value").has("mean")).isTrue();
        assertThat(ksg.get("value").get("mean").asDouble()).isCloseTo(mean, within(0.3));
    }

    @Test
    void everyBoundAndCriticRunsAndTheSameSeedRepeats() throws IOException {
        Path f = gaussians(3000);
        for (String bound : new String[] {"infonce", "dv", "nwj"}) {
            for (String critic : new String[] {"separable", "concat"}) {
                String[] a = args("info", "neural-mi", f.toString(), "--x", "0", "--y", "2", "--bound", bound,
                        "--critic", critic, "--batch", "32", "--epochs", "2", "--seed", "3", "--json");
                JsonNode first = json(quiet(a));
                assertThat(first.get("bound").asText()).isEqualTo(bound);
                assertThat(first.get("critic").get("type").asText()).isEqualTo(critic);
                assertThat(first.get("critic").has("embedding")).isEqualTo(critic.equals("separable"));
                assertThat(first.get("ceiling").isNull()).isEqualTo(!bound.equals("infonce"));
                assertThat(first.get("seed").asLong()).isEqualTo(3);
                assertThat(json(quiet(a)).get("value")).isEqualTo(first.get("value"));
            }
        }
    }

    @Test
    void textBitsAndTheCeilingWarning() throws IOException {
        Path f = gaussians(3000);
        CliRun text = quiet(args("info", "neural-mi", f.toString(), "--x", "0,1", "--y", "5,6", "--batch", "4",
                "--epochs", "4"));
        assertThat(text.code()).as(text.err()).isZero();
        // I(x;v) = 4.6 nats against a ceiling of ln 4 = 1.39
        assertThat(text.out()).startsWith("I(X;Y) ≥ ").contains("nats", "infonce bound", "separable critic",
                "near the InfoNCE ceiling ln K = 1.386");
        assertThat(text.err()).isEmpty();
        JsonNode nats = json(quiet(args("info", "neural-mi", f.toString(), "--x", "0", "--y", "2", "--batch", "32",
                "--epochs", "2", "--json")));
        JsonNode bits = json(quiet(args("info", "neural-mi", f.toString(), "--x", "0", "--y", "2", "--batch", "32",
                "--epochs", "2", "--json", "--bits")));
        assertThat(bits.get("unit").asText()).isEqualTo("bits");
        assertThat(bits.get("value").get("mean").asDouble())
                .isCloseTo(nats.get("value").get("mean").asDouble() / Math.log(2), within(1e-12));
        assertThat(bits.get("ceiling").asDouble()).isCloseTo(5, within(1e-12));
    }

    @Test
    void sitesOfAnEnsembleFileMatchEnumeration() throws IOException {
        Lattice torus = Lattice.square(3);
        ExactDistribution exact = Enumeration.boltzmann(IsingModel.atTemperature(torus, 3.0));
        byte[][] configurations = new ExactSampler(exact).sample(10_000, new SplittableRandom(8));
        EnsembleMeta meta = new EnsembleMeta("ising2d", 2, 3, 3.0, 0.0, 2, "exact", 8L, 10_000L, 0L, 1L, 1, 0.5,
                "0.1.0-test", Map.of());
        Path file = dir.resolve("torus.h5");
        EnsembleFile.write(file, new Ensemble(meta, torus, configurations), false);
        // site 0 and its four neighbours, 0.30969 nats
        JsonNode root = json(quiet(args("info", "neural-mi", file.toString(), "--x", "0", "--y", "1,2,3,6",
                "--bound", "dv", "--batch", "64", "--epochs", "10", "--json")));
        double mi = ExactInformation.mutualInformation(exact, new int[] {0}, new int[] {1, 2, 3, 6});
        double mean = root.get("value").get("mean").asDouble();
        double error = root.get("value").get("error").asDouble();
        // 0.03 nats: what a small critic after 10 epochs may miss of the best one (stated, not statistical)
        assertThat(mean).as("%s ± %s vs %s", mean, error, mi).isCloseTo(mi, within(0.03 + STAT_SIGMAS * error));
        assertThat(json(quiet(args("info", "neural-mi", file.toString(), "--level", "0", "--x", "0", "--y", "1",
                "--batch", "64", "--epochs", "1", "--json"))).get("n_samples").asInt()).isEqualTo(10_000);
    }

    @Test
    void pottsLabelsOfAnEnsembleFileAreReadOneHot() throws IOException {
        Lattice torus = Lattice.square(3);
        PottsModel potts = new PottsModel(torus, 3, 1.0);
        ExactDistribution exact = Enumeration.boltzmann(potts);
        byte[][] configurations = new ExactSampler(exact).sample(10_000, new SplittableRandom(6));
        EnsembleMeta meta = new EnsembleMeta("potts2d", 2, 3, 1.0, 0.0, 3, "exact", 6L, 10_000L, 0L, 1L, 1, 0.5,
                "0.1.0-test", Map.of());
        Path file = dir.resolve("potts.h5");
        EnsembleFile.write(file, new Ensemble(meta, torus, configurations), false);
        // I(site 0 : site 1) = 0.6173 nats; read as the numbers 0, 1, 2 the labels would claim an order
        JsonNode root = json(quiet(args("info", "neural-mi", file.toString(), "--x", "0", "--y", "1", "--bound", "dv",
                "--batch", "64", "--epochs", "10", "--json")));
        double mi = ExactInformation.mutualInformation(exact, new int[] {0}, new int[] {1});
        double mean = root.get("value").get("mean").asDouble();
        double error = root.get("value").get("error").asDouble();
        assertThat(mean).as("%s ± %s vs %s", mean, error, mi).isCloseTo(mi, within(0.03 + STAT_SIGMAS * error));
        // the command feeds the critic what the library makes of the configurations (labels one-hot), bit for bit
        NeuralMiResult library = new MiTrainer(MiTrainingSettings.defaults(MiBound.DONSKER_VARADHAN, 1)
                .withBatches(64, 10)).estimate(new SeparableCritic(Mlp.of(32, 1, ActivationFunction.ELU), 8),
                new DiscreteConfigurations(DegreesOfFreedom.pottsStates(3), configurations), new int[] {0},
                new int[] {1}, EpochListener.NONE);
        assertThat(mean).isEqualTo(library.value().mean());
    }

    private static void assertUsageError(CliRun r, String fragment) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(CoarseMain.EXIT_USAGE);
        assertThat(r.err().strip()).startsWith("coarse: error: ").contains(fragment).doesNotContain("\n");
    }

    @Test
    void badInputGivesOneLineAndExitTwo() throws IOException {
        Path f = gaussians(400);
        String file = f.toString();
        assertUsageError(quiet("info", "neural-mi", file, "--y", "2"), "--x is required");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "9"), "column 9 does not exist");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "0"), "selected twice");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--batch", "512"),
                "batch 512 is larger than the 320 training samples");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2"), "must hold 2 batches of 256");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--batch", "64"),
                "must hold 2 batches of 64");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--epochs", "-1"),
                "--epochs must be >= 0, got -1");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--batch", "1"),
                "--batch must be at least 2");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--lr", "0"), "--lr must be");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--patience", "0"), "--patience");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--held-out", "1"), "--held-out");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--width", "0"), "--width");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--depth", "-1"), "--depth");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--bound", "mine"),
                "unknown bound 'mine'");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--critic", "bilinear"),
                "unknown critic 'bilinear'");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--activation", "sigmoid"),
                "unknown activation 'sigmoid'");
        assertUsageError(quiet("info", "neural-mi", file, "--x", "0", "--y", "2", "--level", "1"),
                "--level applies to ensemble files");
        Path infinite = dir.resolve("infinite.csv");
        Files.writeString(infinite, "a,b\n1,2\n3,NaN\n");
        assertUsageError(quiet("info", "neural-mi", infinite.toString(), "--x", "0", "--y", "1"), "is not finite");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2\n3,4,5\n");
        assertUsageError(quiet("info", "neural-mi", ragged.toString(), "--x", "0", "--y", "1"), "3 fields, expected 2");
        Path notHdf5 = dir.resolve("ensemble.h5");
        Files.writeString(notHdf5, "");
        assertUsageError(quiet("info", "neural-mi", notHdf5.toString(), "--x", "0", "--y", "1"), "is not an HDF5 file");
        assertUsageError(quiet("info", "neural-mi", dir.resolve("missing.csv").toString(), "--x", "0", "--y", "1"),
                "no such file");
    }
}
