/**
 * The {@code coarse} command line ({@link dev.coarse.cli.CoarseMain}): one picocli subcommand per class,
 * JSON output, progress bars, run directories and HTML reports. Only this module writes to the terminal.
 */
package dev.coarse.cli;
