/**
 * The deep-learning engine every gradient-trained network of Coarse runs on: DJL with its PyTorch CPU engine.
 * {@link dev.coarse.learn.engine.TorchEngine} loads it (offline, from the native jar on the class path, one
 * intra-op thread unless configured otherwise) and makes managers and models; {@link
 * dev.coarse.learn.engine.GlorotUniform} initialises weights from a Coarse random stream so that a seed fixes a
 * training run; {@link dev.coarse.learn.engine.Scalars} is the only place arithmetic of an array with a Java number
 * happens (DJL's own form of it can lose a scalar autograd saved); {@link dev.coarse.learn.engine.BatchBuffer} holds a
 * training loop's batch in native memory allocated once (DJL's {@code create(float[])} allocates afresh per call). Networks (neural MI bounds, RSMI filters,
 * flows) live in packages of their own beside this one and reach DJL's engine only through it. Depends on DJL and nothing of Coarse: no core physics, no CLI.
 */
package dev.coarse.learn.engine;
