/**
 * RG-Flow (Hu et al. 2020): the hierarchical flow of {@link dev.coarse.learn.flow.HierarchicalFlow} trained by maximum
 * likelihood on data — 8-bit images, uniformly dequantised, logit or affine preprocessed, a Laplace (or Gaussian)
 * prior — scored by held-out bits per dimension with every Jacobian accounted; its latents per level, their past light
 * cones (inpainting), traversals and mixing; its code length split by level ({@link RgFlowScales}, which
 * {@code coarse reduce --method rgflow} reports). The flat baseline is the same blocks without the hierarchy.
 */
package dev.coarse.learn.rgflow;
