#!/usr/bin/env python3
"""scipy peer for the KSG benchmark: KSG algorithm 1 (max-norm) with cKDTree, counts via
query_ball_point(return_length=True). Strict inequality in the marginal counts (as in Kraskov et al. 2004 and
Coarse's KsgEstimator) is obtained by querying with radius nextafter(eps, 0) and the inclusive test of
cKDTree. Prints the best wall time of REPEATS runs (single thread: workers=1) and the estimate.

Usage: ksg_scipy.py FILE K [REPEATS]   (FILE: two columns x,y, no header)
"""
import sys
import time

import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma


def ksg(x, y, k):
    n = len(x)
    xy = np.column_stack([x, y])
    dist, _ = cKDTree(xy).query(xy, k=k + 1, p=np.inf, workers=1)
    radius = np.nextafter(dist[:, -1], 0)
    xs = x[:, None]
    ys = y[:, None]
    nx = cKDTree(xs).query_ball_point(xs, radius, p=np.inf, return_length=True, workers=1) - 1
    ny = cKDTree(ys).query_ball_point(ys, radius, p=np.inf, return_length=True, workers=1) - 1
    return digamma(k) + digamma(n) - np.mean(digamma(nx + 1) + digamma(ny + 1))


def main():
    path, k = sys.argv[1], int(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    data = np.loadtxt(path, delimiter=",")
    x = np.ascontiguousarray(data[:, 0])
    y = np.ascontiguousarray(data[:, 1])
    best = float("inf")
    est = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        est = ksg(x, y, k)
        best = min(best, time.perf_counter() - t0)
    print(f"scipy_seconds={best:.6f}")
    print(f"scipy_estimate={est:.15f}")


if __name__ == "__main__":
    main()
