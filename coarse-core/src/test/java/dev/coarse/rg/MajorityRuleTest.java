package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MajorityRuleTest {

    @Nested
    class OddBlock extends CoarseGrainingContract {
        @Override
        protected CoarseGraining rule() {
            return new MajorityRule(3);
        }

        @Test
        void handExampleB3() {
            // 3×3 lattice, one block: five −1 and four +1 → −1 (no tie possible for 9 sites).
            byte[] s = {1, -1, 1, -1, -1, 1, -1, 1, -1};
            // L = 3 gives a coarse L of 1, below the minimum 2: use L = 6 with four copies of the pattern.
            Lattice fine = Lattice.square(6);
            byte[] big = new byte[36];
            for (int r = 0; r < 6; r++) {
                for (int col = 0; col < 6; col++) {
                    big[fine.site(r, col)] = (byte) ((r / 3 + col / 3) % 2 == 0 ? s[(r % 3) * 3 + col % 3]
                            : -s[(r % 3) * 3 + col % 3]);
                }
            }
            byte[] c = new byte[4];
            rule().apply(fine, big, c, new SplittableRandom(0));
            assertThat(c).containsExactly(-1, 1, 1, -1);
        }
    }

    @Nested
    class EvenBlockCoinTies extends CoarseGrainingContract {
        @Override
        protected CoarseGraining rule() {
            return new MajorityRule(2, TieBreak.COIN);
        }

        @Test
        void handExampleChain() {
            // chain L=8, blocks (1,1) (1,-1) (-1,-1) (-1,1): sums 2, 0, -2, 0
            byte[] s = {1, 1, 1, -1, -1, -1, -1, 1};
            byte[] c = coarseSpins(Lattice.chain(8), s, 5);
            assertThat(c[0]).isEqualTo((byte) 1);
            assertThat(c[2]).isEqualTo((byte) -1);
        }

        @Test
        void coinTiesAreUnbiased() {
            // Every block of (1,-1) is a tie; the coin picks a block site uniformly, so P(+1) = 1/2.
            Lattice fine = Lattice.chain(2000);
            byte[] s = new byte[2000];
            for (int i = 0; i < s.length; i++) {
                s[i] = (byte) (i % 2 == 0 ? 1 : -1);
            }
            byte[] c = coarseSpins(fine, s, 17);
            int up = 0;
            for (byte v : c) {
                up += v > 0 ? 1 : 0;
            }
            // binomial(1000, 1/2): sd ≈ 15.8; 5 sd fails about once in 1.7 million runs
            assertThat(Math.abs(up - 500)).as("fails ~1 in 1.7e6 runs").isLessThan(80);
        }
    }

    @Nested
    class EvenBlockFixedSiteTies extends CoarseGrainingContract {
        @Override
        protected CoarseGraining rule() {
            return new MajorityRule(2, TieBreak.FIXED_SITE);
        }

        @Test
        void handExampleSquare() {
            // block sums 2 → +1; 0 → tie → the block's first site (0,2) = -1; -2 → -1; -2 → -1
            assertThat(coarseSpins(HandExample.LATTICE, HandExample.spins(), 0)).containsExactly(1, -1, -1, -1);
        }
    }
}
