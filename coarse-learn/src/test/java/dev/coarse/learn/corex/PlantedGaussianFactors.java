package dev.coarse.learn.corex;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Data from a planted linear Gaussian latent-factor model: independent standard normal factors z<sub>j</sub>, each
 * variable x<sub>i</sub> = z<sub>parent(i)</sub> + σ<sub>i</sub> n<sub>i</sub> with its own standard normal noise.
 *
 * @param parent  the factor of each variable
 * @param noise   σ<sub>i</sub>
 * @param columns columns[i][r]
 */
record PlantedGaussianFactors(int[] parent, double[] noise, double[][] columns) {

    /** {@code factors} groups of {@code perFactor} variables in a shuffled order, σ² uniform in [0.5, 2]. */
    static PlantedGaussianFactors generate(int factors, int perFactor, int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] parent = PlantedFactors.shuffledParents(factors, perFactor, rng);
        int p = parent.length;
        double[] noise = new double[p];
        for (int i = 0; i < p; i++) {
            noise[i] = Math.sqrt(0.5 + 1.5 * rng.nextDouble());
        }
        double[][] columns = new double[p][samples];
        double[] z = new double[factors];
        for (int r = 0; r < samples; r++) {
            for (int j = 0; j < factors; j++) {
                z[j] = rng.nextGaussian();
            }
            for (int i = 0; i < p; i++) {
                columns[i][r] = z[parent[i]] + noise[i] * rng.nextGaussian();
            }
        }
        return new PlantedGaussianFactors(parent, noise, columns);
    }

    /** The model's covariance: Σ<sub>ii</sub> = 1 + σ<sub>i</sub>², Σ<sub>ij</sub> = 1 within a group, else 0. */
    DMatrixRMaj covariance() {
        int p = parent.length;
        DMatrixRMaj sigma = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                sigma.set(i, j, parent[i] == parent[j] ? 1.0 : 0.0);
            }
            sigma.add(i, i, noise[i] * noise[i]);
        }
        return sigma;
    }

    /** TC(X) = ½(Σ ln Σ<sub>ii</sub> − ln det Σ), nats, of a covariance matrix. */
    static double totalCorrelation(DMatrixRMaj sigma) {
        double sum = 0;
        for (int i = 0; i < sigma.numRows; i++) {
            sum += Math.log(sigma.get(i, i));
        }
        return 0.5 * (sum - Math.log(CommonOps_DDRM.det(sigma)));
    }
}
