/**
 * {@code coarse rgflow}: RG-Flow trained on images by maximum likelihood ({@code dev.coarse.learn.rgflow}) — train,
 * compare with the flat baseline, sample, inpaint, pictures of the latents per level.
 */
package dev.coarse.cli.rgflow;
