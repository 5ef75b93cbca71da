/**
 * Statistics of Monte Carlo series: {@link dev.coarse.stats.Estimate} (mean ± error with τ<sub>int</sub>),
 * {@link dev.coarse.stats.Autocorrelation} (ρ(t) and τ<sub>int</sub> with Sokal's automatic window),
 * {@link dev.coarse.stats.MeanEstimator} (error √(2τ<sub>int</sub>σ²/n), chains pooled),
 * {@link dev.coarse.stats.Binning}, {@link dev.coarse.stats.Jackknife} for derived quantities, and
 * {@link dev.coarse.stats.IncompleteGamma} for χ² p-values, {@link dev.coarse.stats.Gamma} (ln Γ, digamma,
 * trigamma) and {@link dev.coarse.stats.Fft}. Depends on nothing else in Coarse.
 */
package dev.coarse.stats;
