package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Worm updates for close-packed dimers with the aligned-plaquette interaction ({@link DimerModel}): a pair of
 * monomers is created by removing one dimer, one of them (the head) wanders by Metropolis moves that shift
 * dimers along its path, and when it steps back next to the other (the tail) the pair is annihilated, having
 * moved every dimer along a closed loop. Loops may wind around the torus, so every winding sector is reached.
 *
 * <p><b>Why it samples e<sup>−E/T</sup>.</b> Enlarge the state space with the two-monomer configurations
 * (C, t, h): a covering of all sites but a tail t and a head h, weighted (4/N) e<sup>−E(C)/T</sup>, with E counting
 * aligned plaquettes among the dimers present; coverings keep their weight e<sup>−E/T</sup>. Three moves, each a
 * Metropolis move with acceptance min(1, e<sup>−ΔE/T</sup>):
 * <ul>
 *   <li><em>open</em> (from a covering): pick the tail t uniformly among the N sites and remove its dimer; the
 *       partner becomes the head;</li>
 *   <li><em>shift</em>: pick one of the head's four neighbours k uniformly; k's dimer (k, l) is replaced by
 *       (h, k) and l becomes the head (ΔE = v · Δ(aligned partners), two bonds change);</li>
 *   <li><em>close</em>: the neighbour picked is the tail; the dimer (h, t) is placed.</li>
 * </ul>
 * A shift is undone by the shift that picks k again from l, with the same probability ¼, and an open at t by the
 * close that picks t from h, with probability ¼ against 1/N; the factor 4/N in the weights cancels that ratio, so
 * the Metropolis–Hastings ratio of every move is e<sup>−ΔE/T</sup> and plain Metropolis acceptance gives detailed
 * balance in the enlarged space. One worm — an open
 * attempt and, if it is accepted, the shifts up to the close — is one step of that chain watched only on coverings
 * (the chain induced on a subset), whose stationary law is the enlarged one restricted to coverings:
 * e<sup>−E/T</sup>/Z. At v = 0 every move is accepted and no random number is drawn for acceptance.
 *
 * <p>A shift picks the neighbour it came from with probability ¼ (a back-step); directed loops (Sandvik &amp;
 * Moessner 2006, Alet et al. 2006) avoid such bounces by solving local equations for the exit probabilities, at
 * the price of a longer proof. This scheme is simpler and correct for every v and T; its cost at |v|/T ≈ 1–2 is
 * measured in {@code DimerWormTest} (τ<sub>int</sub> of N<sub>∥</sub>) and docs/sampling.md.
 *
 * <p><b>One sweep</b> is a fixed number of worms, {@link #wormsPerSweep()}, chosen when the sampler is made so
 * that a sweep makes about N head proposals (opens included) in equilibrium: W = max(1, round(N/ℓ)), with ℓ the
 * mean proposals per worm over the second half of a pilot run of {@value #PILOT_SWEEPS_OF_WORK}·N proposals from the
 * columnar covering with a fixed seed — the same W for the same model on every machine. (Free dimers make about
 * L<sup>1.5</sup> proposals per worm, so W ≈ √L; at v = −1, T = 1 worms are short and W is larger; at v = 1,
 * T = 0.5 they are longer.) The number of worms must not depend on how long they turn out to be: stopping a sweep
 * after a fixed amount of work would favour the coverings that end long worms. {@link #proposals()} counts the
 * work actually done.
 */
public final class DimerWorm implements Sampler {

    private final DimerModel model;
    private final int sites;
    private final int[] neighbours;
    /** Bond index of the bond from site s in neighbour direction k, at s·4 + k. */
    private final int[] bondOf;
    /** The two bonds parallel to a bond across a plaquette, at 2·bond and 2·bond + 1. */
    private final int[] partners;
    /** min(1, e<sup>−vΔn/T</sup>) for Δn = −2 … 2 at index Δn + 2. */
    private final double[] acceptance;
    private final int wormsPerSweep;
    /** Scratch: the neighbour direction of each site's dimer, −1 for a monomer. */
    private final byte[] direction;
    private long proposals;

    /** The pilot run's length, in units of N proposals. */
    static final int PILOT_SWEEPS_OF_WORK = 50;
    private static final long PILOT_SEED = 0x64696d6572L; // "dimer"

    /** A sampler whose sweep is about N proposals, from a pilot run (class comment). */
    public DimerWorm(DimerModel model) {
        this(model, 0);
    }

    /**
     * A sampler making exactly {@code wormsPerSweep} worms per sweep; 0 sets the number from a pilot run as the
     * class comment says.
     *
     * @throws IllegalArgumentException if {@code wormsPerSweep} &lt; 0
     */
    public DimerWorm(DimerModel model, int wormsPerSweep) {
        if (wormsPerSweep < 0) {
            throw new IllegalArgumentException("worms per sweep must be ≥ 0 (0: from a pilot run), got "
                    + wormsPerSweep);
        }
        this.model = Objects.requireNonNull(model, "model");
        Lattice lattice = model.lattice();
        this.sites = lattice.siteCount();
        this.neighbours = lattice.neighbourTable();
        this.bondOf = new int[4 * sites];
        this.partners = new int[4 * sites];
        for (int s = 0; s < sites; s++) {
            for (int k = 0; k < 4; k++) {
                int axis = k / 2;
                bondOf[4 * s + k] = (k % 2 == 0 ? s : neighbours[4 * s + k]) * 2 + axis;
            }
            for (int axis = 0; axis < 2; axis++) {
                int across = 2 * (1 - axis); // the parallel bonds sit one step along the other axis
                int bond = 2 * s + axis;
                partners[2 * bond] = 2 * neighbours[4 * s + across] + axis;
                partners[2 * bond + 1] = 2 * neighbours[4 * s + across + 1] + axis;
            }
        }
        this.acceptance = new double[5];
        for (int dn = -2; dn <= 2; dn++) {
            acceptance[dn + 2] = Math.min(1.0, StrictMath.exp(-model.v() * dn / model.temperature()));
        }
        this.direction = new byte[sites];
        this.wormsPerSweep = wormsPerSweep > 0 ? wormsPerSweep : pilotWormsPerSweep();
    }

    /**
     * W = max(1, round(N/ℓ)) from a pilot run of {@value #PILOT_SWEEPS_OF_WORK}·N proposals (class comment); the
     * pilot's generator is seeded by a constant, so W depends on the model alone. Leaves {@link #proposals()} at 0.
     */
    private int pilotWormsPerSweep() {
        byte[] occupations = model.columnarCovering();
        loadDirections(occupations);
        RandomGenerator pilot = new SplittableRandom(PILOT_SEED);
        long budget = (long) PILOT_SWEEPS_OF_WORK * sites;
        long worms = 0;
        long measuredFrom = 0;
        while (proposals < budget) {
            if (proposals < budget / 2) {
                measuredFrom = proposals;
                worms = 0;
            }
            worm(occupations, pilot);
            worms++;
        }
        double meanProposals = (proposals - measuredFrom) / (double) worms;
        proposals = 0;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(sites / meanProposals)));
    }

    @Override
    public DimerModel model() {
        return model;
    }

    @Override
    public SamplerKind kind() {
        return SamplerKind.WORM;
    }

    /** Worms per sweep (see the class comment). */
    public int wormsPerSweep() {
        return wormsPerSweep;
    }

    /** Head proposals made by this instance so far, opens included: the work done, for efficiency measurements. */
    public long proposals() {
        return proposals;
    }

    /**
     * {@link #wormsPerSweep()} worms.
     *
     * @throws IllegalArgumentException if {@code configuration} is not a covering of the model's torus
     */
    @Override
    public void sweep(byte[] configuration, RandomGenerator rng) {
        sweeps(configuration, rng, 1);
    }

    @Override
    public void sweeps(byte[] configuration, RandomGenerator rng, long count) {
        loadDirections(configuration);
        for (long t = 0; t < count; t++) {
            for (int w = 0; w < wormsPerSweep; w++) {
                worm(configuration, rng);
            }
        }
    }

    /** One worm: open, shift until closed (class comment). Modified: {@code occupations}, {@link #direction}. */
    private void worm(byte[] occupations, RandomGenerator rng) {
        int tail = rng.nextInt(sites);
        int removed = bondOf[4 * tail + direction[tail]];
        proposals++;
        if (!accept(-alignedPartners(occupations, removed), rng)) {
            return;
        }
        int head = neighbours[4 * tail + direction[tail]];
        occupations[removed] = 0;
        direction[tail] = -1;
        direction[head] = -1;
        while (true) {
            int k = rng.nextInt(4);
            int pivot = neighbours[4 * head + k];
            int placed = bondOf[4 * head + k];
            int gained = alignedPartners(occupations, placed);
            proposals++;
            if (pivot == tail) {
                if (accept(gained, rng)) {
                    occupations[placed] = 1;
                    direction[head] = (byte) k;
                    direction[tail] = (byte) (k ^ 1);
                    return;
                }
                continue;
            }
            // the pivot's old bond and the new one share the pivot, so neither is the other's aligned partner
            int old = direction[pivot];
            int lost = bondOf[4 * pivot + old];
            if (accept(gained - alignedPartners(occupations, lost), rng)) {
                int next = neighbours[4 * pivot + old];
                occupations[lost] = 0;
                occupations[placed] = 1;
                direction[head] = (byte) k;
                direction[pivot] = (byte) (k ^ 1);
                direction[next] = -1;
                head = next;
            }
        }
    }

    private int alignedPartners(byte[] occupations, int bond) {
        return occupations[partners[2 * bond]] + occupations[partners[2 * bond + 1]];
    }

    private boolean accept(int alignedChange, RandomGenerator rng) {
        double a = acceptance[alignedChange + 2];
        return a >= 1.0 || rng.nextDouble() < a;
    }

    /** Fills {@link #direction} from a covering, checking it is one. */
    private void loadDirections(byte[] occupations) {
        if (occupations.length != 2 * sites) {
            model.validate(occupations);
        }
        for (int s = 0; s < sites; s++) {
            int found = -1;
            for (int k = 0; k < 4 && found != -2; k++) {
                byte o = occupations[bondOf[4 * s + k]];
                if (o != 0) {
                    found = o == 1 && found == -1 ? k : -2;
                }
            }
            if (found < 0) {
                model.validate(occupations); // throws, naming the site
                throw new IllegalStateException("site " + s + " has no single dimer, yet the covering validated");
            }
            direction[s] = (byte) found;
        }
    }
}
