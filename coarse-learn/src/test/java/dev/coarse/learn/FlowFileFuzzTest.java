package dev.coarse.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coarse.data.ReaderFuzzTest;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.engine.AdamState;
import dev.coarse.learn.flow.FieldTarget;
import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.learn.flow.FlowFile;
import dev.coarse.learn.flow.FlowSettings;
import dev.coarse.learn.flow.FlowTarget;
import dev.coarse.learn.flow.IsingHsTarget;
import dev.coarse.learn.flow.TrainedFlow;
import dev.coarse.learn.rgflow.Preprocessing;
import dev.coarse.learn.rgflow.Prior;
import dev.coarse.learn.rgflow.RgFlowFile;
import dev.coarse.learn.rgflow.RgFlowSettings;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import dev.coarse.model.Phi4Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 25: trained flow files ({@code coarse flow train --out}, read by {@code flow sample|geometry} and
 * {@code --resume}) and RG-Flow files ({@code coarse rgflow train --out}, read by {@code rgflow compare|inpaint|pictures}
 * and {@code --resume}), given mutated, truncated, grown and random bytes and JSON-token mutations (values of the
 * wrong type, sign or size, so that the value checks are reached), are read or refused with one line. A file that is
 * read must mean exactly what it says: written back by the same code, every value it holds equals the input's (a
 * weight as a float), so 2.5 read as 2, "x" read as 0 or 1 read as true fail the test — a damaged file never loads as
 * another model. {@value ReaderFuzzTest#QUICK} inputs of each kind per file type in every build, {@value
 * ReaderFuzzTest#FULL} with {@code -Dcoarse.fuzz=full}. Network-free: no DJL engine is started.
 */
class FlowFileFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** Weights of the architecture's shapes, seeded, none zero (so a value replaced by 0 is a change). */
    static float[][] weights(FlowArchitecture architecture, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] sizes = architecture.parameterSizes();
        float[][] w = new float[sizes.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = new float[(int) sizes[i]];
            for (int j = 0; j < w[i].length; j++) {
                w[i][j] = (float) (0.05 + random.nextDouble());
            }
        }
        return w;
    }

    private byte[] flowSeed(FlowTarget target, boolean adam) throws IOException {
        FlowSettings settings = new FlowSettings(1, 1, 2, 8, 3, 2, 0.01, 16, true, 11);
        FlowArchitecture architecture = settings.architecture(target.linearSize(), target.channels());
        float[][] w = weights(architecture, 1);
        AdamState state = adam ? new AdamState(4, weights(architecture, 2), weights(architecture, 3)) : null;
        TrainedFlow flow = new TrainedFlow(architecture, settings, w, 2, 1.5, new double[] {-1.25, -1.125}, state);
        Path file = dir.resolve("seed-flow.json");
        FlowFile.save(file, target, flow, true);
        return Files.readAllBytes(file);
    }

    private byte[] rgFlowSeed() throws IOException {
        RgFlowSettings settings = new RgFlowSettings(false, Prior.LAPLACE, Preprocessing.LOGIT, 1, 1, 2, 4, 3, 1e-3,
                5.0, 9);
        FlowArchitecture architecture = settings.architecture(4, 3);
        TrainedRgFlow flow = new TrainedRgFlow(settings, architecture, weights(architecture, 4), 2, 0.75,
                new double[] {5.5, 4.25});
        Path file = dir.resolve("seed-rgflow.json");
        RgFlowFile.save(file, flow, true);
        return Files.readAllBytes(file);
    }

    private void readFlow(Path file) throws IOException {
        FlowFile.Loaded loaded = FlowFile.load(file);
        Path back = dir.resolve("back-flow.json");
        FlowFile.save(back, loaded.target(), loaded.flow(), true);
        assertSameMeaning(back, file);
    }

    private void readRgFlow(Path file) throws IOException {
        TrainedRgFlow loaded = RgFlowFile.load(file);
        Path back = dir.resolve("back-rgflow.json");
        RgFlowFile.save(back, loaded, true);
        assertSameMeaning(back, file);
    }

    /** Every value of the file written back from what was loaded is the input's value, of the same JSON type. */
    private static void assertSameMeaning(Path written, Path input) throws IOException {
        String difference = difference(MAPPER.readTree(written.toFile()), MAPPER.readTree(input.toFile()), "");
        if (difference != null) {
            fail("a file was read as another model: " + difference);
        }
    }

    private static String difference(JsonNode written, JsonNode input, String at) {
        if (written.isObject()) {
            if (!input.isObject()) {
                return at + " is not an object";
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode in = input.get(e.getKey());
                if (in == null && e.getValue().isNull()) {
                    continue; // an absent optional value is written as null
                }
                String d = in == null ? at + "." + e.getKey() + " was read from nothing"
                        : difference(e.getValue(), in, at + "." + e.getKey());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (written.isArray()) {
            if (!input.isArray() || input.size() != written.size()) {
                return at + " has another length";
            }
            for (int i = 0; i < written.size(); i++) {
                String d = difference(written.get(i), input.get(i), at + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (written.isNumber()) {
            // weights are floats: a double in the file reads as its nearest float
            return input.isNumber() && (float) input.asDouble() == (float) written.asDouble()
                    && (!written.isIntegralNumber() || input.isIntegralNumber())
                    ? null : at + ": " + input + " was read as " + written;
        }
        return written.equals(input) ? null : at + ": " + input + " was read as " + written;
    }

    private void fuzz(int count) throws IOException {
        byte[] ising = flowSeed(new IsingHsTarget(4, 2.5), true);
        byte[] phi4 = flowSeed(new FieldTarget(new Phi4Model(Lattice.square(4), 0.25, 0.5)), false);
        byte[] rgflow = rgFlowSeed();
        ReaderFuzzTest.fuzz(dir, "flow", ising, count, 41, this::readFlow);
        int ok = ReaderFuzzTest.fuzz(dir, "flow-tokens", ising, ReaderFuzzTest::mutateTokens, count, 42,
                this::readFlow);
        assertThat(ok).as("token mutations reach the value checks, not only the JSON parser").isLessThan(count);
        ReaderFuzzTest.fuzz(dir, "flow-phi4-tokens", phi4, ReaderFuzzTest::mutateTokens, count, 43, this::readFlow);
        ReaderFuzzTest.fuzz(dir, "rgflow", rgflow, count, 44, this::readRgFlow);
        ReaderFuzzTest.fuzz(dir, "rgflow-tokens", rgflow, ReaderFuzzTest::mutateTokens, count, 45,
                this::readRgFlow);
    }

    @Test
    void seedsAreRead() throws IOException {
        Path file = dir.resolve("flow.json");
        Files.write(file, flowSeed(new IsingHsTarget(4, 2.5), true));
        readFlow(file);
        Files.write(file, rgFlowSeed());
        readRgFlow(file);
    }

    /** The seed with the first match of the regular expression {@code from} replaced. */
    private Path edited(byte[] seed, String from, String to) throws IOException {
        String text = new String(seed, StandardCharsets.UTF_8);
        String changed = text.replaceFirst(from, to);
        assertThat(changed).isNotEqualTo(text);
        Path file = dir.resolve("edited.json");
        Files.writeString(file, changed);
        return file;
    }

    /** What the fuzzing found, each named in one line: values Jackson's lenient accessors read as another model. */
    @Test
    void valuesThatParseButAreNotTheModelAreRefused() throws IOException {
        byte[] flow = flowSeed(new IsingHsTarget(4, 2.5), true);
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"hidden_width\":2", "\"hidden_width\":2.5")))
                .isInstanceOf(IOException.class).hasMessageContaining("\"settings.hidden_width\" must be an integer");
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"symmetric\":true", "\"symmetric\":1")))
                .hasMessageContaining("\"settings.symmetric\" must be true or false, got 1");
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"weights\":\\[\\[[^,]+", "\"weights\":[[\"x\"")))
                .hasMessageContaining("\"weights[0][0]\" must be a finite number, got \"x\"");
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"weights\":\\[\\[[^,]+", "\"weights\":[[1e39")))
                .hasMessageContaining("a finite single-precision number");
        // settings that would build a network of another shape (or none that fits in memory) are refused at load
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"hidden_layers\":1", "\"hidden_layers\":100000000")))
                .hasMessageContaining("must hold the 800000012 parameter arrays");
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"hidden_width\":2", "\"hidden_width\":2000000000")))
                .hasMessageContaining("\"weights[0]\" must be an array of 4000000000 numbers");
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"seed\":11", "\"seed\":\"x\"")))
                .hasMessageContaining("\"settings.seed\" must be an integer");
        assertThatThrownBy(() -> FlowFile.load(edited(flow, "\"channels\":1", "\"channels\":2")))
                .hasMessageContaining("\"channels\" is 2 but a ising2d flow has 1");
        byte[] rg = rgFlowSeed();
        assertThatThrownBy(() -> RgFlowFile.load(edited(rg, "\"clip_norm\":5.0", "\"clip_norm\":\"5\"")))
                .isInstanceOf(IOException.class).hasMessageContaining("\"settings.clip_norm\" must be a finite number");
        assertThatThrownBy(() -> RgFlowFile.load(edited(rg, "\"prior\":\"laplace\"", "\"prior\":\"cauchy\"")))
                .hasMessageContaining("\"settings.prior\" must be one of [laplace, gaussian], got \"cauchy\"");
        assertThatThrownBy(() -> RgFlowFile.load(edited(rg, "\"weights\":", "\"unused\":")))
                .hasMessageContaining("\"weights\" must hold the 20 parameter arrays of a flow with these settings, "
                        + "got nothing");
        // the clipping norm's null (no clipping) is what save writes for an infinite norm, and reads back
        assertThat(RgFlowFile.load(edited(rg, "\"clip_norm\":5.0", "\"clip_norm\":null")).settings().clipNorm())
                .isInfinite();
    }

    @Test
    void notUtf8IsNamed() throws IOException {
        Path file = dir.resolve("model.json");
        Files.write(file, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        assertThatThrownBy(() -> FlowFile.load(file)).hasMessageContaining("is not a flow file: it is not UTF-8 text");
        assertThatThrownBy(() -> RgFlowFile.load(file))
                .hasMessageContaining("is not an RG-Flow file: it is not UTF-8 text");
    }

    @Test
    void flowFilesQuick() throws IOException {
        fuzz(ReaderFuzzTest.QUICK);
    }

    @Test
    @EnabledIfSystemProperty(named = "coarse.fuzz", matches = "full")
    void flowFilesTenThousandInputs() throws IOException {
        fuzz(ReaderFuzzTest.FULL);
    }
}
