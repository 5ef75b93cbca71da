/**
 * Exact results, the references every measurement is tested against: exhaustive enumeration of small
 * models ({@link dev.coarse.exact.Enumeration}) with an exact iid sampler
 * ({@link dev.coarse.exact.ExactSampler}), and (as they land) the 1D transfer matrix, Onsager's solution and
 * Kaufman's finite-torus partition function. Depends on {@code lattice} and {@code model}.
 */
package dev.coarse.exact;
