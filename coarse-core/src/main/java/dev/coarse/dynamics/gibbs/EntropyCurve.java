package dev.coarse.dynamics.gibbs;

/**
 * Coarse- and fine-grained entropy of an ensemble at steps 0, 1, …, with the plateau and growth-rate analysis.
 *
 * @param coarse coarse-grained entropy S<sub>δ</sub>(t), nats
 * @param fine   fine-grained entropy ln(distinct points), nats
 */
public record EntropyCurve(TorusMap map, int cellsPerSide, int points, long seed, double[] coarse, double[] fine) {

    /** Lower edge of the growth window, as a fraction of the plateau. */
    public static final double GROWTH_FROM = 0.2;
    /** Upper edge of the growth window, as a fraction of the plateau. */
    public static final double GROWTH_TO = 0.7;

    public EntropyCurve {
        if (coarse.length != fine.length || coarse.length == 0) {
            throw new IllegalArgumentException("one coarse and one fine entropy per step");
        }
        coarse = coarse.clone();
        fine = fine.clone();
    }

    @Override
    public double[] coarse() {
        return coarse.clone();
    }

    @Override
    public double[] fine() {
        return fine.clone();
    }

    /** Resolution δ = 1/cells per side. */
    public double delta() {
        return 1.0 / cellsPerSide;
    }

    /** The equilibrium value ln(1/δ²) of a uniform occupation. */
    public double plateau() {
        return 2 * Math.log(cellsPerSide);
    }

    /** Mean coarse entropy over the last {@code steps} steps (the plateau reached, for a mixing map). */
    public double finalLevel(int steps) {
        int from = Math.max(0, coarse.length - steps);
        double sum = 0;
        for (int t = from; t < coarse.length; t++) {
            sum += coarse[t];
        }
        return sum / (coarse.length - from);
    }

    /**
     * Growth rate dS<sub>δ</sub>/dt: the least-squares slope over the steps whose entropy lies between
     * {@link #GROWTH_FROM} and {@link #GROWTH_TO} of the plateau (the linear regime between the initial transient and
     * saturation); NaN when fewer than two steps fall there.
     */
    public double growthRate() {
        double plateau = plateau();
        double st = 0;
        double ss = 0;
        double stt = 0;
        double sts = 0;
        int n = 0;
        for (int t = 0; t < coarse.length; t++) {
            if (coarse[t] >= GROWTH_FROM * plateau && coarse[t] <= GROWTH_TO * plateau) {
                st += t;
                ss += coarse[t];
                stt += (double) t * t;
                sts += t * coarse[t];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        return (n * sts - st * ss) / (n * stt - st * st);
    }
}
