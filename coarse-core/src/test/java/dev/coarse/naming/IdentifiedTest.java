package dev.coarse.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.mc.SamplerKind;
import dev.coarse.rg.Recursions;
import dev.coarse.rg.SmoothedSums;
import dev.coarse.study.Coarsening;
import dev.coarse.study.InfoSettings;
import dev.coarse.study.StudyModel;
import dev.coarse.tensor.Scheme;
import dev.coarse.tensor.TensorModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every id of every {@link Identified} enum of core, written out: ids are what ensemble files, checkpoints, specs,
 * results and users' commands hold, so a renamed constant (whose default id would follow it) must fail here.
 */
class IdentifiedTest {

    @Test
    void idsAreTheFileAndCommandLineNames() {
        assertThat(Identified.ids(DegreesOfFreedom.Values.class))
                .containsExactly("spin", "state", "occupation", "real", "complex");
        assertThat(Identified.ids(DegreesOfFreedom.Support.class)).containsExactly("sites", "bonds");
        assertThat(Identified.ids(SamplerKind.class))
                .containsExactly("metropolis", "heatbath", "wolff", "sw", "multispin", "multispin-narrow", "worm",
                        "hmc");
        assertThat(Identified.ids(SmoothedSums.Cutoff.class)).containsExactly("exp", "gauss", "bump");
        assertThat(Identified.ids(Recursions.class)).containsExactly("decimation1d", "migdal-kadanoff");
        assertThat(Identified.ids(StudyModel.Family.class)).containsExactly("ising2d", "ising3d", "potts2d");
        assertThat(Identified.ids(Coarsening.Rule.class)).containsExactly("majority", "decimation");
        assertThat(Identified.ids(InfoSettings.Estimator.class)).containsExactly("plugin", "miller-madow", "nsb");
        assertThat(Identified.ids(Scheme.class)).containsExactly("trg", "hotrg", "btrg");
        assertThat(Identified.ids(TensorModel.Family.class)).containsExactly("ising2d", "potts2d");
    }

    @Test
    void findsAConstantByItsIdOnly() {
        assertThat(Identified.find(SamplerKind.class, "sw")).contains(SamplerKind.SWENDSEN_WANG);
        assertThat(Identified.find(SamplerKind.class, "SWENDSEN_WANG")).isEmpty();
        assertThat(Identified.find(SamplerKind.class, null)).isEmpty();
        assertThat(Identified.find(InfoSettings.Estimator.class, "miller-madow"))
                .contains(InfoSettings.Estimator.MILLER_MADOW);
    }

    @Test
    void byIdNamesTheUnknownIdAndTheKnownOnes() {
        assertThat(Identified.byId(DegreesOfFreedom.Support.class, "support", "bonds"))
                .isEqualTo(DegreesOfFreedom.Support.BONDS);
        assertThatThrownBy(() -> Identified.byId(DegreesOfFreedom.Support.class, "support", "plaquettes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown support 'plaquettes' (known: sites, bonds)");
    }

    @Test
    void idsAreInDeclarationOrderAndUnmodifiable() {
        List<String> ids = Identified.ids(Coarsening.Rule.class);
        assertThat(ids).containsExactly(Coarsening.Rule.MAJORITY.id(), Coarsening.Rule.DECIMATION.id());
        assertThatThrownBy(() -> ids.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
