#!/usr/bin/env bash
# Honest model selection, one command (bench/HONEST_SELECTION.md): on MoleculeACE's sets with their given split,
# qspace's default study with selection inside the CV folds and with selection before CV (the paper's behaviour),
# and the peer a practitioner would use today (RDKit ECFP4 + scikit-learn), in the same run, one dataset per process.
#   bench/honest-selection.sh [--full] [--sets A,B,...] [--seed 42] [--n-train 80] [--modes inside-folds,before-cv]
#                             [--data ../shared/datasets/moleculeace]
#                             [--space descriptors[-repeatedN]|fingerprints[-ap2d|-morgan|-rdkit][-paths][-gp][-cvnoise][-training|-loo|-kriging]]
#                             [--heap 8g]
# --space descriptors (the default here): qspace's descriptor space (Study.descriptorSpace(), the default study's space
# until the fingerprint space replaced it), where selection inside or before the folds differs; descriptors-repeated3:
# the same with 3 x 5-fold CV in both modes (its parts set beside the descriptor space's). --space fingerprints:
# Study.fingerprintSpace().consensusOfAll(), the default study's until session 17 (its parts go to
# <runs>-fingerprints/, set beside the previous default's, <runs>-fingerprints-ap2d/; the peer's part is copied from
# the descriptor runs when there, else run). --space fingerprints-ap2d: Study.fingerprintSpaceAp2d(), the default until session 14 (PaDEL's AP2D atom pairs,
# training-mean GPs). --space fingerprints-morgan: the default with RDKit's Morgan environments (Descriptors.morgan)
# for CDK's ECFP4 and ECFP6, set beside the default; --space fingerprints-rdkit: that and RDKit's feature Morgan
# (Descriptors.featureMorgan) for CDK's FCFP4, the four views as RDKit computes them, set beside the default. -paths
# after any: two more views, topological torsions and linear paths (Study.plusPathViews()). -gp after any: the mean of
# the space's Gaussian processes only (the same builds); --space fingerprints-paths-gp is what a regression naming no
# space runs since session 19 (Study.fingerprintGaussianProcesses(): six views), set beside fingerprints-gp, the
# four views' GPs (the default of sessions 17-18), itself set beside fingerprints-gp-cvnoise when that ran: -cvnoise,
# the Gaussian processes' noise chosen by CV from 0.01 to 0.3 as until session 18 (now fixed at 0.1). Any then
# followed by -training, -loo or -kriging: that prior mean for the Gaussian processes (GaussianProcessBuilder.priorMean),
# set beside the space without it.
# Default: the small-data protocol (a seeded sample of 80 training compounds, the whole test part) on all 30 sets.
# --full: the full training parts (hours on 2 cores). Resumable: a dataset's finished parts are kept under
# bench/results/honest-selection/<protocol>[-<n-train>-seed<seed>]/<set>/ and not run again (delete a file to redo it).
# Writes bench/results/honest-selection-<protocol>[-<space> unless descriptors][-seed<seed> unless 42].{json,md}.
BENCH=honest-selection
COMMAND="bench/honest-selection.sh $*"
OWN_FLAGS="--n-train --modes --space --heap"
OWN_SWITCHES="--full"
source "$(dirname "$0")/moleculeace-common.sh"
PROTOCOL=small; [[ -n "${OWN[--full]:-}" ]] && PROTOCOL=full
N_TRAIN="${OWN[--n-train]:-80}"
MODES="${OWN[--modes]:-inside-folds,before-cv}"
SPACE="${OWN[--space]:-descriptors}"
HEAP="${OWN[--heap]:-8g}" # each qspace process's -Xmx: the full CHEMBL234_Ki needs 6.4 GB for 4 slots (six views)
[[ "$SPACE" =~ ^(descriptors(-repeated[2-9])?|fingerprints(-ap2d|-morgan|-rdkit)?(-paths)?(-gp)?(-cvnoise)?(-(training|loo|kriging))?)$ ]] \
  || { echo "$BENCH: --space $SPACE: expected descriptors[-repeated2..9] or fingerprints[-ap2d|-morgan|-rdkit][-paths][-gp][-cvnoise][-training|-loo|-kriging]" >&2
       exit 2; }
SUFFIX=""
SEED_SUFFIX="" # a second seed's summary beside the first's
[[ "$SEED" != 42 ]] && SEED_SUFFIX="-seed$SEED"
[[ -z "${OWN[--sets]:-}" ]] && SETS="$(cd "$DATA" && ls CHEMBL*.csv | sed 's/\.csv$//' | paste -sd, -)"
source bench/python-venv.sh
PY="$PY_VENV/bin/python"
RUNS="bench/results/honest-selection/$PROTOCOL"
[[ "$PROTOCOL" == full && "$SEED" != 42 ]] && RUNS="$RUNS-seed$SEED"
if [[ "$PROTOCOL" == small ]]; then
  INPUT="bench/target/honest-selection/small-data-$SEED-$N_TRAIN"
  "$PY" "$PY_DIR/honest.py" sample --data "$DATA" --sets "$SETS" --seed "$SEED" --n-train "$N_TRAIN" --out "$INPUT"
  RUNS="$RUNS-$N_TRAIN-seed$SEED"
else
  INPUT="$DATA"
fi
if [[ "$SPACE" != descriptors ]]; then
  DESCRIPTOR_RUNS="$RUNS"
  # the space this one is set beside: the default's, the previous default's (when run); the previous default's, the
  # descriptor space's; a prior-mean variant's, its space's
  PREVIOUS_RUNS="$RUNS"
  case "$SPACE" in
    fingerprints) [[ -d "$RUNS-fingerprints-ap2d" ]] && PREVIOUS_RUNS="$RUNS-fingerprints-ap2d" ;;
    fingerprints-ap2d) ;;
    fingerprints-ap2d-*) PREVIOUS_RUNS="$RUNS-fingerprints-ap2d" ;;
    fingerprints-gp) PREVIOUS_RUNS="$RUNS-fingerprints"
                     [[ -d "$RUNS-fingerprints-gp-cvnoise" ]] && PREVIOUS_RUNS="$RUNS-fingerprints-gp-cvnoise" ;;
    fingerprints-paths-gp) PREVIOUS_RUNS="$RUNS-fingerprints-gp" ;;
    fingerprints-*) PREVIOUS_RUNS="$RUNS-fingerprints" ;;
  esac
  RUNS="$RUNS-$SPACE"
  SUFFIX="-$SPACE"
  for set in ${SETS//,/ }; do
    mkdir -p "$RUNS/$set"
    for from in "$DESCRIPTOR_RUNS" "$PREVIOUS_RUNS"; do
      [[ -s "$from/$set/peer.json" && ! -s "$RUNS/$set/peer.json" ]] && cp "$from/$set/peer.json" "$RUNS/$set/"
    done
  done
fi

failed=()
# one part of one dataset, unless its JSON is there from an earlier run; written to .tmp and moved when complete
run_part() {
  local out="$1"; shift
  [[ -s "$out" ]] && return 0
  if "$@" "$out.tmp" && [[ -s "$out.tmp" ]]; then mv "$out.tmp" "$out"; else failed+=("$out"); rm -f "$out.tmp"; fi
}
for set in ${SETS//,/ }; do
  mkdir -p "$RUNS/$set"
  for mode in ${MODES//,/ }; do
    echo "== $set: qspace, selection $mode" >&2
    run_part "$RUNS/$set/qspace-$mode.json" java "-Xmx$HEAP" -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
      -cp "$BENCH_CP" io.qspace.bench.HonestSelectionBench "$INPUT/$set.csv" "$set" "$SEED" "$mode" "$SPACE" >/dev/null
  done
  echo "== $set: peer" >&2
  run_part "$RUNS/$set/peer.json" "$PY" "$PY_DIR/peer.py" --csv "$INPUT/$set.csv" --name "$set" --seed "$SEED" --out
done

"$PY" "$PY_DIR/honest.py" summary --data "$INPUT" --runs "$RUNS" --sets "$SETS" --protocol "$PROTOCOL" \
  --seed "$SEED" --n-train "$N_TRAIN" --command "$COMMAND" ${PREVIOUS_RUNS:+--previous "$PREVIOUS_RUNS"} \
  --out "bench/results/honest-selection-$PROTOCOL$SUFFIX$SEED_SUFFIX.json" \
  --md "bench/results/honest-selection-$PROTOCOL$SUFFIX$SEED_SUFFIX.md"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "honest-selection: ${#failed[@]} parts failed (their logs are above; rerun the same command to retry):" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
