# Sourced by the benchmarks that run qspace in a JVM: builds qsar-dsl and bench (no tests) and sets BENCH_CP to
# their classes and dependencies. Run from the repository root.
mvn -B -q install -DskipTests -pl qsar-dsl,bench -am
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
BENCH_CP="bench/target/classes:qsar-dsl/target/classes:$(cat bench/target/classpath.txt)"
