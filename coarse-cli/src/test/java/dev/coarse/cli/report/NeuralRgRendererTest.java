package dev.coarse.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.learn.flow.LatentGeometry;
import dev.coarse.learn.study.NeuralRgResult;
import dev.coarse.learn.study.NeuralRgSettings;
import dev.coarse.learn.study.NeuralRgStage;
import dev.coarse.stats.Estimate;
import dev.coarse.study.StudyModel;
import dev.coarse.study.StudySpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The neural-rg section drawn from a hand-made result (no training): the bound is shown as a bound, not a deviation. */
class NeuralRgRendererTest {

    @Test
    void drawsTheBoundBesideTheExactValueAndTheTrainingCurve() throws IOException {
        StudyModel ising = StudyModel.ising(2);
        NeuralRgSettings settings = NeuralRgSettings.defaults(ising);
        StudySpec spec = new StudySpec("s", 1, ising, List.of(NeuralRgStage.NAME), Map.of(NeuralRgStage.NAME, settings));
        NeuralRgResult result = new NeuralRgResult(8, settings.temperature(), 9360, Estimate.of(0.9306, 0.0001),
                0.9397153, Estimate.of(0.9394, 0.0015), 0.006, Estimate.of(-1.509, 0.033), Estimate.of(-1.637, 0.001),
                -1.4915891, new double[] {0.85, 0.92, 0.93}, new LatentGeometry(new int[] {1, 2, 3, 4},
                        new double[] {0.01, 0.005, 0.0035, 0.0025}, new double[] {0, 0.69, 1.05, 1.39},
                        new double[] {0, 1.0, 0.99}, new double[] {-0.4, 0.46, 0.97}, new int[] {0, 1, 2},
                        new double[] {0.0025, 0.0012, -1e-5}, new double[] {1.39, 2.1, Double.NaN},
                        new double[] {1.39, 0.71, 1}, 6e-4));
        NeuralRgRenderer renderer = new NeuralRgRenderer();
        List<HtmlReport.Comparison> rows = renderer.summary(spec, result);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).caveat()).contains("lower bound").contains("0.0091");
        assertThat(rows.get(2).deviationInErrors()).isCloseTo((-1.509 + 1.4915891) / 0.033,
                org.assertj.core.data.Offset.offset(1e-9));
        HtmlReport report = new HtmlReport("t");
        renderer.render(spec, result, report);
        String html = report.toHtml();
        assertThat(html).contains("Kaufman").contains("9,360 parameters").contains("Holographic geometry")
                .contains("R² = 0.990");
        // the training curve, the boundary distances and the depth distances (the NaN point left out, not drawn)
        assertThat(html.split("<img", -1)).hasSize(4);
    }
}
