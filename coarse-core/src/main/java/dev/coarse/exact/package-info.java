/**
 * Exact results, the references every measurement is tested against: exhaustive enumeration of small
 * models ({@link dev.coarse.exact.Enumeration}) with an exact iid sampler
 * ({@link dev.coarse.exact.ExactSampler}); the Ising chain by its transfer matrix, including field,
 * correlations, pair mutual information and block entropies ({@link dev.coarse.exact.TransferMatrix1D});
 * Onsager's infinite square lattice ({@link dev.coarse.exact.Onsager}); Kaufman's finite L×L torus
 * ({@link dev.coarse.exact.Kaufman}); and, for close-packed dimers, every covering of the 4×4 and 6×6 tori
 * ({@link dev.coarse.exact.DimerCoverings}) and the covering count of any L×L torus from Kasteleyn's Pfaffians
 * ({@link dev.coarse.exact.DimerTorusCount}); the free (λ = 0) lattice field theories' propagator and ln Z from the
 * momentum sum ({@link dev.coarse.exact.FreeFieldPropagator}). The special-function numerics (adaptive Gauss–Kronrod quadrature,
 * AGM elliptic integrals) are package-private. Depends only on {@code lattice} and {@code model}; never on
 * samplers, data files or the CLI.
 */
package dev.coarse.exact;
