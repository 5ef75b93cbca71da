/**
 * Self-organised criticality (issue 24, SCIENCE.md §7): the Bak–Tang–Wiesenfeld abelian sandpile on an L×L grid with
 * open boundaries ({@link dev.coarse.emergence.sandpile.Sandpile}, a stack-based toppling kernel), driven by grains at
 * random sites ({@link dev.coarse.emergence.sandpile.AvalancheSeries}); avalanche statistics and effective exponents
 * ({@link dev.coarse.emergence.sandpile.AvalancheStatistics}), the power spectrum of the activity
 * ({@link dev.coarse.emergence.sandpile.ActivitySpectrum}), finite-size scaling by moments
 * ({@link dev.coarse.emergence.sandpile.MomentScaling}); and Dhar's exact results it is checked against
 * ({@link dev.coarse.emergence.sandpile.DharExact}: mean topplings per grain from the inverse toppling matrix, det Δ;
 * {@link dev.coarse.emergence.sandpile.RecurrentConfigurations}: the burning algorithm).
 * Depends on {@code stats} and EJML only; not on samplers, the study layer or the CLI.
 */
package dev.coarse.emergence.sandpile;
