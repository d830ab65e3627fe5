#!/usr/bin/env bash
# What the default filters and selectors cost on a 2,200 x 2,348 matrix (SelectionCost): each step's wall time and
# its share of the whole. About a minute on 2 cores, most of it the forest.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java-classpath.sh
java -cp "$BENCH_CP" io.qspace.bench.SelectionCost "$@"
