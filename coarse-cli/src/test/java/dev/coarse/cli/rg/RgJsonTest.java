package dev.coarse.cli.rg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.rg.Couplings;
import dev.coarse.rg.Mcrg;
import dev.coarse.stats.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RgJsonTest {

    @Test
    void mcrgLevelsHaveTheIssueFormat() {
        Mcrg.Level level = new Mcrg.Level(2, 2, List.of("nn", "nnn"), List.of("field"), Estimate.of(1.01, 0.01),
                Estimate.of(1.874, 0.001), new double[] {2.01, 0.4}, new double[] {3.66}, Estimate.of(2.01, 0.02),
                Estimate.of(3.66, 0.01));
        ObjectNode o = RgJson.mcrg(List.of(level));
        var l = o.get("levels").get(0);
        assertThat(l.get("level").asInt()).isEqualTo(2);
        assertThat(l.get("y_t").get("mean").asDouble()).isEqualTo(1.01);
        assertThat(l.get("y_h").get("error").asDouble()).isEqualTo(0.001);
        assertThat(l.get("eigenvalues_even")).hasSize(2);
        assertThat(l.get("odd_operators").get(0).asText()).isEqualTo("field");
    }

    @Test
    void couplingsPerLevel() {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("nn", Estimate.of(0.44, 0.001));
        m.put("field", Estimate.of(0.0, 0.0003));
        ObjectNode o = RgJson.couplings(List.of(new Couplings(m, 100, 10, -0.5, 4)));
        var k = o.get("levels").get(0).get("couplings");
        assertThat(k.get("nn").get("mean").asDouble()).isEqualTo(0.44);
        assertThat(k.fieldNames()).toIterable().containsExactly("nn", "field");
    }
}
