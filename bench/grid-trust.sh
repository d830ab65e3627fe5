#!/usr/bin/env bash
# What leases and signing cost the grid: sleep-0 rate on 2 members and a 2-s sleep study on 16, trust on vs off in
# one run. Options: --rate-tasks 20000 --repeats 3 --members 16 --sleep-tasks 512 --sleep-ms 2000
# (JSON to bench/results/grid-trust.json; ratios on/off, target >= 0.9)
source "$(dirname "$0")/grid-common.sh"
exec "${jvm[@]}" io.qspace.bench.grid.TrustBench --out bench/results "$@"
