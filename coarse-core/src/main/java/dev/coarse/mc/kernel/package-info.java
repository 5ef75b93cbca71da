/**
 * The hot loops under {@code mc}'s samplers: the square-lattice sweeps on {@code jdk.incubator.vector}, each with
 * its <i>schedule</i> or <i>layout</i> (which sites, in which order, with which random numbers; the documentation
 * the rest shares), its vector kernels, and a plain-Java <i>twin</i> that gives bit-identical results without the
 * incubator module and is the oracle the vector kernels check themselves against when they load. Three families:
 * the 64-replica multi-spin sweep ({@link dev.coarse.mc.kernel.MultispinSweep}, with the chain and cubic one), the
 * packed Metropolis sweep of one configuration ({@link dev.coarse.mc.kernel.SquareSpatialSweep}) and the
 * byte-per-site one ({@link dev.coarse.mc.kernel.SquareCheckerboardSweep}); plus
 * {@link dev.coarse.mc.kernel.FixedPoint}, the probabilities as 64-bit fractions, and the package-private
 * {@code Xoshiro256}, the streams every kernel seeds. Only those four types are public: the samplers in
 * {@code mc} choose nothing but a facade, and the facades pick the kernel this JVM runs best. Depends on
 * {@code lattice} only; nothing here knows a model, a sampler or a file.
 */
package dev.coarse.mc.kernel;
