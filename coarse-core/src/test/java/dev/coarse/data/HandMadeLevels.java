package dev.coarse.data;

import io.jhdf.api.WritableGroup;

/** The metadata attributes of one level of a hand-made ensemble file (2D, L = 4), for tests of what readers accept. */
final class HandMadeLevels {

    private HandMadeLevels() {
    }

    /** Every attribute format 1 requires of a level, for a 2D L = 4 lattice at T = 2 sampled by {@code sampler}. */
    static void putMetadata(WritableGroup level, String model, String sampler) {
        level.putAttribute("model", model);
        level.putAttribute("dimension", 2);
        level.putAttribute("L", 4);
        level.putAttribute("T", 2.0);
        level.putAttribute("h", 0.0);
        level.putAttribute("q", 2);
        level.putAttribute("sampler", sampler);
        level.putAttribute("seed", 1L);
        level.putAttribute("sweeps", 1L);
        level.putAttribute("thermalize", 1L);
        level.putAttribute("thin", 1L);
        level.putAttribute("chains", 1);
        level.putAttribute("tau_int", 1.0);
        level.putAttribute("coarse_version", "x");
    }
}
