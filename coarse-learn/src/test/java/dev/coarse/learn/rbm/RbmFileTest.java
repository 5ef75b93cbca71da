package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RbmFileTest {

    @Test
    void saveAndLoadRoundTripExactly(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        Rbm rbm = Rbm.randomWeights(UnitType.BINARY, 5, 3, 0.37, rng);
        rbm.visibleBias()[2] = -1.0 / 3;
        rbm.hiddenBias()[1] = Math.PI;
        Path file = dir.resolve("m.json");
        RbmFile.save(file, rbm, Map.of("seed", "5", "cd", "1"), false);
        RbmFile.Saved back = RbmFile.load(file);
        assertThat(back.rbm().unitType()).isEqualTo(UnitType.BINARY);
        assertThat(back.rbm().weights()).containsExactly(rbm.weights());
        assertThat(back.rbm().visibleBias()).containsExactly(rbm.visibleBias());
        assertThat(back.rbm().hiddenBias()).containsExactly(rbm.hiddenBias());
        assertThat(back.metadata()).containsEntry("seed", "5").containsEntry("cd", "1");
        assertThatThrownBy(() -> RbmFile.save(file, rbm, Map.of(), false))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void malformedFilesAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> RbmFile.fromJson("{\"format\":\"other\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an RBM file");
        String good = RbmFile.toJson(new Rbm(UnitType.SPIN, 2, 1), Map.of());
        assertThatThrownBy(() -> RbmFile.fromJson(good.replace("\"hidden\" : 1", "\"hidden\" : 2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden_bias");
    }
}
