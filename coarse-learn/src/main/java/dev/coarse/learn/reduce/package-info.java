/**
 * {@code coarse reduce}: a user's own data (an ensemble file, a {@code .npy} array, a CSV, a folder of PNG images)
 * reduced level by level by CorEx ({@link dev.coarse.learn.corex}: discrete, or linear Gaussian with real-valued
 * factors), a learned RSMI filter, the majority rule or an RG-Flow trained on the data ({@link FlowReduction}), with
 * the information each level keeps and loses.
 * {@link ReductionInput} reads and checks the data (one-line messages naming the row or column) and keeps the
 * samples' picture geometry, {@link Reduction} runs a method, {@link ReductionResult} holds the levels and
 * {@link ReductionFile} writes the coarse variables to HDF5.
 */
package dev.coarse.learn.reduce;
