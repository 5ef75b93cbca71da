package dev.coarse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.data.RunDirectory;
import dev.coarse.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: the docs named files no run writes ({@code runs/demo/ensemble.h5}; "{@code *.h5} when the run keeps
 * them"). Every file the docs place in a run directory ({@code runs/<name>/FILE}, and the entries of the run-directory
 * listing in docs/reports.md) must be one the study code writes: results.json, report.html, spec.json or a stage's
 * checkpoint.
 */
class DocsNameWrittenFilesTest {

    private static final Pattern RUN_FILE = Pattern.compile("runs/[^\\s`/]+/\\{?([A-Za-z0-9_.<>*,-]+)\\}?");

    /** The project root (the parent of coarse-cli, where the tests run). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    static boolean writtenByARun(String name) {
        // a stage's checkpoint, as the docs write it: stage-<name>.json, stage-*.json or a stage's own name
        boolean stage = Study.checkpointName("x").equals("stage-x.json")
                && name.matches("stage-(<name>|\\*|[a-z0-9-]+)\\.json");
        return name.equals(RunDirectory.RESULTS) || name.equals(RunDirectory.REPORT) || name.equals(Study.SPEC_FILE)
                || stage;
    }

    @Test
    void everyRunDirectoryFileTheDocsNameIsWritten() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        pages.add(root().resolve("README.md"));
        List<String> unwritten = new ArrayList<>();
        int seen = 0;
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher m = RUN_FILE.matcher(text);
            while (m.find()) {
                for (String name : m.group(1).split(",")) {
                    if (name.contains(".")) {
                        seen++;
                        if (!writtenByARun(name)) {
                            unwritten.add(page.getFileName() + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(seen).as("the docs name run files at all (the pattern still matches)").isPositive();
        assertThat(unwritten).as("files the docs place in a run directory that no run writes").isEmpty();
    }

    @Test
    void theRunDirectoryListingNamesOnlyWrittenFiles() throws IOException {
        String reports = Files.readString(root().resolve("docs/reports.md"));
        int start = reports.indexOf("runs/<name>/\n");
        assertThat(start).isPositive();
        String listing = reports.substring(start, reports.indexOf("```", start));
        List<String> names = listing.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(writtenByARun(n)).as(n).isTrue());
    }
}
