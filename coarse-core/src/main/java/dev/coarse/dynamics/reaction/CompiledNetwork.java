package dev.coarse.dynamics.reaction;

/**
 * A network flattened into primitive arrays for the simulation kernels: per reaction its reactant species and
 * orders, and its nonzero net changes. Immutable after construction.
 */
final class CompiledNetwork {

    final int species;
    final int reactions;
    final double[] rate;
    final int[][] reactantSpecies;
    final int[][] reactantOrder;
    final int[][] changedSpecies;
    final int[][] changeAmount;
    /** For each reaction, the reactions whose propensity it can change (their reactants overlap its changes). */
    final int[][] dependents;

    CompiledNetwork(ReactionNetwork network) {
        species = network.speciesCount();
        reactions = network.reactions().size();
        rate = new double[reactions];
        reactantSpecies = new int[reactions][];
        reactantOrder = new int[reactions][];
        changedSpecies = new int[reactions][];
        changeAmount = new int[reactions][];
        for (int r = 0; r < reactions; r++) {
            Reaction reaction = network.reactions().get(r);
            rate[r] = reaction.rate();
            int[] in = reaction.reactants();
            int[] change = reaction.change();
            reactantSpecies[r] = indicesOfNonzero(in);
            reactantOrder[r] = valuesAt(in, reactantSpecies[r]);
            changedSpecies[r] = indicesOfNonzero(change);
            changeAmount[r] = valuesAt(change, changedSpecies[r]);
        }
        dependents = new int[reactions][];
        for (int r = 0; r < reactions; r++) {
            boolean[] changed = new boolean[species];
            for (int s : changedSpecies[r]) {
                changed[s] = true;
            }
            dependents[r] = java.util.stream.IntStream.range(0, reactions)
                    .filter(d -> java.util.Arrays.stream(reactantSpecies[d]).anyMatch(s -> changed[s])).toArray();
        }
    }

    private static int[] indicesOfNonzero(int[] values) {
        int count = 0;
        for (int v : values) {
            count += v != 0 ? 1 : 0;
        }
        int[] idx = new int[count];
        int k = 0;
        for (int s = 0; s < values.length; s++) {
            if (values[s] != 0) {
                idx[k++] = s;
            }
        }
        return idx;
    }

    private static int[] valuesAt(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = values[idx[k]];
        }
        return out;
    }

    /** Propensity k Π C(x_s, r_s) of reaction {@code r} in state {@code x}. */
    double propensity(int r, long[] x) {
        double a = rate[r];
        int[] sp = reactantSpecies[r];
        int[] order = reactantOrder[r];
        for (int k = 0; k < sp.length; k++) {
            long n = x[sp[k]];
            int o = order[k];
            if (n < o) {
                return 0;
            }
            if (o == 1) {
                a *= n;
            } else {
                for (int j = 0; j < o; j++) {
                    a *= (double) (n - j) / (j + 1);
                }
            }
        }
        return a;
    }

    /** Applies {@code times} firings of reaction {@code r} to {@code x} (writes x). */
    void fire(int r, long[] x, long times) {
        int[] sp = changedSpecies[r];
        int[] amount = changeAmount[r];
        for (int k = 0; k < sp.length; k++) {
            x[sp[k]] += amount[k] * times;
        }
    }
}
