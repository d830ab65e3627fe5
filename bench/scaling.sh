#!/usr/bin/env bash
# The scaling benchmark, one command: qspace's descriptor space on seeded subsets of the MoleculeACE union (30 sets,
# first occurrence of each SMILES, activity = pKi/pEC50 on the compound's own target, each set's given split) of
# 1,000 to 16,000 compounds, one JVM per size, smallest first. Per size: process CPU seconds, peak heap, per-builder
# time and the chosen model. Approximate vs exact, the chosen model's test RMSE: where the default run approximated
# SVR (above svr().exactUpTo, 4,000 training rows) and the size is at most --exact-up-to N, the study runs again with
# every SVR fit exact; where the default run was exact, it runs again with SVR approximated above --approximate-above
# ROWS (default 1000) training rows. Both in the same store, so only the SVR invocations run again.
# Resumable: a size whose JSON is in bench/results/scaling/ is not run again (delete it to re-measure).
#   bench/scaling.sh [--sizes 1000,2000,4000,8000,16000] [--exact-up-to 8000] [--approximate-above 1000]
#                    [--seed 42] [--data DIR] [--heap 6g]
# Writes bench/results/scaling/size-N.json and bench/results/scaling.md (with the fitted exponent of CPU vs size).
BENCH=scaling
OWN_FLAGS="--sizes --exact-up-to --heap --approximate-above"
source "$(dirname "$0")/moleculeace-common.sh"
SIZES="${OWN[--sizes]:-1000,2000,4000,8000,16000}"
EXACT_UP_TO="${OWN[--exact-up-to]:-8000}"
HEAP="${OWN[--heap]:-6g}"
APPROXIMATE_ABOVE="${OWN[--approximate-above]:-1000}"
mkdir -p bench/results/scaling
WORK="${TMPDIR:-/tmp}/qspace-scaling-seed$SEED"
for n in ${SIZES//,/ }; do
  out="bench/results/scaling/size-$n.json"
  if [[ -f "$out" ]]; then
    echo "== $n compounds: done before ($out)" >&2
  else
    mode=""; if (( n <= EXACT_UP_TO )); then mode=exact; fi
    echo "== $n compounds ${mode:+(and all-exact SVR if the default approximated it)}" >&2
    java -Xmx"$HEAP" -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$BENCH_CP" \
      io.qspace.bench.ScalingBench "$DATA" "$n" "$SEED" "$out.part" "$WORK" $mode > /dev/null
    mv "$out.part" "$out"
  fi
  approx="bench/results/scaling/size-$n-svr-above-$APPROXIMATE_ABOVE.json"
  if grep -q '"svr_approximated": "false"' "$out" && [[ ! -f "$approx" ]]; then
    echo "== $n compounds: SVR approximated above $APPROXIMATE_ABOVE rows vs the exact default" >&2
    java -Xmx"$HEAP" -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$BENCH_CP" \
      io.qspace.bench.ScalingBench "$DATA" "$n" "$SEED" "$approx.part" "$WORK" "approx:$APPROXIMATE_ABOVE" > /dev/null
    mv "$approx.part" "$approx"
  fi
done
python3 - bench/results/scaling/size-*.json > bench/results/scaling.md <<'PY'
import json, math, sys
docs = [json.load(open(p))["size"] for p in sys.argv[1:]]
rows = sorted((d for d in docs if "svr_exact_up_to" not in d and "svr_approximated" in d), key=lambda r: r["compounds"])
approx = sorted((d for d in docs if "svr_exact_up_to" in d), key=lambda r: r["compounds"])
print("# Scaling: the descriptor space on seeded subsets of the MoleculeACE union\n")
print("| compounds (train/test) | CPU s | peak heap MB (sampled) | peak live heap MB (after a GC) | live MB per 1,000 compounds | chosen model (default) | test RMSE | all-exact SVR: chosen | test RMSE | ratio | CPU s, all-exact SVR run |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    d = r["default"]; c = d["chosen"]
    e = r.get("all_svr_exact")
    ex = (f"{e['chosen']['builder']}·{e['chosen']['feature_set']} | {e['chosen_test_rmse']:.3f} | "
          f"**{r['chosen_test_rmse_default_over_exact']:.3f}** | {e['cpu_seconds']:.0f}") if e else (
          "same (every SVR fit exact) | | 1 | " if r.get("svr_approximated") in (False, "false") else "not run | | |")
    print(f"| {r['compounds']} ({d['n_train']}/{d['n_test']}) | {d['cpu_seconds']:.0f} | {d['peak_heap_mb']} | "
          f"{d.get('peak_live_heap_mb', '')} | "
          f"{'%.0f' % (1000 * d['peak_live_heap_mb'] / r['compounds']) if 'peak_live_heap_mb' in d else ''} | "
          f"{c['builder']}·{c['feature_set']} ({c['params']}) | {c['test_rmse']:.3f} | {ex} |")
pts = [(r["compounds"], r["default"]["cpu_seconds"]) for r in rows if r["compounds"] >= 2000]
if len(pts) >= 2:
    xs = [math.log(n) for n, _ in pts]; ys = [math.log(c) for _, c in pts]
    mx = sum(xs) / len(xs); my = sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    print(f"\nFitted exponent of CPU seconds vs compounds, {pts[0][0]} to {pts[-1][0]} "
          f"(least squares on logs, {len(pts)} sizes): **{slope:.2f}** (target <= 1.3)")
if approx:
    print("\nApproximate vs exact where the default run is exact: the same study with SVR approximated above "
          f"{approx[0]['svr_exact_up_to']} training rows (Nystrom, 1000 landmarks), only SVR run again:\n")
    print("| compounds | chosen, exact | test RMSE | chosen, SVR approximated | test RMSE | ratio | svr·ecfp4 exact / approximate | svr, worst feature set's ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for r in approx:
        e = r["default"]; a = r["svr_approximated_above"]
        if "fitted=" not in json.dumps(a["svr"]):
            print(f"| {r['compounds']} | every SVR fit at most {r['svr_exact_up_to']} rows: nothing approximated | | | | | | |")
            continue
        ex = e["svr"].get("ecfp4", "").split("test_rmse=")[-1]; ap = a["svr"].get("ecfp4", "").split("test_rmse=")[-1]
        print(f"| {r['compounds']} | {e['chosen']['builder']}·{e['chosen']['feature_set']} | {e['chosen_test_rmse']:.3f} | "
              f"{a['chosen']['builder']}·{a['chosen']['feature_set']} | {a['chosen_test_rmse']:.3f} | "
              f"**{r['chosen_test_rmse_approximate_over_exact']:.3f}** | {float(ex):.3f} / {float(ap):.3f} | "
              f"{max(float(a['svr'][f].split('test_rmse=')[-1]) / float(e['svr'][f].split('test_rmse=')[-1]) for f in e['svr']):.3f} |")
knn = [r for r in rows if "all_knn_exact" in r]
if knn:
    print("\nkNN and the applicability domain above their exact limits (10,000 training rows; neighbours among the 16 "
          "nearest of about sqrt(n) cells): the same study with every kNN search exact (only kNN run again), and each "
          "stored feature set's domain fitted both ways:\n")
    print("| compounds | chosen, default | test RMSE | chosen, kNN exact | ratio | knn test RMSE approximate / exact, per feature set | knn wall s in invocations, approximate / exact |")
    print("|---|---|---|---|---|---|---|")
    for r in knn:
        d = r["default"]; e = r["all_knn_exact"]
        ratios = sorted(float(d["knn"][f].split("test_rmse=")[-1]) / float(e["knn"][f].split("test_rmse=")[-1])
                        for f in d["knn"] if f in e["knn"])
        print(f"| {r['compounds']} | {d['chosen']['builder']}·{d['chosen']['feature_set']} | {d['chosen_test_rmse']:.3f} | "
              f"{e['chosen']['builder']}·{e['chosen']['feature_set']} | **{r['chosen_test_rmse_default_over_knn_exact']:.3f}** | "
              f"{ratios[0]:.3f} to {ratios[-1]:.3f} (median {ratios[len(ratios) // 2]:.3f}) | "
              f"{d['wall_seconds_in_invocations_per_builder']['knn']:.0f} / {e['wall_seconds_in_invocations_per_builder']['knn']:.0f} |")
    print("\n| compounds | feature set | training rows x columns | search | domain CPU s, exact | approximate | threshold ratio | test flags agreeing |")
    print("|---|---|---|---|---|---|---|---|")
    for r in knn:
        for f, c in r["domains_exact_vs_approximate"].items():
            print(f"| {r['compounds']} | {f} | {c['train_rows']} x {c['columns']} | {c['search']} | "
                  f"{c['cpu_seconds_exact']:.1f} | {c['cpu_seconds_approximate']:.1f} | "
                  f"{c['threshold_approximate_over_exact']:.4f} | {100 * c['test_flags_agreeing']:.1f}% |")
print("\nWall seconds inside invocations per builder (4 slots):\n")
builders = sorted({b for r in rows for b in r["default"]["wall_seconds_in_invocations_per_builder"]})
print("| compounds | " + " | ".join(builders) + " |"); print("|---" * (len(builders) + 1) + "|")
for r in rows:
    s = r["default"]["wall_seconds_in_invocations_per_builder"]
    print(f"| {r['compounds']} | " + " | ".join(f"{s.get(b, 0):.0f}" for b in builders) + " |")
PY
cat bench/results/scaling.md
