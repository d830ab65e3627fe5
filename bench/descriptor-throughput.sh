#!/usr/bin/env bash
# Descriptor throughput on CHEMBL204_Ki (or the first datasets-sample CSV): builds qsar-dsl and bench, then runs
# DescriptorThroughput; prints JSON and writes bench/results/descriptor-throughput.json.
# Pass --per-class for per-class CDK costs (adds ~1 minute).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl qsar-dsl,bench -am
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
# This worktree's classes first: the shared ~/.m2 copy of qsar-dsl may come from another worktree's install.
CP="qsar-dsl/target/classes:bench/target/classes:$(cat "$CP_FILE")"
java -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" io.qspace.bench.DescriptorThroughput "$@"
