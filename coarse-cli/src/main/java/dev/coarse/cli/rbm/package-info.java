/**
 * {@code coarse rbm}: the lecture's plaquette recipe, training one RBM, and a deep stack with its report; the
 * training options both trainers share are {@link dev.coarse.cli.rbm.RbmTrainingOptions}. The machines, their
 * training and analysis are {@code dev.coarse.learn.rbm}.
 */
package dev.coarse.cli.rbm;
