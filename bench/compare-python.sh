#!/usr/bin/env bash
# Python baseline of the qspace benchmark (RDKit + scikit-learn), one core.
#
#   bench/compare-python.sh [baseline.py args...]
#
# Creates bench/python/.venv from PyPI when missing or when requirements.txt changed,
# then runs baseline.py. Defaults: --data ../shared/datasets/moleculeace (beside the clone)
# --sets CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki --seed 42 --out bench/results/python-baseline.json
# (any of them can be overridden: later arguments win).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

DATA="$(cd "$HERE/../.." && pwd)/shared/datasets/moleculeace"
SETS="CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki"
SEED=42
OUT="$HERE/results/python-baseline.json"
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --data=*) DATA="${1#*=}"; shift ;;
    --sets) SETS="$2"; shift 2 ;;
    --sets=*) SETS="${1#*=}"; shift ;;
    --seed) SEED="$2"; shift 2 ;;
    --seed=*) SEED="${1#*=}"; shift ;;
    --out) OUT="$2"; shift 2 ;;
    --out=*) OUT="${1#*=}"; shift ;;
    *) EXTRA+=("$1"); shift ;;
  esac
done

if [[ ! -d "$DATA" ]]; then
  echo "compare-python: dataset folder $DATA not found; skipping the Python baseline." >&2
  exit 0
fi

source "$HERE/python-venv.sh"
mkdir -p "$(dirname "$OUT")"
exec "$PY_VENV/bin/python" "$PY_DIR/baseline.py" --data "$DATA" --sets "$SETS" --seed "$SEED" \
  --out "$OUT" ${EXTRA[@]+"${EXTRA[@]}"}
