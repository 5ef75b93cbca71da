/**
 * {@code coarse flow}: normalizing flows trained on the energy (Neural RG, Li &amp; Wang 2018) — {@code train} (the
 * variational bound on ln Z against the exact value, importance weights, ESS, the flow as an independence sampler;
 * checkpoints and {@code --resume}), {@code sample} (an exact ensemble by independence Metropolis–Hastings) and
 * {@code geometry} (the holographic distances between latents). Commands parse and render; everything they report is
 * computed in {@code dev.coarse.learn.flow}.
 */
package dev.coarse.cli.flow;
