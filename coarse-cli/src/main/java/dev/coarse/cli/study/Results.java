package dev.coarse.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.JsonOutput;
import dev.coarse.stats.Estimate;

/** Reading and writing the numbers of stage results (estimates, arrays, nullable doubles). */
final class Results {

    private Results() {
    }

    /** An estimate written by {@link JsonOutput#estimate}; null entries become NaN. */
    static Estimate estimate(JsonNode n) {
        return new Estimate(number(n.path("mean")), Math.max(0, number(n.path("error"))), number(n.path("tau_int")));
    }

    /** A number, NaN for null or missing. */
    static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    static ArrayNode array(double[] values) {
        ArrayNode a = JsonOutput.MAPPER.createArrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    /** The mean or error of the estimates at {@code key} in each element of {@code items}. */
    static double[] column(JsonNode items, String key, boolean error) {
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            Estimate e = estimate(items.get(i).path(key));
            out[i] = error ? e.error() : e.mean();
        }
        return out;
    }

    /** The plain numbers at {@code key} in each element of {@code items}. */
    static double[] values(JsonNode items, String key) {
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(items.get(i).get(key));
        }
        return out;
    }

    /** An estimate as "mean ± error" (error to two significant digits), as in the report's tables. */
    static String format(JsonNode estimate) {
        Estimate e = estimate(estimate);
        return dev.coarse.cli.report.HtmlReport.formatWithError(e.mean(), e.error());
    }

    static void put(ObjectNode n, String key, Estimate e) {
        n.set(key, JsonOutput.estimate(e));
    }
}
