"""Peer: Gillespie's direct method for the birth-death network (0 -> X at rate b, X -> 0 at rate d*X) in numpy,
written two ways a Python user would:

  loop    one trajectory, a Python loop over reactions, numpy only for the random draws (drawn in chunks of 2^16
          so the generator call is not the cost);
  vector  R independent trajectories advanced together, one numpy array operation per step over all of them
          (every trajectory fires exactly one reaction per step).

Usage: python3 ssa_numpy.py loop|vector seconds [runs=100000] [seed=1]
Prints one line: RESULT peer=numpy_<mode> reactions=.. reactions_per_second=.. cpu_reactions_per_second=.. mean_x=..
(mean_x: time-weighted mean of X after a burn-in of 10/d, to be compared with the exact b/d = 20).
"""
import sys
import time

import numpy as np

BIRTH, DEATH = 20.0, 1.0
CHUNK = 1 << 16


def loop(seconds, seed):
    rng = np.random.default_rng(seed)
    x, t, fired = 0, 0.0, 0
    area, area_time = 0.0, 0.0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < seconds:
        exps = rng.standard_exponential(CHUNK)
        us = rng.random(CHUNK)
        for i in range(CHUNK):
            a_birth = BIRTH
            a_death = DEATH * x
            total = a_birth + a_death
            dt = exps[i] / total
            if t > 10.0 / DEATH:
                area += x * dt
                area_time += dt
            t += dt
            if us[i] * total < a_birth:
                x += 1
            else:
                x -= 1
        fired += CHUNK
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return fired, wall, cpu, area / area_time


def vector(seconds, runs, seed):
    rng = np.random.default_rng(seed)
    x = np.zeros(runs, dtype=np.int64)
    t = np.zeros(runs)
    fired = 0
    area, area_time = 0.0, 0.0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < seconds:
        for _ in range(64):
            total = BIRTH + DEATH * x
            dt = rng.standard_exponential(runs) / total
            burnt = t > 10.0 / DEATH
            area += float(np.dot(x * burnt, dt))
            area_time += float(np.dot(burnt, dt))
            t += dt
            x += np.where(rng.random(runs) * total < BIRTH, 1, -1)
            fired += runs
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return fired, wall, cpu, area / area_time if area_time > 0 else float("nan")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("loop", "vector"):
        sys.exit("usage: ssa_numpy.py loop|vector seconds [runs] [seed]")
    mode, seconds = sys.argv[1], float(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if mode == "loop":
        fired, wall, cpu, mean = loop(seconds, seed)
    else:
        fired, wall, cpu, mean = vector(seconds, runs, seed)
    print(f"RESULT peer=numpy_{mode} reactions={fired} reactions_per_second={fired / wall:.4g} "
          f"cpu_reactions_per_second={fired / cpu:.4g} mean_x={mean:.4f}")


if __name__ == "__main__":
    main()
