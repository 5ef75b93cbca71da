/**
 * Gibbs's coarse-grained entropy (issue 22, SCIENCE.md §7–8): an ensemble of points evolved by a measure-preserving
 * map of the unit torus ({@link dev.coarse.dynamics.gibbs.TorusMap}: Arnold's cat map and the baker's map, mixing;
 * an irrational rotation, regular) on an exact integer grid, so every map is a bijection and the fine-grained entropy
 * is constant (Liouville); the entropy of the cell occupation at resolution δ
 * ({@link dev.coarse.dynamics.gibbs.CoarseGrainedEntropy}) rises for the mixing maps at the Kolmogorov–Sinai rate to
 * ln(1/δ²) and stays low for the rotation. Depends on nothing but the JDK.
 */
package dev.coarse.dynamics.gibbs;
