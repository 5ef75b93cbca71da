package dev.coarse.bench;

import dev.coarse.emergence.ca.ElementaryAutomaton;
import dev.coarse.emergence.ca.ElementaryRule;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Java side of the ECA comparison with {@code peers/eca_numpy.py}, in the peer's output format: one thread
 * steps a random row of L cells, warmed up for {@code steps} steps, then timed over {@code steps} steps five times;
 * prints the best of the five as {@code RESULT peer=coarse_packed rule=… L=… steps=… cells_per_ns=…
 * cpu_cells_per_ns=…} (per CPU-nanosecond of this thread, robust to a busy machine).
 *
 * <p>Usage: {@code java -cp coarse-bench.jar dev.coarse.bench.CellularAutomatonSpeed RULE L STEPS}
 */
public final class CellularAutomatonSpeed {

    private static final int REPEATS = 5;

    private CellularAutomatonSpeed() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: CellularAutomatonSpeed RULE L STEPS");
            System.exit(2);
        }
        int rule = Integer.parseInt(args[0]);
        int length = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ElementaryAutomaton automaton = ElementaryAutomaton.random(new ElementaryRule(rule), length, 0.5,
                new SplittableRandom(1));
        automaton.step(steps);
        double bestWall = 0;
        double bestCpu = 0;
        for (int r = 0; r < REPEATS; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            automaton.step(steps);
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            double cells = (double) length * steps;
            bestWall = Math.max(bestWall, cells / wall);
            bestCpu = Math.max(bestCpu, cells / cpu);
        }
        System.out.printf(Locale.ROOT, "RESULT peer=coarse_packed rule=%d L=%d steps=%d cells_per_ns=%.4f"
                + " cpu_cells_per_ns=%.4f density=%.4f%n", rule, length, steps, bestWall, bestCpu, automaton.density());
    }
}
