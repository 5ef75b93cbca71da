package dev.coarse.cli.rg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.JsonOutput;
import dev.coarse.data.Json;
import dev.coarse.rg.Couplings;
import dev.coarse.rg.Mcrg;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.Map;

/**
 * JSON forms of RG results, in the formats issue 5 fixes for {@code coarse rg mcrg} and {@code coarse rg couplings}
 * (ready for those commands once ensemble files exist).
 */
public final class RgJson {

    private RgJson() {
    }

    /**
     * {@code {"levels":[{"level","b","y_t":{…},"y_h":{…},"lambda_even":{…},"lambda_odd":{…},
     * "eigenvalues_even":[…],"eigenvalues_odd":[…],"even_operators":[…],"odd_operators":[…]}]}}.
     */
    public static ObjectNode mcrg(List<Mcrg.Level> levels) {
        ObjectNode o = JsonOutput.object();
        ArrayNode arr = o.putArray("levels");
        for (Mcrg.Level l : levels) {
            ObjectNode n = arr.addObject();
            n.put("level", l.level());
            n.put("b", l.b());
            n.set("y_t", JsonOutput.estimate(l.yT()));
            n.set("y_h", JsonOutput.estimate(l.yH()));
            n.set("lambda_even", JsonOutput.estimate(l.leadingEven()));
            n.set("lambda_odd", JsonOutput.estimate(l.leadingOdd()));
            n.set("eigenvalues_even", Json.numbers(l.eigenvaluesEven()));
            n.set("eigenvalues_odd", Json.numbers(l.eigenvaluesOdd()));
            l.evenOperators().forEach(n.putArray("even_operators")::add);
            l.oddOperators().forEach(n.putArray("odd_operators")::add);
        }
        return o;
    }

    /** {@code {"levels":[{"level","samples","couplings":{"nn":{"mean","error","tau_int"},…}}]}}, level = list index. */
    public static ObjectNode couplings(List<Couplings> perLevel) {
        ObjectNode o = JsonOutput.object();
        ArrayNode arr = o.putArray("levels");
        for (int i = 0; i < perLevel.size(); i++) {
            Couplings c = perLevel.get(i);
            ObjectNode n = arr.addObject();
            n.put("level", i);
            n.put("samples", c.samples());
            ObjectNode k = n.putObject("couplings");
            for (Map.Entry<String, Estimate> e : c.estimates().entrySet()) {
                k.set(e.getKey(), JsonOutput.estimate(e.getValue()));
            }
        }
        return o;
    }
}
