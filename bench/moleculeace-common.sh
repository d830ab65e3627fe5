# Shared by the benchmarks on MoleculeACE sets (bench/model-space.sh, bench/fingerprint-kernels.sh): reads
# [--sets A,B] [--seed N] [--data DIR] into $SETS, $SEED and $DATA (defaults: the three sets of bench/MODEL_SPACE.md,
# seed 42, the team's shared folder next to this checkout; exits quietly when the folder is absent), builds qsar-dsl
# and bench (bench/java-classpath.sh) and sets $CP and $BENCH_CP.
# The caller sets BENCH (its name, for messages) before sourcing this, and may define bench_flag NAME VALUE, which
# returns 0 when it took a flag of its own (it always takes a value).
set -euo pipefail
cd "$(dirname "$0")/.."
SETS=CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki
SEED=42
DATA="$(cd .. && pwd)/shared/datasets/moleculeace"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sets) SETS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    *) if declare -F bench_flag >/dev/null && bench_flag "$1" "${2:-}"; then shift 2
       else echo "$BENCH: unknown argument $1" >&2; exit 2; fi ;;
  esac
done
if [[ ! -d "$DATA" ]]; then
  echo "$BENCH: the MoleculeACE sets are not at $DATA (the team's shared folder; --data DIR names another); nothing to measure." >&2
  exit 0
fi
mkdir -p bench/results
source bench/java-classpath.sh
CP="$BENCH_CP"
