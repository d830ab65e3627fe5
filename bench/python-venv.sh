# Sourced by the benchmarks that run Python: makes bench/python/.venv from PyPI when it is missing or when
# bench/python/requirements.txt changed, and sets PY_VENV to it. Threads are pinned to one per process.
PY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/python"
PY_VENV="$PY_DIR/.venv"
_req="$PY_DIR/requirements.txt"
_stamp="$PY_VENV/.requirements.sha256"
_want="$(sha256sum "$_req" | cut -d' ' -f1)"
_have="$(cat "$_stamp" 2>/dev/null || true)"
if [[ ! -x "$PY_VENV/bin/python" || "$_want" != "$_have" ]]; then
  echo "creating $PY_VENV from $_req" >&2
  rm -rf "$PY_VENV"
  "${PYTHON:-python3}" -m venv "$PY_VENV"
  "$PY_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$_req"
  echo "$_want" > "$_stamp"
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
