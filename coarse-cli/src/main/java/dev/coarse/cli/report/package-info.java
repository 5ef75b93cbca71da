/**
 * What a run shows: the self-contained HTML report ({@link dev.coarse.cli.report.HtmlReport}), its charts
 * ({@link dev.coarse.cli.report.Plots}, XChart rendered headless to PNG) and lattice heat maps
 * ({@link dev.coarse.cli.report.FieldImages}, e.g. RBM receptive fields, drawn pixel by pixel with java.awt and
 * ImageIO), and a study's report ({@link dev.coarse.cli.report.StudyReport}), drawn stage by stage by one
 * {@code StageRenderer} per stage from the stage's result record. Depends on {@code dev.coarse.study}'s specs and
 * results, {@code dev.coarse.stats} and XChart; it never prints, never samples and never recomputes a result.
 */
package dev.coarse.cli.report;
