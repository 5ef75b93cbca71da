package dev.coarse.dynamics.reaction;

import java.util.List;

/** The reaction networks of issue 22's tests and examples. */
public final class BuiltinNetworks {

    private BuiltinNetworks() {
    }

    /**
     * Birth–death ∅ → X (rate {@code birth}), X → ∅ (rate {@code death} per molecule). From X(0) = 0 the law at time t
     * is exactly Poisson with mean (birth/death)(1 − e^{−death·t}); stationary Poisson(birth/death).
     */
    public static ReactionNetwork birthDeath(double birth, double death, long initial) {
        return new ReactionNetwork("birth-death", List.of("X"), List.of(
                new Reaction("birth", new int[] {0}, new int[] {1}, birth, false),
                new Reaction("death", new int[] {1}, new int[] {0}, death, false)),
                new long[] {initial}, List.of());
    }

    /**
     * Michaelis–Menten enzyme kinetics E + S ⇌ C → E + P (species S, E, C, P). Binding and unbinding are marked as
     * the fast pair, E and C as the quasi-steady species (Briggs–Haldane: valid when E<sub>0</sub> ≪ S<sub>0</sub> +
     * K<sub>M</sub>, K<sub>M</sub> = (k<sub>−1</sub> + k<sub>cat</sub>)/k<sub>1</sub>, Segel &amp; Slemrod 1989).
     */
    public static ReactionNetwork michaelisMenten(long substrate, long enzyme, double binding, double unbinding,
                                                  double catalysis) {
        return new ReactionNetwork("michaelis-menten", List.of("S", "E", "C", "P"), List.of(
                new Reaction("binding", new int[] {1, 1, 0, 0}, new int[] {0, 0, 1, 0}, binding, true),
                new Reaction("unbinding", new int[] {0, 0, 1, 0}, new int[] {1, 1, 0, 0}, unbinding, true),
                new Reaction("catalysis", new int[] {0, 0, 1, 0}, new int[] {0, 1, 0, 1}, catalysis, false)),
                new long[] {substrate, enzyme, 0, 0}, List.of("E", "C"));
    }

    /** {@link #michaelisMenten} with the defaults of docs/dynamics.md: k₁ = 0.01, k₋₁ = 2, k<sub>cat</sub> = 0.1. */
    public static ReactionNetwork michaelisMenten(long substrate, long enzyme) {
        return michaelisMenten(substrate, enzyme, 0.01, 2, 0.1);
    }

    /**
     * Schlögl's bistable network (Schlögl 1972) with the buffered species folded into the rates: 2X → 3X
     * (k = 0.03), 3X → 2X (k = 1e−4), ∅ → X (k = 200), X → ∅ (k = 3.5) — Gillespie's parameters c₁A = 3e−7·1e5,
     * c₂ = 1e−4, c₃B = 1e−3·2e5, c₄ = 3.5. The rate equation has stable points near 85 and 563 and an unstable one
     * near 248; started at {@code initial} near 248 the stochastic law becomes bimodal.
     */
    public static ReactionNetwork schloegl(long initial) {
        return new ReactionNetwork("schloegl", List.of("X"), List.of(
                new Reaction("autocatalysis", new int[] {2}, new int[] {3}, 0.03, false),
                new Reaction("reverse-autocatalysis", new int[] {3}, new int[] {2}, 1e-4, false),
                new Reaction("inflow", new int[] {0}, new int[] {1}, 200, false),
                new Reaction("outflow", new int[] {1}, new int[] {0}, 3.5, false)),
                new long[] {initial}, List.of());
    }

    /** A built-in by name (birth-death, michaelis-menten, schloegl) with its documented defaults. */
    public static ReactionNetwork named(String name) {
        return switch (name) {
            case "birth-death" -> birthDeath(20, 1, 0);
            case "michaelis-menten" -> michaelisMenten(300, 10);
            case "schloegl" -> schloegl(250);
            default -> throw new IllegalArgumentException("unknown built-in network '" + name
                    + "' (expected birth-death, michaelis-menten or schloegl)");
        };
    }
}
