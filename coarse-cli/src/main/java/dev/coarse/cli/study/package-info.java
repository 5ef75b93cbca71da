/**
 * The main job, {@code coarse run}: a study is a YAML spec ({@link dev.coarse.cli.study.StudySpec}, parsed strictly
 * by {@link dev.coarse.cli.study.SpecReader}) naming a model and the stages to run — energy versus Kaufman's exact
 * curve, Binder crossings, MCRG exponents, the coupling flow, information kept per RG step. Each
 * {@link dev.coarse.cli.study.Stage} turns its part of the spec into a JSON result (checkpointed in the run
 * directory by {@link dev.coarse.cli.study.Study}) and renders that result into the HTML report, so a resumed run
 * and an uninterrupted one give the same files. It depends on coarse-core's samplers, exact results and rg
 * package and on the report toolkit; the picocli command ({@code RunCommand}) depends on it, not the reverse.
 */
package dev.coarse.cli.study;
