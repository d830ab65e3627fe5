#!/usr/bin/env bash
# The model-space benchmark, one command: qspace's default study and the Python pipeline (RDKit + scikit-learn,
# bench/MODEL_SPACE.md) on the same MoleculeACE sets with their given split, in the same run, side by side.
#   bench/model-space.sh [--sets CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki] [--seed 42]
# Writes bench/results/{qspace,python-baseline}.json, model-space.md and model-space.png.
set -euo pipefail
cd "$(dirname "$0")/.."
SETS=CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki
SEED=42
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sets) SETS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    *) echo "model-space: unknown argument $1" >&2; exit 2 ;;
  esac
done
DATA="$(cd .. && pwd)/shared/datasets/moleculeace"
if [[ ! -d "$DATA" ]]; then
  echo "model-space: the MoleculeACE sets are not at $DATA (the team's shared folder); nothing to compare." >&2
  exit 0
fi
mkdir -p bench/results
source bench/java-classpath.sh

parts=()
for set in ${SETS//,/ }; do
  echo "== qspace: $set" >&2
  java -Xmx6g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$BENCH_CP" \
    io.qspace.bench.ModelSpaceBench "$DATA" "$set" "$SEED" "bench/results/qspace-$set.json" >/dev/null
  parts+=("bench/results/qspace-$set.json")
done
python3 - "${parts[@]}" > bench/results/qspace.json <<'PY'
import json, sys
docs = [json.load(open(p)) for p in sys.argv[1:]]
merged = dict(docs[0]); merged["datasets"] = [d for doc in docs for d in doc["datasets"]]
print(json.dumps(merged, indent=2))
PY
echo "== python baseline" >&2
bench/compare-python.sh --sets "$SETS" --seed "$SEED" --data "$DATA" --out bench/results/python-baseline.json
bench/python/.venv/bin/python bench/python/compare.py bench/results/qspace.json bench/results/python-baseline.json \
  --md bench/results/model-space.md --png bench/results/model-space.png
