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
 *
 * <p><b>Why the vector kernels repeat themselves.</b> About 2,400 lines are near copies (the three random words
 * between two exit tests written out in every word loop, one bit-sliced adder in four kernels, the 256- and 512-bit
 * checkerboard kernels line for line), and they stay so, because each way of sharing them changes what C2
 * compiles. (1) C2 inlines the Vector API's {@code @ForceInline} methods past its budget but not ours: with
 * {@code -XX:+PrintInlining} on JDK 17 and 25 even the 21-byte {@code SquareMultispinLayout.rowStart} is refused
 * inside {@code SquareMultispinVector.sweep} ("NodeCountInliningCutoff"), so a helper that takes or returns vectors
 * is a call that allocates them (0.34 instead of 1.3 flips/ns for the checkerboard level helper, 0.55 flips/ns for
 * the multispin word helper, 2026-11-23). (2) JDK 17 unboxes vectors carried across at most two nested loops; a loop
 * over the three words is a third (4–5× slower). (3) The species must be a compile-time constant, so one method
 * cannot serve 256 and 512 bits, and the convenience methods both shapes call share a type profile that C2 merges,
 * then allocates ({@code SquareMultispinWide}). Shared are the layouts, schedules, twins, self-checks and seeding.
 * docs/performance.md has the details.
 */
package dev.coarse.mc.kernel;
