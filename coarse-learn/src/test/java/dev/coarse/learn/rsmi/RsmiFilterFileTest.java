package dev.coarse.learn.rsmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DegreesOfFreedom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsmiFilterFileTest {

    @Test
    void savesAndLoadsExactly() {
        RsmiFilter filter = new RsmiFilter(2, 2, DegreesOfFreedom.bondOccupations(), HiddenKind.BINARY,
                new double[][] {{0.1, -0.2, 1e-17, 3, 4, 5, 6, 7}, {Math.PI, 1, 1, 1, 1, 1, 1, -1.0 / 3}});
        String json = RsmiFilterFile.toJson(filter, Map.of("seed", "7"));
        RsmiFilterFile.Saved saved = RsmiFilterFile.fromJson(json);
        assertThat(saved.filter().weights()).isDeepEqualTo(filter.weights());
        assertThat(saved.filter().reads()).isEqualTo(DegreesOfFreedom.bondOccupations());
        assertThat(saved.filter().kind()).isEqualTo(HiddenKind.BINARY);
        assertThat(saved.filter().blockSize()).isEqualTo(2);
        assertThat(saved.metadata()).containsEntry("seed", "7");
        assertThat(json).contains("\"rule\" : \"rsmi\"").contains("\"format\" : \"coarse-rsmi-filter\"");
    }

    @Test
    void refusesMalformedDocumentsNamingTheProblem() {
        String good = RsmiFilterFile.toJson(new RsmiFilter(2, 2, DegreesOfFreedom.isingSpins(), HiddenKind.BINARY,
                new double[][] {{1, 1, 1, 1}}), Map.of());
        assertThatThrownBy(() -> RsmiFilterFile.fromJson(good.replace("[ 1.0, 1.0, 1.0, 1.0 ]", "[ 1.0, 1.0 ]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must hold 4 weights");
        assertThatThrownBy(() -> RsmiFilterFile.fromJson("{\"format\":\"coarse-rbm\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an RSMI filter file");
        assertThatThrownBy(() -> RsmiFilterFile.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
