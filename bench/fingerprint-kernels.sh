#!/usr/bin/env bash
# Fingerprint kernels against the default model space on ECFP4: svr-rbf vs svr-tanimoto vs gp test RMSE, best by CV
# with and without them, and their cost, on MoleculeACE sets with their given split, in one run.
#   bench/fingerprint-kernels.sh [--sets CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki] [--seed 42]
# Writes bench/results/fingerprint-kernels.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SETS=CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki
SEED=42
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sets) SETS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    *) echo "fingerprint-kernels: unknown argument $1" >&2; exit 2 ;;
  esac
done
DATA="$(cd .. && pwd)/shared/datasets/moleculeace"
if [[ ! -d "$DATA" ]]; then
  echo "fingerprint-kernels: the MoleculeACE sets are not at $DATA (the team's shared folder); nothing to measure." >&2
  exit 0
fi
mkdir -p bench/results
mvn -B -q install -DskipTests -pl qsar-dsl,bench -am
CP_FILE=bench/target/classpath.txt
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
CP="bench/target/classes:qsar-dsl/target/classes:$(cat "$CP_FILE")"
java -Xmx6g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CP" \
  io.qspace.bench.FingerprintKernelBench "$DATA" "$SETS" "$SEED" bench/results/fingerprint-kernels.md
