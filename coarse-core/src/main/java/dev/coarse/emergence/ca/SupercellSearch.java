package dev.coarse.emergence.ca;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The exact Israeli–Goldenfeld search (Phys. Rev. Lett. 92, 074105, 2004): for a rule f and supercell size N, every
 * non-constant projection P: {0,1}<sup>N</sup> → {0,1} and elementary rule g with P∘f<sup>N</sup> = g∘P.
 *
 * <p>Why it is exact and finite: N steps of a radius-1 rule give a radius-N rule, so the N cells of a supercell after
 * N steps are a function F of the 3N cells of it and its two neighbour supercells (a, b, c) — one of 2<sup>3N</sup>
 * contexts. P∘f<sup>N</sup> = g∘P on every periodic row holds iff P(F(a, b, c)) = g(P(a), P(b), P(c)) for all
 * contexts (each context occurs in some row, and a row's coarse update is that identity applied supercell by
 * supercell). Since P is non-constant all eight coarse neighbourhoods occur, so g is determined by P and unique if
 * it exists. The search tabulates F once per rule, then for each P walks the contexts, filling g's truth table as it
 * goes and rejecting P at the first contradiction; contexts are visited in a fixed scrambled order, so most P fall
 * within a handful of contexts. P that survive a prefix of contexts are checked on all of them with bit sets (64
 * contexts per word).
 */
public final class SupercellSearch {

    /** Largest supercell size searched (2<sup>2<sup>4</sup></sup> − 2 = 65,534 projections). */
    public static final int MAX_SUPERCELL = 4;

    /** Contexts checked one by one before a projection goes to the bit-set check of all contexts. */
    private static final int PREFIX = 128;

    private SupercellSearch() {
    }

    /** F: the supercell b after N steps, for each context x = (a, b, c) read as 3N bits, most significant first. */
    static int[] images(ElementaryRule rule, int supercell) {
        int cells = 3 * supercell;
        int[] image = new int[1 << cells];
        int number = rule.number();
        for (int x = 0; x < image.length; x++) {
            int s = x;
            for (int width = cells; width > supercell; width -= 2) {
                int t = 0;
                for (int shift = width - 3; shift >= 0; shift--) {
                    t |= ((number >>> ((s >>> shift) & 7)) & 1) << shift;
                }
                s = t;
            }
            image[x] = s;
        }
        return image;
    }

    /** Every coarse-graining of {@code rule} with supercells of {@code supercell} cells, by increasing projection. */
    public static List<SupercellCoarsening> coarsenings(ElementaryRule rule, int supercell) {
        int[] packed = search(rule, supercell, new Contexts(supercell));
        List<SupercellCoarsening> list = new ArrayList<>(packed.length);
        for (int e : packed) {
            list.add(new SupercellCoarsening(rule.number(), supercell, e >>> 8, e & 255));
        }
        return list;
    }

    /**
     * The full table for N = 2 … {@code maxSupercell} and all 256 rules, rules shared among {@code threads}
     * threads (the result does not depend on the thread count).
     */
    public static CoarseGrainingTable table(int maxSupercell, int threads) {
        if (maxSupercell < CoarseGrainingTable.MIN_SUPERCELL || maxSupercell > MAX_SUPERCELL) {
            throw new IllegalArgumentException("largest supercell size must be " + CoarseGrainingTable.MIN_SUPERCELL
                    + " … " + MAX_SUPERCELL + ", got " + maxSupercell);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int[][][] pairs = new int[maxSupercell + 1][][];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "supercell-search");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int n = CoarseGrainingTable.MIN_SUPERCELL; n <= maxSupercell; n++) {
                Contexts contexts = new Contexts(n);
                List<Future<int[]>> futures = new ArrayList<>(ElementaryRule.COUNT);
                for (int f = 0; f < ElementaryRule.COUNT; f++) {
                    ElementaryRule rule = new ElementaryRule(f);
                    futures.add(pool.submit(() -> search(rule, contexts.supercell, contexts)));
                }
                pairs[n] = new int[ElementaryRule.COUNT][];
                for (int f = 0; f < ElementaryRule.COUNT; f++) {
                    pairs[n][f] = futures.get(f).get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new CoarseGrainingTable(maxSupercell, pairs);
    }

    /** The search for one rule: entries {@code P << 8 | g}, by increasing P. */
    private static int[] search(ElementaryRule rule, int supercell, Contexts contexts) {
        int[] image = images(rule, supercell);
        int count = image.length;
        int[] scrambled = new int[count];
        for (int i = 0; i < count; i++) {
            int x = contexts.order[i];
            scrambled[i] = (x >>> (2 * supercell)) | (((x >>> supercell) & contexts.stateMask) << 4)
                    | ((x & contexts.stateMask) << 8) | (image[x] << 12);
        }
        int words = contexts.words;
        long[][] imageSets = new long[1 << supercell][words];
        for (int x = 0; x < count; x++) {
            imageSets[image[x]][x >>> 6] |= 1L << (x & 63);
        }
        int prefix = Math.min(PREFIX, count);
        int projections = 1 << (1 << supercell);
        int[] found = new int[64];
        int size = 0;
        long[] masks = new long[1 << supercell];
        for (int p = 1; p < projections - 1; p++) {
            int known = 0;
            int values = 0;
            boolean consistent = true;
            for (int i = 0; i < prefix; i++) {
                int e = scrambled[i];
                int key = (((p >>> (e & 15)) & 1) << 2) | (((p >>> ((e >>> 4) & 15)) & 1) << 1)
                        | ((p >>> ((e >>> 8) & 15)) & 1);
                int value = (p >>> (e >>> 12)) & 1;
                if (((known >>> key) & 1) != 0) {
                    if (((values >>> key) & 1) != value) {
                        consistent = false;
                        break;
                    }
                } else {
                    known |= 1 << key;
                    values |= value << key;
                }
            }
            if (!consistent) {
                continue;
            }
            int g = count > prefix ? checkAll(p, contexts, imageSets, masks) : (known == 255 ? values : -1);
            if (g >= 0) {
                if (size == found.length) {
                    found = java.util.Arrays.copyOf(found, 2 * size);
                }
                found[size++] = (p << 8) | g;
            }
        }
        return java.util.Arrays.copyOf(found, size);
    }

    /** g if P is consistent on every context, −1 if not: bit sets of contexts by coarse neighbourhood and image. */
    private static int checkAll(int p, Contexts contexts, long[][] imageSets, long[] masks) {
        int states = masks.length;
        for (int v = 0; v < states; v++) {
            masks[v] = -(long) ((p >>> v) & 1);
        }
        long[] ones = new long[8];
        long[] zeros = new long[8];
        for (int w = 0; w < contexts.words; w++) {
            long a1 = 0;
            long b1 = 0;
            long c1 = 0;
            long z1 = 0;
            for (int v = 0; v < states; v++) {
                long m = masks[v];
                a1 |= contexts.left[v][w] & m;
                b1 |= contexts.centre[v][w] & m;
                c1 |= contexts.right[v][w] & m;
                z1 |= imageSets[v][w] & m;
            }
            long valid = contexts.valid(w);
            long a0 = ~a1 & valid;
            long b0 = ~b1 & valid;
            long c0 = ~c1 & valid;
            for (int key = 0; key < 8; key++) {
                long k = ((key & 4) != 0 ? a1 : a0) & ((key & 2) != 0 ? b1 : b0) & ((key & 1) != 0 ? c1 : c0);
                ones[key] |= k & z1;
                zeros[key] |= k & ~z1;
            }
        }
        int g = 0;
        for (int key = 0; key < 8; key++) {
            if (ones[key] != 0 && zeros[key] != 0) {
                return -1;
            }
            if (ones[key] != 0) {
                g |= 1 << key;
            }
        }
        return g;
    }

    /** What does not depend on the rule: the scrambled visiting order and the bit sets of a, b, c by state. */
    private static final class Contexts {
        final int supercell;
        final int stateMask;
        final int[] order;
        final int words;
        final int count;
        final long[][] left;
        final long[][] centre;
        final long[][] right;

        Contexts(int supercell) {
            this.supercell = supercell;
            this.stateMask = (1 << supercell) - 1;
            this.count = 1 << (3 * supercell);
            this.order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            // A fixed shuffle (not a statistical choice: any order gives the same table, this one rejects early).
            SplittableRandom shuffle = new SplittableRandom(0x1B05L);
            for (int i = count - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            this.words = (count + 63) >>> 6;
            int states = 1 << supercell;
            left = new long[states][words];
            centre = new long[states][words];
            right = new long[states][words];
            for (int x = 0; x < count; x++) {
                long bit = 1L << (x & 63);
                left[x >>> (2 * supercell)][x >>> 6] |= bit;
                centre[(x >>> supercell) & stateMask][x >>> 6] |= bit;
                right[x & stateMask][x >>> 6] |= bit;
            }
        }

        long valid(int w) {
            return count >= 64 ? -1L : (1L << count) - 1;
        }
    }
}
