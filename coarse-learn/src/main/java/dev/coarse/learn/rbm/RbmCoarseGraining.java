package dev.coarse.learn.rbm;

import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The learned plaquette map of {@link RbmRecipe} as a {@link CoarseGraining}: two corner-sharing plaquette
 * steps (each √2), so one application maps an L×L square torus to an (L/2)×(L/2) one (scale factor 2).
 *
 * <p><b>Geometry</b> (coordinates (r, c) = (c<sub>0</sub>, c<sub>1</sub>) of {@link Lattice}, mod L; L even):
 * <ol>
 * <li>Step 1: one plaquette per face whose lower corner (r, c) has r + c even, visible spins
 * σ₀ = (r, c), σ₁ = (r, c+1), σ₂ = (r+1, c), σ₃ = (r+1, c+1) (bonds σ₀σ₁, σ₂σ₃, σ₀σ₂, σ₁σ₃ as in
 * P<sub>loc</sub>). Every bond is in one plaquette, every site in two. Its hidden spin τ(r, c) sits at the face
 * centre (r+½, c+½); the τ form a square lattice rotated by 45° with spacing √2 (neighbours at (±1, ±1)).</li>
 * <li>Step 2: the same construction on the τ lattice. Coarse site (i, j) of the (L/2)×(L/2) lattice is the
 * τ-plaquette σ′₀ = τ(2i−1, 2j+1), σ′₁ = τ(2i, 2j), σ′₂ = τ(2i, 2j+2), σ′₃ = τ(2i+1, 2j+1) (bonds σ′₀σ′₁,
 * σ′₂σ′₃, σ′₀σ′₂, σ′₁σ′₃ again), centred at the fine point (2i+½, 2j+1½). Every τ is in two such
 * plaquettes.</li>
 * </ol>
 * Each step sets its hidden spin from its own RBM (4 visible × 1 hidden, spin units): {@link Mode#SIGN} takes
 * τ = sign(b + Σ w<sub>i</sub>σ<sub>i</sub>) with a coin from {@code rng} when the field is zero (with equal
 * weights this is the 4-spin majority rule with random tie-breaking); {@link Mode#SAMPLE} draws τ from
 * p(τ|σ) of the RBM. At the recipe's fixed point both steps use the same RBM.
 */
public final class RbmCoarseGraining implements CoarseGraining {

    /** How the hidden spin is read off the RBM. */
    public enum Mode {
        /** τ = sign of the hidden unit's field, ties broken by a coin. */
        SIGN,
        /** τ drawn from p(τ|σ). */
        SAMPLE
    }

    private final Rbm firstStep;
    private final Rbm secondStep;
    private final Mode mode;

    /**
     * @param firstStep  RBM of step 1 (fitted at J), 4 visible × 1 hidden spin units
     * @param secondStep RBM of step 2 (fitted at J′ = R(J)); the same RBM at a fixed point
     */
    public RbmCoarseGraining(Rbm firstStep, Rbm secondStep, Mode mode) {
        this.firstStep = requirePlaquetteRbm(firstStep).copy();
        this.secondStep = requirePlaquetteRbm(secondStep).copy();
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The exact-KL recipe's map for an Ising model at coupling J: step 1 fitted at J, step 2 at R(J). */
    public static RbmCoarseGraining fromRecipe(double couplingJ, Mode mode) {
        Rbm first = RbmRecipe.fitExact(2, couplingJ);
        Rbm second = RbmRecipe.fitExact(2, RbmRecipe.coarseCoupling(2, first));
        return new RbmCoarseGraining(first, second, mode);
    }

    private static Rbm requirePlaquetteRbm(Rbm rbm) {
        if (rbm.visibleCount() != 4 || rbm.hiddenCount() != 1 || rbm.unitType() != UnitType.SPIN) {
            throw new IllegalArgumentException("a plaquette RBM has 4 visible and 1 hidden spin units, got " + rbm);
        }
        return rbm;
    }

    @Override
    public String name() {
        return "rbm-plaquette";
    }

    @Override
    public double scaleFactor() {
        return 2.0;
    }

    @Override
    public Lattice coarseLattice(Lattice fine) {
        if (fine.dimension() != 2) {
            throw new IllegalArgumentException("the RBM plaquette map needs a square lattice, got " + fine);
        }
        if (fine.linearSize() % 2 != 0) {
            // worded as every rule words it (CoarseGrainingContract), so that callers can name the problem alike
            throw new IllegalArgumentException("b = 2 does not divide L = " + fine.linearSize()
                    + ": the RBM plaquette map needs a square lattice with even L");
        }
        return Lattice.square(fine.linearSize() / 2);
    }

    /**
     * Modified: {@code coarseConfiguration}. Not modified: {@code fineConfiguration}. Allocates one L² scratch
     * array for the intermediate τ lattice per call.
     */
    @Override
    public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
        Lattice coarse = coarseLattice(fine);
        int l = fine.linearSize();
        byte[] tau = new byte[l * l];
        double[] v = new double[4];
        for (int r = 0; r < l; r++) {
            for (int c = (r & 1); c < l; c += 2) {
                v[0] = fineConfiguration[fine.site(r, c)];
                v[1] = fineConfiguration[fine.site(r, c + 1)];
                v[2] = fineConfiguration[fine.site(r + 1, c)];
                v[3] = fineConfiguration[fine.site(r + 1, c + 1)];
                tau[r * l + c] = hidden(firstStep, v, rng);
            }
        }
        int half = l / 2;
        for (int i = 0; i < half; i++) {
            for (int j = 0; j < half; j++) {
                v[0] = tau[fine.site(2 * i - 1, 2 * j + 1)];
                v[1] = tau[fine.site(2 * i, 2 * j)];
                v[2] = tau[fine.site(2 * i, 2 * j + 2)];
                v[3] = tau[fine.site(2 * i + 1, 2 * j + 1)];
                coarseConfiguration[coarse.site(i, j)] = hidden(secondStep, v, rng);
            }
        }
    }

    private byte hidden(Rbm rbm, double[] v, RandomGenerator rng) {
        double field = rbm.hiddenField(v, 0);
        if (mode == Mode.SAMPLE) {
            return rbm.unitType().sample(field, rng) > 0 ? (byte) 1 : (byte) -1;
        }
        if (field == 0) {
            return rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        return field > 0 ? (byte) 1 : (byte) -1;
    }

    public Rbm firstStep() {
        return firstStep.copy();
    }

    public Rbm secondStep() {
        return secondStep.copy();
    }

    public Mode mode() {
        return mode;
    }
}
