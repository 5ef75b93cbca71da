package dev.coarse.study;

import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Progress;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.Model;

/**
 * What a running stage gets: its seed, the thread count and one progress callback for the whole stage. A stage
 * announces its total work with {@link #expect(long)} (in sweeps, summed over its chain runs) and then samples
 * through {@link #sample}, which advances the stage's progress.
 */
public final class StageContext {

    private final long seed;
    private final int threads;
    private final Progress progress;
    private long total = 1;
    private long offset;

    /**
     * @param seed     the stage's seed
     * @param threads  worker threads (results do not depend on them)
     * @param progress told (done, total) as the stage works; may be null
     */
    public StageContext(long seed, int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.seed = seed;
        this.threads = threads;
        this.progress = progress;
    }

    /** The context of a stage of a study: its seed mixes the study's seed with the stage's order. */
    static StageContext of(StudySpec spec, Stage<?, ?> stage, int threads, Progress progress) {
        return new StageContext(mix(spec.seed() * 31 + stage.order()), threads, progress);
    }

    /** The stage's seed (derived from the study's seed and the stage's order). */
    public long seed() {
        return seed;
    }

    /** The i-th sub-seed of this stage (for its i-th chain run or analysis). */
    public long seed(long i) {
        return mix(seed + 0x9E3779B97F4A7C15L * (i + 1));
    }

    public int threads() {
        return threads;
    }

    /** Sets the total work of the stage in sweeps (see {@link RunSpec#totalSweeps()}); resets progress. */
    public void expect(long totalSweeps) {
        total = Math.max(1, totalSweeps);
        offset = 0;
        report(0);
    }

    /** Samples the model with the stage's settings and sub-seed i. */
    public ChainResult sample(Model model, Sampling s, long i) {
        RunSpec run = new RunSpec(model, s.sampler(), s.sweeps(), s.thermalize(), s.thin(), s.chains(), seed(i),
                threads);
        long base = offset;
        ChainResult result = ChainRunner.run(run, progress == null ? null : (done, tot) -> report(base + done));
        offset = base + run.totalSweeps();
        report(offset);
        return result;
    }

    /** A progress callback for one library call that reports its own (done, total) in the units of {@link #expect}. */
    public Progress progress() {
        long base = offset;
        return (done, tot) -> report(base + done);
    }

    /** Marks extra work (e.g. an analysis step counted in {@link #expect}) as done. */
    public void advance(long units) {
        offset += units;
        report(offset);
    }

    private void report(long done) {
        if (progress != null) {
            progress.advance(Math.min(done, total), total);
        }
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit function of x. */
    static long mix(long x) {
        long z = x;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
