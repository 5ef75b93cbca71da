/**
 * {@code coarse msds}: writes the RG-Flow paper's multi-scale toy datasets ({@link dev.coarse.learn.msds}) as folders
 * of PNG images that {@code coarse reduce} and any image tool read.
 */
package dev.coarse.cli.msds;
