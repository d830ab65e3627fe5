#!/usr/bin/env bash
# Library-scale prediction, one command (bench/STREAMING.md): one stored ECFP4 SVR model (fitted on one MoleculeACE
# set) predicts N SMILES (every MoleculeACE structure, repeated) from a .smi file to a CSV in one JVM capped at 512 MB
# of heap: rows per second and per CPU second, peak heap at each N.
#   bench/streaming.sh [--rows 100000,1000000] [--threads 2] [--train CHEMBL2835_Ki] [--grid-members 2] [--data DIR]
# --grid-members N: the same file also predicted on N member JVMs (4 slots each) and the outputs compared byte for
# byte (0: skip).
# Writes bench/results/streaming.json.
set -euo pipefail
BENCH=streaming
OWN_FLAGS="--rows --threads --train --grid-members"
source "$(dirname "$0")/moleculeace-common.sh"
ROWS="${OWN[--rows]:-100000,1000000}"
THREADS="${OWN[--threads]:-$(nproc)}"
TRAIN="${OWN[--train]:-CHEMBL2835_Ki}"
GRID_MEMBERS="${OWN[--grid-members]:-2}"
java -Xmx512m -cp "$CP" io.qspace.bench.StreamingBench "$DATA" "$TRAIN" "$ROWS" "$THREADS" bench/results/streaming.json "$GRID_MEMBERS"
