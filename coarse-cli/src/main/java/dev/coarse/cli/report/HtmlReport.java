package dev.coarse.cli.report;

import dev.coarse.data.AtomicFiles;
import dev.coarse.data.CoarseVersion;
import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * A self-contained HTML report: headings, paragraphs, tables (measured-vs-exact comparisons among them) and
 * figures embedded as base64 PNG, so {@code report.html} opens anywhere without its directory.
 *
 * <pre>{@code
 * new HtmlReport("2D Ising, L = 32")
 *         .paragraph("Wolff sampling at T = 2.5, seed 42.")
 *         .comparisons("Observables", List.of(new HtmlReport.Comparison("energy per site", e, exactEnergy)))
 *         .figure("Magnetisation", Plots.xy("<|m|> vs T", "T", "<|m|>").points("L = 32", t, m, dm).chart())
 *         .write(run.path().resolve("report.html"), false);
 * }</pre>
 *
 * All text is HTML-escaped. The builder is not thread-safe.
 */
public final class HtmlReport {

    /** A measured value set against the exact one; {@code exact} may be NaN when unknown. */
    public record Comparison(String quantity, Estimate measured, double exact, String caveat) {
        /** A comparison the method is expected to pass: the deviation in errors is the test. */
        public Comparison(String quantity, Estimate measured, double exact) {
            this(quantity, measured, exact, null);
        }

        /**
         * A comparison with a reference the method is not expected to reproduce (e.g. a truncated map's fixed
         * point against the exact critical coupling), with the reason: reports show the reason, not a deviation
         * that would read as a failure.
         */
        public static Comparison notExpectedToAgree(String quantity, Estimate measured, double reference,
                String reason) {
            return new Comparison(quantity, measured, reference, reason);
        }

        /** (measured − exact) / error, NaN when either is unknown or the error is 0. */
        public double deviationInErrors() {
            return measured.error() > 0 ? (measured.mean() - exact) / measured.error() : Double.NaN;
        }
    }

    private final String title;
    private final List<String> body = new ArrayList<>();

    public HtmlReport(String title) {
        this.title = title;
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        body.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /** Preformatted text (e.g. the command that produced the run). */
    public HtmlReport preformatted(String text) {
        body.add("<pre>" + escape(text) + "</pre>");
        return this;
    }

    /** A table of strings; every row must have as many cells as the header. */
    public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table>\n");
        if (caption != null && !caption.isEmpty()) {
            t.append("<caption>").append(escape(caption)).append("</caption>\n");
        }
        t.append("<tr>");
        for (String h : header) {
            t.append("<th>").append(escape(h)).append("</th>");
        }
        t.append("</tr>\n");
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table '" + caption + "': row of " + row.size()
                        + " cells under a header of " + header.size());
            }
            t.append("<tr>");
            for (String cell : row) {
                t.append("<td>").append(escape(cell)).append("</td>");
            }
            t.append("</tr>\n");
        }
        body.add(t.append("</table>").toString());
        return this;
    }

    /**
     * A table of measured values against exact ones: quantity, measured (mean ± error), τ<sub>int</sub>,
     * exact, and the deviation in units of the error.
     */
    public HtmlReport comparisons(String caption, List<Comparison> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Comparison c : rows) {
            Estimate m = c.measured();
            cells.add(List.of(c.quantity(), formatWithError(m.mean(), m.error()), formatNumber(m.tauInt(), 3),
                    formatNumber(c.exact(), 8),
                    c.caveat() != null ? c.caveat() : formatNumber(c.deviationInErrors(), 2)));
        }
        return table(caption, List.of("quantity", "measured", "τ_int", "exact", "deviation (σ)"), cells);
    }

    /** A chart rendered to PNG and embedded, with a caption. */
    public HtmlReport figure(String caption, XYChart chart) throws IOException {
        return figurePng(caption, Plots.png(chart));
    }

    /** PNG bytes embedded as an image, with a caption. */
    public HtmlReport figurePng(String caption, byte[] png) {
        body.add("<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(caption)
                + "</figcaption></figure>");
        return this;
    }

    /** The whole document. */
    public String toHtml() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}caption{text-align:left;font-weight:bold}\n")
                .append("th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f4f4f4}\n")
                .append("td:first-child,th:first-child{text-align:left}img{max-width:100%}\n")
                .append("pre{background:#f6f6f6;padding:.6em;overflow-x:auto}footer{color:#777;margin-top:3em}\n")
                .append("figure{margin:1.5em 0}figcaption{color:#555;font-style:italic}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String part : body) {
            html.append(part).append('\n');
        }
        html.append("<footer>Written by Coarse ").append(escape(CoarseVersion.get())).append(".</footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** Writes the document atomically (UTF-8). */
    public void write(Path file, boolean overwrite) throws IOException {
        AtomicFiles.writeString(file, overwrite, toHtml());
    }

    /**
     * {@code mean ± error} with the error rounded to two significant digits and the mean to the same decimal
     * place, e.g. {@code 0.7523 ± 0.0012}; a missing or zero error shows the mean alone.
     */
    public static String formatWithError(double mean, double error) {
        if (!Double.isFinite(mean)) {
            return String.valueOf(mean);
        }
        if (!Double.isFinite(error) || error <= 0) {
            return formatNumber(mean, 8);
        }
        BigDecimal e = new BigDecimal(error).round(new MathContext(2, RoundingMode.HALF_UP));
        BigDecimal m = new BigDecimal(mean).setScale(e.scale(), RoundingMode.HALF_EVEN);
        return m.toPlainString() + " ± " + e.toPlainString();
    }

    /** A number to the given significant digits; "–" for NaN. */
    public static String formatNumber(double value, int significantDigits) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        return new BigDecimal(value).round(new MathContext(significantDigits, RoundingMode.HALF_EVEN))
                .stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
