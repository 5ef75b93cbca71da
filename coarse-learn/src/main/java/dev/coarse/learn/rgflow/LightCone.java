package dev.coarse.learn.rgflow;

import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.learn.flow.HierarchicalFlow;

/**
 * The past light cone of a set of pixels: the latents whose values can change those pixels, found from the flow's
 * structure alone. Generation runs the levels ℓ = k−1 … 0, each a decimator on the 2×2 plaquettes of the stride-s
 * grid (s = {@link HierarchicalFlow#stride(int)}) and then a disentangler on the plaquettes shifted by one grid step;
 * within a plaquette a block is a chain of affine couplings, each leaving its half A unchanged and setting every
 * variable b of its half B from b and all of A. Walking the couplings backwards from the pixels, the set S of variables
 * that matter grows by A whenever S meets B — exact for weights in general position (an upper bound always). The halves
 * follow {@link HierarchicalFlow}: plaquette variable i = 4c + 2·row + column, coupling n splits on bit n mod b of i
 * (b = trailing zeros of 4C), A being the variables whose bit equals ⌊n/b⌋ mod 2.
 */
public final class LightCone {

    private LightCone() {
    }

    /**
     * The cone of the rectangle of pixels rows {@code top … top + height − 1}, columns {@code left … left + width − 1}
     * (periodic, every channel), as a mask over the latents in the flow's (C, L, L) layout.
     */
    public static boolean[] of(FlowArchitecture architecture, boolean flat, int top, int left, int height,
                               int width) {
        int l = architecture.linearSize();
        int channels = architecture.channels();
        if (height < 1 || width < 1 || height > l || width > l) {
            throw new IllegalArgumentException("a patch needs 1 … " + l + " rows and columns, got " + height + "×"
                    + width);
        }
        boolean[] cone = new boolean[channels * l * l];
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < height; r++) {
                for (int col = 0; col < width; col++) {
                    cone[(c * l + Math.floorMod(top + r, l)) * l + Math.floorMod(left + col, l)] = true;
                }
            }
        }
        // generation order: level k-1 … 0, decimator then disentangler; walk it backwards
        for (int level = 0; level < architecture.depth(); level++) {
            int stride = flat ? 1 : 1 << level;
            widen(cone, architecture, stride, true);
            widen(cone, architecture, stride, false);
        }
        return cone;
    }

    /** One block backwards on every plaquette of the stride-s grid (shifted by one grid step or not), in place. */
    private static void widen(boolean[] set, FlowArchitecture architecture, int stride, boolean shifted) {
        int l = architecture.linearSize();
        int d = architecture.plaquetteVariables();
        int bits = Integer.numberOfTrailingZeros(d);
        int couplings = architecture.couplingsPerBlock();
        int m = l / stride;
        int offset = shifted ? 1 : 0;
        int[] index = new int[d];
        for (int a = 0; a < m / 2; a++) {
            for (int b = 0; b < m / 2; b++) {
                for (int i = 0; i < d; i++) {
                    int c = i / 4;
                    int gi = Math.floorMod(2 * a + ((i >> 1) & 1) + offset, m);
                    int gj = Math.floorMod(2 * b + (i & 1) + offset, m);
                    index[i] = (c * l + gi * stride) * l + gj * stride;
                }
                for (int n = couplings - 1; n >= 0; n--) {
                    int bit = n % bits;
                    int side = (n / bits) % 2;
                    boolean meetsB = false;
                    for (int i = 0; i < d; i++) {
                        meetsB |= ((i >> bit) & 1) != side && set[index[i]];
                    }
                    if (meetsB) {
                        for (int i = 0; i < d; i++) {
                            if (((i >> bit) & 1) == side) {
                                set[index[i]] = true;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Latents in a mask. */
    public static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
