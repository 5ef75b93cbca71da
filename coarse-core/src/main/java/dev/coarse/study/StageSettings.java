package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The settings of one stage of a study: a validated record, written into the spec's canonical JSON. What the
 * record cannot check alone it checks against the study's model: always what the model decides (the samplers it
 * accepts, how large a lattice may be), and for a stage that is to run, whether the settings make a run possible.
 */
public interface StageSettings {

    /** The stage's section of the canonical spec (every setting, defaults filled in; its keys are the spec's). */
    ObjectNode toJson();

    /**
     * Checks what the model decides (the samplers it accepts, lattice sizes in its dimension).
     *
     * @throws InvalidSettingException naming the setting
     */
    default void check(StudyModel model) {
    }

    /**
     * Checks, for a stage that is to run, that the settings make a run possible (e.g. levels a lattice allows).
     *
     * @throws InvalidSettingException naming the setting
     */
    default void checkRunnable(StudyModel model) {
    }
}
