# Sourced by the benchmarks that run qspace in a JVM: builds qsar-dsl and bench (no tests) and sets BENCH_CP to a
# copy of their classes (so a build started while a benchmark runs cannot swap classes under its JVMs; deleted when
# the sourcing script exits) and their dependencies. Run from the repository root.
mvn -B -q install -DskipTests -pl qsar-dsl,bench -am
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
BENCH_CLASSES="$(mktemp -d "${TMPDIR:-/tmp}/qspace-bench-classes.XXXXXX")"
trap 'rm -rf "$BENCH_CLASSES"' EXIT # the copy lives as long as the benchmark script that sourced this
cp -r bench/target/classes "$BENCH_CLASSES/bench" && cp -r qsar-dsl/target/classes "$BENCH_CLASSES/qsar-dsl"
BENCH_CP="$BENCH_CLASSES/bench:$BENCH_CLASSES/qsar-dsl:$(grep -v '^$' bench/target/classpath.txt | tr ':' '\n' \
  | grep -v '/qsar-dsl-[^/]*\.jar$' | paste -sd: -)"
