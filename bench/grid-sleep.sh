#!/usr/bin/env bash
# Sleep-N scaling on 1..16 member JVMs (the paper's RPE plot). Long with defaults: for the lead's quiet box.
# Options: --sleeps 0.5,2,8 --members 1,2,4,8,16 --slots 4 --window 4 --tasks 512,512,128 (one per sleep)
# (bench/results/grid-sleep.{json,png}; about 20 minutes with the defaults)
source "$(dirname "$0")/grid-common.sh"
exec "${jvm[@]}" io.qspace.bench.grid.SleepBench --out bench/results "$@"
