package dev.coarse.info;

import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Timing entry point (not a test) for the "KSG vs scipy" benchmark: reads a two-column CSV (x,y; no header),
 * runs KSG algorithm 1 with k neighbours single-threaded, and prints the best wall time of several runs after
 * JIT warm-up and the estimate. Run by coarse-bench/peers/run_ksg_peer.sh, which runs the scipy peer on the
 * same file.
 *
 * <p>Usage: {@code java -cp coarse-core/target/classes:coarse-core/target/test-classes dev.coarse.info.KsgTiming
 * FILE K [REPEATS]}
 */
public final class KsgTiming {

    private KsgTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> lines = Files.readAllLines(file);
        int n = lines.size();
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            x[i][0] = Double.parseDouble(line.substring(0, comma));
            y[i][0] = Double.parseDouble(line.substring(comma + 1));
        }
        KsgEstimator ksg = new KsgEstimator(k);
        Estimate e = null;
        for (int w = 0; w < 3; w++) {
            e = ksg.mutualInformation(x, y);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            e = ksg.mutualInformation(x, y);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        PrintStream out = System.out;
        out.printf("java_seconds=%.6f%n", best);
        out.printf("java_estimate=%.15f%n", e.mean());
    }
}
