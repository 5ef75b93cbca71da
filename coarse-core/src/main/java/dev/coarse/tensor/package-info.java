/**
 * Tensor-network RG (SCIENCE.md §6): the partition function itself coarse-grained, the exact yardstick of the
 * sampled flows. Local tensors of the 2D Ising (in a field) and q-state Potts models or a user's {@code .npy}
 * ({@link dev.coarse.tensor.LocalTensors}, {@link dev.coarse.tensor.TensorModel}); rank-4 tensors
 * ({@link dev.coarse.tensor.Tensor4}); TRG, HOTRG and bond-weighted TRG ({@link dev.coarse.tensor.Scheme}) run by
 * {@link dev.coarse.tensor.TensorRg} with the normalisation bookkeeping that makes ln Z per site exact up to
 * truncation, on the infinite lattice or a 2ⁿ×2ⁿ torus; the truncation spectrum and error of every step
 * ({@link dev.coarse.tensor.RgStep}); central charge and scaling dimensions from the transfer matrices of the
 * fixed-point tensor ({@link dev.coarse.tensor.GuWen}); observables by finite differences of ln Z
 * ({@link dev.coarse.tensor.Thermodynamics}) and temperature scans ({@link dev.coarse.tensor.TemperatureScan}).
 * Linear algebra is EJML's (SVD, symmetric and general eigensolvers, matrix products); the package depends on
 * {@code exact}, {@code model}, {@code naming} and {@code data} (the {@code .npy} reader), never on {@code mc},
 * {@code study} or the CLI.
 */
package dev.coarse.tensor;
