/**
 * The study stages coarse-learn adds to core's main job: each is a {@link dev.coarse.study.Stage} named in this
 * module's {@code META-INF/services/dev.coarse.study.Stage}, so {@code coarse run} finds it with
 * {@link java.util.ServiceLoader} while core never imports coarse-learn. {@link dev.coarse.learn.study.RsmiStage}
 * compares the learned RSMI filter with the majority rule and decimation ({@code dev.coarse.study.RsmiComparison} does
 * the work; the stage supplies the learned rule). Depends on core's {@code study} and {@code rg} and on the learned
 * rules of this module; not on the CLI.
 */
package dev.coarse.learn.study;
