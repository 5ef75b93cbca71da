/**
 * The names by which files, study specs, results and the command line refer to the library's fixed choices:
 * {@link dev.coarse.naming.Identified}, an enum constant with a stable id, and the one lookup of a constant by its
 * id. The lowest package of Coarse: depends on nothing, and every other package may use it.
 */
package dev.coarse.naming;
