package dev.coarse.exact;

import dev.coarse.model.PottsModel;

/**
 * Where a model is critical and with which exponents: the reference every measured critical point, Binder
 * crossing, MCRG eigenvalue and finite-size-scaling slope is compared with (SCIENCE.md §1).
 *
 * <p>Exact for the square-lattice Ising model (Onsager; ν = 1, η = 1/4) and the square-lattice Potts models with
 * q = 3 (ν = 5/6, η = 4/15) and q = 4 (ν = 2/3, η = 1/4, with logarithmic corrections); best known numerically for
 * the simple-cubic Ising model (K<sub>c</sub> = 0.221654626(5), Ferrenberg, Xu &amp; Landau 2018, used to seven
 * digits; ν = 0.629971(4) and η = 0.0362978(20), conformal bootstrap, Kos et al. 2016, η used to six digits).
 * The rounded values are the ones Coarse's studies have always used, kept so that a seed gives the same numbers.
 *
 * @param name             what the reference is for, e.g. "2D Ising (square lattice)"
 * @param dimension        lattice dimension d
 * @param criticalTemperature T<sub>c</sub>, as its reference gives it (2/ln(1+√2), 1/ln(1+√q), 1/K<sub>c</sub>)
 * @param criticalCoupling K<sub>c</sub> = J/T<sub>c</sub>, as its reference gives it (both are kept because 1/(1/x)
 *                         need not be x in floating point)
 * @param nu               correlation-length exponent ν (NaN when not known)
 * @param eta              anomalous dimension η (NaN when not known)
 * @param gammaOverNu      γ/ν = 2 − η, as an exact fraction where one exists (NaN when not known)
 * @param exact            true for exact values, false for numerical (Monte Carlo, bootstrap) ones
 */
public record CriticalPoint(String name, int dimension, double criticalTemperature, double criticalCoupling, double nu, double eta,
                           double gammaOverNu, boolean exact) {

    /** Simple-cubic Ising K<sub>c</sub> to the seven digits Coarse uses (0.221654626(5) in full). */
    public static final double CUBIC_ISING_CRITICAL_COUPLING = 0.2216546;

    /** The 2D Ising model on the square lattice: exact (Onsager). */
    public static final CriticalPoint SQUARE_ISING = new CriticalPoint("2D Ising (square lattice)", 2,
            Onsager.CRITICAL_TEMPERATURE, Onsager.CRITICAL_COUPLING, 1.0, 0.25, 7.0 / 4.0, true);

    /** The 3D Ising model on the simple cubic lattice: best known numerical values. */
    public static final CriticalPoint CUBIC_ISING = new CriticalPoint("3D Ising (simple cubic lattice)", 3,
            1.0 / CUBIC_ISING_CRITICAL_COUPLING, CUBIC_ISING_CRITICAL_COUPLING, 0.629971, 0.036298, 2 - 0.036298, false);

    /**
     * The Ising model in dimension 2 or 3.
     *
     * @throws IllegalArgumentException for another dimension (the 1D chain has no finite-temperature transition)
     */
    public static CriticalPoint ising(int dimension) {
        return switch (dimension) {
            case 2 -> SQUARE_ISING;
            case 3 -> CUBIC_ISING;
            default -> throw new IllegalArgumentException("the Ising model has a critical point in 2D and 3D only, not "
                    + dimension + "D");
        };
    }

    /**
     * The q-state Potts model on the square lattice: T<sub>c</sub> = 1/ln(1+√q) for every q; exponents for q = 2, 3, 4
     * (the transition is first order for q &gt; 4, so ν, η and γ/ν are NaN there).
     *
     * @throws IllegalArgumentException for q &lt; 2
     */
    public static CriticalPoint squarePotts(int q) {
        if (q < 2) {
            throw new IllegalArgumentException("Potts q must be at least 2, got " + q);
        }
        double tc = PottsModel.squareLatticeCriticalTemperature(q);
        double kc = Math.log(1.0 + Math.sqrt(q));
        String name = "2D " + q + "-state Potts (square lattice)";
        return switch (q) {
            case 2 -> new CriticalPoint(name, 2, tc, kc, 1.0, 0.25, 7.0 / 4.0, true);
            case 3 -> new CriticalPoint(name, 2, tc, kc, 5.0 / 6.0, 4.0 / 15.0, 26.0 / 15.0, true);
            case 4 -> new CriticalPoint(name, 2, tc, kc, 2.0 / 3.0, 0.25, 7.0 / 4.0, true);
            default -> new CriticalPoint(name, 2, tc, kc, Double.NaN, Double.NaN, Double.NaN, true);
        };
    }

    /** The thermal RG eigenvalue exponent y<sub>t</sub> = 1/ν. */
    public double thermalExponent() {
        return 1 / nu;
    }

    /** The magnetic RG eigenvalue exponent y<sub>h</sub> = (d + 2 − η)/2 (15/8 for 2D Ising). */
    public double magneticExponent() {
        return (dimension + 2 - eta) / 2;
    }
}
