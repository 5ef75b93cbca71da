/**
 * {@code coarse emerge}: emergence and self-organisation (issue 24, docs/emergence.md). The cellular-automaton
 * commands — {@link dev.coarse.cli.emerge.EmergeCaTableCommand} (the exact Israeli–Goldenfeld table),
 * {@link dev.coarse.cli.emerge.EmergeCaCommand} (space-time diagram and block entropies of an elementary CA),
 * {@link dev.coarse.cli.emerge.EmergeLifeCommand} (Life's block entropy over time),
 * {@link dev.coarse.cli.emerge.EmergeCollatzCommand} (the 3x+1 population beside a random walk) — and
 * {@link dev.coarse.cli.emerge.EmergeSandpileCommand} (self-organised criticality) and
 * {@link dev.coarse.cli.emerge.EmergeDeepnetCommand} (the order-to-chaos transition of deep networks). Everything is
 * computed by {@code dev.coarse.emergence}; these commands parse and render.
 */
package dev.coarse.cli.emerge;
