#!/usr/bin/env bash
# Side-by-side speed of Coarse's kernels (multi-spin and scalar checkerboard Metropolis, Wolff, Swendsen-Wang)
# and the peers in this directory, same L and T, same run.
#
# Scalar (one-configuration) checkerboard Metropolis runs three ways: coarse_scalar_1t is the `metropolis` sampler
# (its packed kernel: 64 sites of one colour per long) in calls of 16 sweeps, as a chain stored every 16 sweeps runs
# it (the configuration is converted from and to bytes once per call); coarse_scalar_1call the same with one sweep
# per call; coarse_bytes_1t its byte-per-site kernel (CheckerboardMetropolis.bytewise), the layout of the numpy and
# plain C peers.
#
# Multi-spin peers: c_multispin_simd8 (ising_multispin.c's SIMD sibling ising_multispin_simd.c built with -DVW=8:
# the algorithm of Coarse's multispin sampler -- sublattice layout, blocks of 8 sites, one xoshiro256** stream per
# site of a block; one 512-bit vector where -march=native has AVX-512) is the peer of the
# "multispin_1t/c_multispin_simd8" target; c_multispin_simd is the same source with 4 sites per 256-bit vector,
# the peer of the multispin-narrow sampler (coarse_multispin_narrow_1t, "multispin_narrow_1t/c_multispin_simd");
# c_multispin (ising_multispin.c: one site per 64-bit word) is kept as a reference line,
# "multispin_1t/c_multispin_word".
# The Java kernels use jdk.incubator.vector: every java call passes --add-modules jdk.incubator.vector, and the
# JVM's stderr line "WARNING: Using incubator modules: jdk.incubator.vector" is filtered out (harmless;
# results are read from stdout's RESULT line).
#
#   coarse-bench/peers/run_all.sh [L=128] [T=T_c] [seconds=5] [check_L=68] [check_seconds=4] [tau_ksweeps=100]
#
# Coarse's kernels run on the JVM ./coarse picks (coarse-cli/src/main/sh/java-runtime.sh: $COARSE_JAVA, else
# $JAVA_HOME, else the newest JDK under /usr/lib/jvm, else java on the PATH); the first lines of the output name
# it. E.g. COARSE_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java coarse-bench/peers/run_all.sh times them
# under JDK 17 (docs/performance.md, "Which JDK"). The jar is built for Java 17 either way.
#
# 1. builds the C peers (ising_checkerboard, ising_multispin, ising_multispin_simd) into
#    coarse-bench/peers/build/ (gcc -O3 -march=native) and the benchmark jar
#    (./mvnw -o -q package -pl coarse-core,coarse-bench -DskipTests);
# 2. speed: runs every program at L, T for `seconds` per phase (thermalise 1/3, measure energy, time sweeps);
# 3. correctness: runs every program at check_L, T and compares its energy per site with Coarse's multispin
#    kernel (|Δe| ≤ 4σ combined; a fast but wrong peer is no peer). The default 68 runs the scalar kernel's
#    32-site blocks (L ≥ 66: one 512-bit vector on JDK 18+ with AVX-512, else two 256-bit halves), the
#    blocks it runs at L = 128 (until 2026-11-23 the check was at L = 32, below its vector schedule);
# 4. prints a table: flips/ns (wall clock), cpu_f/ns (per CPU-second actually used: robust on a busy machine;
#    for 2 threads it is the per-core speed), the ratios Coarse multispin (1 thread) / program, and the
#    energy check; then the targets of issue 3 as ratios from this run;
# 5. independent samples per second at L=64: Wolff and SW (steps/s / 2 tau_int of |m|, tau measured by
#    KernelSpeed) against numpy Metropolis (sweeps/s of the numpy peer at L=64 / 2 tau_int of |m|). The numpy
#    peer is too slow to measure its own tau well, so tau comes from ising_multispin.c, whose 64 replicas run
#    exactly the numpy peer's Markov chain (checkerboard Metropolis accepting dE <= 0 always): it writes |m| of
#    every replica after each of tau_ksweeps thousand sweeps, and Coarse's estimator (TauOfSeries, Sokal's
#    window over the pooled autocorrelation) reads it. (Coarse's own Metropolis kernels accept dE = 0 with a
#    probability below 1 -- always accepting it is reducible, see MultispinMetropolis -- so their dynamics,
#    and tau, differ from the numpy peer's.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
L="${1:-128}"
T="${2:-2.269185314213022}"
SECONDS_PER_PHASE="${3:-5}"
CHECK_L="${4:-68}"
CHECK_SECONDS="${5:-4}"
TAU_KSWEEPS="${6:-100}"
IND_L=64
# shellcheck source=../../coarse-cli/src/main/sh/java-runtime.sh
. "$root/coarse-cli/src/main/sh/java-runtime.sh"
coarse_find_java
JAVA="$coarse_java"
build="$here/build"
jar="$root/coarse-bench/target/coarse-bench.jar"

mkdir -p "$build"
for peer in ising_checkerboard ising_multispin ising_multispin_simd; do
  gcc -O3 -march=native -o "$build/$peer" "$here/$peer.c" -lm
done
gcc -O3 -march=native -DVW=8 -Wno-psabi -o "$build/ising_multispin_simd8" "$here/ising_multispin_simd.c" -lm
# always (re)build: a jar left from before a change to coarse-core would time the old kernels
(cd "$root" && ./mvnw -o -q -B package -pl coarse-core,coarse-bench -DskipTests)

# stderr filter for the JVM's notice about the incubator module (every other stderr line passes through)
no_incubator_warning() { grep -v '^WARNING: Using incubator modules: jdk\.incubator\.vector$' >&2 || true; }

run() { # name L seconds → one RESULT line
  local name="$1" size="$2" secs="$3"
  case "$name" in
    numpy) python3 "$here/ising_numpy.py" "$size" "$T" "$secs" ;;
    c_checkerboard) "$build/ising_checkerboard" "$size" "$T" "$secs" ;;
    c_multispin) "$build/ising_multispin" "$size" "$T" "$secs" ;;
    c_multispin_simd) "$build/ising_multispin_simd" "$size" "$T" "$secs" ;;
    c_multispin_simd8) "$build/ising_multispin_simd8" "$size" "$T" "$secs" ;;
    coarse_multispin_1t) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed "$size" "$T" "$secs" 1 ;;
    coarse_multispin_2t) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed "$size" "$T" "$secs" 2 ;;
    coarse_multispin_narrow_1t) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed narrow "$size" "$T" "$secs" 1 ;;
    coarse_scalar_1t) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed scalar16 "$size" "$T" "$secs" 1 ;;
    coarse_scalar_1call) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed scalar "$size" "$T" "$secs" 1 ;;
    coarse_bytes_1t) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed bytes "$size" "$T" "$secs" 1 ;;
    coarse_wolff_1t) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed wolff "$size" "$T" "$secs" 1 ;;
    coarse_sw_1t) "$JAVA" --add-modules jdk.incubator.vector -cp "$jar" dev.coarse.bench.KernelSpeed sw "$size" "$T" "$secs" 1 ;;
    tau_numpy) # the numpy peer's Markov chain, 64 replicas at a time: |m| series by the C peer, τ by Coarse's estimator
      "$build/ising_multispin" "$size" "$T" 0 1 "$build/absm_$size.bin" "$((TAU_KSWEEPS * 1000))" >/dev/null
      java -cp "$jar" dev.coarse.bench.TauOfSeries "$build/absm_$size.bin" 64
      rm -f "$build/absm_$size.bin" ;;
  esac 2> >(no_incubator_warning) | grep '^RESULT'
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

programs=(coarse_multispin_1t coarse_multispin_2t coarse_multispin_narrow_1t coarse_scalar_1t coarse_scalar_1call
  coarse_bytes_1t coarse_wolff_1t coarse_sw_1t c_multispin_simd c_multispin_simd8 c_multispin c_checkerboard numpy)
declare -A speed cpuspeed echeck eerr
echo "# speed: 2D Ising, L=$L, T=$T, ${SECONDS_PER_PHASE}s per phase; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "# Coarse on: $("$JAVA" -version 2>&1 | head -1); peers: $(gcc --version | head -1), $(python3 --version 2>&1)" >&2
phase() { # L seconds FIELD1 ARRAY1 FIELD2 ARRAY2: runs every program once, keeping two fields of its RESULT line
  local size="$1" secs="$2" p line
  local -n first="$4" second="$6"
  for p in "${programs[@]}"; do
    line="$(run "$p" "$size" "$secs")"
    echo "$line" >&2
    first[$p]="$(field "$line" "$3")"
    second[$p]="$(field "$line" "$5")"
  done
}
phase "$L" "$SECONDS_PER_PHASE" flips_per_ns speed cpu_flips_per_ns cpuspeed
echo "# correctness: energy per site at L=$CHECK_L, T=$T" >&2
phase "$CHECK_L" "$CHECK_SECONDS" e echeck e_err eerr

ref="${speed[coarse_multispin_1t]}"
cpuref="${cpuspeed[coarse_multispin_1t]}"
printf '\n%-26s %10s %10s %12s %12s %26s %s\n' program flips/ns cpu_f/ns "1t/program" "1t/prog(cpu)" \
  "e (L=$CHECK_L)" check
for p in "${programs[@]}"; do
  awk -v p="$p" -v s="${speed[$p]}" -v r="$ref" -v cs="${cpuspeed[$p]}" -v cr="$cpuref" \
      -v e="${echeck[$p]}" -v de="${eerr[$p]}" \
      -v e0="${echeck[coarse_multispin_1t]}" -v de0="${eerr[coarse_multispin_1t]}" 'BEGIN {
    sigma = sqrt(de * de + de0 * de0); diff = e - e0; if (diff < 0) diff = -diff
    ok = (p == "coarse_multispin_1t") ? "reference" : (diff <= 4 * sigma ? "ok" : "MISMATCH")
    printf "%-26s %10.4f %10.4f %12.2f %12.2f %17.5f ± %.5f  %s\n", p, s, cs, r / s, cr / cs, e, de, ok }'
done
awk -v a="${speed[coarse_multispin_2t]}" -v b="$ref" 'BEGIN { printf "\n2 threads / 1 thread: %.2f\n", a / b }'

echo "# independent samples: L=$IND_L, T=$T" >&2
wolff64="$(run coarse_wolff_1t "$IND_L" "$SECONDS_PER_PHASE")"; echo "$wolff64" >&2
sw64="$(run coarse_sw_1t "$IND_L" "$SECONDS_PER_PHASE")"; echo "$sw64" >&2
numpy64="$(run numpy "$IND_L" "$SECONDS_PER_PHASE")"; echo "$numpy64" >&2
tau64="$(run tau_numpy "$IND_L" 0)"; echo "$tau64" >&2

printf '\n%-38s %12s %12s\n' target ratio "ratio(cpu)"
ratio() { # label a b a_cpu b_cpu
  awk -v l="$1" -v a="$2" -v b="$3" -v ac="$4" -v bc="$5" 'BEGIN { printf "%-38s %12.2f %12.2f\n", l, a / b, ac / bc }'
}
ratio "multispin_1t/c_multispin_simd8" "$ref" "${speed[c_multispin_simd8]}" "$cpuref" "${cpuspeed[c_multispin_simd8]}"
ratio "multispin_narrow_1t/c_multispin_simd" "${speed[coarse_multispin_narrow_1t]}" "${speed[c_multispin_simd]}" \
  "${cpuspeed[coarse_multispin_narrow_1t]}" "${cpuspeed[c_multispin_simd]}"
ratio "multispin_1t/c_multispin_word" "$ref" "${speed[c_multispin]}" "$cpuref" "${cpuspeed[c_multispin]}"
ratio "multispin_2t/1t" "${speed[coarse_multispin_2t]}" "$ref" "${cpuspeed[coarse_multispin_2t]}" "$cpuref"
for p in coarse_scalar_1t coarse_scalar_1call coarse_bytes_1t; do
  ratio "${p#coarse_}/c_checkerboard" "${speed[$p]}" "${speed[c_checkerboard]}" "${cpuspeed[$p]}" \
    "${cpuspeed[c_checkerboard]}"
done
for p in coarse_multispin_1t coarse_multispin_2t coarse_multispin_narrow_1t coarse_scalar_1t coarse_scalar_1call \
    coarse_bytes_1t coarse_wolff_1t coarse_sw_1t; do
  ratio "${p#coarse_}/numpy" "${speed[$p]}" "${speed[numpy]}" "${cpuspeed[$p]}" "${cpuspeed[numpy]}"
done
awk -v w="$(field "$wolff64" independent_per_s)" -v wc="$(field "$wolff64" cpu_independent_per_s)" \
    -v s="$(field "$sw64" independent_per_s)" -v sc="$(field "$sw64" cpu_independent_per_s)" \
    -v f="$(field "$numpy64" flips_per_ns)" -v fc="$(field "$numpy64" cpu_flips_per_ns)" \
    -v tau="$(field "$tau64" tau)" -v n="$((IND_L * IND_L))" 'BEGIN {
  np = f * 1e9 / n / (2 * tau); npc = fc * 1e9 / n / (2 * tau)
  printf "\nindependent samples/s at L=%d: numpy %.4g (cpu %.4g; tau_int|m| = %.1f sweeps), wolff %.4g (cpu %.4g), sw %.4g (cpu %.4g)\n", \
    sqrt(n), np, npc, tau, w, wc, s, sc
  printf "%-38s %12.2f %12.2f\n", "wolff64_indep/numpy", w / np, wc / npc
  printf "%-38s %12.2f %12.2f\n", "sw64_indep/numpy", s / np, sc / npc }'
