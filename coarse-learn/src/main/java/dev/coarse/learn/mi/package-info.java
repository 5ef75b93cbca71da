/**
 * Neural estimates of mutual information: a critic network trained to maximise a variational lower bound on
 * I(X;Y). {@link dev.coarse.learn.mi.MiBound} holds the bounds (InfoNCE, Donsker–Varadhan, NWJ) as functions of
 * a critic's K×K score matrix; {@link dev.coarse.learn.mi.Critic} is what maps a batch of (x, y) to that matrix —
 * {@link dev.coarse.learn.mi.SeparableCritic} g(x)·h(y), {@link dev.coarse.learn.mi.ConcatenatedCritic} m([x, y]),
 * both built of {@link dev.coarse.learn.mi.Mlp}s; {@link dev.coarse.learn.mi.MiTrainer} trains any critic with any
 * bound (mini-batches, Adam, early stopping on held-out data, seeded) and reports the bound on a held-out test
 * half with an error bar ({@link dev.coarse.learn.mi.NeuralMiResult}), or keeps the trained network
 * ({@link dev.coarse.learn.mi.MiTraining}) for a trainer built on it, such as RSMI, whose critic puts a learnable
 * filter in front of x. {@link dev.coarse.learn.mi.MiFeatures} reads configurations of any kind as rows.
 * Networks run on DJL's PyTorch engine through {@code dev.coarse.learn.engine}; depends on coarse-core's
 * configurations and statistics, not on the CLI.
 */
package dev.coarse.learn.mi;
