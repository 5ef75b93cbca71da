package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.ejml.data.Complex_F64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native LAPACK decomposition and solve against EJML's on chains small enough for both, and against the
 * definitions P v = λ v and πP = π. Needs a native LAPACK (Debian's liblapack3 or libopenblas0, present where Coarse is built and tested).
 */
class NativeLapackTest {

    /** A metastable chain (slow real modes) and a random one (a disc of mostly complex eigenvalues). */
    private static final MarkovChain METASTABLE = GreedyLumpingTest.chain(150, 4, 0.2, 22, new int[150]);
    private static final MarkovChain RANDOM = GreedyLumpingTest.chain(150, 4, -1, 23, new int[150]);

    @BeforeEach
    void needsNativeLapack() {
        assumeTrue(NativeLapack.available(), "no native LAPACK on this machine");
    }

    @Test
    void eigenvaluesAreEjmlsToRounding() {
        for (MarkovChain chain : new MarkovChain[] {METASTABLE, RANDOM}) {
            Complex_F64[] lapack = NativeLapack.decompose(chain, false).eigenvalues();
            Complex_F64[] ejml = ChainAnalysis.eigenvalues(chain); // 150 states: EJML
            assertThat(lapack).hasSameSizeAs(ejml);
            for (int j = 0; j < ejml.length; j++) {
                assertThat(lapack[j].getMagnitude()).as("|λ_%d|", j).isCloseTo(ejml[j].getMagnitude(), within(1e-12));
            }
            assertThat(lapack[0].getReal()).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void everyVectorSatisfiesItsEigenEquationAndPairsSpanTheirRealSubspace() {
        for (MarkovChain chain : new MarkovChain[] {METASTABLE, RANDOM}) {
            NativeLapack.Decomposition d = NativeLapack.decompose(chain, true);
            int n = chain.size();
            for (int j = 0; j < n; j++) {
                double re = d.real()[j];
                double im = d.imaginary()[j];
                if (im < 0) {
                    continue; // the second of a pair: its vectors are the first's
                }
                double[] u = d.column(j);
                double[] w = im == 0 ? new double[n] : d.column(j + 1);
                double[] pu = times(chain, u);
                double[] pw = times(chain, w);
                // P(u + iw) = (re + i·im)(u + iw): Pu = re·u − im·w, Pw = im·u + re·w
                for (int i = 0; i < n; i++) {
                    assertThat(pu[i]).as("mode %d, state %d", j, i).isCloseTo(re * u[i] - im * w[i], within(1e-12));
                    assertThat(pw[i]).isCloseTo(im * u[i] + re * w[i], within(1e-12));
                }
            }
        }
    }

    @Test
    void stationarySolveIsEjmlsToRoundingAndSolvesPiPEqualsPi() {
        // (also the regression test of NativeLapack's large stack: OpenBLAS's dgetrf at 150 states overflowed the
        // test thread's stack and killed the JVM)
        for (MarkovChain chain : new MarkovChain[] {METASTABLE, RANDOM}) {
            double[] lapack = ChainAnalysis.stationarySolveNative(chain);
            double[] ejml = ChainAnalysis.stationarySolve(chain);
            double[] piP = new double[chain.size()];
            double sum = 0;
            for (int i = 0; i < chain.size(); i++) {
                assertThat(lapack[i]).isCloseTo(ejml[i], within(1e-15));
                sum += lapack[i];
                for (int j = 0; j < chain.size(); j++) {
                    piP[j] += lapack[i] * chain.transition(i, j);
                }
            }
            assertThat(sum).isCloseTo(1, within(1e-13));
            for (int j = 0; j < chain.size(); j++) {
                assertThat(piP[j]).isCloseTo(lapack[j], within(1e-15));
            }
        }
    }

    @Test
    void spectralPartitionsAreTheEjmlPathsOnAMetastableChain() {
        double[] pi = ChainAnalysis.stationary(METASTABLE);
        Partition[] lapack = LumpingSearch.spectralRange(NativeLapack.decompose(METASTABLE, true), pi, 1, 6);
        Partition[] ejml = LumpingSearch.spectralRange(METASTABLE, pi, 1, 6);
        for (int k = 1; k <= 6; k++) {
            assertThat(lapack[k]).as("k = %d", k).isNotNull();
            assertThat(lapack[k].sameBlocksAs(ejml[k])).as("k = %d", k).isTrue();
        }
    }

    private static double[] times(MarkovChain chain, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] row = chain.row(i);
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += row[j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }
}
