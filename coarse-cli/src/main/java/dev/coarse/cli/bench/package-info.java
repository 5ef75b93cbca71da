/**
 * {@code coarse bench}: the speed of the Ising kernels of {@code dev.coarse.mc} on this machine (2D, T<sub>c</sub>),
 * in flips per nanosecond and independent samples per second.
 */
package dev.coarse.cli.bench;
