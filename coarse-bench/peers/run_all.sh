#!/usr/bin/env bash
# Side-by-side speed of Coarse's multi-spin Metropolis and the peers in this directory, same L and T, same run.
#
#   coarse-bench/peers/run_all.sh [L=128] [T=T_c] [seconds=5] [check_L=32] [check_seconds=4]
#
# 1. builds the C peers into coarse-bench/peers/build/ (gcc -O3 -march=native) and, if missing, the
#    benchmark jar (./mvnw -o -q package -pl coarse-core,coarse-bench -DskipTests);
# 2. speed: runs every program at L, T for `seconds` per phase (thermalise 1/3, measure energy, time sweeps);
# 3. correctness: runs every program at check_L, T and compares its energy per site with Coarse's multispin
#    kernel (|Δe| ≤ 4σ combined; a fast but wrong peer is no peer);
# 4. prints a table: flips/ns (wall clock), cpu_f/ns (per CPU-second actually used: robust on a busy machine;
#    for 2 threads it is the per-core speed), the ratios Coarse (1 thread) / program, and the energy check.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
L="${1:-128}"
T="${2:-2.269185314213022}"
SECONDS_PER_PHASE="${3:-5}"
CHECK_L="${4:-32}"
CHECK_SECONDS="${5:-4}"
build="$here/build"
jar="$root/coarse-bench/target/coarse-bench.jar"

mkdir -p "$build"
for peer in ising_checkerboard ising_multispin; do
  gcc -O3 -march=native -o "$build/$peer" "$here/$peer.c" -lm
done
if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -o -q -B package -pl coarse-core,coarse-bench -DskipTests)
fi

run() { # name L seconds → one RESULT line
  local name="$1" size="$2" secs="$3"
  case "$name" in
    numpy) python3 "$here/ising_numpy.py" "$size" "$T" "$secs" ;;
    c_checkerboard) "$build/ising_checkerboard" "$size" "$T" "$secs" ;;
    c_multispin) "$build/ising_multispin" "$size" "$T" "$secs" ;;
    coarse_multispin_1t) java -cp "$jar" dev.coarse.bench.KernelSpeed "$size" "$T" "$secs" 1 ;;
    coarse_multispin_2t) java -cp "$jar" dev.coarse.bench.KernelSpeed "$size" "$T" "$secs" 2 ;;
  esac | grep '^RESULT'
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

programs=(coarse_multispin_1t coarse_multispin_2t c_multispin c_checkerboard numpy)
declare -A speed cpuspeed echeck eerr
echo "# speed: 2D Ising, L=$L, T=$T, ${SECONDS_PER_PHASE}s per phase; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for p in "${programs[@]}"; do
  line="$(run "$p" "$L" "$SECONDS_PER_PHASE")"
  echo "$line" >&2
  speed[$p]="$(field "$line" flips_per_ns)"
  cpuspeed[$p]="$(field "$line" cpu_flips_per_ns)"
done
echo "# correctness: energy per site at L=$CHECK_L, T=$T" >&2
for p in "${programs[@]}"; do
  line="$(run "$p" "$CHECK_L" "$CHECK_SECONDS")"
  echo "$line" >&2
  echeck[$p]="$(field "$line" e)"
  eerr[$p]="$(field "$line" e_err)"
done

ref="${speed[coarse_multispin_1t]}"
cpuref="${cpuspeed[coarse_multispin_1t]}"
printf '\n%-22s %10s %10s %12s %12s %26s %s\n' program flips/ns cpu_f/ns "1t/program" "1t/prog(cpu)" \
  "e (L=$CHECK_L)" check
for p in "${programs[@]}"; do
  awk -v p="$p" -v s="${speed[$p]}" -v r="$ref" -v cs="${cpuspeed[$p]}" -v cr="$cpuref" \
      -v e="${echeck[$p]}" -v de="${eerr[$p]}" \
      -v e0="${echeck[coarse_multispin_1t]}" -v de0="${eerr[coarse_multispin_1t]}" 'BEGIN {
    sigma = sqrt(de * de + de0 * de0); diff = e - e0; if (diff < 0) diff = -diff
    ok = (p == "coarse_multispin_1t") ? "reference" : (diff <= 4 * sigma ? "ok" : "MISMATCH")
    printf "%-22s %10.4f %10.4f %12.2f %12.2f %17.5f ± %.5f  %s\n", p, s, cs, r / s, cr / cs, e, de, ok }'
done
awk -v a="${speed[coarse_multispin_2t]}" -v b="$ref" 'BEGIN { printf "\n2 threads / 1 thread: %.2f\n", a / b }'
