package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianInformationTest {

    @Test
    void singlePairIsMinusHalfLogOneMinusRhoSquared() {
        double rho = 0.6;
        double[][] cov = {{1, rho}, {rho, 1}};
        assertThat(GaussianInformation.mutualInformation(cov, new int[] {0}, new int[] {1}))
                .isCloseTo(-0.5 * Math.log(1 - rho * rho), within(Tolerances.EXACT));
    }

    @Test
    void independentPairsAddAndGeneralCaseMatchesDeterminantRatio() {
        double rho = 0.6;
        double[][] cov = {{1, 0, rho, 0}, {0, 1, 0, rho}, {rho, 0, 1, 0}, {0, rho, 0, 1}};
        assertThat(GaussianInformation.mutualInformation(cov, new int[] {0, 1}, new int[] {2, 3}))
                .isCloseTo(GaussianInformation.correlatedPairs(2, rho), within(Tolerances.EXACT));
        // a non-trivial 1+2 case against ½ ln(det Σxx det Σyy / det Σ), computed by hand
        double a = 0.3;
        double b = 0.4;
        double c = 0.2;
        double[][] general = {{1, a, b}, {a, 1, c}, {b, c, 1}};
        double detS = 1 + 2 * a * b * c - a * a - b * b - c * c;
        double expected = 0.5 * Math.log(1 * (1 - c * c) / detS);
        assertThat(GaussianInformation.mutualInformation(general, new int[] {0}, new int[] {1, 2}))
                .isCloseTo(expected, within(Tolerances.EXACT));
    }
}
