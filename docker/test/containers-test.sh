#!/usr/bin/env bash
# The images for real, with Podman: builds the S3 store, member and notebook images, starts docker/compose.yaml with
# podman-compose and three members, then
#   1. runs notebooks/batch.ipynb with papermill inside the notebook container against the grid, SIGKILLs one member
#      container mid-study, and checks that the results in the bucket equal an embedded run of the same study (run in
#      the same container, no grid), cell for cell;
#   2. cuts a member off the network (its link down) for longer than the heartbeat timeout, reconnects it, checks that the cluster
#      merges back to three members and that a second study completes on it;
#   3. runs the quickstart notebook in the container (the kernel starts there and runs a study).
# Measures the images' sizes and their containers' start-to-healthy times. Removes every container, network and
# volume it started (the images stay, for the next run's layer cache).
#
#   docker/test/containers-test.sh
# Needs root, podman, buildah, mmdebstrap, runc (Debian's packages), nsenter and ip; podman-compose comes from PyPI
# into docker/.venv.
# Environment: KEEP=1 leaves the cluster running, QSPACE_TEST_TIMEOUT seconds per notebook (default 900).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$repo/docker/podman/containers.conf}"
started=$SECONDS
project=qspace
compose_file=docker/compose.yaml
network="${project}_grid"
timeout_s="${QSPACE_TEST_TIMEOUT:-900}"
say() { echo "containers-test: $*"; }
fail() { echo "containers-test: FAIL: $*" >&2; echo "containers-test: 0 passed, 1 failed"; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/qspace-containers-test.XXXXXX")"
report="$work/report.txt"

# --- podman-compose, pinned, beside docker/validate.sh's tools --------------------------------------------------
venv="$repo/docker/.venv"
COMPOSE_PIN="podman-compose==1.5.0"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -m pip show podman-compose 2>/dev/null | grep -q "^Version: ${COMPOSE_PIN#*==}$" \
  || "$venv/bin/pip" install -q --disable-pip-version-check "$COMPOSE_PIN"
compose() { "$venv/bin/podman-compose" -p "$project" -f "$compose_file" "$@"; }

cleanup() {
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    for c in $(podman ps -a --filter "label=io.podman.compose.project=$project" --format '{{.Names}}' 2>/dev/null); do
      echo "--- tail of $c's log"; podman logs --tail 25 "$c" 2>&1
    done >&2
  fi
  if [[ "${KEEP:-0}" == 1 ]]; then
    say "cluster kept (KEEP=1): $venv/bin/podman-compose -p $project -f $compose_file down -v"
  else
    remove_stack
  fi
  rm -rf "$work"
}
remove_stack() { # podman-compose down, then whatever it left (a container it failed to stop, the pod, volume, network)
  compose down -v -t 5 >/dev/null 2>&1 || true
  local ids; mapfile -t ids < <(podman ps -aq --filter "label=io.podman.compose.project=$project")
  ((${#ids[@]} == 0)) || podman rm -f -t 5 "${ids[@]}" >/dev/null 2>&1 || true
  podman pod rm -f "pod_$project" >/dev/null 2>&1 || true
  podman volume rm -f "${project}_store-data" >/dev/null 2>&1 || true
  podman network rm -f "$network" >/dev/null 2>&1 || true
  [[ -z "$(podman ps -aq --filter "label=io.podman.compose.project=$project")" ]] \
    && ! podman volume exists "${project}_store-data" || echo "containers-test: could not remove all of the stack" >&2
}
trap cleanup EXIT
# a stack left by an interrupted run would hold the pinned subnet and the store's volume (old results, reused)
remove_stack

# --- images: the base from Debian's packages, then each image built once ------------------------------------------
docker/podman/make-base-image
build_args=(--format docker)   # docker format: Podman keeps HEALTHCHECK only in it
# Behind a TLS-inspecting proxy the build must trust the proxy's CA: the machine's local CAs are mounted where
# Debian's ca-certificates picks them up (the Dockerfiles install it first; nothing changes when the folder is empty).
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  build_args+=(-v /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro)
fi
declare -A image=([store]=localhost/qspace-s3proxy:dev [member]=localhost/qspace-member:dev [notebook]=localhost/qspace-notebook:dev)
declare -A dockerfile=([store]=docker/s3proxy.Dockerfile [member]=docker/member.Dockerfile [notebook]=docker/notebook.Dockerfile)
for svc in member notebook store; do
  t=$SECONDS
  podman build "${build_args[@]}" -f "${dockerfile[$svc]}" -t "${image[$svc]}" . >"$work/build-$svc.log" 2>&1 \
    || { tail -n 40 "$work/build-$svc.log" >&2; fail "building ${image[$svc]}"; }
  size=$(podman image inspect --format '{{.Size}}' "${image[$svc]}")
  say "built ${image[$svc]} in $((SECONDS - t))s, $((size / 1000000)) MB"
  echo "image ${image[$svc]} size_mb=$((size / 1000000)) build_s=$((SECONDS - t))" >>"$report"
done

# --- the compose cluster: store, three members, notebook server ---------------------------------------------------
t_up=$SECONDS
compose up -d --scale member=3 >"$work/compose-up.log" 2>&1 || { cat "$work/compose-up.log" >&2; fail "podman-compose up"; }
containers_of() { podman ps -a --filter "label=io.podman.compose.project=$project" \
  --filter "label=io.podman.compose.service=$1" --format '{{.Names}}' | sort; }
mapfile -t members < <(containers_of member)
store_c=$(containers_of store); notebook_c=$(containers_of notebook)
((${#members[@]} == 3)) || fail "expected 3 member containers, found ${#members[@]}: ${members[*]}"
[[ -n "$store_c" && -n "$notebook_c" ]] || fail "no store or notebook container"
say "up in $((SECONDS - t_up))s: $store_c ${members[*]} $notebook_c"

# Podman runs health checks from systemd timers, which a CI machine may lack: run each container's own
# HEALTHCHECK command until it passes, and take the time from the container's start.
wait_healthy() { # wait_healthy CONTAINER SECONDS -> prints start-to-healthy seconds
  local c=$1 limit=$2 deadline=$((SECONDS + $2))
  until podman healthcheck run "$c" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || fail "$c not healthy within ${limit}s"
    sleep 0.5
  done
  local now; now=$(date +%s%3N)
  local start; start=$(podman inspect --format '{{.State.StartedAt.UnixMilli}}' "$c")
  awk -v ms=$((now - start)) 'BEGIN { printf "%.1f", ms / 1000 }'
}
# all at once: a container that became healthy while another was awaited would otherwise be timed late
for c in "$store_c" "${members[@]}" "$notebook_c"; do
  wait_healthy "$c" 180 >"$work/healthy-$c" &
done
wait_all_ok=1
for job in $(jobs -p); do wait "$job" || wait_all_ok=0; done
((wait_all_ok)) || fail "not every container became healthy"
for c in "$store_c" "${members[@]}" "$notebook_c"; do
  say "$c healthy $(cat "$work/healthy-$c")s after start"
  echo "healthy $c start_to_healthy_s=$(cat "$work/healthy-$c")" >>"$report"
done
members_in_log() { # the size in the latest Hazelcast member list a container logged
  podman logs "$1" 2>&1 | grep -o 'Members {size:[0-9]*' | tail -1 | grep -o '[0-9]*$' || echo 0; }
wait_members() { # wait_members COUNT SECONDS CONTAINER...
  local n=$1 limit=$2; shift 2
  local deadline=$((SECONDS + limit))
  for c in "$@"; do
    until [[ "$(members_in_log "$c")" == "$n" ]]; do
      ((SECONDS < deadline)) || fail "$c does not see $n members within ${limit}s (last: $(members_in_log "$c"))"
      sleep 1
    done
  done
}
wait_members 3 120 "${members[@]}"
say "3 members in one cluster (multicast on $network)"

# --- study 1 on the grid, one member SIGKILLed mid-study; then the same study embedded --------------------------
bucket=/data/qspace   # S3Proxy's filesystem backend: a bucket is a folder in the store's volume
in_store() { podman exec "$store_c" bash -c "$1"; }
in_store "test ! -e $bucket/results" || fail "the bucket holds results before the first study: a stale volume"
s3_store() { echo "s3://qspace/$1?endpoint=http://store:9000&pathStyle=true&region=us-east-1"; }
# the notebooks run from a copy in the container: the mounted folder belongs to the host's user, not uid 10001
podman exec "$notebook_c" bash -c 'mkdir -p /tmp/work && cp -r notebooks datasets-sample /tmp/work/'
papermill() { # papermill NOTEBOOK OUT_NAME ARGS...: a notebook in the notebook container, from the copy
  local nb=$1 out=$2; shift 2
  podman exec "$notebook_c" timeout "$timeout_s" papermill --no-progress-bar -k qsar-java --cwd /tmp/work/notebooks \
    "/tmp/work/notebooks/$nb" "/tmp/work/$out.ipynb" "$@"
}
study=(-p dataset ../datasets-sample/freewilson_CHEMBL2321810.csv -p name kill-study -p folds 3)
say "study 1 (kill-study) on the grid"
t_study=$SECONDS
papermill batch.ipynb kill-study "${study[@]}" >"$work/papermill-kill.log" 2>&1 &
pm_pid=$!
# mid-study: the dataset is prepared and the first model builds are stored, the results table is not yet written
victim="${members[2]}"
# watched from the host through the store volume's folder: a podman exec per check takes seconds on a busy machine,
# long enough for the last builds to finish between the first build and the kill (seen in CI under load)
bucket_dir="$(podman volume inspect --format '{{.Mountpoint}}' "${project}_store-data")${bucket#/data}"
watch_deadline=$((SECONDS + timeout_s))
until compgen -G "$bucket_dir/results/builds/*" >/dev/null; do
  ((SECONDS < watch_deadline)) || fail "no build stored within ${timeout_s}s: $(tail -5 "$work/papermill-kill.log")"
  sleep 0.05
done
[[ -e "$bucket_dir/results/studies/kill-study/results.csv" ]] && fail "study 1 finished before the kill"
builds_before=$(find "$bucket_dir/results/builds" -type f | wc -l)
podman kill -s KILL "$victim" >/dev/null
say "SIGKILLed $victim $((SECONDS - t_study))s into the study, $builds_before build(s) stored"
wait "$pm_pid" || fail "study 1 failed after the kill: $(tail -n 15 "$work/papermill-kill.log")"
say "study 1 done on the grid in $((SECONDS - t_study))s (a member lost on the way)"
echo "study kill-study grid_s=$((SECONDS - t_study)) builds_at_kill=$builds_before builds_total=$(in_store "ls $bucket/results/builds | wc -l")" >>"$report"

t_emb=$SECONDS
papermill batch.ipynb kill-study-embedded "${study[@]}" -p grid "" -p store "$(s3_store embedded)" >"$work/papermill-embedded.log" 2>&1 \
  || fail "embedded study failed: $(tail -n 15 "$work/papermill-embedded.log")"
say "the same study embedded in the notebook container in $((SECONDS - t_emb))s"
# cell for cell, rows by invocation id; only the timing column may differ
compare_py='
import sys, pandas as pd
grid, emb = (pd.read_csv(f, dtype=str, keep_default_na=False) for f in sys.argv[1:3])
assert list(grid.columns) == list(emb.columns), f"columns differ: {list(grid.columns)} vs {list(emb.columns)}"
assert len(grid) > 0, "no result rows"
timing = [c for c in grid.columns if c in ("seconds",)]
key = "invocation"
grid, emb = (t.drop(columns=timing).sort_values(key).reset_index(drop=True) for t in (grid, emb))
assert list(grid[key]) == list(emb[key]), "different invocations: " + str(set(grid[key]) ^ set(emb[key]))
diff = [(grid.at[i, key], c, grid.at[i, c], emb.at[i, c]) for i in grid.index for c in grid.columns if grid.at[i, c] != emb.at[i, c]]
rows = sorted({(grid.at[i, "feature_set"], grid.at[i, "builder"]) for i in grid.index for c in grid.columns
               if grid.at[i, c] != emb.at[i, c]})
assert not diff, (f"{len(diff)} cells differ in {len(rows)} of {len(grid)} rows {rows}, columns "
                  f"{sorted({d[1] for d in diff})}, e.g. {diff[:5]}")
failed = (grid["status"] == "failed").sum()
assert failed == 0, f"{failed} failed rows"
print(f"{len(grid)} rows x {len(grid.columns)} columns equal (timing column left out: {timing})")
'
in_store "cat $bucket/results/studies/kill-study/results.csv" >"$work/grid.csv" || fail "no results/studies/kill-study/results.csv in the bucket"
in_store "cat $bucket/embedded/studies/kill-study/results.csv" >"$work/embedded.csv" || fail "no embedded/studies/kill-study/results.csv"
podman cp "$work/grid.csv" "$notebook_c:/tmp/grid.csv" && podman cp "$work/embedded.csv" "$notebook_c:/tmp/embedded.csv"
if ! verdict=$(podman exec "$notebook_c" python3 -c "$compare_py" /tmp/grid.csv /tmp/embedded.csv 2>&1); then
  # keep both tables and the members' logs for whoever looks next (the work folder is removed on exit)
  kept="${TMPDIR:-/tmp}/qspace-containers-failure-$(date +%Y%m%dT%H%M%S)"
  mkdir -p "$kept" && cp "$work"/*.csv "$work"/*.log "$kept"/ 2>/dev/null
  for m in "${members[@]}"; do podman logs "$m" >"$kept/$m.log" 2>&1 || true; done
  fail "grid results (member killed) differ from the embedded run (tables and logs kept in $kept): $verdict"
fi
say "results in the bucket = embedded run: $verdict"

# --- study 2: a member cut off past the heartbeat timeout, reconnected, merged back -----------------------------
podman start "$victim" >/dev/null
wait_healthy "$victim" 120 >/dev/null
wait_members 3 120 "${members[@]}"
say "$victim restarted and rejoined: 3 members"
cut="${members[1]}"
# The cable is pulled inside the member's network namespace (its link goes down, then up again). `podman network
# disconnect` + `connect` would give it a new interface, and Hazelcast's multicast socket stays bound to the
# removed one ("No such device"): such a member never finds the cluster again and must be restarted.
link() { nsenter -t "$(podman inspect --format '{{.State.Pid}}' "$cut")" -n ip link set eth0 "$1"; }
link down
t_cut=$SECONDS
wait_members 2 60 "${members[0]}" "${members[2]}"
sleep $((15 - (SECONDS - t_cut) > 0 ? 15 - (SECONDS - t_cut) : 0))   # heartbeat timeout is 5 s: stay cut off 15 s
[[ "$(members_in_log "$cut")" == 1 ]] || fail "$cut still sees $(members_in_log "$cut") members while cut off"
link up
say "$cut cut off the network for $((SECONDS - t_cut))s (the others saw 2 members, it saw 1), reconnected"
t_merge=$SECONDS
wait_members 3 150 "${members[@]}"
say "cluster merged back to 3 members $((SECONDS - t_merge))s after reconnecting"
echo "partition cut_s=15 merge_s=$((SECONDS - t_merge))" >>"$report"
t=$SECONDS
papermill batch.ipynb merge-study -p dataset ../datasets-sample/sutherland_BZR.csv -p name merge-study -p folds 4 \
  >"$work/papermill-merge.log" 2>&1 || fail "study 2 failed after the merge: $(tail -n 15 "$work/papermill-merge.log")"
rows=$(in_store "tail -n +2 $bucket/results/studies/merge-study/results.csv | grep -vc ',failed,'" || true)
((rows > 0)) || fail "study 2 wrote no successful rows"
say "study 2 done on the merged cluster in $((SECONDS - t))s: $rows result rows"

# --- the quickstart notebook: the kernel starts in the image and runs a study with plots there ------------------
t=$SECONDS
papermill quickstart.ipynb quickstart >"$work/papermill-quickstart.log" 2>&1 \
  || fail "quickstart notebook failed in the container: $(tail -n 15 "$work/papermill-quickstart.log")"
podman exec "$notebook_c" grep -q 'image/png' /tmp/work/quickstart.ipynb || fail "quickstart in the container drew no plot"
say "quickstart notebook ran in the notebook container in $((SECONDS - t))s"

say "measurements:"; sed 's/^/  /' "$report"
say "passed in $((SECONDS - started))s"
echo "containers-test: 1 passed, 0 failed"
