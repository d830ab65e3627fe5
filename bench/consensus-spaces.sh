#!/usr/bin/env bash
# The model-space levers of the honest-selection benchmark (bench/HONEST_SELECTION.md, "Consensus and candidate
# spaces"), measured on the stores of a finished bench/honest-selection.sh small run without refitting what they hold:
# per set and selection mode, the chosen single model and the top-k consensus in several candidate spaces, one of them
# the default with svr's kernel "auto" (Tanimoto on fingerprints), whose builds a second run of the same study adds.
#   bench/consensus-spaces.sh [--seed 42] [--n-train 80]
# Writes bench/results/consensus-spaces-small.{jsonl,md}.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=42
N_TRAIN=80
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --n-train) N_TRAIN="$2"; shift 2 ;;
    *) echo "consensus-spaces: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
source bench/java-classpath.sh
source bench/python-venv.sh
RUNS="bench/results/honest-selection/small-$N_TRAIN-seed$SEED"
INPUT="bench/target/honest-selection/small-data-$SEED-$N_TRAIN"
stores=()
for json in "$RUNS"/*/qspace-*.json; do
  store="$("$PY_VENV/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["datasets"][0].get("store",""))' "$json")"
  if [[ -n "$store" && -d "$store" ]]; then stores+=("$store"); else echo "consensus-spaces: no store for $json (run bench/honest-selection.sh again)" >&2; fi
done
OUT=bench/results/consensus-spaces-small.jsonl
java -Xmx3g -cp "$BENCH_CP" io.qspace.bench.ConsensusSpaces "$INPUT" "$SEED" "$OUT" "${stores[@]}"
"$PY_VENV/bin/python" "$PY_DIR/honest.py" spaces --runs "$RUNS" --md bench/results/consensus-spaces-small.md "$OUT"
