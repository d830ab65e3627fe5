#!/usr/bin/env bash
# Store load benchmark: writes N (default 5000) result records into a file: store and into an S3Proxy it starts on
# 127.0.0.1, times compacting them (serial vs the compactor's I/O pool) and loading the compacted table, and counts
# the bytes each invocation kind of a real quick study moves. Prints JSON and writes bench/results/store-load.json.
#   bench/store-load.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o install -DskipTests -pl qsar-dsl,qsar-dsl/s3,bench -am
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
# This worktree's classes first: the shared ~/.m2 copies may come from another worktree's install.
CP="qsar-dsl/target/classes:qsar-dsl/s3/target/classes:bench/target/classes:$(cat "$CP_FILE")"
java -Xmx2g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Djava.awt.headless=true -cp "$CP" \
  io.qspace.bench.store.StoreLoad "${1:-5000}" bench/results/store-load.json
