package dev.coarse.learn.rgflow;

import java.util.SplittableRandom;

/**
 * How ±1 spins become the flow's 8-bit pixels, and what the flow's held-out bits per dimension then bound. The flow
 * models a density p over y ∈ [0, 1)<sup>N</sup>; its discrete law on configurations is the mass of each
 * configuration's cell, P(s) = ∫<sub>cell(s)</sub> p, and by Jensen's inequality, y drawn uniformly in the cell,
 * −ln P(s) ≤ E<sub>y</sub>[−ln p(y)] − N ln w, w the cell's width per spin.
 */
public enum SpinQuantisation {
    /**
     * −1 ↦ byte 0, +1 ↦ byte 255 (what {@code coarse reduce --method rgflow} does with any data: the range mapped onto
     * 0 … 255): the cells are the byte cells of width 1/256, so −ln P(s) ≤ N ln 2 · bits/dim — the flow's law over all
     * 256<sup>N</sup> byte patterns, of which the 2<sup>N</sup> spin configurations hold at most all the mass.
     */
    BYTES,
    /**
     * Two levels: −1 ↦ a byte drawn uniformly from 0 … 127, +1 ↦ one from 128 … 255; with the flow's own uniform
     * dequantisation within a byte, y is uniform on the half [0, ½) or [½, 1), so the cells are the halves (width ½)
     * and −ln P(s) ≤ N (ln 2 · bits/dim − ln 128). The draw is made once per image (seeded).
     */
    TWO_LEVEL;

    /** The byte each spin value maps to when a configuration is read without noise (the cell's centre). */
    public int midpoint(byte spin) {
        if (this == BYTES) {
            return spin > 0 ? 255 : 0;
        }
        return spin > 0 ? 191 : 64;
    }

    /**
     * The configurations as one-channel L×L images.
     *
     * @param spins  configurations of L² spins ±1, site i·L + j at pixel (i, j)
     * @param dither for {@link #TWO_LEVEL}, the bytes within each half (null: the halves' centres, no noise); unused
     *               for {@link #BYTES}
     */
    public ImageSet images(byte[][] spins, int size, SplittableRandom dither) {
        int d = size * size;
        byte[] values = new byte[spins.length * d];
        for (int n = 0; n < spins.length; n++) {
            if (spins[n].length != d) {
                throw new IllegalArgumentException("configuration " + n + " has " + spins[n].length + " spins, expected "
                        + d + " (L = " + size + ")");
            }
            for (int i = 0; i < d; i++) {
                byte s = spins[n][i];
                if (s != 1 && s != -1) {
                    throw new IllegalArgumentException("configuration " + n + ", site " + i + ": spin " + s
                            + " is not ±1");
                }
                int k = this == TWO_LEVEL && dither != null ? (s > 0 ? 128 : 0) + dither.nextInt(128) : midpoint(s);
                values[n * d + i] = (byte) k;
            }
        }
        return new ImageSet(1, size, values);
    }

    /** ln w per spin, w the cell's width in y: −ln 256 for bytes, −ln 2 for two levels. */
    public double logCellWidth() {
        return this == BYTES ? -Math.log(256) : -Math.log(2);
    }
}
