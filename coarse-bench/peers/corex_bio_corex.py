#!/usr/bin/python3
"""Side-by-side peer for `coarse reduce --method corex` (BENCHMARKS.md, "CorEx").

Writes planted-factor data (binary variables, each a noisy copy of one of F hidden fair coins) as .npy, then, unless
--write-only, fits bio_corex's discrete CorEx (Ver Steeg, github.com/gregversteeg/bio_corex, fetched separately, never
part of Coarse) on it and prints one JSON line: seconds, iterations, TC explained (nats).

  /usr/bin/python3 corex_bio_corex.py --samples 10000 --variables 500 --factors 20 --out planted.npy \
      --bio-corex /work/peers/bio_corex
"""
import argparse, json, sys, time
import numpy as np

p = argparse.ArgumentParser()
p.add_argument("--samples", type=int, default=10000)
p.add_argument("--variables", type=int, default=500)
p.add_argument("--factors", type=int, default=20)
p.add_argument("--flip", type=float, default=0.1, help="probability that a variable differs from its factor")
p.add_argument("--seed", type=int, default=1)
p.add_argument("--out", required=True)
p.add_argument("--bio-corex", default="/work/peers/bio_corex")
p.add_argument("--max-iter", type=int, default=100)
p.add_argument("--write-only", action="store_true")
a = p.parse_args()

rng = np.random.default_rng(a.seed)
y = rng.integers(0, 2, size=(a.samples, a.factors))
parent = np.arange(a.variables) % a.factors
x = y[:, parent] ^ (rng.random((a.samples, a.variables)) < a.flip)
np.save(a.out, x.astype(np.int8))
if a.write_only:
    sys.exit(0)
sys.path.insert(0, a.bio_corex)
import corex as ce
start = time.time()
cpu = time.process_time()
model = ce.Corex(n_hidden=a.factors, dim_hidden=2, marginal_description="discrete", max_iter=a.max_iter, seed=a.seed)
model.fit(x)
seconds = time.time() - start
cpu_seconds = time.process_time() - cpu
print(json.dumps({"peer": "bio_corex", "samples": a.samples, "variables": a.variables, "factors": a.factors,
                  "seconds": seconds, "cpu_seconds": cpu_seconds, "iterations": len(model.tc_history), "tc": float(model.tc)}))
