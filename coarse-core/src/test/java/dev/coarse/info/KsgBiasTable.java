package dev.coarse.info;

import dev.coarse.stats.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the KSG bias-versus-dimension table of docs/info.md (not a test): d+d-dimensional Gaussians with
 * correlation ρ = 0.6 between paired coordinates, N = 10,000, k = 4, for d = 1 … 10, averaged over 3 seeds.
 *
 * <p>Usage: {@code java -cp coarse-core/target/classes:coarse-core/target/test-classes
 * dev.coarse.info.KsgBiasTable OUTPUT.md} (add the EJML jars to the class path; see docs/info.md)
 */
public final class KsgBiasTable {

    private static final double RHO = 0.6;
    private static final int SAMPLES = 10_000;
    private static final int K = 4;
    private static final int SEEDS = 3;

    private KsgBiasTable() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("| dims | exact MI (nats) | KSG mean of ").append(SEEDS).append(" seeds | spread (sd over seeds) | KSG / exact |\n");
        sb.append("|---|---|---|---|---|\n");
        for (int d = 1; d <= 10; d++) {
            double exact = GaussianInformation.correlatedPairs(d, RHO);
            double sum = 0;
            double sumSq = 0;
            for (int seed = 1; seed <= SEEDS; seed++) {
                double[][][] data = KsgContractTest.gaussianPairs(seed, SAMPLES, d, RHO);
                Estimate e = new KsgEstimator(K).mutualInformation(data[0], data[1]);
                sum += e.mean();
                sumSq += e.mean() * e.mean();
            }
            double mean = sum / SEEDS;
            double sd = Math.sqrt(Math.max(0, (sumSq - SEEDS * mean * mean) / (SEEDS - 1)));
            sb.append(String.format("| %d+%d | %.4f | %.4f | %.4f | %.3f |%n", d, d, exact, mean, sd, mean / exact));
        }
        Files.writeString(Path.of(args[0]), sb.toString());
    }
}
