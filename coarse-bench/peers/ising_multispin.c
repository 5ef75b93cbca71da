/*
 * Peer: multi-spin-coded checkerboard Metropolis for the 2D Ising model (J = 1, h = 0), the same algorithm
 * as Coarse's dev.coarse.mc.MultispinMetropolis: 64 replicas per uint64_t, disagreement counts by an adder
 * tree, Bernoulli masks by bit-serial comparison of uniform fractions with x = e^{-4/T} or x^2, xoshiro256**.
 *
 * Flips with dE <= 0 are always accepted, as in the numpy and plain C peers, so the 64 replicas run exactly the
 * numpy peer's Markov chain (checkerboard Metropolis, min(1, e^{-dE/T})): run_all.sh takes the numpy peer's
 * tau_int from this peer's |m| series (mode 2 below). (Coarse's kernels accept dE = 0 with a probability below 1,
 * because always accepting it makes the checkerboard dynamics reducible: one-row stripes flip to their global
 * flip and back for ever. A hot start at L = 64 lands in such a class with probability ~2^-4096.)
 *
 * Build: gcc -O3 -march=native -o ising_multispin ising_multispin.c -lm
 * Usage: ising_multispin L T seconds [seed]
 *        ising_multispin L T 0 seed FILE SWEEPS   (mode 2: |m| series) thermalises max(1000, SWEEPS/10) sweeps,
 *        then writes |m| of the 64 replicas after each of SWEEPS sweeps to FILE as little-endian doubles,
 *        sweep-major ([SWEEPS][64]), and prints RESULT peer=c_multispin_absm L=.. T=.. sweeps=.. replicas=64
 * Prints one line: RESULT peer=c_multispin L=.. T=.. flips_per_ns=.. cpu_flips_per_ns=.. e=.. e_err=..
 * (e = energy per site averaged over the timed sweeps, error from the spread across the 64 replicas).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "peers.h"
#include "xoshiro256.h"

static void sweep(uint64_t *restrict w, int L, uint64_t p1, uint64_t p2) {
    uint64_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
    for (int colour = 0; colour < 2; colour++) {
        for (int y = 0; y < L; y++) {
            int row = y * L, up = (y == 0 ? L - 1 : y - 1) * L, down = (y == L - 1 ? 0 : y + 1) * L;
            for (int x = (colour + y) & 1; x < L; x += 2) {
                uint64_t sp = w[row + x];
                uint64_t d0 = sp ^ w[row + (x == 0 ? L - 1 : x - 1)];
                uint64_t d1 = sp ^ w[row + (x == L - 1 ? 0 : x + 1)];
                uint64_t d2 = sp ^ w[up + x], d3 = sp ^ w[down + x];
                uint64_t a0 = d0 ^ d1, a1 = d0 & d1, b0 = d2 ^ d3, b1 = d2 & d3;
                uint64_t bit0 = a0 ^ b0, bit1 = a1 ^ b1 ^ (a0 & b0), bit2 = a1 & b1;
                uint64_t accept = bit1 | bit2;
                uint64_t eq1 = bit0 & ~accept, eq0 = ~(bit0 | accept);
                uint64_t undecided = eq0 | eq1;
                /* threshold bits: p1's for every undecided replica, switched to p2's where n = 0 */
                int64_t q1 = (int64_t) p1, q12 = (int64_t) (p1 ^ p2);
                for (int k = 0; k < 64; k++) {
                    uint64_t r = rotl(s1 * 5, 7) * 9, t = s1 << 17;
                    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45);
                    uint64_t th = (uint64_t) (q1 >> 63) ^ ((uint64_t) (q12 >> 63) & eq0);
                    q1 = (int64_t) ((uint64_t) q1 << 1);
                    q12 = (int64_t) ((uint64_t) q12 << 1);
                    accept |= undecided & th & ~r;
                    undecided &= ~(th ^ r);
                    if (undecided == 0) break;
                }
                w[row + x] = sp ^ accept;
            }
        }
    }
    s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
}

/* |m| per site of each replica: bit r of the words counted over all sites. */
static void abs_magnetizations(const uint64_t *w, int L, double *m) {
    long up[64] = {0};
    size_t n = (size_t) L * L;
    for (size_t i = 0; i < n; i++)
        for (int r = 0; r < 64; r++) up[r] += (w[i] >> r) & 1;
    for (int r = 0; r < 64; r++) m[r] = fabs(2.0 * up[r] - (double) n) / (double) n;
}

static void energies(const uint64_t *w, int L, double *e) {
    long counts[64] = {0};
    for (int y = 0; y < L; y++)
        for (int x = 0; x < L; x++) {
            uint64_t sp = w[y * L + x];
            uint64_t dr = sp ^ w[y * L + (x + 1) % L], dd = sp ^ w[((y + 1) % L) * L + x];
            for (int r = 0; r < 64; r++) counts[r] += ((dr >> r) & 1) + ((dd >> r) & 1);
        }
    for (int r = 0; r < 64; r++) e[r] = -(2.0 * L * L - 2.0 * counts[r]) / ((double) L * L);
}

int main(int argc, char **argv) {
    struct peer_run run = read_run(argc, argv);
    int L = run.L;
    double T = run.T, seconds = run.seconds;
    seed_xoshiro(run.seed);
    size_t n = (size_t) L * L;
    uint64_t *w = malloc(n * sizeof *w);
    for (size_t i = 0; i < n; i++) w[i] = next();
    double x = exp(-4.0 / T);
    uint64_t p1 = fixed_point(x), p2 = fixed_point(x * x);
    if (argc > 6) { /* mode 2: the |m| series */
        long count = atol(argv[6]);
        if (count < 1) { fprintf(stderr, "SWEEPS must be >= 1\n"); return 2; }
        FILE *out = fopen(argv[5], "wb");
        if (!out) { perror(argv[5]); return 2; }
        for (long t = 0; t < (count / 10 > 1000 ? count / 10 : 1000); t++) sweep(w, L, p1, p2);
        double m[64];
        for (long t = 0; t < count; t++) {
            sweep(w, L, p1, p2);
            abs_magnetizations(w, L, m);
            if (fwrite(m, sizeof m[0], 64, out) != 64) { perror(argv[5]); return 1; }
        }
        if (fclose(out) != 0) { perror(argv[5]); return 1; }
        printf("RESULT peer=c_multispin_absm L=%d T=%.6f sweeps=%ld replicas=64\n", L, T, count);
        free(w);
        return 0;
    }
    /* warm-up: thermalise (also warms caches and frequency) for a third of the time */
    double t0 = now();
    while (now() - t0 < seconds / 3) sweep(w, L, p1, p2);
    double esum[64] = {0}, e[64];
    long sweeps = 0;
    double start = now(), end;
    do {
        sweep(w, L, p1, p2);
        sweeps++;
        if (sweeps % 16 == 0) { energies(w, L, e); for (int r = 0; r < 64; r++) esum[r] += e[r]; }
        end = now();
    } while (end - start < seconds);
    /* energy sampling costs are excluded by re-timing pure sweeps */
    long timed = 0;
    double cpu_start = cpu_now();
    start = now();
    do { sweep(w, L, p1, p2); timed++; end = now(); } while (end - start < seconds);
    double flips_per_ns = (double) timed * 64 * n / ((end - start) * 1e9);
    double cpu_flips_per_ns = (double) timed * 64 * n / ((cpu_now() - cpu_start) * 1e9);
    long samples = sweeps / 16;
    double mean = 0, var = 0;
    for (int r = 0; r < 64; r++) mean += esum[r] / samples / 64;
    for (int r = 0; r < 64; r++) { double d = esum[r] / samples - mean; var += d * d / 63; }
    printf("RESULT peer=c_multispin L=%d T=%.6f flips_per_ns=%.4f cpu_flips_per_ns=%.4f e=%.6f e_err=%.6f\n", L, T, flips_per_ns, cpu_flips_per_ns, mean,
           sqrt(var / 64));
    free(w);
    return 0;
}
