package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.kernel.FixedPoint;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.IncompleteGamma;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MultispinMetropolisTest {

    /** Statistical assertions: |estimate − exact| ≤ 4σ fails about 6 times in 100,000 for a correct kernel. */
    private static final double STAT_SIGMAS = 4.0;
    /** χ² tests reject below this p-value: a correct kernel fails 1 time in 10,000. */
    private static final double CHI2_ALPHA = 1e-4;
    /** Bins with fewer expected counts are pooled, so the χ² approximation holds. */
    private static final double MIN_EXPECTED = 5.0;

    private static final int R = MultispinMetropolis.REPLICAS;

    // ---- exact distributions -----------------------------------------------------------------------

    @Test
    void chainFullStateHistogramMatchesEnumeration() {
        IsingModel model = IsingModel.atTemperature(Lattice.chain(8), 1.5);
        assertFullStateHistogram(model, 20);
    }

    @Test
    void cubicTwoByTwoByTwoFullStateHistogramMatchesEnumeration() {
        // L = 2: every bond is doubled (the ± neighbours coincide), as in Enumeration's energy
        IsingModel model = IsingModel.atTemperature(Lattice.cubic(2), 9.0);
        assertFullStateHistogram(model, 20);
    }

    @ParameterizedTest
    @EnumSource(MultispinMetropolis.Width.class)
    void squareEnergyMagnetizationHistogramMatchesEnumeration(MultispinMetropolis.Width width) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), 2.5);
        ExactDistribution exact = Enumeration.boltzmann(model);
        Map<Long, Double> expectedP = new HashMap<>();
        for (int code = 0; code < exact.stateCount(); code++) {
            expectedP.merge(energyAbsMagnetizationKey(model, exact.decode(code)), exact.probabilities()[code],
                    Double::sum);
        }
        MultispinMetropolis group = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(11L), width);
        group.sweep(200);
        Map<Long, Long> observed = new HashMap<>();
        byte[] c = new byte[16];
        int records = 3000;
        for (int t = 0; t < records; t++) {
            group.sweep(30);
            for (int r = 0; r < R; r++) {
                group.copyReplica(r, c);
                observed.merge(energyAbsMagnetizationKey(model, c), 1L, Long::sum);
            }
        }
        assertChiSquare(expectedP, observed, (long) records * R);
    }

    @ParameterizedTest
    @EnumSource(MultispinMetropolis.Width.class)
    void squareEnergyAndBinderAgreeWithEnumeration(MultispinMetropolis.Width width) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), 2.3);
        ExactDistribution exact = Enumeration.boltzmann(model);
        double m2 = 0;
        double m4 = 0;
        for (int code = 0; code < exact.stateCount(); code++) {
            double m = IsingModel.magnetization(exact.decode(code)) / 16.0;
            m2 += exact.probabilities()[code] * m * m;
            m4 += exact.probabilities()[code] * m * m * m * m;
        }
        double exactBinder = 1 - m4 / (3 * m2 * m2);

        MultispinMetropolis group = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(5L), width);
        group.sweep(500);
        int sweeps = 20000;
        double[] eSum = new double[R];
        double[] m2Sum = new double[R];
        double[] m4Sum = new double[R];
        double[] e = new double[R];
        long[] m = new long[R];
        for (int t = 0; t < sweeps; t++) {
            group.sweep();
            group.energies(e);
            group.magnetizations(m);
            for (int r = 0; r < R; r++) {
                double mr = m[r] / 16.0;
                eSum[r] += e[r] / 16.0;
                m2Sum[r] += mr * mr;
                m4Sum[r] += mr * mr * mr * mr;
            }
        }
        // replicas are independent chains: the spread of their time averages gives the error
        double[] eMeans = Arrays.stream(eSum).map(v -> v / sweeps).toArray();
        assertWithinErrors("energy per site", mean(eMeans), standardError(eMeans), exact.energyPerSite());

        double[] jack = new double[R];
        double m2All = Arrays.stream(m2Sum).sum();
        double m4All = Arrays.stream(m4Sum).sum();
        for (int r = 0; r < R; r++) {
            double a2 = (m2All - m2Sum[r]) / ((R - 1.0) * sweeps);
            double a4 = (m4All - m4Sum[r]) / ((R - 1.0) * sweeps);
            jack[r] = 1 - a4 / (3 * a2 * a2);
        }
        double a2 = m2All / ((double) R * sweeps);
        double binder = 1 - (m4All / ((double) R * sweeps)) / (3 * a2 * a2);
        double jackMean = mean(jack);
        double jackVar = 0;
        for (double j : jack) {
            jackVar += (j - jackMean) * (j - jackMean);
        }
        double binderError = Math.sqrt((R - 1.0) / R * jackVar);
        assertWithinErrors("Binder cumulant", binder, binderError, exactBinder);
    }

    @Test
    void cubicEnergyAgreesWithScalarMetropolis() {
        IsingModel model = IsingModel.atTemperature(Lattice.cubic(4), 5.0);
        MultispinMetropolis group = new MultispinMetropolis(model, 3L);
        group.sweep(300);
        int sweeps = 3000;
        double[] eSum = new double[R];
        double[] e = new double[R];
        for (int t = 0; t < sweeps; t++) {
            group.sweep();
            group.energies(e);
            for (int r = 0; r < R; r++) {
                eSum[r] += e[r] / 64.0;
            }
        }
        double[] eMeans = Arrays.stream(eSum).map(v -> v / sweeps).toArray();

        double[] batches = scalarMetropolisEnergyBatches(model, 64, 3000, new SplittableRandom(8));
        double reference = mean(batches);
        double referenceError = standardError(batches);
        double diff = mean(eMeans) - reference;
        double sigma = Math.hypot(standardError(eMeans), referenceError);
        assertThat(Math.abs(diff))
                .as("3D energy per site: multispin %.5f vs scalar %.5f ± %.5f (%.0fσ band, fails ~6e-5 of runs)",
                        mean(eMeans), reference, sigma, STAT_SIGMAS)
                .isLessThanOrEqualTo(STAT_SIGMAS * sigma);
    }

    // ---- independence, determinism, bookkeeping -----------------------------------------------------

    @Test
    void replicasAreIndependent() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), 3.0);
        MultispinMetropolis group = new MultispinMetropolis(model, 21L);
        int sweeps = 4000;
        double[][] series = new double[R][sweeps];
        long[] m = new long[R];
        for (int t = 0; t < sweeps; t++) {
            group.sweep();
            group.magnetizations(m);
            for (int r = 0; r < R; r++) {
                series[r][t] = m[r];
            }
        }
        // disjoint pairs of neighbouring bits, which share every random word: their correlations are
        // independent draws with mean 0 under the hypothesis
        double[] correlations = new double[R / 2];
        for (int p = 0; p < R / 2; p++) {
            correlations[p] = pearson(series[2 * p], series[2 * p + 1]);
        }
        assertWithinErrors("mean correlation of neighbouring replicas' magnetisation", mean(correlations),
                standardError(correlations), 0.0);
        // a shared-bit bug would give correlations near 1; independent series of 4000 sweeps give |ρ| ≲ 0.1
        assertThat(Arrays.stream(correlations).map(Math::abs).max().orElseThrow()).isLessThan(0.2);
    }

    @Test
    void sameSeedSameResultWhateverTheThreadCount() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(6), 2.0);
        java.util.concurrent.atomic.AtomicLong lastProgress = new java.util.concurrent.atomic.AtomicLong();
        byte[][][] one = MultispinMetropolis.run(model, 2, 10, 5, 3, 99L, 1, lastProgress::set);
        assertThat(lastProgress.get()).isEqualTo(2L * R * 5);
        byte[][][] two = MultispinMetropolis.run(model, 2, 10, 5, 3, 99L, 2, null);
        byte[][][] other = MultispinMetropolis.run(model, 2, 10, 5, 3, 100L, 2, null);
        assertThat(one.length).isEqualTo(128);
        assertThat(Arrays.deepEquals(one, two)).isTrue();
        assertThat(Arrays.deepEquals(one, other)).isFalse();
        // group 0 of run(...) is the group the seed constructor builds
        MultispinMetropolis single = new MultispinMetropolis(model, 99L);
        single.sweep(10 + 3);
        assertThat(single.replica(7)).isEqualTo(one[7][0]);
    }

    @Test
    void sweepAllMatchesSequentialSweeps() {
        IsingModel model = IsingModel.atTemperature(Lattice.chain(10), 1.0);
        List<MultispinMetropolis> parallel = MultispinMetropolis.groups(model, 3, 4L);
        List<MultispinMetropolis> serial = MultispinMetropolis.groups(model, 3, 4L);
        MultispinMetropolis.sweepAll(parallel, 7, 2);
        MultispinMetropolis.sweepAll(serial, 7, 1);
        for (int g = 0; g < 3; g++) {
            assertThat(parallel.get(g).words()).isEqualTo(serial.get(g).words());
            assertThat(parallel.get(g).sweepCount()).isEqualTo(7);
        }
        assertThat(parallel.get(0).words()).isNotEqualTo(parallel.get(1).words());
    }

    @Test
    void observablesMatchTheExtractedReplicas() {
        for (Lattice lattice : List.of(Lattice.chain(6), Lattice.square(6), Lattice.cubic(4))) {
            IsingModel model = IsingModel.atTemperature(lattice, 2.0);
            MultispinMetropolis group = new MultispinMetropolis(model, 1L);
            group.sweep(3);
            double[] e = new double[R];
            long[] m = new long[R];
            group.energies(e);
            group.magnetizations(m);
            for (int r : new int[] {0, 1, 31, 63}) {
                byte[] c = group.replica(r);
                assertThat(e[r]).isEqualTo(model.energy(c));
                assertThat(m[r]).isEqualTo(IsingModel.magnetization(c));
                assertThat(group.energyPerSite(r)).isEqualTo(model.energy(c) / lattice.siteCount());
            }
        }
    }

    @Test
    void setReplicaRoundTrips() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), 2.0);
        MultispinMetropolis group = new MultispinMetropolis(model, 2L);
        byte[] up = new byte[16];
        Arrays.fill(up, (byte) 1);
        byte[] before = group.replica(4);
        group.setReplica(5, up);
        assertThat(group.replica(5)).isEqualTo(up);
        assertThat(group.replica(4)).isEqualTo(before);
        assertThat(group.magnetizationPerSite(5)).isEqualTo(1.0);
    }

    @Test
    void groundStateIsStableAtLowTemperature() {
        // from all-up at T = 0.2 a flip costs e^{-40} or less: nothing may move
        IsingModel model = IsingModel.atTemperature(Lattice.square(8), 0.2);
        MultispinMetropolis group = new MultispinMetropolis(model, 2L);
        byte[] up = new byte[64];
        Arrays.fill(up, (byte) 1);
        for (int r = 0; r < R; r++) {
            group.setReplica(r, up);
        }
        assertThat(group.words()).containsOnly(-1L);
        group.sweep(50);
        assertThat(group.words()).containsOnly(-1L);
    }

    /**
     * Stripes one row wide: every site disagrees with exactly two neighbours (ΔE = 0). A kernel that always
     * accepts ΔE = 0 flips every colour-0 site, after which every colour-1 site again has ΔE = 0 and flips: one
     * sweep maps the stripes to their global flip, the next back, at any temperature, so the two configurations
     * form a closed class and the chain is reducible (found by enumerating the 4×4 torus: 36 such states; the
     * cycles exist for every even L). Accepting ΔE = 0 with 7/8 breaks them: the chance that every one of the
     * 64·N ΔE = 0 decisions of a sweep flips is (7/8)<sup>64N</sup>.
     */
    @Test
    void squareStripesDoNotCycleForEver() {
        for (int size : new int[] {4, 34}) {
            byte[] stripes = new byte[size * size];
            for (int i = 0; i < stripes.length; i++) {
                stripes[i] = (byte) ((i / size) % 2 == 0 ? 1 : -1);
            }
            assertLeavesTheTwoCycle(IsingModel.atTemperature(Lattice.square(size), 1.0), stripes);
        }
    }

    /**
     * The cubic analogue (L = 4, found by enumerating configurations of period (4, 2, 2)): s = ±1 by the parity
     * of the second coordinate times the sign of (first coordinate mod 4) &lt; 2; every site has three
     * disagreeing neighbours when it is updated, so ΔE = 0 flips cycle the configuration with period 2.
     */
    @Test
    void cubicPeriodTwoConfigurationDoesNotCycleForEver() {
        int size = 4;
        byte[] layers = new byte[size * size * size];
        for (int i = 0; i < layers.length; i++) {
            int a = i / (size * size);
            int b = i / size % size;
            layers[i] = (byte) ((b % 2 == 1 ? 1 : -1) * (a % 4 < 2 ? 1 : -1));
        }
        assertLeavesTheTwoCycle(IsingModel.atTemperature(Lattice.cubic(size), 1.0), layers);
    }

    /** Every replica starts at {@code start}; some replica must leave {start, −start} within ten sweeps. */
    private static void assertLeavesTheTwoCycle(IsingModel model, byte[] start) {
        MultispinMetropolis group = new MultispinMetropolis(model, 3L);
        for (int r = 0; r < R; r++) {
            group.setReplica(r, start);
        }
        byte[] flipped = start.clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = (byte) -flipped[i];
        }
        boolean left = false;
        for (int t = 0; t < 10 && !left; t++) {
            group.sweep();
            for (int r = 0; r < R && !left; r++) {
                byte[] c = group.replica(r);
                left = !Arrays.equals(c, start) && !Arrays.equals(c, flipped);
            }
        }
        assertThat(left).as("%s: some replica leaves the period-2 cycle of ΔE = 0 flips", model.lattice()).isTrue();
    }

    @Test
    void rejectsOddSizeAndField() {
        assertThatThrownBy(() -> new MultispinMetropolis(IsingModel.atTemperature(Lattice.square(5), 2.0), 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even lattice size");
        assertThatThrownBy(() -> new MultispinMetropolis(new IsingModel(Lattice.square(4), 2.0, 0.1), 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero field");
        MultispinMetropolis group = new MultispinMetropolis(IsingModel.atTemperature(Lattice.square(4), 2.0), 1L);
        assertThatThrownBy(() -> group.replica(64)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wideBlocksAreForTheSquareLatticeOnly() {
        assertThatThrownBy(() -> new MultispinMetropolis(IsingModel.atTemperature(Lattice.cubic(4), 4.0),
                MultispinMetropolis.rootGenerator(1L), MultispinMetropolis.Width.WIDE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square lattice only");
        assertThatThrownBy(() -> new MultispinMetropolis(IsingModel.atTemperature(Lattice.chain(8), 2.0),
                MultispinMetropolis.rootGenerator(1L), MultispinMetropolis.Width.WIDE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square lattice only");
    }

    @Test
    void wideAndNarrowBlocksAreDifferentChainsForOneSeed() {
        // eight lane states are drawn before the hot start instead of four, and the sites draw from other streams:
        // the width is part of what a seed reproduces (MultispinMetropolis class comment)
        IsingModel model = IsingModel.atTemperature(Lattice.square(8), 2.269185314213022);
        MultispinMetropolis narrow = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(3L),
                MultispinMetropolis.Width.NARROW);
        MultispinMetropolis wide = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(3L),
                MultispinMetropolis.Width.WIDE);
        assertThat(wide.width()).isEqualTo(MultispinMetropolis.Width.WIDE);
        assertThat(narrow.width()).isEqualTo(MultispinMetropolis.Width.NARROW);
        narrow.sweep(5);
        wide.sweep(5);
        assertThat(wide.words()).isNotEqualTo(narrow.words());
        MultispinMetropolis again = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(3L),
                MultispinMetropolis.Width.WIDE);
        again.sweep(5);
        assertThat(again.words()).isEqualTo(wide.words());
    }

    @Test
    void spinStorageOfA1024SquareLatticeFitsTheTarget() {
        // issue target: 16 MiB; 64 bits per site are 8 MiB, plus two ghost words per half-row
        long ghostsAndPadding = 2L * 1024 * 2 * Long.BYTES;
        IsingModel model = IsingModel.atTemperature(Lattice.square(1024), 2.269);
        MultispinMetropolis group = new MultispinMetropolis(model, 1L);
        assertThat(group.spinStorageBytes()).isEqualTo((8L << 20) + ghostsAndPadding).isLessThanOrEqualTo(16L << 20);
    }

    // ---- Bernoulli masks ---------------------------------------------------------------------------

    @Test
    void bernoulliMaskBitFrequenciesMatchP() {
        RandomGenerator rng = MultispinMetropolis.rootGenerator(17L);
        for (double p : new double[] {0.5, 0.9, Math.exp(-4 / 2.269), Math.exp(-8 / 2.269), Math.exp(-8),
                1e-5}) {
            int masks = 200_000;
            long ones = 0;
            for (int i = 0; i < masks; i++) {
                ones += Long.bitCount(MultispinMetropolis.bernoulliMask(rng, p));
            }
            double n = 64.0 * masks;
            double sigma = Math.sqrt(n * p * (1 - p));
            assertThat(Math.abs(ones - n * p))
                    .as("ones in %d Bernoulli(%g) bits: %d (%.0fσ band, fails ~6e-5 of runs)", (long) n, p, ones,
                            STAT_SIGMAS)
                    .isLessThanOrEqualTo(STAT_SIGMAS * sigma);
        }
    }

    @Test
    void bernoulliMaskResolvesFortyBits() {
        long threshold = FixedPoint.fraction(0.3);
        long below = threshold - (1L << 24); // differs from p at the 40th binary digit
        long above = threshold + (1L << 24);
        long[] words = new long[64];
        for (int k = 0; k < 64; k++) {
            int bit = 63 - k;
            long t = (threshold >>> bit) & 1;
            long word = t == 1 ? -1L : 0L; // replicas 2..63 draw exactly the threshold: u = p is rejected
            word = (word & ~3L) | ((below >>> bit) & 1) | (((above >>> bit) & 1) << 1);
            words[k] = word;
        }
        long mask = MultispinMetropolis.bernoulliMask(scripted(words), threshold);
        assertThat(mask).isEqualTo(1L);
    }

    @Test
    void fixedPointThresholdsCarryTheDoublesPrecision() {
        BigDecimal two64 = new BigDecimal(BigDecimal.valueOf(2).pow(64).toBigInteger());
        for (double p : new double[] {0.5, Math.exp(-4 / 2.269), Math.exp(-8), Math.exp(-12 / 4.5), 1e-12,
                0.999999}) {
            BigDecimal fixed = new BigDecimal(Long.toUnsignedString(FixedPoint.fraction(p)));
            double error = fixed.divide(two64).subtract(new BigDecimal(p)).abs().doubleValue();
            // the double's 53 bits, then truncation to 64 fixed-point bits
            assertThat(error).as("error of the threshold for p = %g", p).isLessThanOrEqualTo(0x1p-52 * p + 0x1p-64);
        }
        assertThat(FixedPoint.fraction(1.0)).isEqualTo(-1L);
        assertThat(FixedPoint.fraction(0.0)).isZero();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static void assertFullStateHistogram(IsingModel model, int thin) {
        ExactDistribution exact = Enumeration.boltzmann(model);
        Map<Long, Double> expectedP = new HashMap<>();
        for (int code = 0; code < exact.stateCount(); code++) {
            expectedP.put((long) code, exact.probabilities()[code]);
        }
        MultispinMetropolis group = new MultispinMetropolis(model, 7L);
        group.sweep(200);
        Map<Long, Long> observed = new HashMap<>();
        byte[] c = new byte[model.lattice().siteCount()];
        int records = 3000;
        for (int t = 0; t < records; t++) {
            group.sweep(thin);
            for (int r = 0; r < R; r++) {
                group.copyReplica(r, c);
                observed.merge((long) exact.encode(c), 1L, Long::sum);
            }
        }
        assertChiSquare(expectedP, observed, (long) records * R);
    }

    private static long energyAbsMagnetizationKey(IsingModel model, byte[] c) {
        long bonds = IsingModel.bondSum(model.lattice(), c);
        long absM = Math.abs(IsingModel.magnetization(c));
        return bonds * 1000 + absM;
    }

    /** Pearson χ² of observed counts against n·p, low-expectation bins pooled; asserts p-value ≥ CHI2_ALPHA. */
    private static void assertChiSquare(Map<Long, Double> expectedP, Map<Long, Long> observed, long n) {
        assertThat(expectedP.keySet()).as("observed outcomes must be possible").containsAll(observed.keySet());
        double chi2 = 0;
        int bins = 0;
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (Map.Entry<Long, Double> bin : expectedP.entrySet()) {
            double expected = n * bin.getValue();
            long obs = observed.getOrDefault(bin.getKey(), 0L);
            if (expected < MIN_EXPECTED) {
                pooledExpected += expected;
                pooledObserved += obs;
            } else {
                chi2 += (obs - expected) * (obs - expected) / expected;
                bins++;
            }
        }
        if (pooledExpected >= MIN_EXPECTED) {
            chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            bins++;
        }
        int dof = bins - 1;
        double pValue = IncompleteGamma.chiSquaredPValue(chi2, dof);
        assertThat(pValue)
                .as("χ² = %.1f with %d degrees of freedom (fails 1 in %.0f runs of a correct kernel)", chi2, dof,
                        1 / CHI2_ALPHA)
                .isGreaterThanOrEqualTo(CHI2_ALPHA);
    }

    /** A plain single-spin random-site Metropolis reference; returns per-batch mean energies per site. */
    private static double[] scalarMetropolisEnergyBatches(IsingModel model, int batches, int sweepsPerBatch,
            SplittableRandom rng) {
        Lattice lattice = model.lattice();
        int n = lattice.siteCount();
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        byte[] s = new byte[n];
        Arrays.fill(s, (byte) 1);
        double beta = model.beta();
        for (int t = 0; t < 300 * n; t++) {
            metropolisStep(s, nb, z, beta, rng);
        }
        double[] result = new double[batches];
        for (int b = 0; b < batches; b++) {
            double sum = 0;
            for (int sweep = 0; sweep < sweepsPerBatch; sweep++) {
                for (int t = 0; t < n; t++) {
                    metropolisStep(s, nb, z, beta, rng);
                }
                sum += model.energy(s) / n;
            }
            result[b] = sum / sweepsPerBatch;
        }
        return result;
    }

    private static void metropolisStep(byte[] s, int[] nb, int z, double beta, SplittableRandom rng) {
        int i = rng.nextInt(s.length);
        int h = 0;
        for (int k = 0; k < z; k++) {
            h += s[nb[i * z + k]];
        }
        double dE = 2.0 * s[i] * h;
        if (dE <= 0 || rng.nextDouble() < Math.exp(-beta * dE)) {
            s[i] = (byte) -s[i];
        }
    }

    private static void assertWithinErrors(String what, double estimate, double error, double exact) {
        assertThat(Math.abs(estimate - exact))
                .as("%s: %.6f ± %.6f vs exact %.6f (%.0fσ band, fails ~6e-5 of runs)", what, estimate, error, exact,
                        STAT_SIGMAS)
                .isLessThanOrEqualTo(STAT_SIGMAS * error);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double standardError(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }

    private static double pearson(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static RandomGenerator scripted(long[] words) {
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                return words[next++];
            }
        };
    }
}
