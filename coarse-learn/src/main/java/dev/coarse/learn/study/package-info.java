/**
 * The study stages coarse-learn adds to core's main job: each is a {@link dev.coarse.study.Stage} named in this
 * module's {@code META-INF/services/dev.coarse.study.Stage}, so {@code coarse run} finds it with
 * {@link java.util.ServiceLoader} while core never imports coarse-learn. {@link dev.coarse.learn.study.RsmiStage}
 * compares the learned RSMI filter with the majority rule and decimation ({@code dev.coarse.study.RsmiComparison} does
 * the work; the stage supplies the learned rule). {@link dev.coarse.learn.study.NeuralRgStage} ({@code neural-rg}, not in the
 * default study) trains the MERA-shaped flow of {@code learn.flow} on the 2D Ising energy and sets its variational
 * bound beside Kaufman's ln Z. Depends on core's {@code study} and {@code rg} and on the learned
 * rules and flows of this module; not on the CLI.
 */
package dev.coarse.learn.study;
