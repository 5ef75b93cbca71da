package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs independent Markov chains in parallel with reproducible random streams.
 *
 * <p>Semantics of {@link #run}: a root {@value #GENERATOR} generator is seeded with {@code spec.seed()}
 * and split once per chain, in chain order, before any thread starts; chain c uses only its own stream.
 * Each chain draws a uniformly random ("hot") initial configuration from its stream, performs
 * {@code thermalize} sweeps, then {@code sweeps} sweeps, copying the configuration after every
 * {@code thin}-th of them and recording its energy and magnetisation per site. Chains are distributed over
 * a fixed pool of {@code threads} threads; since no stream is shared, the result for a seed is
 * byte-identical for every thread count. If a chain fails or the caller is interrupted, the other chains
 * are interrupted and stop at their next progress point (about 1% of a chain).
 *
 * <p>Sampler {@value Samplers#MULTISPIN} runs 64-replica {@link MultispinMetropolis} groups instead (see
 * {@link RunSpec}): chain c is replica c mod 64 of group ⌊c/64⌋, the groups are split in order from a root
 * seeded with {@code spec.seed()} and each hot-starts from its own stream, so the result is again
 * independent of the thread count (parallelism is over groups).
 */
public final class ChainRunner {

    /** The splittable generator algorithm of the per-chain streams. */
    public static final String GENERATOR = "L64X128MixRandom";

    /** Progress is reported about this many times per chain. */
    private static final int REPORTS_PER_CHAIN = 100;

    private ChainRunner() {
    }

    /** The per-chain random streams of a seed, in chain order (exactly those {@link #run} uses). */
    public static List<RandomGenerator> chainStreams(long seed, int chains) {
        SplittableGenerator root = RandomGeneratorFactory.<SplittableGenerator>of(GENERATOR).create(seed);
        List<RandomGenerator> streams = new ArrayList<>(chains);
        for (int c = 0; c < chains; c++) {
            streams.add(root.split());
        }
        return streams;
    }

    /** A uniformly random configuration of {@code model} drawn from {@code rng}. */
    public static byte[] randomConfiguration(Model model, RandomGenerator rng) {
        int n = model.lattice().siteCount();
        byte[] c = new byte[n];
        int q = model.statesPerSite();
        boolean ising = model instanceof IsingModel;
        for (int i = 0; i < n; i++) {
            c[i] = ising ? (rng.nextBoolean() ? (byte) 1 : (byte) -1) : (byte) rng.nextInt(q);
        }
        return c;
    }

    /**
     * Runs {@code spec}; {@code progress} may be null.
     *
     * @throws IllegalStateException if the run is interrupted or a chain fails
     */
    public static ChainResult run(RunSpec spec, Progress progress) {
        if (Samplers.MULTISPIN.equals(spec.sampler())) {
            return runMultispin(spec, progress);
        }
        long start = System.nanoTime();
        int chains = spec.chains();
        int samples = spec.samplesPerChain();
        List<RandomGenerator> streams = chainStreams(spec.seed(), chains);
        byte[][] configurations = new byte[chains * samples][];
        double[][] energy = new double[chains][samples];
        double[][] magnetization = new double[chains][samples];
        AtomicLong done = new AtomicLong();
        List<Runnable> tasks = new ArrayList<>(chains);
        for (int c = 0; c < chains; c++) {
            int chain = c;
            RandomGenerator rng = streams.get(c);
            Sampler sampler = Samplers.create(spec.sampler(), spec.model());
            tasks.add(() -> runChain(spec, sampler, chain, rng, configurations, energy[chain], magnetization[chain],
                    done, progress));
        }
        execute(tasks, spec.threads());
        return new ChainResult(spec, configurations, energy, magnetization, System.nanoTime() - start);
    }

    /**
     * The {@value Samplers#MULTISPIN} path of {@link #run}: ⌈chains/64⌉ replica groups built in order by
     * {@link MultispinMetropolis#groups} from {@code spec.seed()} (each hot-started from its own stream),
     * replica r of group g is chain 64g + r; replicas beyond {@code chains} are simulated and dropped. The
     * energy and magnetisation series are computed per replica from the packed words, so
     * {@link Observables#measure} applies unchanged.
     */
    private static ChainResult runMultispin(RunSpec spec, Progress progress) {
        long start = System.nanoTime();
        IsingModel model = (IsingModel) spec.model();
        int chains = spec.chains();
        int samples = spec.samplesPerChain();
        int groupCount = (chains + MultispinMetropolis.REPLICAS - 1) / MultispinMetropolis.REPLICAS;
        List<MultispinMetropolis> groups = MultispinMetropolis.groups(model, groupCount, spec.seed());
        byte[][] configurations = new byte[chains * samples][];
        double[][] energy = new double[chains][samples];
        double[][] magnetization = new double[chains][samples];
        AtomicLong done = new AtomicLong();
        List<Runnable> tasks = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            MultispinMetropolis group = groups.get(g);
            int first = g * MultispinMetropolis.REPLICAS;
            tasks.add(() -> runGroup(spec, group, first, configurations, energy, magnetization, done, progress));
        }
        execute(tasks, spec.threads());
        return new ChainResult(spec, configurations, energy, magnetization, System.nanoTime() - start);
    }

    private static void runGroup(RunSpec spec, MultispinMetropolis group, int first, byte[][] configurations,
                                 double[][] energy, double[][] magnetization, AtomicLong done, Progress progress) {
        int n = spec.model().lattice().siteCount();
        int replicas = Math.min(MultispinMetropolis.REPLICAS, spec.chains() - first);
        int samples = spec.samplesPerChain();
        double[] groupEnergy = new double[MultispinMetropolis.REPLICAS];
        long[] groupMagnetization = new long[MultispinMetropolis.REPLICAS];
        long total = spec.totalSweeps();
        long chainSweeps = spec.thermalize() + spec.sweeps();
        long reportEvery = Math.max(1, chainSweeps / REPORTS_PER_CHAIN);
        long pending = 0;
        int kept = 0;
        for (long sweep = 0; sweep < chainSweeps; sweep++) {
            group.sweep();
            long production = sweep + 1 - spec.thermalize();
            if (production > 0 && production % spec.thin() == 0 && kept < samples) {
                group.energies(groupEnergy);
                group.magnetizations(groupMagnetization);
                for (int r = 0; r < replicas; r++) {
                    byte[] c = new byte[n];
                    group.copyReplica(r, c);
                    configurations[(first + r) * samples + kept] = c;
                    energy[first + r][kept] = groupEnergy[r] / n;
                    magnetization[first + r][kept] = (double) groupMagnetization[r] / n;
                }
                kept++;
            }
            if (++pending == reportEvery) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("replica group " + first / MultispinMetropolis.REPLICAS
                            + " cancelled");
                }
                if (progress != null) {
                    progress.advance(done.addAndGet(pending * replicas), total);
                }
                pending = 0;
            }
        }
        if (progress != null && pending > 0) {
            progress.advance(done.addAndGet(pending * replicas), total);
        }
    }

    /**
     * Runs independent tasks on a fixed pool of at most {@code threads} daemon threads; if one fails or the
     * caller is interrupted, the others are interrupted.
     */
    private static void execute(List<Runnable> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "coarse-chain");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sampling interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a chain failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runChain(RunSpec spec, Sampler sampler, int chain, RandomGenerator rng, byte[][] configurations,
                                 double[] energy, double[] magnetization, AtomicLong done, Progress progress) {
        Model model = spec.model();
        byte[] state = randomConfiguration(model, rng);
        int n = state.length;
        int[] counts = new int[model.statesPerSite()];
        long total = spec.totalSweeps();
        long chainSweeps = spec.thermalize() + spec.sweeps();
        long reportEvery = Math.max(1, chainSweeps / REPORTS_PER_CHAIN);
        long pending = 0;
        int samples = spec.samplesPerChain();
        int kept = 0;
        for (long sweep = 0; sweep < chainSweeps; sweep++) {
            sampler.sweep(state, rng);
            long production = sweep + 1 - spec.thermalize();
            if (production > 0 && production % spec.thin() == 0 && kept < samples) {
                configurations[chain * samples + kept] = state.clone();
                energy[kept] = model.energy(state) / n;
                magnetization[kept] = magnetizationPerSite(model, state, counts);
                kept++;
            }
            if (++pending == reportEvery) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("chain " + chain + " cancelled");
                }
                if (progress != null) {
                    progress.advance(done.addAndGet(pending), total);
                }
                pending = 0;
            }
        }
        if (progress != null && pending > 0) {
            progress.advance(done.addAndGet(pending), total);
        }
    }

    /** Ising: Σs/N; Potts: (q·max fraction − 1)/(q − 1). {@code counts} is scratch of length q. */
    static double magnetizationPerSite(Model model, byte[] state, int[] counts) {
        if (model instanceof PottsModel potts) {
            return Observables.pottsOrderParameter(state, potts.q(), counts);
        }
        return (double) IsingModel.magnetization(state) / state.length;
    }
}
