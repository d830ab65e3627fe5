#!/usr/bin/env bash
# What one more member costs an idle cluster: CPU and memory per member JVM for 2, 4, 8, 16 members (about 5 minutes).
# Options: --members 2,4,8,16 --settle 20 --seconds 20   (JSON to bench/results/member-cost.json; Linux /proc)
source "$(dirname "$0")/grid-common.sh"
exec "${jvm[@]}" io.qspace.bench.grid.MemberCostBench --out bench/results "$@"
