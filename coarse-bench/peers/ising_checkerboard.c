/*
 * Peer: plain scalar checkerboard Metropolis for the 2D Ising model (J = 1, h = 0): one byte per spin,
 * colour 0 then colour 1, acceptance e^{-2 s h / T} from a 5-entry table, xoshiro256** uniform doubles.
 *
 * Build: gcc -O3 -march=native -o ising_checkerboard ising_checkerboard.c -lm
 * Usage: ising_checkerboard L T seconds [seed]
 * Prints one line: RESULT peer=c_checkerboard L=.. T=.. flips_per_ns=.. cpu_flips_per_ns=.. e=.. e_err=..
 * (e = energy per site averaged over the measurement phase, error from 20 block means).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "peers.h"
#include "xoshiro256.h"

#define BLOCKS 20

static inline double uniform(void) { return (next() >> 11) * 0x1.0p-53; }

/* accept[(s*h + 4) / 2] = min(1, e^{-2 s h / T}), s*h in {-4,-2,0,2,4} */
static double accept[5];

static void sweep(int8_t *restrict sp, int L) {
    for (int colour = 0; colour < 2; colour++) {
        for (int y = 0; y < L; y++) {
            int row = y * L, up = (y == 0 ? L - 1 : y - 1) * L, down = (y == L - 1 ? 0 : y + 1) * L;
            for (int x = (colour + y) & 1; x < L; x += 2) {
                int h = sp[row + (x == 0 ? L - 1 : x - 1)] + sp[row + (x == L - 1 ? 0 : x + 1)] + sp[up + x]
                        + sp[down + x];
                int sh = sp[row + x] * h;
                if (sh <= 0 || uniform() < accept[(sh + 4) / 2]) sp[row + x] = -sp[row + x];
            }
        }
    }
}

static double energy(const int8_t *sp, int L) {
    long sum = 0;
    for (int y = 0; y < L; y++)
        for (int x = 0; x < L; x++)
            sum += sp[y * L + x] * (sp[y * L + (x + 1) % L] + sp[((y + 1) % L) * L + x]);
    return -(double) sum / ((double) L * L);
}

int main(int argc, char **argv) {
    struct peer_run run = read_run(argc, argv);
    int L = run.L;
    double T = run.T, seconds = run.seconds;
    seed_xoshiro(run.seed);
    size_t n = (size_t) L * L;
    int8_t *sp = malloc(n);
    for (size_t i = 0; i < n; i++) sp[i] = (next() >> 63) ? 1 : -1;
    for (int k = 0; k < 5; k++) accept[k] = fmin(1.0, exp(-2.0 * (2 * k - 4) / T));
    double t0 = now();
    while (now() - t0 < seconds / 3) sweep(sp, L);
    /* measurement phase: energies every sweep, kept for block averages */
    size_t cap = 1 << 20, count = 0;
    double *e = malloc(cap * sizeof *e);
    double start = now(), end;
    do {
        sweep(sp, L);
        if (count < cap) e[count++] = energy(sp, L);
        end = now();
    } while (end - start < seconds);
    long timed = 0;
    double cpu_start = cpu_now();
    start = now();
    do { sweep(sp, L); timed++; end = now(); } while (end - start < seconds);
    double flips_per_ns = (double) timed * n / ((end - start) * 1e9);
    double cpu_flips_per_ns = (double) timed * n / ((cpu_now() - cpu_start) * 1e9);
    size_t per = count / BLOCKS;
    double bm[BLOCKS], mean = 0, var = 0;
    for (int b = 0; b < BLOCKS; b++) {
        bm[b] = 0;
        for (size_t i = b * per; i < (b + 1) * per; i++) bm[b] += e[i] / per;
        mean += bm[b] / BLOCKS;
    }
    for (int b = 0; b < BLOCKS; b++) var += (bm[b] - mean) * (bm[b] - mean) / (BLOCKS - 1);
    printf("RESULT peer=c_checkerboard L=%d T=%.6f flips_per_ns=%.4f cpu_flips_per_ns=%.4f e=%.6f e_err=%.6f\n", L, T, flips_per_ns, cpu_flips_per_ns, mean,
           sqrt(var / BLOCKS));
    free(e);
    free(sp);
    return 0;
}
