package dev.coarse.dynamics.reaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A mass-action reaction network: species, reactions, initial counts, and what its reduced models may eliminate.
 *
 * @param name               label used in outputs
 * @param species            species names, distinct and non-empty
 * @param reactions          at least one reaction, each covering every species
 * @param initialCounts      molecules of each species at t = 0 (≥ 0)
 * @param quasiSteadySpecies species {@link QuasiSteadyState} puts at their quasi-steady state (may be empty): their
 *                           total must be conserved by every reaction and each reaction must consume and produce at
 *                           most one of their molecules (an enzyme and its complexes)
 */
public record ReactionNetwork(String name, List<String> species, List<Reaction> reactions, long[] initialCounts,
                              List<String> quasiSteadySpecies) {

    public ReactionNetwork {
        Objects.requireNonNull(name, "name");
        species = List.copyOf(species);
        reactions = List.copyOf(reactions);
        quasiSteadySpecies = List.copyOf(quasiSteadySpecies);
        if (species.isEmpty()) {
            throw new IllegalArgumentException("a reaction network needs at least one species");
        }
        if (new HashSet<>(species).size() != species.size()) {
            throw new IllegalArgumentException("species names must be distinct: " + species);
        }
        if (reactions.isEmpty()) {
            throw new IllegalArgumentException("a reaction network needs at least one reaction");
        }
        if (initialCounts.length != species.size()) {
            throw new IllegalArgumentException("initial counts cover " + initialCounts.length + " of "
                    + species.size() + " species");
        }
        for (int s = 0; s < initialCounts.length; s++) {
            if (initialCounts[s] < 0) {
                throw new IllegalArgumentException("initial count of " + species.get(s) + " is negative");
            }
        }
        for (Reaction r : reactions) {
            if (r.reactants().length != species.size()) {
                throw new IllegalArgumentException("reaction " + r.name() + " covers " + r.reactants().length
                        + " species, the network has " + species.size());
            }
        }
        initialCounts = initialCounts.clone();
        Set<String> known = new HashSet<>(species);
        for (String s : quasiSteadySpecies) {
            if (!known.contains(s)) {
                throw new IllegalArgumentException("quasi-steady species '" + s + "' is not a species");
            }
        }
        List<Reaction> fast = reactions.stream().filter(Reaction::fast).toList();
        if (!fast.isEmpty()) {
            int[] a = fast.size() == 2 ? fast.get(0).change() : null;
            int[] b = fast.size() == 2 ? fast.get(1).change() : null;
            boolean opposite = a != null;
            for (int s = 0; opposite && s < a.length; s++) {
                opposite = a[s] == -b[s];
            }
            if (!opposite) {
                throw new IllegalArgumentException("the fast reactions must be one reversible pair (two reactions"
                        + " with opposite net changes), got " + fast);
            }
        }
        if (!quasiSteadySpecies.isEmpty()) {
            int[] index = quasiSteadySpecies.stream().mapToInt(species::indexOf).toArray();
            for (Reaction r : reactions) {
                int in = 0;
                int out = 0;
                for (int f : index) {
                    in += r.reactants()[f];
                    out += r.products()[f];
                }
                if (in > 1 || out > 1 || in != out) {
                    throw new IllegalArgumentException("reaction " + r.name() + " consumes " + in + " and produces "
                            + out + " molecules of the quasi-steady species " + quasiSteadySpecies
                            + "; each reaction must conserve their total and touch at most one");
                }
            }
        }
    }

    @Override
    public long[] initialCounts() {
        return initialCounts.clone();
    }

    /** Number of species. */
    public int speciesCount() {
        return species.size();
    }

    /** Index of a species, or an exception naming it. */
    public int speciesIndex(String speciesName) {
        int i = species.indexOf(speciesName);
        if (i < 0) {
            throw new IllegalArgumentException("unknown species '" + speciesName + "' (the network has " + species
                    + ")");
        }
        return i;
    }

    /** The same network started from other counts. */
    public ReactionNetwork withInitialCounts(long[] counts) {
        return new ReactionNetwork(name, species, reactions, counts, quasiSteadySpecies);
    }

    /** Whether the network has a fast reversible pair for {@link AveragedFastReactions}. */
    public boolean hasFastPair() {
        return reactions.stream().anyMatch(Reaction::fast);
    }

    /** Species not listed as quasi-steady, in network order. */
    public List<String> slowSpecies() {
        List<String> slow = new ArrayList<>(species);
        slow.removeAll(quasiSteadySpecies);
        return slow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReactionNetwork n && name.equals(n.name) && species.equals(n.species)
                && reactions.equals(n.reactions) && java.util.Arrays.equals(initialCounts, n.initialCounts)
                && quasiSteadySpecies.equals(n.quasiSteadySpecies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, species, reactions, java.util.Arrays.hashCode(initialCounts), quasiSteadySpecies);
    }

    @Override
    public String toString() {
        return name + " (" + species.size() + " species, " + reactions.size() + " reactions)";
    }
}
