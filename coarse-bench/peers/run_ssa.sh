#!/usr/bin/env bash
# Gillespie's direct method on the birth-death network, Coarse beside the numpy peers (ssa_numpy.py), one core each,
# one after the other. Coarse: `coarse dynamics ssa --example birth-death` as one long trajectory (4·10^7 reactions);
# its JSON gives wall and thread-CPU rates. Run from the repository root after
# `./mvnw -o -B -q -pl coarse-cli -am -DskipTests package`.
#
#   coarse-bench/peers/run_ssa.sh [peer_seconds=10]
set -euo pipefail
seconds=${1:-10}
cd "$(dirname "$0")/../.."
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
./coarse dynamics ssa --example birth-death --t-end 1000000 --runs 1 --points 2 --json \
  | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print("RESULT coarse reactions=%d reactions_per_second=%.4g cpu_reactions_per_second=%.4g mean_x_final=%s" % (d["reactions"], d["reactions_per_second"], d["reactions_per_cpu_second"], d["mean"]["X"][-1]))'
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
/usr/bin/python3 coarse-bench/peers/ssa_numpy.py loop "$seconds"
/usr/bin/python3 coarse-bench/peers/ssa_numpy.py vector "$seconds" 10000
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
