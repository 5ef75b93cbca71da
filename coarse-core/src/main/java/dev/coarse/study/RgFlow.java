package dev.coarse.study;

import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;

/**
 * An RG flow as DESIGN.md names it, reduced to what every flow of Coarse gives and a report compares: a sequence of
 * steps, each with its scale and the thermal and magnetic RG eigenvalue exponents. A flow of configurations gives
 * them by MCRG ({@link RuleFlowResult}, {@link #of(RuleFlowResult)}); a flow of tensors from the scaling dimensions of
 * its fixed-point tensor, y = d − x ({@link TensorResult#flow()}). The richer records stay what they are; this one
 * only sets them side by side.
 *
 * @param method what produced the flow (a rule's or a scheme's description)
 * @param steps  in order
 */
public record RgFlow(String method, List<Step> steps) {

    /**
     * @param step  n = 1, 2, …
     * @param scale the lattice spacing after the step in units of the original
     * @param yT    y<sub>t</sub> (NaN where not measured)
     * @param yH    y<sub>h</sub> (NaN where not measured)
     */
    public record Step(int step, double scale, Estimate yT, Estimate yH) {
    }

    public RgFlow {
        if (method == null || steps == null) {
            throw new IllegalArgumentException("a flow needs a method and steps");
        }
        steps = List.copyOf(steps);
    }

    /** The steps of a rule flow (its levels after the first) with their MCRG exponents. */
    public static RgFlow of(RuleFlowResult flow) {
        List<Step> out = new ArrayList<>();
        for (RuleFlowResult.Level level : flow.levels()) {
            if (level.level() > 0) {
                out.add(new Step(level.level(), level.scale(), level.yT(), level.yH()));
            }
        }
        return new RgFlow(flow.rule(), out);
    }
}
