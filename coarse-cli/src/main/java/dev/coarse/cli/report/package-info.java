/**
 * What a run shows: the self-contained HTML report
 * ({@link dev.coarse.cli.report.HtmlReport}) and its charts ({@link dev.coarse.cli.report.Plots}, XChart
 * rendered headless to PNG) and lattice heat maps ({@link dev.coarse.cli.report.FieldImages}, e.g. RBM
 * receptive fields, drawn pixel by pixel with java.awt and ImageIO). Depends on {@code dev.coarse.data} (atomic writes), {@code dev.coarse.stats}
 * and XChart; it never prints, and knows nothing of models or samplers.
 */
package dev.coarse.cli.report;
