/**
 * The {@code coarse} command line: {@link dev.coarse.cli.CoarseMain} and nothing else, so that it alone depends on
 * every command family. Each family lives in its own sub-package ({@code sample}, {@code exact}, {@code info},
 * {@code rg}, {@code rbm}, {@code bench}, and the main job's {@code run} with its renderers in {@code report}); what
 * they share is in {@code command}. A command parses options, calls core or learn, and renders the result: it
 * computes no physics. Only this module writes to the terminal; nothing in core or learn depends on it.
 */
package dev.coarse.cli;
