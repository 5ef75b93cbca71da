package dev.coarse.learn.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.coarse.exact.Enumeration;
import dev.coarse.exact.Kaufman;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.util.OptionalDouble;
import dev.coarse.learn.engine.Scalars;

/**
 * The 2D Ising model (J = 1, no field) on the L×L torus, as a density of a continuous field by the
 * Hubbard–Stratonovich transform (SCIENCE.md §5). With K the coupling matrix (K<sub>ij</sub> = K = 1/T on
 * nearest-neighbour pairs) and K̃ = K + cI, c = 4K + 0.1 (K's lowest eigenvalue is −4K on an even torus, so K̃'s is
 * 0.1, Li &amp; Wang's choice),
 * Z = Σ<sub>s</sub> e<sup>½sᵀKs</sup> = e<sup>−cN/2</sup> (2π)<sup>−N/2</sup> det(K̃)<sup>−1/2</sup>
 * ∫dx e<sup>−S(x)</sup>, S(x) = ½ xᵀK̃<sup>−1</sup>x − Σ<sub>i</sub> ln 2cosh x<sub>i</sub>.
 * The constant is exact: det K̃ = ∏<sub>p</sub>(c + 2K(cos p<sub>1</sub> + cos p<sub>2</sub>)) over the N momenta,
 * and K̃<sup>−1</sup> is the same momentum sum in position space.
 *
 * <p>Given x the spins are independent with ⟨s<sub>i</sub>⟩ = tanh x<sub>i</sub>, so the energy per site has the
 * estimator e(x) = −(1/N) Σ<sub>⟨ij⟩</sub> tanh x<sub>i</sub> tanh x<sub>j</sub>, unbiased under the exact marginal
 * of x. Exact values: enumeration for N ≤ 24, Kaufman's finite-torus formula otherwise.
 */
public final class IsingHsTarget implements FlowTarget {

    /** K̃'s lowest eigenvalue. */
    public static final double LOWEST_EIGENVALUE = 0.1;

    private final int linearSize;
    private final double temperature;
    private final double offset;
    private final double[] inverseCoupling;
    private final double lnZOffset;
    private NDArray inverseCouplingArray;
    private final boolean whitened;

    /** The whitened form (see the class comment), the one Coarse trains on. */
    public IsingHsTarget(int linearSize, double temperature) {
        this(linearSize, temperature, true);
    }

    public IsingHsTarget(int linearSize, double temperature, boolean whitened) {
        this.whitened = whitened;
        if (linearSize < 4 || linearSize % 2 != 0) {
            throw new IllegalArgumentException("the Hubbard-Stratonovich target needs an even L >= 4 (no double "
                    + "bonds, lowest eigenvalue -4K), got " + linearSize);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        this.linearSize = linearSize;
        this.temperature = temperature;
        double k = 1 / temperature;
        this.offset = 4 * k + LOWEST_EIGENVALUE;
        int n = linearSize * linearSize;
        double lnDet = 0;
        double[] eigen = new double[n];
        for (int a = 0; a < linearSize; a++) {
            for (int b = 0; b < linearSize; b++) {
                eigen[a * linearSize + b] = offset + 2 * k * (Math.cos(2 * Math.PI * a / linearSize)
                        + Math.cos(2 * Math.PI * b / linearSize));
                lnDet += Math.log(eigen[a * linearSize + b]);
            }
        }
        // G(r) = (1/N) Σ_p cos(p·r) / λ_p, the translation-invariant inverse
        double[] g = new double[n];
        for (int rx = 0; rx < linearSize; rx++) {
            for (int ry = 0; ry < linearSize; ry++) {
                double sum = 0;
                for (int a = 0; a < linearSize; a++) {
                    for (int b = 0; b < linearSize; b++) {
                        double lambda = eigen[a * linearSize + b];
                        sum += Math.cos(2 * Math.PI * (a * rx + b * ry) / linearSize)
                                * (whitened ? Math.sqrt(lambda) : 1 / lambda);
                    }
                }
                g[rx * linearSize + ry] = sum / n;
            }
        }
        inverseCoupling = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int dr = Math.floorMod(i / linearSize - j / linearSize, linearSize);
                int dc = Math.floorMod(i % linearSize - j % linearSize, linearSize);
                inverseCoupling[i * n + j] = g[dr * linearSize + dc];
            }
        }
        this.lnZOffset = -offset * n / 2 - n / 2.0 * Math.log(2 * Math.PI) - (whitened ? 0 : lnDet / 2);
    }

    public double temperature() {
        return temperature;
    }

    /** c, with K̃ = K + cI. */
    public double offset() {
        return offset;
    }

    @Override
    public String name() {
        return "ising2d";
    }

    @Override
    public java.util.Map<String, Double> parameters() {
        return java.util.Map.of("T", temperature);
    }

    @Override
    public int linearSize() {
        return linearSize;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public void attach(NDManager manager) {
        float[] values = new float[inverseCoupling.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) inverseCoupling[i];
        }
        int n = sites();
        inverseCouplingArray = manager.create(values, new Shape(n, n));
    }

    @Override
    public NDArray action(NDArray x) {
        long batch = x.getShape().get(0);
        NDArray flat = x.reshape(batch, sites());
        NDArray quadratic;
        if (whitened) {
            quadratic = Scalars.mul(flat.square().sum(new int[] {1}), 0.5);
            flat = flat.matMul(inverseCouplingArray);
        } else {
            quadratic = Scalars.mul(flat.matMul(inverseCouplingArray).mul(flat).sum(new int[] {1}), 0.5);
        }
        // ln 2cosh x = |x| + ln(1 + e^{−2|x|}), stable for large |x|
        NDArray abs = flat.abs();
        NDArray lnCosh = abs.add(Scalars.add(Scalars.mul(abs, -2).exp(), 1).log()).sum(new int[] {1});
        return quadratic.sub(lnCosh);
    }

    @Override
    public double lnZOffset() {
        return lnZOffset;
    }

    @Override
    public OptionalDouble exactLnZ() {
        if (sites() <= 24) {
            return OptionalDouble.of(Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(linearSize),
                    temperature)).logPartitionFunction());
        }
        return OptionalDouble.of(Kaufman.logPartitionFunction(linearSize, temperature));
    }

    @Override
    public NDArray observable(NDArray x) {
        NDArray spin = whitened ? x.reshape(x.getShape().get(0), sites()).matMul(inverseCouplingArray)
                .reshape(x.getShape()).tanh() : x.tanh();
        NDArray right = FieldTarget.shift(spin, 3);
        NDArray down = FieldTarget.shift(spin, 2);
        return Scalars.div(spin.mul(right.add(down)).sum(new int[] {1, 2, 3}).neg(), sites());
    }

    /**
     * The Ising spins drawn given the field: independent, P(s<sub>i</sub> = +1) = e<sup>x<sub>i</sub></sup> /
     * 2cosh x<sub>i</sub> with x the Hubbard–Stratonovich field (K̃<sup>1/2</sup>y in the whitened form). If the
     * fields follow the target, the spins follow the Boltzmann law exactly.
     *
     * @param fields  one field (length N, this target's variable) per row; not modified
     */
    public byte[][] spins(double[][] fields, java.util.SplittableRandom random) {
        int n = sites();
        byte[][] out = new byte[fields.length][n];
        for (int k = 0; k < fields.length; k++) {
            for (int i = 0; i < n; i++) {
                double x = 0;
                if (whitened) {
                    for (int j = 0; j < n; j++) {
                        x += inverseCoupling[i * n + j] * fields[k][j];
                    }
                } else {
                    x = fields[k][i];
                }
                double up = 1 / (1 + Math.exp(-2 * x));
                out[k][i] = (byte) (random.nextDouble() < up ? 1 : -1);
            }
        }
        return out;
    }

    /**
     * Fields of the exact law from Ising configurations: given s the Hubbard–Stratonovich field is Gaussian,
     * y = K̃<sup>1/2</sup>s + ξ with ξ ∼ N(0, I) in the whitened form (x = K̃s + K̃<sup>1/2</sup>ξ unwhitened), so
     * spins drawn from the Boltzmann law (e.g. by Wolff) give fields drawn exactly from this target, with no weights.
     *
     * @param spins one configuration of ±1 (length N, the lattice's site order) per row; not modified
     * @return one field per row, this target's variable
     * @throws IllegalStateException for the unwhitened form (it keeps only K̃<sup>−1</sup>)
     */
    public double[][] fields(byte[][] spins, java.util.SplittableRandom random) {
        if (!whitened) {
            throw new IllegalStateException("fields from spins are drawn in the whitened form only");
        }
        int n = sites();
        double[][] out = new double[spins.length][n];
        for (int k = 0; k < spins.length; k++) {
            if (spins[k].length != n) {
                throw new IllegalArgumentException("configuration " + k + " has " + spins[k].length + " sites, the "
                        + "target " + n);
            }
            for (int i = 0; i < n; i++) {
                double y = random.nextGaussian();
                for (int j = 0; j < n; j++) {
                    byte sj = spins[k][j];
                    if (sj != 1 && sj != -1) {
                        throw new IllegalArgumentException("spins must be ±1, configuration " + k + " site " + j
                                + " is " + sj);
                    }
                    y += inverseCoupling[i * n + j] * sj;
                }
                out[k][i] = y;
            }
        }
        return out;
    }

    @Override
    public String observableName() {
        return "energy_per_site";
    }

    @Override
    public OptionalDouble exactObservable() {
        if (sites() <= 24) {
            return OptionalDouble.of(Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(linearSize),
                    temperature)).energyPerSite());
        }
        return OptionalDouble.of(Kaufman.energyPerSite(linearSize, temperature));
    }
}
