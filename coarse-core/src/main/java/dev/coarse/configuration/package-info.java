/**
 * What a configuration of a lattice model is made of, and sets of configurations: the one family of types that
 * samplers' outputs, ensembles, ensemble files, coarse-grainings and information estimators share.
 * {@link dev.coarse.configuration.DegreesOfFreedom} says which lattice elements carry values (sites or bonds)
 * and which values (±1 spins, q-state labels, 0/1 occupations, real or complex field components);
 * {@link dev.coarse.configuration.Configurations} holds N configurations of one kind, as
 * {@link dev.coarse.configuration.DiscreteConfigurations} ({@code byte[]} per configuration) or
 * {@link dev.coarse.configuration.ContinuousConfigurations} ({@code double[]} per configuration, complex values
 * interleaved). Depends only on {@code lattice} and {@code naming}.
 */
package dev.coarse.configuration;
