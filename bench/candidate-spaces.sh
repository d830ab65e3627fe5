#!/usr/bin/env bash
# Candidate spaces and ways of choosing among them, measured on every candidate's stored predictions
# (bench/HONEST_SELECTION.md, "Candidate spaces, consensus and the honest winner"): per MoleculeACE set (small
# protocol), qspace's default study inside the folds and before CV plus an extra fingerprint study (ECFP4, FCFP4,
# ECFP6, atom pairs x Tanimoto SVR, Tanimoto GP, RF) dump every candidate's out-of-fold and test predictions
# (io.qspace.bench.CandidateDump), the peer runs on the same sampled files (its parts are reused from
# bench/honest-selection.sh when present), and bench/python/spaces.py scores the variants against the peer.
#   bench/candidate-spaces.sh [--seed 42] [--n-train 80] [--sets A,B,...] [--data ../shared/datasets/moleculeace]
#                             [--studies default,before,fingerprints]
# --studies fingerprints: only the extra fingerprint study (a confirmation seed of a fingerprint-only variant);
# --studies fingerprints,extra: with four more views (ECFP2, FCFP6, MACCS, CDK descriptors x the same learners) for the
# fingerprint space's mean (bench/results/candidate-spaces-small-seed42-more-views.md).
# Resumable: a set's dump (bench/target/candidates/) and peer part are kept and not run again.
# Writes bench/results/candidate-spaces-small-seed<seed>[-more-views].{json,md}.
BENCH=candidate-spaces
COMMAND="bench/candidate-spaces.sh $*"
OWN_FLAGS="--n-train --studies"
source "$(dirname "$0")/moleculeace-common.sh"
N_TRAIN="${OWN[--n-train]:-80}"
STUDIES="${OWN[--studies]:-default,before,fingerprints}"
[[ -z "${OWN[--sets]:-}" ]] && SETS="$(cd "$DATA" && ls CHEMBL*.csv | sed 's/\.csv$//' | paste -sd, -)"
source bench/python-venv.sh
PY="$PY_VENV/bin/python"
INPUT="bench/target/honest-selection/small-data-$SEED-$N_TRAIN"
"$PY" "$PY_DIR/honest.py" sample --data "$DATA" --sets "$SETS" --seed "$SEED" --n-train "$N_TRAIN" --out "$INPUT"
RUNS="bench/results/honest-selection/small-$N_TRAIN-seed$SEED"
DUMPS="bench/target/candidates/small-$N_TRAIN-seed$SEED"
[[ "$STUDIES" != default,before,fingerprints ]] && DUMPS="$DUMPS-${STUDIES//,/-}"
mkdir -p "$DUMPS"
OUT_SUFFIX=""
[[ ",$STUDIES," == *,extra,* ]] && OUT_SUFFIX="-more-views" # kept apart from the three studies' summary
failed=()
run_part() {
  local out="$1"; shift
  [[ -s "$out" ]] && return 0
  if "$@" "$out.tmp" && [[ -s "$out.tmp" ]]; then mv "$out.tmp" "$out"; else failed+=("$out"); rm -f "$out.tmp"; fi
}
for set in ${SETS//,/ }; do
  mkdir -p "$RUNS/$set"
  echo "== $set: qspace candidates" >&2
  run_part "$DUMPS/$set.json" java -Xmx4g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
    -cp "$BENCH_CP" io.qspace.bench.CandidateDump "$INPUT/$set.csv" "$set" "$SEED" "$STUDIES" >/dev/null
  echo "== $set: peer" >&2
  run_part "$RUNS/$set/peer.json" "$PY" "$PY_DIR/peer.py" --csv "$INPUT/$set.csv" --name "$set" --seed "$SEED" --out
done
"$PY" "$PY_DIR/spaces.py" --dumps "$DUMPS" --runs "$RUNS" --sets "$SETS" --seed "$SEED" --command "$COMMAND" \
  --out "bench/results/candidate-spaces-small-seed$SEED$OUT_SUFFIX.json" \
  --md "bench/results/candidate-spaces-small-seed$SEED$OUT_SUFFIX.md" \
  || echo "candidate-spaces: the summary failed (dumps are kept; rerun to retry)" >&2
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "candidate-spaces: ${#failed[@]} parts failed (rerun the same command to retry):" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
