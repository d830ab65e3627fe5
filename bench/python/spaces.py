#!/usr/bin/env python3
"""Candidate spaces x ways of choosing a model, scored on stored predictions (bench/HONEST_SELECTION.md,
"Candidate spaces, consensus and the honest winner").

    python spaces.py --dumps DIR --runs DIR --sets A,B --seed 42 --out results.json --md results.md

DIR/<set>.json is io.qspace.bench.CandidateDump's output (every candidate's out-of-fold and test predictions, on the
same folds); RUNS/<set>/peer.json the peer's (bench/python/peer.py). Nothing is refitted: a rule is a function of
out-of-fold predictions on some rows that returns weights over the candidates (one 1 for a single model, 1/k for a
top-k mean, fitted weights for a stack), and

- its **plain CV** is the rule applied on all rows, scored on the same rows (optimistic: what a leaderboard shows);
- its **nested CV** applies the rule without each held-out fold and predicts that fold with the weights found there
  (the honest estimate of the whole procedure: "pick the best single model by CV" included, as k = 1);
- its **test RMSE** is the rule applied on all rows, its weights applied to the candidates' test predictions.

What stays optimistic in the nested score: each candidate's grid point was tuned on all folds, and a candidate's
out-of-fold prediction on another fold comes from a model that saw the held-out fold's rows (the same as for qspace's
consensus, validate/Consensus.java).
"""
import argparse
import json
import math
import os
import statistics

import numpy as np
from scipy.optimize import nnls

HERE = os.path.dirname(os.path.abspath(__file__))
KS = (3, 5, 10)
WINS_NEEDED = 24
MEDIAN_RATIO_MAX = 0.97
GAP_RATIO_MAX = 0.5
SUPERVISED = ("top10-correlated", "top20-correlated", "top40-correlated", "stepwise", "forest30")


# ---------------------------------------------------------------------------------------------------------- spaces
def spaces(cands):
    """name -> (inside-folds candidate indices, before-cv candidate indices or None)."""
    def idx(pred):
        return [i for i, c in enumerate(cands) if pred(c)]

    default_in = lambda c: c["study"] == "default"
    default_before = lambda c: (c["study"] == "before"
                                or (c["study"] == "default" and c["feature_set"] not in SUPERVISED))
    fp = lambda c: c["study"] == "fingerprints"
    unsup = lambda c: c["study"] == "default" and c["feature_set"] not in SUPERVISED
    fp_kernel = lambda c: fp(c) and c["builder"] in ("svr", "gp")
    has_default = any(default_in(c) for c in cands)
    out = {
        "default": (idx(default_in), idx(default_before)),
        # mixed spaces only when the dump holds both studies (else they would repeat "fingerprints")
        "default+fingerprints": (idx(lambda c: default_in(c) or fp(c)) if has_default else [],
                                 idx(lambda c: default_before(c) or fp(c))),
        "unsupervised+fingerprints": (idx(lambda c: unsup(c) or fp(c)) if has_default else [], None),
        "fingerprints": (idx(fp), None),
        "fingerprints-kernels": (idx(fp_kernel), None),
        "fingerprints-no-atompairs": (idx(lambda c: fp(c) and c["feature_set"] != "atompairs"), None),
        "ecfp4-fingerprints": (idx(lambda c: fp(c) and c["feature_set"] == "ecfp4"), None),
    }
    # the fingerprint space with more views (CandidateDump's "extra" study, when the dump holds it)
    extra = lambda *views: lambda c: c["study"] == "extra" and c["feature_set"] in views
    if any(c["study"] == "extra" for c in cands):
        for name, views in (("fingerprints+descriptors", ("descriptors",)),
                            ("fingerprints+ecfp2+fcfp6", ("ecfp2", "fcfp6")),
                            ("fingerprints+maccs", ("maccs",)),
                            ("fingerprints+all-extra", ("ecfp2", "fcfp6", "maccs", "descriptors"))):
            out[name] = (idx(lambda c, v=views: fp(c) or extra(*v)(c)), None)
    return out


# ----------------------------------------------------------------------------------------------------------- rules
def rmse_rows(pred, y, rows):
    d = pred[rows] - y[rows]
    return math.sqrt(float(np.mean(d * d)))


def rule_single(oof, y, rows, pool):
    scores = [rmse_rows(oof[c], y, rows) for c in pool]
    w = np.zeros(len(oof))
    w[pool[int(np.argmin(scores))]] = 1.0
    return w


def rule_topk(oof, y, rows, pool, ks=KS):
    """qspace's consensus: rank by RMSE on rows, the k whose top-k mean has the lowest RMSE on rows."""
    scores = np.array([rmse_rows(oof[c], y, rows) for c in pool])
    ranked = [pool[i] for i in np.lexsort((np.arange(len(pool)), scores))]
    best = None
    fitting = [k for k in ks if k <= len(pool)] or [len(pool)]  # a space smaller than every k: the mean of all
    for k in fitting:
        w = np.zeros(len(oof))
        w[ranked[:k]] = 1.0 / k
        e = rmse_rows(w @ oof, y, rows)
        if best is None or e < best[0]:
            best = (e, w)
    return best[1]


def rule_stack(oof, y, rows, pool, top=10):
    """Non-negative weights summing to one, least squares on rows, over the top candidates by RMSE on rows."""
    scores = np.array([rmse_rows(oof[c], y, rows) for c in pool])
    ranked = [pool[i] for i in np.lexsort((np.arange(len(pool)), scores))][:top]
    a = oof[ranked][:, rows].T
    b = y[rows]
    lam = 100.0 * math.sqrt(len(b))  # the sum-to-one row, weighted so it holds to about 1e-4
    a2 = np.vstack([a, lam * np.ones(len(ranked))])
    b2 = np.append(b, lam)
    x, _ = nnls(a2, b2)
    x = x / x.sum()
    w = np.zeros(len(oof))
    w[ranked] = x
    return w


def rule_greedy(oof, y, rows, pool, steps=20):
    """Caruana et al. (2004) ensemble selection: add, with replacement, the candidate that most lowers the RMSE of
    the running mean on rows, for a fixed number of steps; weights are the counts over steps."""
    counts = np.zeros(len(oof))
    total = np.zeros(len(y))
    for s in range(steps):
        best = None
        for c in pool:
            e = rmse_rows((total + oof[c]) / (s + 1), y, rows)
            if best is None or e < best[0]:
                best = (e, c)
        counts[best[1]] += 1
        total += oof[best[1]]
    return counts / counts.sum()


def rule_all(oof, y, rows, pool):
    """The mean of every candidate in the space: no choice at all."""
    w = np.zeros(len(oof))
    w[pool] = 1.0 / len(pool)
    return w


RULES = {
    "single": rule_single,
    "all": rule_all,
    "top-k": rule_topk,
    "stack": rule_stack,
    "greedy": rule_greedy,
}


def evaluate(rule, oof, test, y, test_y, folds, pool):
    n = len(y)
    everything = np.ones(n, dtype=bool)
    w = rule(oof, y, everything, pool)
    plain = rmse_rows(w @ oof, y, everything)
    nested = np.zeros(n)
    for f in sorted(set(folds.tolist())):
        held = folds == f
        wf = rule(oof, y, ~held, pool)
        nested[held] = (wf @ oof)[held]
    nested_rmse = rmse_rows(nested, y, everything)
    test_pred = w @ test
    test_rmse = math.sqrt(float(np.mean((test_pred - test_y) ** 2)))
    return {"plain_cv": plain, "nested_cv": nested_rmse, "test": test_rmse,
            "members": int((w > 0).sum()), "nested_pred": nested}


# --------------------------------------------------------------------------------------------------------- per set
def load_set(dumps, runs, name):
    with open(os.path.join(dumps, name + ".json")) as fh:
        d = json.load(fh)
    with open(os.path.join(runs, name, "peer.json")) as fh:
        peer = json.load(fh)["datasets"][0]
    return d, peer


def peer_svr(peer):
    return min((f for f in peer["per_family"] if f["family"].startswith("svr")), key=lambda f: f["cv_rmse"])


def set_row(d, peer):
    cands = d["candidates"]
    y = np.array(d["observed"], dtype=float)
    test_y = np.array(d["test_observed"], dtype=float)
    folds = np.array(d["folds"], dtype=int)
    oof = np.array([c["oof"] for c in cands], dtype=float)
    test = np.array([c["test"] for c in cands], dtype=float)
    row = {"name": d["name"], "n_train": len(y), "n_test": len(test_y), "cpu_seconds": d["cpu_seconds"],
           "peer": {"best": peer["best"]["family"], "best_test": peer["best"]["test_rmse"],
                    "best_cv": peer["best"]["cv_rmse"], "svr_test": peer_svr(peer)["test_rmse"],
                    "cpu_seconds": peer["cpu_seconds"]},
           "variants": {}}
    for space, (inside, before) in spaces(cands).items():
        if not inside:
            continue  # a study this dump does not hold (CandidateDump --studies)
        if before is not None and not any(cands[i]["study"] == "before" for i in before):
            before = None
        for rule_name, rule in RULES.items():
            if rule_name == "stack" and len(inside) < 2:
                continue
            v = {"inside": evaluate(rule, oof, test, y, test_y, folds, inside)}
            if before is not None:
                v["before"] = evaluate(rule, oof, test, y, test_y, folds, before)
            for mode in list(v):
                v[mode].pop("nested_pred")
            row["variants"][f"{space}|{rule_name}"] = v
        # "fair": the top-k consensus when its nested score beats the nested score of the best single model
        for mode in ("inside", "before"):
            if before is None and mode == "before":
                continue
            s = row["variants"][f"{space}|single"][mode]
            t = row["variants"][f"{space}|top-k"][mode]
            row["variants"].setdefault(f"{space}|fair", {})[mode] = dict(t if t["nested_cv"] < s["nested_cv"] else s)
    return row


# ------------------------------------------------------------------------------------------------------- aggregate
def med(xs):
    return statistics.median(xs) if xs else None


def gap(v, which):
    return abs(v[which] - v["test"]) / v["test"]


def aggregate(rows):
    out = {}
    for key in rows[0]["variants"]:
        present = [r for r in rows if key in r["variants"]]
        ins = [r["variants"][key]["inside"] for r in present]
        a = {"sets": len(present),
             "wins": sum(v["test"] <= r["peer"]["best_test"] for v, r in zip(ins, present)),
             "median_ratio_to_peer_best": med([v["test"] / r["peer"]["best_test"] for v, r in zip(ins, present)]),
             "median_ratio_to_peer_svr": med([v["test"] / r["peer"]["svr_test"] for v, r in zip(ins, present)]),
             "median_gap_plain": med([gap(v, "plain_cv") for v in ins]),
             "median_gap_nested": med([gap(v, "nested_cv") for v in ins]),
             "median_members": med([v["members"] for v in ins])}
        if all("before" in r["variants"][key] for r in present):
            bef = [r["variants"][key]["before"] for r in present]
            a["median_gap_plain_before"] = med([gap(v, "plain_cv") for v in bef])
            a["median_gap_nested_before"] = med([gap(v, "nested_cv") for v in bef])
            a["gap_ratio_plain"] = a["median_gap_plain"] / a["median_gap_plain_before"]
            a["gap_ratio_nested"] = a["median_gap_nested"] / a["median_gap_nested_before"]
            a["wins_before"] = sum(v["test"] <= r["peer"]["best_test"] for v, r in zip(bef, present))
            a["median_ratio_to_peer_best_before"] = med([v["test"] / r["peer"]["best_test"]
                                                         for v, r in zip(bef, present)])
        out[key] = a
    base = "default|single"
    for key, a in out.items():
        a["median_test_ratio_to_default_single"] = med([r["variants"][key]["inside"]["test"]
                                                        / r["variants"][base]["inside"]["test"] for r in rows
                                                        if base in r["variants"]])
    return out


def f3(x):
    return "" if x is None else f"{x:.3f}"


def markdown(doc):
    lines = [f"# Candidate spaces x choice rules vs the peer (small protocol, seed {doc['seed']})", "",
             f"Command: `{doc['command']}`  ",
             f"{doc['sets']} sets; 80 seeded training compounds each, the whole test part; the peer ran on the same "
             "files. Every number is from this run's stored predictions (bench/python/spaces.py: nothing refitted).",
             "", "Rules: `single` the best model by CV; `all` the mean of every candidate of the space (no choice); `top-k` the mean of the top 3, 5 or 10 by CV, k by CV "
             "(qspace's consensus); `stack` non-negative weights summing to one, least squares on out-of-fold "
             "predictions of the top 10; `greedy` Caruana's ensemble selection (20 steps with replacement); `fair` "
             "top-k when its nested CV beats the best single's nested CV. Gaps: |CV - test| / test of the chosen "
             "model with its plain CV (the leaderboard's) and with its nested CV (the rule applied without each "
             "held-out fold: the honest estimate of the procedure); `gap in/before` compares the two selection modes "
             "with the same estimator.", "",
             "| space | rule | wins vs peer best | ratio to peer best | ratio to peer SVR | vs default single "
             "| gap plain | gap nested | gap in/before plain | gap in/before nested |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for key, a in doc["variants"].items():
        space, rule = key.split("|")
        lines.append(f"| {space} | {rule} | {a['wins']}/{a['sets']} | {f3(a['median_ratio_to_peer_best'])} | "
                     f"{f3(a['median_ratio_to_peer_svr'])} | {f3(a['median_test_ratio_to_default_single'])} | "
                     f"{f3(a['median_gap_plain'])} | {f3(a['median_gap_nested'])} | "
                     f"{f3(a.get('gap_ratio_plain'))} | {f3(a.get('gap_ratio_nested'))} |")
    cpu = doc["cpu"]
    lines += ["", "CPU seconds per set (median): " + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items()), ""]
    return "\n".join(lines) + "\n"


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--dumps", required=True)
    p.add_argument("--runs", required=True)
    p.add_argument("--sets", required=True)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--command", default="")
    p.add_argument("--out", required=True)
    p.add_argument("--md", required=True)
    a = p.parse_args(argv)
    rows = []
    for name in a.sets.split(","):
        if not os.path.exists(os.path.join(a.dumps, name + ".json")):
            print(f"spaces: no dump for {name}, left out")
            continue
        d, peer = load_set(a.dumps, a.runs, name)
        rows.append(set_row(d, peer))
    cpu = {k: med([r["cpu_seconds"][k] for r in rows]) for k in rows[0]["cpu_seconds"]}
    cpu["peer"] = med([r["peer"]["cpu_seconds"] for r in rows])
    doc = {"seed": a.seed, "command": a.command, "sets": len(rows), "cpu": cpu, "variants": aggregate(rows),
           "per_set": rows}
    with open(a.out, "w") as fh:
        json.dump(doc, fh, indent=1)
    with open(a.md, "w") as fh:
        fh.write(markdown(doc))
    print(markdown(doc))


if __name__ == "__main__":
    main()
