/**
 * Emergence and self-organisation (issue 24, SCIENCE.md §7): dynamics whose coarse description is again simple.
 * Three sub-packages, one idea each: {@code ca} — elementary cellular automata and Conway's Game of Life
 * (bit-packed), the exact Israeli–Goldenfeld coarse-graining of every elementary rule, coarse entropies over time,
 * and the 3x+1 map on a population; {@code sandpile} — the Bak–Tang–Wiesenfeld sandpile (self-organised
 * criticality); {@code deepnet} — mean-field signal propagation in deep networks (order to chaos).
 * The packages compute and return records; they depend on {@code info} for entropies at most, never on samplers,
 * the study layer or the CLI. This package itself holds no types.
 */
package dev.coarse.emergence;
