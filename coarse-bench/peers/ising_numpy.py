"""Peer: vectorised numpy checkerboard Metropolis for the 2D Ising model (J = 1, h = 0), written the way
Python RG codes usually make their data: np.roll neighbour sums over the whole lattice, one uniform array
per half-sweep, the flips of one colour applied with a boolean mask.

Usage: python3 ising_numpy.py L T seconds [seed]
Prints one line: RESULT peer=numpy L=.. T=.. flips_per_ns=.. cpu_flips_per_ns=.. e=.. e_err=..
(e = energy per site averaged over the measurement phase, error from 20 block means).
"""
import sys
import time

import numpy as np

BLOCKS = 20


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: ising_numpy.py L T seconds [seed]")
    size, temperature, seconds = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if size < 2 or size % 2:
        sys.exit("L must be even")
    rng = np.random.default_rng(seed)
    spins = rng.choice(np.array([-1, 1], dtype=np.int8), size=(size, size))
    y, x = np.indices((size, size))
    colours = [(x + y) % 2 == c for c in (0, 1)]
    beta = 1.0 / temperature

    def sweep():
        for colour in colours:
            field = (np.roll(spins, 1, 0) + np.roll(spins, -1, 0) + np.roll(spins, 1, 1)
                     + np.roll(spins, -1, 1))
            delta = 2 * spins * field
            flip = colour & (rng.random(spins.shape) < np.exp(-beta * delta))
            spins[flip] *= -1

    def energy():
        bonds = spins * np.roll(spins, 1, 0) + spins * np.roll(spins, 1, 1)
        return -bonds.sum(dtype=np.int64) / spins.size

    start = time.perf_counter()
    while time.perf_counter() - start < seconds / 3:
        sweep()
    energies = []
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        sweep()
        energies.append(energy())
    sweeps = 0
    cpu_start = time.process_time()
    start = time.perf_counter()
    while True:
        sweep()
        sweeps += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    flips_per_ns = sweeps * spins.size / (elapsed * 1e9)
    cpu_flips_per_ns = sweeps * spins.size / ((time.process_time() - cpu_start) * 1e9)
    blocks = np.array_split(np.array(energies), BLOCKS)
    means = np.array([b.mean() for b in blocks])
    print(f"RESULT peer=numpy L={size} T={temperature:.6f} flips_per_ns={flips_per_ns:.4f} cpu_flips_per_ns={cpu_flips_per_ns:.4f} "
          f"e={means.mean():.6f} e_err={means.std(ddof=1) / np.sqrt(BLOCKS):.6f}")


if __name__ == "__main__":
    main()
