/**
 * The {@code coarse} command line ({@link dev.coarse.cli.CoarseMain}) and what its command families share: the
 * one-line errors ({@link dev.coarse.cli.UserError}), the {@code --json} switch and JSON forms
 * ({@link dev.coarse.cli.Output}, {@link dev.coarse.cli.JsonOutput}), progress bars
 * ({@link dev.coarse.cli.ProgressReporter}) and the usage-printing parent of a family
 * ({@link dev.coarse.cli.CommandGroup}). Each family lives in its own sub-package ({@code sample}, {@code exact},
 * {@code info}, {@code rg}, {@code rbm}, {@code bench}; the main job's in {@code study} and {@code report}); a
 * command parses options, calls core or learn, and renders the result: it computes no physics. Only this module
 * writes to the terminal; nothing in core or learn depends on it.
 */
package dev.coarse.cli;
