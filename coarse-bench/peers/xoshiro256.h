/*
 * xoshiro256** (Blackman and Vigna 2018) on one global state s[4], the generator of the two scalar C peers
 * (ising_checkerboard.c, ising_multispin.c); ising_multispin_simd.c steps vectors of states instead.
 */
#ifndef COARSE_PEERS_XOSHIRO256_H
#define COARSE_PEERS_XOSHIRO256_H

#include <stdint.h>

#include "peers.h"

static uint64_t s[4];

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t next(void) {
    uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return r;
}

/* Seeds s from one 64-bit seed by splitmix64. */
static inline void seed_xoshiro(uint64_t seed) {
    for (int k = 0; k < 4; k++) s[k] = splitmix(&seed);
}

#endif
