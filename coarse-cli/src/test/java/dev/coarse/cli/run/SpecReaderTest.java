package dev.coarse.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coarse.cli.command.UserError;
import dev.coarse.study.BinderSettings;
import dev.coarse.study.EnergySettings;
import dev.coarse.study.McrgSettings;
import dev.coarse.study.StudySpec;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static StudySpec parse(String yaml, boolean quick) throws Exception {
        return SpecReader.parse(YAML.readTree(yaml), "S.yaml", quick, null);
    }

    @Test
    void theDefaultSpecParsesAndItsQuickSectionShortensIt() throws Exception {
        JsonNode tree = YAML.readTree(RunCommand.defaultSpecText());
        StudySpec full = SpecReader.parse(tree, "default.yaml", false, null);
        StudySpec quick = SpecReader.parse(tree, "default.yaml", true, null);
        assertThat(full.settings(McrgSettings.class).sizes()).containsExactly(64, 128);
        assertThat(full.settings(McrgSettings.class).rule().levels()).isEqualTo(3);
        assertThat(quick.settings(McrgSettings.class).sizes()).containsExactly(32, 64);
        assertThat(quick.hash()).isNotEqualTo(full.hash());
    }

    @Test
    void theCanonicalJsonOfASpecReadsBackAsTheSameSpec() throws Exception {
        StudySpec spec = SpecReader.parse(YAML.readTree(RunCommand.defaultSpecText()), "default.yaml", true, 5L);
        StudySpec again = SpecReader.parse(spec.toJson(), "copy.json", false, null);
        assertThat(again.hash()).isEqualTo(spec.hash());
        assertThat(again.seed()).isEqualTo(5);
    }

    @Test
    void rangesListsAndSingleValuesGiveTheSameGrid() throws Exception {
        double[] range = parse("energy: {temperatures: '2:3:3', sizes: 8}", false).settings(EnergySettings.class)
                .temperatures();
        double[] list = parse("energy: {temperatures: [2, 2.5, 3.0], sizes: [8]}", false)
                .settings(EnergySettings.class).temperatures();
        assertThat(range).containsExactly(list);
        assertThat(parse("energy: {sizes: 8}", false).settings(EnergySettings.class).sizes()).containsExactly(8);
    }

    @Test
    void quickDoesNotHideInvalidValuesOfTheFullSpec() {
        // issue 25: a spec tested with --quick failed later in the full run
        assertThatThrownBy(() -> parse("binder: {sizes: [8, 16], sweeps: lots}\nquick: {binder: {sweeps: 100}}\n",
                true)).isInstanceOf(UserError.class).hasMessageContaining("'binder.sweeps' in S.yaml")
                .hasMessageContaining("expected an integer").hasMessageContaining("--quick");
        assertThatThrownBy(() -> parse("binder: {sizes: [8, -32]}\nquick: {binder: {sizes: [8]}}\n", true))
                .isInstanceOf(UserError.class).hasMessageContaining("'binder.sizes' in S.yaml");
        assertThatThrownBy(() -> parse("binder: {sizes: [8, 16]}\nquick: {binder: {sizes: [-32]}}\n", true))
                .isInstanceOf(UserError.class).hasMessageContaining("'binder.sizes' in S.yaml");
    }

    @Test
    void quickMergesSectionsKeyByKey() throws Exception {
        StudySpec spec = parse("binder: {sizes: [8, 16], sweeps: 500}\nquick: {binder: {sweeps: 100}}\n", true);
        BinderSettings binder = spec.settings(BinderSettings.class);
        assertThat(binder.sizes()).containsExactly(8, 16);
        assertThat(binder.sweeps()).isEqualTo(100);
    }

    @Test
    void aStageThatDoesNotRunIsOnlyCheckedAsFarAsTheModelDecides() throws Exception {
        // one Binder size is fine while the stage does not run, and an error once it does
        assertThat(parse("stages: [energy]\nbinder: {sizes: [8]}\n", false).settings(BinderSettings.class).sizes())
                .containsExactly(8);
        assertThatThrownBy(() -> parse("stages: [binder]\nbinder: {sizes: [8]}\n", false))
                .isInstanceOf(UserError.class)
                .hasMessage("'binder.sizes' in S.yaml: Binder crossings need at least two sizes");
    }
}
