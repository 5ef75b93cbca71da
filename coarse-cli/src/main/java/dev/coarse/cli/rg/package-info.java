/**
 * {@code coarse rg}: coarse-graining, MCRG, couplings and their shared input options
 * ({@link dev.coarse.cli.rg.RgInput}) on ensemble files; Binder crossings and flow diagrams that sample their own
 * data; exact recursions, Hurst exponents and smoothed sums. The JSON forms of MCRG and coupling results are
 * {@link dev.coarse.cli.rg.RgJson}. All the RG itself is {@code dev.coarse.rg}; the reference exponents
 * and couplings are {@code dev.coarse.exact.CriticalPoint}.
 */
package dev.coarse.cli.rg;
