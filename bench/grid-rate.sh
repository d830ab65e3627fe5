#!/usr/bin/env bash
# Sleep-0 invocations/s end to end on member JVMs of this box.
# Options: --members 2 --slots 4 --window 256 --tasks 50000 --repeats 3   (JSON to bench/results/grid-rate.json)
source "$(dirname "$0")/grid-common.sh"
exec "${jvm[@]}" io.qspace.bench.grid.RateBench --out bench/results "$@"
