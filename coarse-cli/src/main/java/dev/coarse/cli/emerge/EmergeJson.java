package dev.coarse.cli.emerge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.emergence.ca.EntropyHistory;

/** The JSON forms the emerge commands share. */
final class EmergeJson {

    private EmergeJson() {
    }

    /** {@code block, times, density, block_entropy_per_cell, conditional_entropy} of an entropy history. */
    static void putHistory(ObjectNode node, EntropyHistory history) {
        node.put("block", history.blockSize());
        ArrayNode times = node.putArray("times");
        for (int t : history.times()) {
            times.add(t);
        }
        put(node, "density", history.density());
        put(node, "block_entropy_per_cell", history.blockEntropyPerCell());
        put(node, "conditional_entropy", history.conditionalEntropy());
    }

    static void put(ObjectNode node, String key, double[] values) {
        ArrayNode array = node.putArray(key);
        for (double v : values) {
            array.add(v);
        }
    }
}
