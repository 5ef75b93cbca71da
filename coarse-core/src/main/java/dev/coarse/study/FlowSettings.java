package dev.coarse.study;

import dev.coarse.mc.SamplerKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.rg.OperatorSet;
import java.util.List;

/**
 * The flow stage: at each coupling K of a grid, sample one chain, block every kept configuration once and fit the
 * coarse couplings ({@link FlowDiagram}).
 *
 * @param sampler    a sampler kind the model accepts
 * @param samples    configurations per coupling, 2 to {@value #MAX_SAMPLES}
 * @param thin       sweep-equivalents between them, 1 to {@value Sampling#MAX_THIN}
 * @param thermalize discarded sweep-equivalents, {@value BinderScan#MIN_THERMALIZE} to {@value Sampling#MAX_SWEEPS}
 * @param size       linear size of the fine lattice
 * @param couplings  K = J/T, strictly increasing (at least two for a run)
 * @param rule       one step of this rule (its levels are 1)
 * @param operators  fitted on the coarse lattice; must include {@value FlowDiagram#NN}
 */
public record FlowSettings(SamplerKind sampler, int samples, int thin, int thermalize, int size, double[] couplings,
                           Coarsening rule, List<String> operators) implements StageSettings {

    public static final int MAX_SAMPLES = 10_000_000;

    public FlowSettings {
        if (sampler == null || rule == null) {
            throw new IllegalArgumentException("the flow stage needs its sampler and rule");
        }
        InvalidSettingException.between("samples", samples, 2, MAX_SAMPLES);
        InvalidSettingException.between("thin", thin, 1, Sampling.MAX_THIN);
        InvalidSettingException.between("thermalize", thermalize, BinderScan.MIN_THERMALIZE, Sampling.MAX_SWEEPS);
        InvalidSettingException.between("size", size, 2, StudySpec.MAX_LINEAR_SIZE);
        couplings = SpecReading.positives("couplings", couplings);
        if (rule.levels() != 1) {
            throw new InvalidSettingException("levels", "the flow takes one step, got " + rule.levels());
        }
        operators = List.copyOf(operators);
    }

    @Override
    public double[] couplings() {
        return couplings.clone();
    }

    /** L = 32, K from 0.36 to 0.56 in 11 steps, one majority step of b = 2, the coupling nn alone. */
    public static FlowSettings defaults(StudyModel model) {
        return new FlowSettings(model.hasSpins() ? SamplerKind.SWENDSEN_WANG : SamplerKind.WOLFF, 500, 2, 200, 32,
                StudySpec.evenlySpaced(0.36, 0.56, 11), new Coarsening(Coarsening.Rule.MAJORITY, 2, 1),
                List.of(FlowDiagram.NN));
    }

    static FlowSettings read(SpecSource s, StudyModel model) {
        FlowSettings d = defaults(model);
        SamplerKind sampler = Sampling.sampler(s, d.sampler(), model);
        int samples = SpecReading.integer(s, "samples", d.samples(), 2, MAX_SAMPLES);
        int thin = (int) SpecReading.integer(s, "thin", d.thin(), 1, Sampling.MAX_THIN);
        int thermalize = (int) SpecReading.integer(s, "thermalize", d.thermalize(), BinderScan.MIN_THERMALIZE,
                Sampling.MAX_SWEEPS);
        int size = SpecReading.integer(s, "size", d.size(), 2, StudySpec.MAX_LINEAR_SIZE);
        double[] couplings = SpecReading.positives(s, "couplings", d.couplings);
        Coarsening rule = Coarsening.read(s, d.rule(), false);
        List<String> operators = s.strings("operators").orElse(d.operators());
        return new FlowSettings(sampler, samples, thin, thermalize, size, couplings, rule, operators);
    }

    @Override
    public void check(StudyModel model) {
        Sampling.checkSampler(sampler, model);
    }

    /** The step fits the lattice, the operators exist and fit the coarse lattice, the grid can show a crossing. */
    @Override
    public void checkRunnable(StudyModel model) {
        int dimension = model.dimension();
        rule.checkLevels("size", List.of(size), dimension);
        StudySpec.checkSites("size", size, dimension);
        OperatorSet set;
        try {
            set = operatorSet(dimension);
        } catch (IllegalArgumentException ex) {
            throw new InvalidSettingException("operators", ex.getMessage());
        }
        rule.checkOperators(List.of(size), dimension, set);
        if (!operators.contains(FlowDiagram.NN)) {
            throw new InvalidSettingException("operators", "must include 'nn' (the flow is drawn in K_nn)");
        }
        if (couplings.length < 2) {
            throw new InvalidSettingException("couplings", "the flow needs at least two couplings");
        }
        SpecReading.increasing("couplings", couplings, "must increase strictly");
    }

    /** The fitted operators on a d-dimensional lattice. */
    OperatorSet operatorSet(int dimension) {
        return OperatorSet.of(dimension, operators.toArray(String[]::new));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("sampler", sampler.id());
        n.put("samples", (long) samples);
        n.put("thin", (long) thin);
        n.put("thermalize", (long) thermalize);
        n.put("size", size);
        n.set("couplings", Json.plainNumbers(couplings));
        rule.putInto(n, false);
        n.set("operators", Json.strings(operators));
        return n;
    }
}
