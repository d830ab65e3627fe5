#!/usr/bin/env bash
# A grid as the images run it, without Docker: S3Proxy on 127.0.0.1 as the store, three real member JVMs started
# by grid/bin/qspace-member on the member image's class path and environment, and a notebook executed by the
# venv's papermill on the "QSAR (Java)" kernel with the notebook image's class path, attached through QSPACE_GRID
# and writing through QSPACE_STORE. Passes when the notebook succeeds and its results are in the bucket.
#
#   docker/test/cluster-test.sh [NOTEBOOK [PAPERMILL ARGS...]]
#     NOTEBOOK defaults to notebooks/batch.ipynb, which reads QSPACE_GRID and QSPACE_STORE as the containers set them
#   Environment: QSPACE_TEST_BUILD=0 skips the Maven build (jars already built), KEEP=1 keeps the work folder,
#   MVN_ARGS extra Maven flags (e.g. -o), QSPACE_TEST_TIMEOUT seconds for the notebook (default 900).
# Everything listens on 127.0.0.1 only; everything started here is stopped on exit.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
notebook="$(realpath "${1:-$repo/notebooks/batch.ipynb}")"
shift || true
started=$SECONDS
say() { echo "cluster-test: $*"; }
fail() { echo "cluster-test: FAIL: $*" >&2; echo "cluster-test: 0 passed, 1 failed"; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/qspace-cluster-test.XXXXXX")"
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [[ $rc -ne 0 ]]; then
    for log in "$work"/*.log; do [[ -f "$log" ]] && { echo "--- tail of $log"; tail -n 30 "$log"; }; done >&2
  fi
  if [[ "${KEEP:-0}" == 1 ]]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- build and lay out what the images hold -----------------------------------------------------------------------
if [[ "${QSPACE_TEST_BUILD:-1}" == 1 ]]; then
  say "building grid, qsar-dsl-s3, kernel-ext"
  # shellcheck disable=SC2086 # MVN_ARGS: several flags, split on purpose
  (cd "$repo" && mvn -B -q ${MVN_ARGS:-} -DskipTests -Dqspace.skipKernel install -pl grid,qsar-dsl/s3,kernel-ext -am)
fi
"$repo/kernel-ext/bin/install-kernel" --no-build >/dev/null
"$repo/docker/bin/assemble-lib" "$work/lib"
# The member image: /opt/qspace/bin/qspace-member beside /opt/qspace/lib.
mkdir -p "$work/opt/bin" "$work/opt/lib"
cp "$repo/grid/bin/qspace-member" "$work/opt/bin/"
cp "$work"/lib/member/deps/*.jar "$work"/lib/member/app/*.jar "$work/opt/lib/"
# The notebook image: the venv's kernel spec, its class path replaced by the image's (kernel-ext + grid + s3).
spec="$work/jupyter/kernels/qsar-java"
mkdir -p "$spec/lib"
cp "$work"/lib/kernel/deps/*.jar "$work"/lib/kernel/app/*.jar "$spec/lib/"
"$repo/.venv/bin/python" - "$repo/.venv/share/jupyter/kernels/qsar-java/kernel.json" "$spec" <<'PY'
import json, sys, pathlib
src, spec = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
k = json.loads(src.read_text())
k["env"]["JJAVA_CLASSPATH"] = str(spec / "lib" / "*.jar")
(spec / "kernel.json").write_text(json.dumps(k, indent=2))
PY
export JUPYTER_PATH="$work/jupyter"   # searched before the venv's own kernels: this spec wins

# --- ports: free ones on loopback, three in a row for the members ------------------------------------------------
read -r s3port hzport nbport < <("$repo/.venv/bin/python" - <<'PY'
import socket, random
def free(p):
    with socket.socket() as s:
        try: s.bind(("127.0.0.1", p)); return True
        except OSError: return False
while True:
    base = random.randrange(20000, 40000)
    if all(free(p) for p in range(base, base + 5)):
        print(base, base + 1, base + 4); break
PY
)

# --- S3Proxy: filesystem backend, SigV4 with the credentials the SDK's default chain finds in the environment -----
say "resolving S3Proxy 4.1.0"
# shellcheck disable=SC2086 # MVN_ARGS: several flags, split on purpose
(cd "$repo" && mvn -B -q ${MVN_ARGS:-} dependency:copy -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies \
   -DoutputDirectory="$work") >/dev/null
s3jar="$work/s3proxy-4.1.0-jar-with-dependencies.jar"
[[ -f "$s3jar" ]] || fail "no $s3jar"
export AWS_ACCESS_KEY_ID=qspace-test AWS_SECRET_ACCESS_KEY=qspace-test-secret AWS_REGION=us-east-1
mkdir -p "$work/s3/qspace"   # filesystem backend: a bucket is a folder
cat > "$work/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$AWS_ACCESS_KEY_ID
s3proxy.credential=$AWS_SECRET_ACCESS_KEY
jclouds.provider=filesystem-nio2
jclouds.identity=$AWS_ACCESS_KEY_ID
jclouds.credential=$AWS_SECRET_ACCESS_KEY
jclouds.filesystem.basedir=$work/s3
PROPS
java -Xmx256m -jar "$s3jar" --properties "$work/s3proxy.properties" >"$work/s3proxy.log" 2>&1 &
pids+=($!)

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    ((SECONDS < deadline)) || fail "$what not within ${limit}s"
    sleep 0.5
  done
}
s3_up() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$s3port/")" =~ ^[2-4][0-9][0-9]$ ]]; }
wait_for 60 "S3Proxy on 127.0.0.1:$s3port" s3_up
say "S3Proxy up on 127.0.0.1:$s3port"

# --- three members: the member image's environment (docker/compose.yaml), tcp-ip join on loopback --------------
cluster="qspace-test-$$"
members="127.0.0.1:$hzport,127.0.0.1:$((hzport + 1)),127.0.0.1:$((hzport + 2))"
for i in 1 2 3; do
  env QSPACE_CLUSTER="$cluster" QSPACE_INTERFACE=127.0.0.1 QSPACE_PORT="$hzport" QSPACE_JOIN=tcp \
      QSPACE_MEMBERS="$members" QSPACE_SLOTS=2 QSPACE_HEAP=768m \
      "$work/opt/bin/qspace-member" >"$work/member-$i.log" 2>&1 &
  pids+=($!)
  # one at a time: on 2 cores, three JVMs starting together make the join slow and the test flaky
  wait_for 90 "member $i up" grep -q "up in cluster $cluster" "$work/member-$i.log"
done
wait_for 30 "3 members in one cluster" grep -q "Members {size:3" "$work/member-3.log"
say "3 members up in cluster $cluster ($((SECONDS - started))s)"

# --- the notebook server the notebook image starts, with the same script: it must list the QSAR (Java) kernel ----
nb_token="cluster-test-$RANDOM$RANDOM"
root_flag=()
((EUID == 0)) && root_flag=(--allow-root)   # CI runs as root; the image runs as its own user and needs no flag
JUPYTER_TOKEN="$nb_token" QSPACE_NOTEBOOK_PORT=$nbport QSPACE_NOTEBOOK_DIR="$repo/notebooks" \
  "$repo/docker/bin/qspace-notebook" "${root_flag[@]}" >"$work/notebook-server.log" 2>&1 &
pids+=($!)
kernels_listed() {
  curl -s "http://127.0.0.1:$nbport/api/kernelspecs" -H "Authorization: token $nb_token" | grep -q '"QSAR (Java)"'
}
wait_for 60 "the notebook server to list the QSAR (Java) kernel" kernels_listed
say "notebook server (docker/bin/qspace-notebook) up on 127.0.0.1:$nbport with the QSAR (Java) kernel"

# --- the notebook, through the venv's papermill, on the kernel above ---------------------------------------------
export QSPACE_GRID="$cluster@$members"
export QSPACE_STORE="s3://qspace/results?endpoint=http://127.0.0.1:$s3port&pathStyle=true&region=us-east-1"
params=()
[[ "$notebook" == "$repo/notebooks/batch.ipynb" ]] \
  && params=(-p dataset "$repo/datasets-sample/sutherland_BZR.csv" -p name cluster-batch)
say "running $(basename "$notebook") with papermill"
nb_started=$SECONDS
timeout "${QSPACE_TEST_TIMEOUT:-900}" "$repo/.venv/bin/papermill" --no-progress-bar -k qsar-java --cwd "$repo" \
    "$notebook" "$work/out.ipynb" "${params[@]}" "$@" >"$work/papermill.log" 2>&1 \
  || fail "papermill failed (see $work/papermill.log; KEEP=1 keeps it): $(tail -n 5 "$work/papermill.log")"
say "notebook done in $((SECONDS - nb_started))s"

# --- results in the bucket (filesystem backend: bucket folder / object key) ---------------------------------------
objects="$(cd "$work/s3/qspace" && find . -type f -path './results/*' | sed 's|^\./||' | sort)"
count="$(printf '%s\n' "$objects" | grep -c . || true)"
((count > 0)) || fail "no objects under s3://qspace/results/"
results_csv="$(printf '%s\n' "$objects" | grep -E '^results/studies/[^/]+/results\.csv$' | head -1 || true)"
[[ -n "$results_csv" ]] || fail "no results/studies/*/results.csv among $count objects"
rows=$(($(wc -l < "$work/s3/qspace/$results_csv") - 1))
((rows > 0)) || fail "$results_csv has no result rows"
say "$count objects in s3://qspace/results/, $results_csv has $rows rows"
failed_rows=$(grep -c ',failed,' "$work/s3/qspace/$results_csv" || true)
((failed_rows == 0)) || fail "$failed_rows failed rows in $results_csv"
say "passed in $((SECONDS - started))s"
echo "cluster-test: 1 passed, 0 failed"
