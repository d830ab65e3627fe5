#!/usr/bin/env bash
# Classification studies on MoleculeACE (issue 12), qspace's side: the default study on each set with its given
# split, active at pKi/pEC50 >= THRESHOLD, on SLOTS slots (a comma list runs each, to show equal numbers).
#   bench/classification.sh [--sets A,B,...] [--threshold 7] [--slots 4] [--seed 42] [--data ../shared/datasets/moleculeace]
# Resumable: bench/results/classification/<set>-t<threshold>-slots<n>.json is kept and not run again.
# Prints one line per set and run: best model by CV ROC-AUC, its CV and test ROC-AUC, test MCC, CPU s, digest.
# The scikit-learn peer on the same classes is not part of this script yet.
set -euo pipefail
cd "$(dirname "$0")/.."
SETS=""
THRESHOLD=7
SLOTS=4
SEED=42
DATA="$(cd .. && pwd)/shared/datasets/moleculeace"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sets) SETS="$2"; shift 2 ;;
    --threshold) THRESHOLD="$2"; shift 2 ;;
    --slots) SLOTS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    *) echo "classification: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [[ ! -d "$DATA" ]]; then
  echo "classification: the MoleculeACE sets are not at $DATA (the team's shared folder); nothing to run." >&2
  exit 0
fi
[[ -n "$SETS" ]] || SETS="$(cd "$DATA" && ls CHEMBL*.csv | sed 's/\.csv$//' | paste -sd, -)"
source bench/java-classpath.sh
RUNS=bench/results/classification
mkdir -p "$RUNS"
for set in ${SETS//,/ }; do
  for slots in ${SLOTS//,/ }; do
    out="$RUNS/$set-t$THRESHOLD-slots$slots.json"
    if [[ ! -s "$out" ]]; then
      echo "== $set: active at >= $THRESHOLD, $slots slot(s)" >&2
      java -Xmx4g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$BENCH_CP" \
        io.qspace.bench.ClassificationBench "$DATA/$set.csv" "$set" "$THRESHOLD" "$slots" "$SEED" "$out.tmp" >/dev/null \
        && mv "$out.tmp" "$out"
    fi
    python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["datasets"][0]
b = r.get("best")
if not b:
    print(f"{r['name']}: no model ({r.get('skipped', '')[:200]})")
else:
    print(f"{r['name']} slots={r['slots']}: {b['builder']} on {b['feature_set']}, CV ROC-AUC {b['cv_roc_auc']:.3f}, "
          f"test ROC-AUC {b['test_roc_auc']:.3f}, PR-AUC {b['test_pr_auc']:.3f}, MCC {b['test_mcc']:.3f}, "
          f"Brier {b['test_brier']:.3f}; {r['class_balance']}; {r['cpu_seconds']:.0f} CPU s, "
          f"{r['wall_seconds']:.0f} s; digest {r['numbers_digest'][:12]}")
PY
  done
done
