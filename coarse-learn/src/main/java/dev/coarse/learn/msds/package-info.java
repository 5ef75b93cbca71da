/**
 * The multi-scale toy datasets of RG-Flow (Hu et al. 2020): 32×32 RGB images, a 4×4 grid of 8×8 tiles with one
 * ellipse each. In MSDS1 the colour is an image-level (large-scale) feature and the orientations are tile-level
 * (small-scale) ones; in MSDS2 the roles swap. {@link Msds} generates them from a seed with a train/test split and
 * writes them as PNG folders (which {@code coarse reduce} reads). They live in coarse-learn because they exist to
 * train and test learned coarse-grainings; they need nothing of DJL.
 */
package dev.coarse.learn.msds;
