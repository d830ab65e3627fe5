#!/usr/bin/env python3
"""Summary of bench/classification.sh: qspace's chosen classifier against the scikit-learn peer, per set and pooled.

Per set: the chosen model (qspace's default classification study: the mean of the fingerprint space's 12 models; runs
labelled "consensus by cv" are the earlier default, the best by pooled out-of-fold ROC-AUC among the descriptor space's
single models and the consensus of the top 3, 5 or 10; the peer: best by fold-averaged ROC-AUC) and its test ROC-AUC,
PR-AUC and CPU seconds; whether the numbers were equal on every slot count run (a digest of every model's numbers).
Per group (MoleculeACE sets, KIBA kinases): sets where qspace's test ROC-AUC is at or above the peer's (issue 12's
target: 24 of the 30 MoleculeACE sets), the median ratio of test ROC-AUCs and of CPU seconds, qspace / peer, and the
pooled coverage of qspace's Mondrian prediction sets over the test parts (a compound is covered when its class is in
its set; target: within 3 points of 80% and 90%).

    python classify_summary.py --runs DIR --sets A,B --threshold 7 --kiba-threshold 12.1 --slots 4,1 \
        --out summary.json --md summary.md [--qspace-runs DIR] [--previous DIR] [--previous-label "earlier default"]

--qspace-runs: qspace's runs, when not beside the peer's in --runs (another space's, bench/classification.sh --space).
--previous names a folder of qspace runs of an earlier default (e.g. runs/descriptor-space), scored against the same
peer runs: a table sets them beside this summary's, labelled --previous-label.
"""
import argparse
import json
import os
import statistics

TARGET_WINS = 24
COVERAGE_POINTS = 3.0


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as fh:
        return json.load(fh)["datasets"][0]


def group_of(name):
    return "KIBA" if name.startswith("KIBA_") else "MoleculeACE"


def coverage(test):
    """{confidence label: (covered, n)} of one set's test part; empty without prediction sets."""
    out = {}
    classes = test.get("classes") or ["inactive", "active"]
    for key, sets in test.items():
        if not key.startswith("set_"):
            continue
        covered = sum(1 for obs, s in zip(test["observed"], sets) if classes[int(round(obs))] in s.split("|"))
        out[key[4:]] = (covered, len(sets))
    return out


def as_default_study(run):
    """A qspace run as the current default study (a classification has the consensus by CV): runs made before that
    default (no "study_default") chose among single models, and their "consensus" variant, run in the same store
    after them, is what the default chooses now; their single pick becomes the "single_models" variant. The CPU of
    such a run is its study's plus the consensus invocation's; its prediction sets are the single model's."""
    if run is None or "study_default" in run or "best" not in run:
        return run
    run = dict(run)
    variants = dict(run.get("variants", {}))
    consensus = variants.pop("consensus", None)
    if consensus is None:
        # older still: no consensus was measured, so the default study's choice is unknown; run the set again
        return None
    run["cpu_seconds"] = run["cpu_seconds"] + consensus["extra_cpu_seconds"]
    run["best"], single = consensus, run["best"]
    run["variants"] = {"single_models": dict(single, extra_cpu_seconds=0.0), **variants}
    run["coverage_of"] = "the best single model (run before the default had the consensus)"
    return run


def per_set(runs, name, threshold, slots, qspace_runs=None):
    q = [as_default_study(load(os.path.join(qspace_runs or runs, f"{name}-t{threshold:g}-slots{s}.json")))
         for s in slots]
    p = load(os.path.join(runs, f"peer-{name}-t{threshold:g}.json"))
    row = {"name": name, "group": group_of(name), "threshold": threshold}
    first = q[0]
    if first is None or p is None:
        row["missing"] = [f for f, d in zip([f"qspace slots={s}" for s in slots] + ["peer"], q + [p]) if d is None]
        return row
    if "best" not in first or "skipped" in p:
        row["skipped"] = first.get("skipped") or p.get("skipped")
        return row
    # a digest covers every model of the run, the consensus row among them since it became a classification's
    # default: runs from before and after that are not compared
    digests = {(d.get("study_default"), d.get("numbers_digest")) for d in q if d is not None}
    row.update({
        "class_balance": first.get("class_balance"),
        "qspace": {k: first["best"][k] for k in ("feature_set", "builder", "params", "cv_roc_auc", "test_roc_auc",
                                                 "test_pr_auc", "test_mcc")},
        "qspace_cpu_seconds": first["cpu_seconds"],
        "peer": p["best"],
        "peer_cpu_seconds": p["cpu_seconds"],
        "win": first["best"]["test_roc_auc"] >= p["best"]["test_roc_auc"],
        "ratio": first["best"]["test_roc_auc"] / p["best"]["test_roc_auc"],
        "cpu_ratio": first["cpu_seconds"] / p["cpu_seconds"],
        "slots": {str(s): (d or {}).get("numbers_digest") for s, d in zip(slots, q)},
        # only a comparison when two or more slot counts ran
        # compared only when every slot count ran this set with the same study default
        "same_on_every_slot_count": len(digests) == 1
        if len(slots) > 1 and None not in q and len({k for k, _ in digests}) == 1 else None,
        "coverage": coverage(first.get("test", {})),
        "coverage_of": first.get("coverage_of", "the chosen model"),
        # the consensus variants run in the same store after the default study (ClassificationBench)
        "variants": {v: {"builder": b["builder"], "feature_set": b["feature_set"], "test_roc_auc": b["test_roc_auc"],
                         "ratio": b["test_roc_auc"] / p["best"]["test_roc_auc"],
                         "win": b["test_roc_auc"] >= p["best"]["test_roc_auc"],
                         "extra_cpu_seconds": b["extra_cpu_seconds"]}
                     for v, b in first.get("variants", {}).items()},
    })
    return row


def aggregate(rows):
    done = [r for r in rows if "qspace" in r]
    out = {"sets": len(rows), "compared": len(done)}
    if not done:
        return out
    out["wins"] = sum(r["win"] for r in done)
    out["median_test_roc_auc_ratio"] = statistics.median(r["ratio"] for r in done)
    out["median_cpu_ratio"] = statistics.median(r["cpu_ratio"] for r in done)
    out["total_cpu_ratio"] = sum(r["qspace_cpu_seconds"] for r in done) / sum(r["peer_cpu_seconds"] for r in done)
    pooled = {}
    for r in done:
        for conf, (covered, n) in r["coverage"].items():
            c, m = pooled.get(conf, (0, 0))
            pooled[conf] = (c + covered, m + n)
    out["pooled_coverage"] = {conf: {"covered": c, "n": n, "share": c / n} for conf, (c, n) in pooled.items() if n}
    out["coverage_of_single_model_sets"] = sum(r["coverage_of"] != "the chosen model" for r in done)
    variants = {}
    for r in done:
        for v, d in r["variants"].items():
            variants.setdefault(v, []).append(d)
    out["variants"] = {v: {"sets": len(ds), "wins": sum(d["win"] for d in ds),
                           "median_test_roc_auc_ratio": statistics.median(d["ratio"] for d in ds),
                           "consensus_chosen": sum(d["builder"] == "consensus" for d in ds),
                           "median_extra_cpu_seconds": statistics.median(d["extra_cpu_seconds"] for d in ds)}
                       for v, ds in variants.items()}
    compared = [r["same_on_every_slot_count"] for r in done if r["same_on_every_slot_count"] is not None]
    out["same_on_every_slot_count"] = f"{sum(compared)}/{len(compared)}" if compared else "one slot count run"
    return out


def targets(groups):
    t = {}
    mace = groups.get("MoleculeACE", {})
    if mace.get("compared"):
        t["wins"] = [mace["wins"] >= TARGET_WINS,
                     f"{mace['wins']}/{mace['sets']} MoleculeACE sets at or above the peer's test ROC-AUC "
                     f"(>= {TARGET_WINS} of 30)"]
    for name, g in groups.items():
        for conf, c in g.get("pooled_coverage", {}).items():
            gap = abs(100 * c["share"] - float(conf))
            t[f"coverage {conf}% {name}"] = [gap <= COVERAGE_POINTS,
                                             f"{100 * c['share']:.1f}% of {c['n']} test compounds (within "
                                             f"{COVERAGE_POINTS:g} points of {conf}%)"]
    return t


def coverage_cells(group):
    """A group's pooled coverage at 80% and 90% as two table cells."""
    cov = group.get("pooled_coverage", {})
    return " | ".join(f"{100 * cov[c]['share']:.1f}%" if c in cov else "" for c in ("80", "90"))


def markdown(doc):
    lines = ["# Classification: qspace vs the scikit-learn peer", "",
             f"Command: `{doc['command']}`  ", "Every number below was measured in this run.", "",
             "## Targets (issue 12)", "", "| target | result | measured |", "|---|---|---|"]
    for k, (ok, text) in doc["targets"].items():
        lines.append(f"| {k} | {'PASS' if ok else 'FAIL'} | {text} |")
    lines += ["", "## Summary", "",
              "| group | sets compared | wins | median test ROC-AUC ratio | median CPU ratio | total CPU ratio | "
              "coverage 80% | coverage 90% | same numbers on every slot count |",
              "|---|---|---|---|---|---|---|---|---|"]
    for name, g in doc["groups"].items():
        if not g.get("compared"):
            continue
        lines.append(f"| {name} | {g['compared']}/{g['sets']} | {g['wins']} | {g['median_test_roc_auc_ratio']:.3f} | "
                     f"{g['median_cpu_ratio']:.2f} | {g['total_cpu_ratio']:.2f} | {coverage_cells(g)} | "
                     f"{g['same_on_every_slot_count']} |")
    for name, g in doc["groups"].items():
        if g.get("coverage_of_single_model_sets"):
            lines += ["", f"{name}: on {g['coverage_of_single_model_sets']} of {g['compared']} sets (runs made before "
                      "the consensus was a classification's default) the coverage is that of the best single "
                      "model's prediction sets; the chosen model and CPU are the default study's (the consensus "
                      "variant of the same run)."]
    if "previous" in doc:
        other = doc["previous"].get("label", "earlier default")
        lines += ["", f"## Against the {other} (qspace runs in {doc['previous']['runs']}, the same peer runs)",
                  "", "| group | study | sets | wins | median test ROC-AUC ratio | total CPU ratio | coverage 80% | "
                  "coverage 90% |", "|---|---|---|---|---|---|---|---|"]
        for name in doc["groups"]:
            for label, g in (("this run" if other != "earlier default" else "current default", doc["groups"][name]),
                             (other, doc["previous"]["groups"].get(name, {}))):
                if not g.get("compared"):
                    continue
                lines.append(f"| {name} | {label} | {g['compared']} | {g['wins']} | "
                             f"{g['median_test_roc_auc_ratio']:.3f} | {g['total_cpu_ratio']:.2f} | "
                             f"{coverage_cells(g)} |")
    variant_rows = [(name, v, d) for name, g in doc["groups"].items() for v, d in g.get("variants", {}).items()]
    if variant_rows:
        lines += ["", "## Variants (same store, after the default study)", "",
                  "| group | variant | sets | wins | median test ROC-AUC ratio | consensus chosen | "
                  "median extra CPU s |", "|---|---|---|---|---|---|---|"]
        for name, v, d in variant_rows:
            lines.append(f"| {name} | {v} | {d['sets']} | {d['wins']} | {d['median_test_roc_auc_ratio']:.3f} | "
                         f"{d['consensus_chosen']} | {d['median_extra_cpu_seconds']:.1f} |")
    lines += ["", "## Per set", "",
              "| set | classes | qspace chosen | CV ROC-AUC | test ROC-AUC | peer chosen | peer test ROC-AUC | ratio | "
              "CPU s qspace / peer |", "|---|---|---|---|---|---|---|---|---|"]
    for r in doc["sets"]:
        if "qspace" not in r:
            lines.append(f"| {r['name']} | {r.get('skipped') or 'missing: ' + ', '.join(r.get('missing', []))} "
                         "| | | | | | | |")
            continue
        q, p = r["qspace"], r["peer"]
        lines.append(f"| {r['name']} | {r['class_balance']} | {q['builder']}·{q['feature_set']} | "
                     f"{q['cv_roc_auc']:.3f} | {q['test_roc_auc']:.3f} | {p['family']} | {p['test_roc_auc']:.3f} | "
                     f"{r['ratio']:.3f} | {r['qspace_cpu_seconds']:.0f} / {r['peer_cpu_seconds']:.0f} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", required=True)
    ap.add_argument("--sets", required=True)
    ap.add_argument("--threshold", type=float, default=7.0)
    ap.add_argument("--kiba-threshold", type=float, default=12.1)
    ap.add_argument("--slots", default="4")
    ap.add_argument("--command", default="bench/classification.sh")
    ap.add_argument("--out", required=True)
    ap.add_argument("--md", required=True)
    ap.add_argument("--qspace-runs", help="qspace's runs when not in --runs beside the peer's")
    ap.add_argument("--previous", help="qspace runs of an earlier default, set beside the current one")
    ap.add_argument("--previous-label", default="earlier default", help="what --previous's runs are")
    a = ap.parse_args(argv)
    slots = [int(s) for s in a.slots.split(",")]
    rows = [per_set(a.runs, n, a.kiba_threshold if group_of(n) == "KIBA" else a.threshold, slots,
                    qspace_runs=a.qspace_runs) for n in a.sets.split(",") if n]
    groups = {g: aggregate([r for r in rows if r["group"] == g]) for g in ("MoleculeACE", "KIBA")}
    doc = {"command": a.command, "groups": groups, "targets": targets(groups), "sets": rows}
    if a.previous:
        before = [per_set(a.runs, n, a.kiba_threshold if group_of(n) == "KIBA" else a.threshold, slots[:1],
                          qspace_runs=a.previous) for n in a.sets.split(",") if n]
        doc["previous"] = {"runs": a.previous, "label": a.previous_label, "groups": {g: aggregate([r for r in before if r["group"] == g])
                                                          for g in ("MoleculeACE", "KIBA")}}
    with open(a.out, "w") as fh:
        json.dump(doc, fh, indent=1)
    with open(a.md, "w") as fh:
        fh.write(markdown(doc))
    print(markdown(doc))


if __name__ == "__main__":
    main()
