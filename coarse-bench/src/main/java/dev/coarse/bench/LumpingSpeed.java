package dev.coarse.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.coarse.dynamics.ChainAnalysis;
import dev.coarse.dynamics.GreedyLumping;
import dev.coarse.dynamics.LumpabilityRefinement;
import dev.coarse.dynamics.Lumping;
import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.Partition;
import dev.coarse.dynamics.SparseMarkovChain;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Wall-clock and process CPU seconds (all threads, robust to a busy machine) of the two lumping targets of
 * {@link LumpingBenchmark}, after one untimed warm-up call each.
 *
 * <p>Usage: {@code java -cp coarse-bench.jar dev.coarse.bench.LumpingSpeed greedy N} or {@code … refine N}; prints
 * {@code RESULT …}.
 */
public final class LumpingSpeed {

    private LumpingSpeed() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("greedy") || args[0].equals("refine"))) {
            System.err.println("usage: LumpingSpeed greedy|refine N");
            System.exit(2);
        }
        int n = Integer.parseInt(args[1]);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        if (args[0].equals("greedy")) {
            MarkovChain chain = LumpingChains.dense(n, 10, 1);
            double[] pi = ChainAnalysis.stationary(chain);
            GreedyLumping.descend(chain, pi, 10);
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Partition p = GreedyLumping.descend(chain, pi, 10).partition();
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT greedy n=%d blocks=%d loss=%.6g wall_s=%.3f cpu_s=%.3f%n", n,
                    p.blockCount(), Lumping.informationLoss(chain, pi, p), wall, cpu);
        } else {
            int[] labels = new int[n];
            SparseMarkovChain chain = LumpingChains.sparse(n, 1000, 1, labels);
            Partition start = Partition.ofLabels(labels);
            LumpabilityRefinement.coarsest(chain, start);
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            LumpabilityRefinement.Result r = LumpabilityRefinement.coarsest(chain, start);
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT refine n=%d nonzeros=%d blocks=%d rounds=%d wall_s=%.3f cpu_s=%.3f%n",
                    n, chain.nonzeros(), r.partition().blockCount(), r.rounds(), wall, cpu);
        }
    }
}
