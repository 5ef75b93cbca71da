/*
 * Peer: multi-spin-coded checkerboard Metropolis for the 2D Ising model (J = 1, h = 0), four lattice sites
 * at a time in 256-bit vectors -- the same algorithm as Coarse's vectorised multispin kernel
 * (dev.coarse.mc.MultispinMetropolis with jdk.incubator.vector), written with GCC vector extensions.
 *
 * Built with -DVW=8 (run_all.sh builds both; the binary then reports itself as c_multispin_simd8): eight sites
 * at a time, one 512-bit vector where -march=native enables AVX-512 (else gcc splits it into two 256-bit
 * halves, which on an AVX2 machine spill and run slower than VW=4), eight xoshiro256** streams, one exit test
 * for all eight sites. Everything below that says 4 then says VW. It is the peer of Coarse's multispin-wide
 * kernel (dev.coarse.mc.SquareMultispinWide, the same blocks, streams and exit test; BENCHMARKS.md, 2026-11-24).
 *
 * Replicas: 64 independent replicas per uint64_t (bit r of every word = replica r), as in ising_multispin.c.
 *
 * Layout (sublattices): colour c in {0,1}, row y, index j in [0,H), H = L/2, is the site x = 2j + ((c+y)&1).
 * It is stored at w[c*L*stride + y*stride + 1 + j] with stride = roundUp(H,4) + 2; every half-row has ghost
 * cells at offsets 0 and H+1 (b[0] = b[H], b[H+1] = b[1]), refreshed right after that half-row is updated, so
 * the periodic horizontal neighbours need no branch. Neighbours of (c,y,j), all of the other colour:
 * (y, j), (y, j + side) with side = -1 if ((c+y)&1) == 0 else +1, and (y-1 mod L, j), (y+1 mod L, j).
 * Offsets H+1 .. roundUp(H,4) of a half-row are padding lanes when H is not a multiple of 4: their data is
 * garbage that is never used as a real spin (the ghost at H+1 is rewritten after the half-row update); their
 * accept and undecided masks are forced to 0 so they are left unchanged and never lengthen the random loop.
 *
 * Per vector of 4 consecutive j (4 sites x 64 replicas):
 *   d_i = s ^ neighbour_i; adder tree -> n = number of disagreeing neighbours (bit0, bit1, bit2);
 *   accept = n >= 3 (dE < 0); eq0 = (n == 0, dE = 8, prob x^2); undecided = (n <= 1) = eq0 | eq1 (n = 1, dE = 4,
 *   prob x), x = e^{-4/T}; eq2 = (n == 2, dE = 0) flips with prob 7/8 = 1 - 2^-WORDS_PER_TEST, where the OR of
 *   the last group's three random words (all drawn for this site) has a 1 (no other decision reads those bits,
 *   and when the loop stops depends only on the undecided replicas' bits; always accepting dE = 0 makes
 *   checkerboard Metropolis reducible, e.g. one-row stripes flip to their global flip and back for ever, see
 *   Coarse's MultispinMetropolis).
 *   Bernoulli masks by bit-serial comparison of a uniform 64-bit fraction with p1 = floor(x 2^64) or
 *   p2 = floor(x^2 2^64): ONE loop, each turn k draws one word per lane, r (lane l = its own xoshiro256**
 *   stream l; the 4 streams are kept as 4 state vectors s0..s3, *5 and *9 written as shift+add, rotations as
 *   shifts), threshold bit th = (eq0 & b12_k) ^ b1_k with b1_k = (p1<<k)>>63 and b12_k = ((p1^p2)<<k)>>63
 *   (arithmetic shifts: all-ones or zero), then -- the uniform fraction's bits being the COMPLEMENTS of the
 *   words' bits, as in Coarse's kernel -- accept |= undecided & th & r (u < p decided at the first
 *   differing bit) and undecided &= th ^ r; the turns come in groups of WORDS_PER_TEST = 3 and the loop exits
 *   after a group when all 4 lanes' undecided are 0 (at most TABLE_BITS = 66 turns; the threshold bits past
 *   the 64th are 0, so a replica undecided after 64 words can only be rejected, the exact outcome).
 *   Store s ^ (accept | (eq2 & (OR of the last group's words))).
 * One sweep = colour 0 all rows, then colour 1 all rows (the same dynamics as ising_multispin.c).
 *
 * The group size was chosen by measuring both this peer and Coarse's kernel with a test after every word,
 * every 2nd, 3rd and 4th word (2026-11-23 12:20-12:28 UTC, L = 128, T_c): this peer ran 6.2-6.4, 7.0-7.3,
 * 7.2-7.8 and 6.1-7.2 flips/ns; Coarse's kernel gained about as much. Choices made for speed here, all within the algorithm: the threshold bits b1_k, b12_k come from two
 * 64-entry tables (broadcast loads; faster than shifting p1, p2 each word), the exit test is one vptest, the
 * full vectors of a half-row are separate from the (masked) partial last one.
 *
 * Build: gcc -O3 -march=native -o ising_multispin_simd ising_multispin_simd.c -lm
 *        gcc -O3 -march=native -DVW=8 -Wno-psabi -o ising_multispin_simd8 ising_multispin_simd.c -lm
 * Usage: ising_multispin_simd L T seconds [seed]          (L even, >= 2)
 * Prints one line: RESULT peer=c_multispin_simd L=.. T=.. flips_per_ns=.. cpu_flips_per_ns=.. e=.. e_err=..
 * (e = energy per site averaged every 16 sweeps of a measurement phase, error from the spread across the 64
 * replicas; warm-up for a third of `seconds`; flips/ns from a separate phase of pure sweeps.)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#ifdef __AVX__
#include <immintrin.h>
#endif

#include "peers.h"

#ifndef VW
#define VW 4 /* sites (lanes) per vector: 4 or 8 */
#endif
#if VW != 4 && VW != 8
#error "VW must be 4 or 8"
#endif
typedef uint64_t v4 __attribute__((vector_size(8 * VW))); /* named for VW = 4 */

static int L, H, HP, stride; /* HP = roundUp(H, VW) */
static uint64_t *w;          /* 2 * L * stride words, 64-byte aligned */
static v4 S0, S1, S2, S3;    /* xoshiro256** state of the VW lane streams */
#define WORDS_PER_TEST 3
#define TABLE_BITS 66 /* 64 rounded up to a multiple of WORDS_PER_TEST */
static uint64_t tb1[TABLE_BITS], tb12[TABLE_BITS]; /* bits past the 64th stay 0 */

static inline v4 rotl(v4 x, int k) { return (x << k) | (x >> (64 - k)); }
static inline v4 load(const uint64_t *p) { v4 v; __builtin_memcpy(&v, p, sizeof v); return v; }
static inline void store(uint64_t *p, v4 v) { __builtin_memcpy(p, &v, sizeof v); }

static inline int all_zero(v4 u) {
#if VW == 8 && defined(__AVX512F__)
    return _mm512_test_epi64_mask((__m512i) u, (__m512i) u) == 0;
#elif VW == 8 && defined(__AVX__)
    __m256i lo, hi;
    __builtin_memcpy(&lo, &u, 32);
    __builtin_memcpy(&hi, (const char *) &u + 32, 32);
    __m256i o = _mm256_or_si256(lo, hi);
    return _mm256_testz_si256(o, o);
#elif VW == 4 && defined(__AVX__)
    return _mm256_testz_si256((__m256i) u, (__m256i) u);
#else
    uint64_t any = 0;
    for (int l = 0; l < VW; l++) any |= u[l];
    return any == 0;
#endif
}

static inline uint64_t *half_row(int c, int y) { return w + (size_t) c * L * stride + (size_t) y * stride; }

static inline void ghosts(int c, int y) {
    uint64_t *b = half_row(c, y);
    b[0] = b[H];
    b[H + 1] = b[1];
}

/* Updates the VW sites row[j .. j+VW-1]; lanes with valid == 0 (padding) are left unchanged. */
static inline __attribute__((always_inline)) void block(uint64_t *restrict row, const uint64_t *orow,
        const uint64_t *up, const uint64_t *dn, int j, int side, v4 valid, v4 *s0, v4 *s1, v4 *s2, v4 *s3) {
    v4 s = load(row + j);
    v4 d0 = s ^ load(orow + j), d1 = s ^ load(orow + j + side), d2 = s ^ load(up + j), d3 = s ^ load(dn + j);
    v4 a0 = d0 ^ d1, a1 = d0 & d1, b0 = d2 ^ d3, b1 = d2 & d3;
    v4 bit0 = a0 ^ b0, bit1 = a1 ^ b1 ^ (a0 & b0), bit2 = a1 & b1;
    v4 three = bit1 & bit0;
    v4 accept = (three | bit2) & valid; /* n >= 3 */
    v4 eq0 = ~(bit0 | bit1 | bit2);
    v4 eq2 = (bit1 ^ three) & valid; /* n = 2 */
    v4 undecided = ~(bit1 | bit2) & valid; /* n = 0 or n = 1 */
    v4 last = eq2;
    v4 x0 = *s0, x1 = *s1, x2 = *s2, x3 = *s3;
    for (int k = 0; k < TABLE_BITS; k += WORDS_PER_TEST) {
        for (int q = k; q < k + WORDS_PER_TEST; q++) { /* unrolled by gcc */
            v4 m5 = x1 + (x1 << 2), rr = rotl(m5, 7), r = rr + (rr << 3), t = x1 << 17;
            x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = rotl(x3, 45);
            v4 th = (eq0 & tb12[q]) ^ tb1[q];
            accept |= undecided & th & r; /* u's bits are the complements of r's, as in Coarse */
            undecided &= th ^ r;
            last = q == k ? r : last | r; /* OR of the group's words: dE = 0 accepted with 1 - 2^-3 */
        }
        if (all_zero(undecided)) break;
    }
    *s0 = x0; *s1 = x1; *s2 = x2; *s3 = x3;
    store(row + j, s ^ (accept | (eq2 & last)));
}

static void sweep(void) {
    v4 s0 = S0, s1 = S1, s2 = S2, s3 = S3;
    v4 all;
    for (int l = 0; l < VW; l++) all[l] = ~0ULL;
    v4 tail; /* valid lanes of the last, partial vector (if H % VW != 0) */
    for (int l = 0; l < VW; l++) tail[l] = (HP - VW + l < H) ? ~0ULL : 0;
    int full = H & ~(VW - 1);
    for (int c = 0; c < 2; c++) {
        for (int y = 0; y < L; y++) {
            uint64_t *row = half_row(c, y) + 1;
            const uint64_t *orow = half_row(1 - c, y) + 1;
            const uint64_t *up = half_row(1 - c, y == 0 ? L - 1 : y - 1) + 1;
            const uint64_t *dn = half_row(1 - c, y == L - 1 ? 0 : y + 1) + 1;
            int side = ((c + y) & 1) == 0 ? -1 : 1;
            for (int j = 0; j < full; j += VW) block(row, orow, up, dn, j, side, all, &s0, &s1, &s2, &s3);
            if (full < H) block(row, orow, up, dn, full, side, tail, &s0, &s1, &s2, &s3);
            ghosts(c, y);
        }
    }
    S0 = s0; S1 = s1; S2 = s2; S3 = s3;
}

/* Energy per site of each replica: every bond joins a colour-0 and a colour-1 site, so the disagreeing bonds
 * are counted exactly once by summing over colour-0 sites their 4 (colour-1) neighbours. */
static void energies(double *e) {
    long counts[64] = {0};
    for (int y = 0; y < L; y++) {
        const uint64_t *row = half_row(0, y) + 1, *orow = half_row(1, y) + 1;
        const uint64_t *up = half_row(1, y == 0 ? L - 1 : y - 1) + 1, *dn = half_row(1, y == L - 1 ? 0 : y + 1) + 1;
        int side = (y & 1) == 0 ? -1 : 1;
        for (int j = 0; j < H; j++) {
            uint64_t s = row[j], d[4] = {s ^ orow[j], s ^ orow[j + side], s ^ up[j], s ^ dn[j]};
            for (int i = 0; i < 4; i++)
                for (int r = 0; r < 64; r++) counts[r] += (d[i] >> r) & 1;
        }
    }
    for (int r = 0; r < 64; r++) e[r] = -(2.0 * L * L - 2.0 * counts[r]) / ((double) L * L);
}

int main(int argc, char **argv) {
    struct peer_run run = read_run(argc, argv);
    L = run.L;
    double T = run.T, seconds = run.seconds;
    uint64_t seed = run.seed;
    H = L / 2;
    HP = (H + VW - 1) & ~(VW - 1);
    stride = HP + 2;
    size_t words = 2 * (size_t) L * stride;
    w = aligned_alloc(64, (words * sizeof *w + 63) & ~(size_t) 63);
    for (size_t i = 0; i < words; i++) w[i] = 0;
    for (int l = 0; l < VW; l++) { /* lane l = stream l, seeded by splitmix64 */
        S0[l] = splitmix(&seed); S1[l] = splitmix(&seed); S2[l] = splitmix(&seed); S3[l] = splitmix(&seed);
    }
    for (int c = 0; c < 2; c++)
        for (int y = 0; y < L; y++) {
            for (int j = 0; j < H; j++) half_row(c, y)[1 + j] = splitmix(&seed);
            ghosts(c, y);
        }
    double x = exp(-4.0 / T);
    uint64_t p1 = fixed_point(x), p2 = fixed_point(x * x);
    for (int k = 0; k < 64; k++) {
        tb1[k] = (uint64_t) ((int64_t) (p1 << k) >> 63);
        tb12[k] = (uint64_t) ((int64_t) ((p1 ^ p2) << k) >> 63);
    }
    size_t n = (size_t) L * L;
    /* warm-up: thermalise (also warms caches and frequency) for a third of the time */
    double t0 = now();
    while (now() - t0 < seconds / 3) sweep();
    double esum[64] = {0}, e[64];
    long sweeps = 0;
    double start = now(), end;
    do {
        sweep();
        sweeps++;
        if (sweeps % 16 == 0) { energies(e); for (int r = 0; r < 64; r++) esum[r] += e[r]; }
        end = now();
    } while (end - start < seconds);
    /* energy sampling costs are excluded by re-timing pure sweeps */
    long timed = 0;
    double cpu_start = cpu_now();
    start = now();
    do { sweep(); timed++; end = now(); } while (end - start < seconds);
    double flips_per_ns = (double) timed * 64 * n / ((end - start) * 1e9);
    double cpu_flips_per_ns = (double) timed * 64 * n / ((cpu_now() - cpu_start) * 1e9);
    long samples = sweeps / 16;
    if (samples == 0) { fprintf(stderr, "too short: fewer than 16 measurement sweeps\n"); return 1; }
    double mean = 0, var = 0;
    for (int r = 0; r < 64; r++) mean += esum[r] / samples / 64;
    for (int r = 0; r < 64; r++) { double d = esum[r] / samples - mean; var += d * d / 63; }
    printf("RESULT peer=c_multispin_simd%s L=%d T=%.6f flips_per_ns=%.4f cpu_flips_per_ns=%.4f e=%.6f e_err=%.6f\n",
           VW == 8 ? "8" : "", L, T, flips_per_ns, cpu_flips_per_ns, mean, sqrt(var / 64));
    free(w);
    return 0;
}
