package dev.coarse.mc.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Xoshiro256Test {

    /**
     * The first outputs of xoshiro256** from the state {1, 2, 3, 4}, computed with an independent Python
     * transcription of Blackman and Vigna's reference C code (the first, 11520 = rotl(2·5, 7)·9, by hand).
     */
    @Test
    void matchesTheReferenceSequence() {
        long[] state = {1, 2, 3, 4};
        long[] expected = {11520L, 0L, 1509978240L, 1215971899390074240L, 1216172134540287360L,
            607988272756665600L};
        for (long e : expected) {
            assertThat(Xoshiro256.next(state, 1, 0)).isEqualTo(e);
        }
    }

    @Test
    void interleavedStreamsAdvanceIndependently() {
        long[] interleaved = {1, 10, 2, 20, 3, 30, 4, 40}; // stream 0: {1,2,3,4}, stream 1: {10,20,30,40}
        long[] alone0 = {1, 2, 3, 4};
        long[] alone1 = {10, 20, 30, 40};
        for (int i = 0; i < 5; i++) {
            assertThat(Xoshiro256.next(interleaved, 2, 1)).isEqualTo(Xoshiro256.next(alone1, 1, 0));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(Xoshiro256.next(interleaved, 2, 0)).isEqualTo(Xoshiro256.next(alone0, 1, 0));
        }
    }
}
