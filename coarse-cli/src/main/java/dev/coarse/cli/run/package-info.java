/**
 * {@code coarse run}, the main job at the command line: the picocli command ({@link dev.coarse.cli.run.RunCommand})
 * and the strict YAML reading of a spec ({@link dev.coarse.cli.run.SpecReader}, the {@code SpecSource} that
 * {@link dev.coarse.study.StudySpec#read} reads from, with the built-in default study as a resource). The study
 * itself runs in core ({@link dev.coarse.study.Study}); its report is drawn by {@code dev.coarse.cli.report}. Computes
 * nothing itself.
 */
package dev.coarse.cli.run;
