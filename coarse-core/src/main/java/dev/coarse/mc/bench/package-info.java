/**
 * Measuring the samplers' speed: {@link dev.coarse.mc.bench.ThroughputMeter} (spin flips per nanosecond of wall and
 * CPU time, with a warm-up that waits for the JIT) and {@link dev.coarse.mc.bench.IndependentSamples} (independent
 * samples per second from τ<sub>int</sub> of |m|). In core rather than in the coarse-bench module because the
 * command {@code coarse bench} uses both and the CLI does not depend on coarse-bench (JMH); nothing in the library
 * calls them. Depends on {@code mc} and {@code stats}.
 */
package dev.coarse.mc.bench;
