package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import java.util.List;

/**
 * How a stage samples each of its points: the sampler, the measured and discarded sweeps, the thinning and the
 * number of independent chains (the fields of {@link dev.coarse.mc.RunSpec} a spec sets).
 *
 * @param sampler    a sampler kind that the study's model accepts (checked against the model by the stage's settings)
 * @param sweeps     measured sweeps per chain, 1 to {@value #MAX_SWEEPS}
 * @param thermalize discarded sweeps per chain, 0 to {@value #MAX_SWEEPS}
 * @param thin       sweeps between kept configurations, 1 to {@value #MAX_THIN}, at most {@code sweeps}
 * @param chains     independent chains, 1 to {@value #MAX_CHAINS}
 */
public record Sampling(SamplerKind sampler, long sweeps, long thermalize, long thin, int chains) {

    public static final long MAX_SWEEPS = 1_000_000_000L;
    public static final long MAX_THIN = 1_000_000L;
    public static final int MAX_CHAINS = 1024;

    public Sampling {
        if (sampler == null) {
            throw new InvalidSettingException("sampler", "must name a sampler");
        }
        InvalidSettingException.between("sweeps", sweeps, 1, MAX_SWEEPS);
        InvalidSettingException.between("thermalize", thermalize, 0, MAX_SWEEPS);
        InvalidSettingException.between("thin", thin, 1, MAX_THIN);
        InvalidSettingException.between("chains", chains, 1, MAX_CHAINS);
        checkThin(sweeps, thin);
    }

    private static void checkThin(long sweeps, long thin) {
        if (thin > sweeps) {
            throw new InvalidSettingException("thin", "must not exceed sweeps (" + sweeps + "), got " + thin);
        }
    }

    /** Reads the keys sampler, sweeps, thermalize, thin and chains of a section. */
    static Sampling read(SpecSource s, Sampling defaults, StudyModel model) {
        SamplerKind sampler = sampler(s, defaults.sampler(), model);
        long sweeps = SpecReading.integer(s, "sweeps", defaults.sweeps(), 1, MAX_SWEEPS);
        long thermalize = SpecReading.integer(s, "thermalize", defaults.thermalize(), 0, MAX_SWEEPS);
        long thin = SpecReading.integer(s, "thin", defaults.thin(), 1, MAX_THIN);
        int chains = SpecReading.integer(s, "chains", defaults.chains(), 1, MAX_CHAINS);
        SpecReading.checked(s, () -> checkThin(sweeps, thin));
        return new Sampling(sampler, sweeps, thermalize, thin, chains);
    }

    /** The key {@code sampler} of a section: the id of one of the kinds the model accepts. */
    static SamplerKind sampler(SpecSource s, SamplerKind fallback, StudyModel model) {
        String id = SpecReading.choice(s, "sampler", fallback.id(), samplers(model));
        return SamplerKind.forId(id, model.model(4, 1.0));
    }

    /** The ids of the sampler kinds the model accepts, in {@link SamplerKind#available}'s order. */
    static List<String> samplers(StudyModel model) {
        return SamplerKind.available(model.model(4, 1.0)).stream().map(SamplerKind::id).toList();
    }

    /** Fails unless the model accepts the sampler. */
    static void checkSampler(SamplerKind sampler, StudyModel model) {
        SpecReading.choice("sampler", sampler.id(), samplers(model));
    }

    /**
     * A lower bound on the bytes one sampling of a size-L lattice holds ({@link RunSpec#estimatedBytes}), with
     * {@code coarseCopies} times the kept configurations again for coarse-grained copies made from them.
     */
    public long estimatedBytes(StudyModel model, int linearSize, int threads, double coarseCopies) {
        long run = RunSpec.estimatedBytes(model.dimension(), linearSize, 1, 1, sweeps, thin, chains, threads);
        double copies = coarseCopies * samples() * Math.pow(linearSize, model.dimension());
        double total = run + copies;
        return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total;
    }

    /** Configurations kept over all chains. */
    public long samples() {
        return (long) chains * (sweeps / thin);
    }

    /** Sweeps of all chains, thermalisation included: the unit of a stage's progress. */
    public long work() {
        return (long) chains * (thermalize + sweeps);
    }

    /** The spec's JSON form: sampler, sweeps, thermalize, thin, chains. */
    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("sampler", sampler.id());
        n.put("sweeps", sweeps);
        n.put("thermalize", thermalize);
        n.put("thin", thin);
        n.put("chains", chains);
        return n;
    }
}
