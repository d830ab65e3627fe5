#!/usr/bin/env bash
# Fingerprint kernels against the default model space on ECFP4: svr-rbf vs svr-tanimoto vs gp test RMSE, best by CV
# with and without them, and their cost, on MoleculeACE sets with their given split, in one run.
#   bench/fingerprint-kernels.sh [--sets CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki] [--seed 42] [--data DIR]
# Writes bench/results/fingerprint-kernels.md.
BENCH=fingerprint-kernels
source "$(dirname "$0")/moleculeace-common.sh"
java -Xmx6g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
  io.qspace.bench.FingerprintKernelBench "$DATA" "$SETS" "$SEED" bench/results/fingerprint-kernels.md
