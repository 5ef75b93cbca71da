"""Peer: an elementary cellular automaton in numpy, the usual way: one uint8 per cell, np.roll for the periodic
neighbours, the 3-bit neighbourhood index 4*left + 2*centre + right looked up in the rule's 8-entry table.
A second variant packs 8 cells per byte (np.packbits) and evaluates the rule as boolean algebra on uint64 words
with shifts, the same algorithm as Coarse's kernel, to show what numpy gets from bit-packing.

Usage: python3 eca_numpy.py RULE L STEPS [seed]
Prints RESULT lines: peer=numpy_bytes|numpy_packed rule=.. L=.. cells_per_ns=.. cpu_cells_per_ns=.. (per
CPU-nanosecond of the process, robust to a busy machine) density=.. (the two variants must agree cell for cell,
checked before printing). numpy runs single-threaded here (element-wise ufuncs).
"""
import sys
import time

import numpy as np


def bytes_variant(rule, cells, steps):
    table = np.array([(rule >> p) & 1 for p in range(8)], dtype=np.uint8)
    x = cells.copy()
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(steps):
        x = table[(np.roll(x, 1) << 2) | (x << 1) | np.roll(x, -1)]
    return x, time.perf_counter() - start, time.process_time() - cpu


def packed_variant(rule, cells, steps):
    # cell i in bit i % 64 of word i // 64 (little-endian bit order), L a multiple of 64
    words = np.packbits(cells.reshape(-1, 8)[:, ::-1], axis=1).reshape(-1).view(np.uint64).copy()
    one, s63 = np.uint64(1), np.uint64(63)
    minterms = [p for p in range(8) if (rule >> p) & 1]
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(steps):
        prev = np.roll(words, 1)
        nxt = np.roll(words, -1)
        left = (words << one) | (prev >> s63)
        right = (words >> one) | (nxt << s63)
        out = np.zeros_like(words)
        for p in minterms:
            term = (left if p & 4 else ~left) & (words if p & 2 else ~words) & (right if p & 1 else ~right)
            out |= term
        words = out
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    bits = np.unpackbits(words.view(np.uint8)).reshape(-1, 8)[:, ::-1].reshape(-1)
    return bits, elapsed, cpu


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: eca_numpy.py RULE L STEPS [seed]")
    rule, length, steps = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if length % 64:
        sys.exit("L must be a multiple of 64")
    cells = np.random.default_rng(seed).integers(0, 2, size=length, dtype=np.uint8)
    a, ta, ca = bytes_variant(rule, cells, steps)
    b, tb, cb = packed_variant(rule, cells, steps)
    if not np.array_equal(a, b):
        sys.exit("the two variants disagree")
    for name, t, c in (("numpy_bytes", ta, ca), ("numpy_packed", tb, cb)):
        print(f"RESULT peer={name} rule={rule} L={length} steps={steps} "
              f"cells_per_ns={length * steps / t / 1e9:.4f} cpu_cells_per_ns={length * steps / c / 1e9:.4f} "
              f"density={a.mean():.4f}")


if __name__ == "__main__":
    main()
