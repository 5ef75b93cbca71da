package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkovChainTest {

    @Test
    void rowNotSummingToOneIsNamed() {
        assertThatThrownBy(() -> MarkovChain.ofTransitions(new double[][] {{0.5, 0.5}, {0.3, 0.6}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1").hasMessageContaining("sums");
    }

    @Test
    void rowSumWithinTheToleranceIsAccepted() {
        double eps = 5e-13;
        MarkovChain chain = MarkovChain.ofTransitions(new double[][] {{0.5 + eps, 0.5}, {0.3, 0.7}});
        assertThat(chain.size()).isEqualTo(2);
        assertThatThrownBy(() -> MarkovChain.ofTransitions(new double[][] {{0.5 + 1e-11, 0.5}, {0.3, 0.7}}))
                .hasMessageContaining("row 0");
    }

    @Test
    void negativeOrNonFiniteEntryIsNamed() {
        assertThatThrownBy(() -> MarkovChain.ofTransitions(new double[][] {{1, 0, 0}, {0, 1, 0}, {-0.1, 0.6, 0.5}}))
                .hasMessageContaining("row 2").hasMessageContaining("column 0");
        assertThatThrownBy(() -> MarkovChain.ofTransitions(new double[][] {{Double.NaN, 1}, {0, 1}}))
                .hasMessageContaining("row 0");
        assertThatThrownBy(() -> MarkovChain.ofTransitions(new double[][] {{1, 0}, {1}}))
                .hasMessageContaining("row 1").hasMessageContaining("square");
    }

    @Test
    void rateRowsMustSumToZero() {
        assertThatThrownBy(() -> MarkovChain.fromRates(new double[][] {{-1, 1}, {2, -1}}))
                .hasMessageContaining("row 1").hasMessageContaining("not 0");
        assertThatThrownBy(() -> MarkovChain.fromRates(new double[][] {{1, -1}, {2, -2}}))
                .hasMessageContaining("row 0");
    }

    @Test
    void ratesAreUniformisedByTheLargestExitRate() {
        MarkovChain chain = MarkovChain.fromRates(new double[][] {{-1, 1}, {3, -3}});
        assertThat(chain.continuousTime()).isTrue();
        assertThat(chain.uniformisationRate()).isEqualTo(3.0);
        // P = I + Q/3.
        assertThat(chain.transition(0, 0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(chain.transition(0, 1)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(chain.transition(1, 0)).isCloseTo(1.0, within(1e-15));
        assertThat(chain.transition(1, 1)).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void irreducibilityIsReported() {
        MarkovChain connected = MarkovChain.ofTransitions(new double[][] {{0, 1}, {1, 0}});
        assertThat(connected.irreducible()).isTrue();
        MarkovChain absorbing = MarkovChain.ofTransitions(new double[][] {{0.5, 0.5, 0}, {0, 1, 0}, {0, 0.5, 0.5}});
        assertThat(absorbing.irreducible()).isFalse();
        assertThat(absorbing.reducibilityWitness()).contains("state 2");
        assertThatThrownBy(() -> ChainAnalysis.stationary(absorbing)).hasMessageContaining("irreducible");
    }

    @Test
    void readsCsvAndJson(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "# a two-state chain\n0.9, 0.1\n0.4 0.6\n");
        MarkovChain fromCsv = MarkovChainFile.read(csv, MarkovChainFile.Kind.TRANSITIONS);
        assertThat(fromCsv.transition(1, 0)).isEqualTo(0.4);

        Path json = dir.resolve("q.json");
        Files.writeString(json, "{\"rate_matrix\": [[-2, 2], [1, -1]]}");
        MarkovChain fromJson = MarkovChainFile.read(json, MarkovChainFile.Kind.TRANSITIONS);
        assertThat(fromJson.continuousTime()).isTrue();
        assertThat(fromJson.uniformisationRate()).isEqualTo(2.0);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "0.5, x\n");
        assertThatThrownBy(() -> MarkovChainFile.read(bad, MarkovChainFile.Kind.TRANSITIONS))
                .isInstanceOf(IOException.class).hasMessageContaining("row 0, column 1");
        Path both = dir.resolve("both.json");
        Files.writeString(both, "{\"rate_matrix\": [[0]], \"transition_matrix\": [[1]]}");
        assertThatThrownBy(() -> MarkovChainFile.read(both, MarkovChainFile.Kind.TRANSITIONS))
                .hasMessageContaining("exactly one");
    }
}
