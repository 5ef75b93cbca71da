/*
 * What the C peers share besides their kernels: their command line, seeding by splitmix64, a probability as a 64-bit
 * fixed-point threshold, and the wall and CPU clocks their timings read (the scalar peers' generator is in
 * xoshiro256.h).
 * Included by ising_checkerboard.c, ising_multispin.c and ising_multispin_simd.c (run_all.sh builds each from this
 * directory).
 */
#ifndef COARSE_PEERS_H
#define COARSE_PEERS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The run every peer is asked for: lattice size L (even: checkerboard), temperature T, seconds, seed (default 1). */
struct peer_run {
    int L;
    double T, seconds;
    uint64_t seed;
};

/* Reads "L T seconds [seed]"; on bad input prints the problem and exits with status 2. */
static inline struct peer_run read_run(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s L T seconds [seed]\n", argv[0]); exit(2); }
    struct peer_run run = {atoi(argv[1]), atof(argv[2]), atof(argv[3]), argc > 4 ? strtoull(argv[4], 0, 10) : 1};
    if (run.L < 2 || run.L % 2) { fprintf(stderr, "L must be even\n"); exit(2); }
    return run;
}

static inline uint64_t splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* p in [0, 1] as the threshold of a uniform 64-bit integer: u < fixed_point(p) with probability p. */
static inline uint64_t fixed_point(double p) {
    if (p >= 1) return ~0ULL;
    return (uint64_t) (p * 18446744073709551616.0);
}

static inline double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static inline double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

#endif
