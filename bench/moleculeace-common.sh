# Shared by the benchmarks on MoleculeACE sets (bench/model-space.sh, bench/fingerprint-kernels.sh): reads
# [--sets A,B] [--seed N] [--data DIR] into $SETS, $SEED and $DATA (defaults: the three sets of bench/MODEL_SPACE.md,
# seed 42, the team's shared folder next to this checkout; exits quietly when the folder is absent), builds qsar-dsl
# and bench (bench/java-classpath.sh) and sets $CP and $BENCH_CP.
# The caller sets BENCH (its name, for messages) before sourcing this, and may name flags of its own: OWN_FLAGS
# ("--rows --threads": each takes a value) and OWN_SWITCHES ("--full": no value); their values land in OWN[flag]
# ("true" for a switch).
set -euo pipefail
cd "$(dirname "$0")/.."
SETS=CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki
SEED=42
DATA="$(cd .. && pwd)/shared/datasets/moleculeace"
declare -A OWN=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sets) SETS="$2"; OWN[--sets]="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    *) if [[ " ${OWN_FLAGS:-} " == *" $1 "* && $# -ge 2 ]]; then OWN[$1]="$2"; shift 2
       elif [[ " ${OWN_SWITCHES:-} " == *" $1 "* ]]; then OWN[$1]=true; shift
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
