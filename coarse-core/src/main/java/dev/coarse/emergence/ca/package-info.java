/**
 * Cellular automata and their exact coarse-graining (docs/emergence.md).
 * <ul>
 * <li>{@link dev.coarse.emergence.ca.ElementaryRule} — an elementary CA in Wolfram's numbering;
 * {@link dev.coarse.emergence.ca.ElementaryAutomaton} — a periodic row, 64 cells per {@code long}, updated
 * word-parallel through the rule's algebraic normal form; {@link dev.coarse.emergence.ca.LifeAutomaton} — Conway's
 * Game of Life on a periodic grid, neighbour counts by bit-sliced adders.</li>
 * <li>{@link dev.coarse.emergence.ca.SupercellSearch} — Israeli and Goldenfeld's coarse-graining (PRL 92, 074105,
 * 2004): every non-constant projection P of a supercell of N cells and elementary rule g with P∘f<sup>N</sup> = g∘P,
 * found exactly for all 256 rules; {@link dev.coarse.emergence.ca.CoarseGrainingTable} holds the table, counts and
 * the graph of which rule flows to which.</li>
 * <li>{@link dev.coarse.emergence.ca.BlockEntropies} — coarse block entropies over time for elementary CA and Life
 * from random starts; {@link dev.coarse.emergence.ca.CollatzPopulation} — the entropy of a log-binned population
 * under the 3x+1 map beside a multiplicative random walk with the same step law.</li>
 * </ul>
 * Conventions: a supercell state is the integer whose bits are its cells read most significant first (the leftmost
 * cell is the highest bit); a projection P is the integer whose bit k is P of supercell state k. Entropies in nats.
 * Depends on {@code info} (plug-in entropy) only; mutation only inside the automata's {@code step} kernels.
 */
package dev.coarse.emergence.ca;
