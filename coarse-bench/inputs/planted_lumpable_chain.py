"""Input generator (not a peer): a sparse Markov chain with a planted strongly lumpable partition, for
`coarse dynamics refine` (BENCHMARKS.md, "Sparse exact lumpability").

State i of planted block a sends probability Q_ab to two random states of each of a's four target blocks b (the split
between the two at random), so every row has at most 8 nonzeros and all states of a block have equal block sums;
state labels are shuffled. Writes FILE (triplets 'i j p' after a 'states N' line) and FILE.labels: the planted block
modulo 2 — an observable whose coarsest lumpable refinement is the planted partition.

Usage: python3 planted_lumpable_chain.py STATES BLOCKS FILE [seed]
"""
import sys

import numpy as np


def main():
    states, blocks, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    planted = np.empty(states, dtype=np.int64)
    order = rng.permutation(states)
    planted[order] = np.arange(states) % blocks
    members = [np.flatnonzero(planted == b) for b in range(blocks)]
    targets = rng.integers(0, blocks, size=(blocks, 4))
    q = 0.1 + rng.random((blocks, 4))
    q /= q.sum(axis=1, keepdims=True)
    with open(path, "w") as out:
        out.write(f"states {states}\n")
        lines = []
        for i in range(states):
            a = planted[i]
            for t in range(4):
                m = members[targets[a, t]]
                split = rng.random()
                j1, j2 = m[rng.integers(len(m))], m[rng.integers(len(m))]
                lines.append(f"{i} {j1} {q[a, t] * split!r}\n{i} {j2} {q[a, t] * (1 - split)!r}\n")
        out.write("".join(lines))
    with open(path + ".labels", "w") as out:
        out.write(" ".join(str(b % 2) for b in planted))
        out.write("\n")


if __name__ == "__main__":
    main()
