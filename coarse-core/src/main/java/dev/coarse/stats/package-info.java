/**
 * Statistics of Monte Carlo series: {@link dev.coarse.stats.Estimate} (mean ± error with τ<sub>int</sub>),
 * autocorrelation times, binning, jackknife and fits. Depends on nothing else in Coarse.
 */
package dev.coarse.stats;
