#!/usr/bin/env bash
# The model-space benchmark, one command: qspace's descriptor space and the Python pipeline (RDKit + scikit-learn,
# bench/MODEL_SPACE.md) on the same MoleculeACE sets with their given split, in the same run, side by side.
#   bench/model-space.sh [--sets CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki] [--seed 42] [--data DIR]
# Writes bench/results/{qspace,python-baseline}.json, model-space.md and model-space.png.
BENCH=model-space
source "$(dirname "$0")/moleculeace-common.sh"

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
