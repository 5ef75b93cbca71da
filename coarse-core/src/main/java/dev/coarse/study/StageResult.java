package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one stage measured: a record holding everything its report needs, so a report is drawn from a result (or
 * from its checkpoint) without sampling again. {@link #toJson()} is its entry under {@code stages} in
 * results.json; the stage reads it back with {@link Stage#readResult}.
 */
public interface StageResult {

    ObjectNode toJson();
}
