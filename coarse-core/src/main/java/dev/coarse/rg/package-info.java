/**
 * Real-space renormalization group: {@link dev.coarse.rg.CoarseGraining} rules, coupling fits, Monte Carlo
 * RG, flows, fixed points and exponents. Depends on {@code lattice}, {@code model}, {@code stats} and
 * {@code data}.
 */
package dev.coarse.rg;
