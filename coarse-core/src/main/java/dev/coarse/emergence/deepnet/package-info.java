/**
 * Deep networks at the edge of chaos (issue 24, SCIENCE.md §7): mean-field signal propagation through random deep
 * fully-connected networks ({@link dev.coarse.emergence.deepnet.MeanField}: length and correlation maps, q*, c*, χ₁,
 * the depth scales ξ<sub>q</sub>, ξ<sub>c</sub>, the critical σ<sub>w</sub>²), for tanh, ReLU or a user's formula
 * ({@link dev.coarse.emergence.deepnet.Activation}, {@link dev.coarse.emergence.deepnet.FormulaActivation}), with
 * Gaussian integrals by {@link dev.coarse.emergence.deepnet.GaussianQuadrature}; the phase diagram
 * ({@link dev.coarse.emergence.deepnet.PhaseDiagram}); and finite random networks simulated to check it
 * ({@link dev.coarse.emergence.deepnet.RandomNetworkSimulation}). No training, no DJL. Depends on EJML only.
 */
package dev.coarse.emergence.deepnet;
