# Which java runs Coarse: sourced by ./coarse and coarse-bench/peers/run_all.sh, so that the launcher and the
# benchmarks use the same JVM. Sets coarse_java (a java executable) by the first rule that applies:
#   1. $COARSE_JAVA, a java executable;
#   2. $JAVA_HOME/bin/java when JAVA_HOME is set;
#   3. the newest JDK of release 17 or later under /usr/lib/jvm that has the jdk.incubator.vector module
#      (a newer C2 compiles the vector kernels better: the multi-spin sampler runs 1.7x faster on JDK 25 with
#      AVX-512 than on JDK 17, docs/performance.md "Which JDK"); the build itself is for Java 17;
#   4. java on the PATH.
# With an argument N, rule 3 takes the newest JDK of release 17 to N (`coarse sweep --engine spark`: Spark 4.0 runs
# on Java 17 and 21 only, its Hadoop libraries fail on Java 23 and later).
# Prints nothing; the caller checks that coarse_java runs.
coarse_find_java() {
  local max_major="${1:-9999}"
  coarse_java="${COARSE_JAVA:-}"
  [ -n "$coarse_java" ] && return 0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    coarse_java="$JAVA_HOME/bin/java"
    return 0
  fi
  local release major best_major=0
  for release in "${COARSE_JVM_DIR:-/usr/lib/jvm}"/*/release; do
    [ -f "$release" ] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    # JDK 8 writes "1.8.0_…": major 1, skipped below
    if [ -n "$major" ] && [ "$major" -ge 17 ] && [ "$major" -gt "$best_major" ] \
        && [ "$major" -le "$max_major" ] \
        && grep -q '^MODULES=.*jdk\.incubator\.vector' "$release" \
        && [ -x "$(dirname "$release")/bin/java" ]; then
      best_major="$major"
      coarse_java="$(dirname "$release")/bin/java"
    fi
  done
  [ -n "$coarse_java" ] || coarse_java=java
}
