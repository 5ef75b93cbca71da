/**
 * Correlation explanation (CorEx, Ver Steeg &amp; Galstyan 2014): discrete latent factors Y<sub>j</sub> chosen to
 * explain as much of the total correlation TC(X) = Σ H(X<sub>i</sub>) − H(X) of the observed variables as they can,
 * each variable attached (softly, through α<sub>ij</sub>) to the factor that explains it best. {@link DiscreteCorex}
 * fits one layer by the paper's fixed-point iterations, on the whole data or on mini-batches, with seeded restarts
 * and a stability score ({@link CorexFit}); {@link HierarchicalCorex} stacks layers, each fitted on the labels of
 * the one below; {@link SymbolMatrix} is the data (small alphabets, −1 for a missing value) and discretises numeric
 * columns. Total correlations are in nats. Plain Java: the updates are closed-form, nothing is trained by gradient.
 * Depends on core only (mc's {@code TaskPool} for threads).
 */
package dev.coarse.learn.corex;
