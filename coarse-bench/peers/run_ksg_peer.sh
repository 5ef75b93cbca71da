#!/usr/bin/env bash
# KSG vs scipy: generates N = 100,000 samples of (x, y), Gaussian with ρ = 0.6, writes them to one CSV, and
# times Coarse's KsgEstimator (single thread, best of 5 after warm-up) and the scipy cKDTree peer (best of 5)
# on that same file in the same run. Prints both timings, both estimates, the ratio and the difference.
# Usage: coarse-bench/peers/run_ksg_peer.sh [N] [K]   (from the repository root)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-100000}"
k="${2:-4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/ksg-data.csv"
python3 - "$data" "$n" <<'PY'
import sys
import numpy as np
rng = np.random.default_rng(20261123)
n = int(sys.argv[2])
x = rng.standard_normal(n)
y = 0.6 * x + 0.8 * rng.standard_normal(n)
np.savetxt(sys.argv[1], np.column_stack([x, y]), delimiter=",", fmt="%.17g")
PY
(cd "$root" && ./mvnw -o -q -B test-compile -pl coarse-core >&2)
cp="$root/coarse-core/target/classes:$root/coarse-core/target/test-classes"
java_out="$(java -Xmx2g -cp "$cp" dev.coarse.info.KsgTiming "$data" "$k" 5)"
py_out="$(python3 "$here/ksg_scipy.py" "$data" "$k" 5)"
echo "N=$n k=$k"
echo "$java_out"
echo "$py_out"
python3 - "$java_out" "$py_out" <<'PY'
import sys
vals = {}
for block in sys.argv[1:]:
    for line in block.splitlines():
        key, value = line.split("=")
        vals[key] = float(value)
print(f"ratio_scipy_over_java={vals['scipy_seconds'] / vals['java_seconds']:.2f}")
diff = abs(vals['java_estimate'] - vals['scipy_estimate'])
print(f"abs_difference={diff:.3e}")
print("agree_to_1e-6=" + ("yes" if diff < 1e-6 else "NO"))
PY
