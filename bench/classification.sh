#!/usr/bin/env bash
# Classification studies (issue 12), one command: on MoleculeACE's sets with their given split, active at
# pKi/pEC50 >= THRESHOLD, and on KIBA's --kiba-top kinases with the most measured compounds (active at a transformed
# KIBA score >= 12.1, seeded stratified 80/20 split: bench/python/kiba_sets.py), qspace's default classification study
# on SLOTS slots (a comma list runs each, to show equal numbers) and the scikit-learn peer
# (bench/python/peer_classify.py), in the same run, one dataset per process.
#   bench/classification.sh [--sets A,B,...] [--threshold 7] [--slots 4] [--seed 42] [--kiba-top 10]
#                           [--data ../shared/datasets/moleculeace] [--kiba ../shared/datasets/kiba]
#                           [--space default|fingerprints|fingerprints-ap2d]
# --sets names MoleculeACE sets and/or KIBA_<uniprot> sets; --kiba-top 0 leaves KIBA out. --space: another space with
# the mean of its models chosen (fingerprints: the regression default, with the atom-pair fingerprint and leave-one-out
# GP prior means), its qspace runs in bench/results/classification/space-<space>/, set beside the default's runs and
# written to bench/results/classification-summary-<space>.{json,md} (the peer's runs are shared).
# Resumable: bench/results/classification/<set>-t<threshold>-slots<n>.json and peer-<set>-t<threshold>.json are kept
# and not run again. Writes bench/results/classification-summary.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMAND="bench/classification.sh $*"
SETS=""
THRESHOLD=7
SLOTS=4
SEED=42
KIBA_TOP=10
SPACE=default
DATA="$(cd .. && pwd)/shared/datasets/moleculeace"
KIBA="$(cd .. && pwd)/shared/datasets/kiba"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sets) SETS="$2"; shift 2 ;;
    --threshold) THRESHOLD="$2"; shift 2 ;;
    --slots) SLOTS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --kiba-top) KIBA_TOP="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --kiba) KIBA="$2"; shift 2 ;;
    --space) SPACE="$2"; shift 2 ;;
    *) echo "classification: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [[ ! -d "$DATA" ]]; then
  echo "classification: the MoleculeACE sets are not at $DATA (the team's shared folder); nothing to run." >&2
  exit 0
fi
source bench/python-venv.sh
PY="$PY_VENV/bin/python"
KIBA_SETS="bench/target/classification/kiba-top$KIBA_TOP-seed$SEED"
KIBA_THRESHOLD=12.1
kiba_names=""
if (( KIBA_TOP > 0 )); then
  if [[ -d "$KIBA" ]]; then
    "$PY" "$PY_DIR/kiba_sets.py" --kiba "$KIBA" --top "$KIBA_TOP" --seed "$SEED" --out "$KIBA_SETS" >&2
    kiba_names="$(cd "$KIBA_SETS" && ls KIBA_*.csv | sed 's/\.csv$//' | paste -sd, -)"
  else
    echo "classification: KIBA is not at $KIBA; MoleculeACE sets only" >&2
  fi
fi
if [[ -z "$SETS" ]]; then
  SETS="$(cd "$DATA" && ls CHEMBL*.csv | sed 's/\.csv$//' | paste -sd, -)"
  [[ -n "$kiba_names" ]] && SETS="$SETS,$kiba_names"
fi
source bench/java-classpath.sh
RUNS=bench/results/classification
QSPACE_RUNS="$RUNS"; SUMMARY=bench/results/classification-summary
case "$SPACE" in
  default) ;;
  fingerprints|fingerprints-ap2d) QSPACE_RUNS="$RUNS/space-$SPACE"; SUMMARY="$SUMMARY-$SPACE" ;;
  *) echo "classification: --space $SPACE: expected default, fingerprints or fingerprints-ap2d" >&2; exit 2 ;;
esac
mkdir -p "$RUNS" "$QSPACE_RUNS"
failed=()
for set in ${SETS//,/ }; do
  if [[ "$set" == KIBA_* ]]; then
    csv="$KIBA_SETS/$set.csv"; threshold="$KIBA_THRESHOLD"; activity=kiba_score
  else
    csv="$DATA/$set.csv"; threshold="$THRESHOLD"; activity="y [pEC50/pKi]"
  fi
  for slots in ${SLOTS//,/ }; do
    out="$QSPACE_RUNS/$set-t$threshold-slots$slots.json"
    if [[ ! -s "$out" ]]; then
      echo "== $set: qspace, active at >= $threshold, $slots slot(s)" >&2
      if java -Xmx6g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$BENCH_CP" \
          io.qspace.bench.ClassificationBench "$csv" "$set" "$threshold" "$slots" "$SEED" "$out.tmp" "$activity" "$SPACE" \
          >/dev/null; then mv "$out.tmp" "$out"; else failed+=("$out"); fi
    fi
  done
  peer="$RUNS/peer-$set-t$threshold.json"
  if [[ ! -s "$peer" ]]; then
    echo "== $set: peer" >&2
    if "$PY" "$PY_DIR/peer_classify.py" --csv "$csv" --name "$set" --threshold "$threshold" --seed "$SEED" \
        --y-column "$activity" --out "$peer.tmp"; then mv "$peer.tmp" "$peer"; else failed+=("$peer"); fi
  fi
done
# the earlier default's runs (descriptor space, top-k consensus by CV), kept beside the current default's; another
# space's beside the default's
previous=(); [[ -d "$RUNS/descriptor-space" ]] && previous=(--previous "$RUNS/descriptor-space")
[[ "$SPACE" != default ]] && previous=(--previous "$RUNS" --previous-label "default (Study.spaceFor)")
"$PY" "$PY_DIR/classify_summary.py" --runs "$RUNS" --qspace-runs "$QSPACE_RUNS" --sets "$SETS" \
  --threshold "$THRESHOLD" --kiba-threshold "$KIBA_THRESHOLD" --slots "$SLOTS" --command "$COMMAND" \
  --out "$SUMMARY.json" --md "$SUMMARY.md" "${previous[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "classification: ${#failed[@]} parts failed (their logs are above; rerun the same command to retry):" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
