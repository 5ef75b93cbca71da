/**
 * Correlation explanation (CorEx): latent factors Y<sub>j</sub> chosen to explain as much of the total correlation
 * TC(X) = Σ H(X<sub>i</sub>) − H(X) of the observed variables as they can, each variable attached to the factor that
 * explains it best. Discrete CorEx (Ver Steeg &amp; Galstyan 2014): {@link DiscreteCorex} fits one layer by the
 * paper's closed-form fixed-point iterations (plain Java), on the whole data or on mini-batches, with seeded restarts
 * and a stability score ({@link CorexFit}); {@link HierarchicalCorex} stacks layers, each fitted on the labels of the
 * one below; {@link SymbolMatrix} is the data (small alphabets, −1 for a missing value) and discretises numeric
 * columns; {@link CorexCoarseGraining} is a layer fitted on lattice blocks used as a {@link dev.coarse.rg.CoarseGraining}.
 * Linear Gaussian CorEx (Ver Steeg et al. 2019): {@link LinearCorex} trains Z = W x + ε by Adam through DJL on the
 * correlation matrix (pairwise complete under missing values, {@link Correlations}) and reports the exact Gaussian
 * bound with a jackknife error ({@link LinearCorexLayer}). Total correlations are in nats. Depends on core, EJML and
 * DJL (through {@code learn.engine}).
 */
package dev.coarse.learn.corex;
