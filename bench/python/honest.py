#!/usr/bin/env python3
"""The honest-selection benchmark's data and report (bench/HONEST_SELECTION.md).

    python honest.py sample  --data DIR --sets A,B --seed 42 --n-train 80 --out DIR
        writes DIR/<set>.csv: a seeded sample of n-train rows of the set's training part + its whole test part
    python honest.py summary --data DIR --runs DIR --protocol small|full --out results.json --md results.md
        reads DIR/<set>/{qspace-inside-folds,qspace-before-cv,peer}.json (bench/honest-selection.sh writes them)
        and reports the gaps, ratios, wins, CPU and cliff / non-cliff RMSE, beside published figures
"""
import argparse
import csv
import json
import math
import os
import statistics
import sys

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
PUBLISHED = os.path.join(HERE, "moleculeace_published.csv")
MODES = ["inside-folds", "before-cv"]
DEFAULT_MODE = "inside-folds"   # qspace's default: its chosen model is this mode's
WINS_NEEDED = 24                # of ALL_SETS
ALL_SETS = 30                   # MoleculeACE's sets
MEDIAN_RATIO_MAX = 0.97
GAP_RATIO_MAX = 0.5


def sampled(data, name, seed, n_train):
    """The set with a seeded sample of n_train training rows and every test row, in file order."""
    df = pd.read_csv(os.path.join(data, name + ".csv"))
    train = df.index[df["split"].astype(str).str.lower() == "train"]
    if len(train) < n_train:
        raise SystemExit(f"{name}: {len(train)} training rows, fewer than the {n_train} the protocol samples")
    picked = set(pd.Series(train).sample(n=n_train, random_state=seed).tolist())
    keep = [i for i in df.index if i in picked or str(df.at[i, "split"]).lower() == "test"]
    return df.loc[keep]


def sample(data, name, seed, n_train, out_dir):
    """Writes sampled(...) to out_dir/<name>.csv: the file qspace and the peer read."""
    os.makedirs(out_dir, exist_ok=True)
    sampled(data, name, seed, n_train).to_csv(os.path.join(out_dir, name + ".csv"), index=False)


def rmse(pairs):
    if not pairs:
        return None
    return math.sqrt(sum((p - o) ** 2 for p, o in pairs) / len(pairs))


def parent_keys(smiles):
    """RDKit's canonical SMILES of the parent compound (largest fragment, neutralised, no isotopes), with and without
    stereo: qspace writes CDK's SMILES of its curated parents (curation merges rows that differ only in those), the
    peer the file's, and the two toolkits do not always agree on double-bond stereo."""
    from rdkit import Chem, RDLogger
    from rdkit.Chem.MolStandardize import rdMolStandardize
    RDLogger.DisableLog("rdApp.*")
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return smiles, smiles
    for atom in mol.GetAtoms():
        atom.SetIsotope(0)
    mol = Chem.RemoveHs(mol)
    mol = rdMolStandardize.Uncharger().uncharge(rdMolStandardize.LargestFragmentChooser().choose(mol))
    exact = Chem.MolToSmiles(mol)
    Chem.RemoveStereochemistry(mol)
    return exact, Chem.MolToSmiles(mol)


def split_rmse(test, smiles, pred):
    """Test RMSE over all, cliff and non-cliff compounds (MoleculeACE's cliff_mol), joined by parent compound (by its
    stereo-free form when that names one prediction only). Test rows without a prediction are counted in "unmatched"
    and left out."""
    keys = [parent_keys(s) for s in smiles]
    exact = dict(zip((k[0] for k in keys), pred))
    flat = {}
    for k, p in zip(keys, pred):
        flat.setdefault(k[1], []).append(p)
    pairs = {"all": [], "cliff": [], "noncliff": []}
    unmatched = []
    for s, y, c in zip(test["smiles"], test["y [pEC50/pKi]"], test["cliff_mol"]):
        k = parent_keys(s)
        p = exact.get(k[0], flat[k[1]][0] if len(flat.get(k[1], [])) == 1 else None)
        if p is None:
            unmatched.append(s)
            continue
        pairs["all"].append((p, y))
        pairs["cliff" if int(c) == 1 else "noncliff"].append((p, y))
    if unmatched:
        print(f"warning: {len(unmatched)} test compounds have no prediction, e.g. {unmatched[0]}", file=sys.stderr)
    return {**{k: rmse(v) for k, v in pairs.items()}, "unmatched": len(unmatched)}


def load(path):
    with open(path) as fh:
        return json.load(fh)["datasets"][0]


def gap(d):
    b = d["best"]
    return abs(b["cv_rmse"] - b["test_rmse"]) / b["test_rmse"]


def selection_gap(d):
    """The gap with the CV of the choice (Results.selectionCv: each held-out fold predicted by the model picked on
    the other folds) in place of the chosen model's plain CV; None for runs that did not write it."""
    b = d["best"]
    s = b.get("selection_cv_rmse")
    return None if s is None else abs(s - b["test_rmse"]) / b["test_rmse"]


def peer_svr(peer):
    """The peer's SVR on ECFP4: the kernel (RBF or Tanimoto) with the lower CV RMSE."""
    return min((f for f in peer["per_family"] if f["family"].startswith("svr")), key=lambda f: f["cv_rmse"])


def dataset_row(data, runs, name):
    folder = os.path.join(runs, name)
    q = {m: load(os.path.join(folder, f"qspace-{m}.json")) for m in MODES
         if os.path.exists(os.path.join(folder, f"qspace-{m}.json"))}
    peer = load(os.path.join(folder, "peer.json"))
    df = pd.read_csv(os.path.join(data, name + ".csv"))
    test = df[df["split"].astype(str).str.lower() == "test"]
    row = {"name": name, "n_train": peer["n_train"], "n_test": peer["n_test"],
           "peer": {"best": peer["best"], "cpu_seconds": peer["cpu_seconds"],
                    "rmse": split_rmse(test, peer["test_smiles"], peer["test_pred"]),
                    "svr": {"family": peer_svr(peer)["family"], "params": peer_svr(peer)["params"],
                            "cv_rmse": peer_svr(peer)["cv_rmse"], "test_rmse": peer_svr(peer)["test_rmse"]},
                    "families": {f["family"]: {"params": f["params"], "cv_rmse": f["cv_rmse"],
                                               "test_rmse": f["test_rmse"], "cpu_seconds": f["cpu_seconds"],
                                               "rmse": split_rmse(test, peer["test_smiles"], f["test_pred"])}
                                 for f in peer["per_family"]}}}
    for m, d in q.items():
        row[m] = {"best": d["best"], "gap": gap(d), "selection_gap": selection_gap(d), "cpu_seconds": d["cpu_seconds"], "n_train": d["n_train"],
                  "models_fitted": d["models_fitted"], "failed_invocations": d["failed_invocations"],
                  "rmse": split_rmse(test, d["test_smiles"], d["test_pred"]),
                  "ratio_to_peer_best": d["best"]["test_rmse"] / peer["best"]["test_rmse"],
                  "ratio_to_peer_svr": d["best"]["test_rmse"] / row["peer"]["svr"]["test_rmse"],
                  "cpu_ratio_to_peer": d["cpu_seconds"] / peer["cpu_seconds"]}
        if "consensus" in d:
            row[m]["variants"] = variants(d)
    if all(m in q for m in MODES):
        row["selection_cpu_seconds"] = q["inside-folds"]["cpu_seconds"] - q["before-cv"]["cpu_seconds"]
    return row


def variants(d):
    """The chosen model's CV and test RMSE under each way of treating the consensus, all from one run: none (the best
    single model), nested (chosen when its nested CV beats the best single's: qspace's rule), plain (chosen when its
    optimistic plain CV does), always."""
    s, c = d["single"], d["consensus"]
    single = {"cv_rmse": s["cv_rmse"], "test_rmse": s["test_rmse"]}
    nested = {"cv_rmse": c["cv_rmse"], "test_rmse": c["test_rmse"]}
    plain = {"cv_rmse": c["plain_cv_rmse"], "test_rmse": c["test_rmse"]}
    return {"none": dict(single, consensus=False),
            "nested": dict(nested, consensus=True) if c["cv_rmse"] < s["cv_rmse"] else dict(single, consensus=False),
            "plain": dict(plain, consensus=True) if c["plain_cv_rmse"] < s["cv_rmse"] else dict(single, consensus=False),
            "always": dict(nested, consensus=True)}


def aggregate_variants(rows):
    """Per selection mode and consensus variant: median gap, wins and median ratios to the peer."""
    out = {}
    for m in MODES:
        rs = [r for r in rows if m in r and "variants" in r[m]]
        if not rs:
            continue
        out[m] = {}
        for v in ("none", "nested", "plain", "always"):
            picks = [(r[m]["variants"][v], r["peer"]) for r in rs]
            out[m][v] = {"datasets": len(picks),
                         "median_gap": med([abs(p["cv_rmse"] - p["test_rmse"]) / p["test_rmse"] for p, _ in picks]),
                         "wins_vs_peer_best": sum(p["test_rmse"] <= peer["best"]["test_rmse"] for p, peer in picks),
                         "median_ratio_to_peer_best": med([p["test_rmse"] / peer["best"]["test_rmse"]
                                                           for p, peer in picks]),
                         "median_ratio_to_peer_svr": med([p["test_rmse"] / peer["svr"]["test_rmse"]
                                                          for p, peer in picks]),
                         "consensus_chosen": sum(p["consensus"] for p, _ in picks)}
        if all(v in out[m] for v in ("none", "nested")):
            out[m]["median_test_ratio_nested_to_none"] = med([r[m]["variants"]["nested"]["test_rmse"]
                                                              / r[m]["variants"]["none"]["test_rmse"] for r in rs])
            out[m]["median_test_ratio_always_to_none"] = med([r[m]["variants"]["always"]["test_rmse"]
                                                              / r[m]["variants"]["none"]["test_rmse"] for r in rs])
    both = [r for r in rows if all(m in r and "variants" in r[m] for m in MODES)]  # the sets run in both modes
    if both:
        for v in ("none", "nested", "plain", "always"):
            gap = [med([abs(p["cv_rmse"] - p["test_rmse"]) / p["test_rmse"]
                        for p in (r[m]["variants"][v] for r in both)]) for m in MODES]
            out[f"gap_ratio_inside_to_before_{v}"] = gap[0] / gap[1] if gap[1] else None
    return out


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def aggregate(rows):
    out = {"datasets": len(rows)}
    for m in MODES:
        rs = [r[m] for r in rows if m in r]
        if not rs:
            continue
        out[m] = {"datasets": len(rs), "median_gap": med([r["gap"] for r in rs]),
                  "median_selection_gap": med([r.get("selection_gap") for r in rs]),
                  "wins_vs_peer_best": sum(r["best"]["test_rmse"] <= rr["peer"]["best"]["test_rmse"]
                                           for r, rr in ((r[m], r) for r in rows if m in r)),
                  "median_ratio_to_peer_best": med([r["ratio_to_peer_best"] for r in rs]),
                  "median_ratio_to_peer_svr": med([r["ratio_to_peer_svr"] for r in rs]),
                  "median_cpu_ratio_to_peer": med([r["cpu_ratio_to_peer"] for r in rs]),
                  "total_cpu_ratio_to_peer": sum(r["cpu_seconds"] for r in rs)
                  / sum(rr["peer"]["cpu_seconds"] for rr in rows if m in rr)}
    out["peer_median_gap"] = med([abs(r["peer"]["best"]["cv_rmse"] - r["peer"]["best"]["test_rmse"])
                                  / r["peer"]["best"]["test_rmse"] for r in rows])
    out["peer_median_hgb_cpu_share"] = med([r["peer"]["families"]["hgb"]["cpu_seconds"] / r["peer"]["cpu_seconds"]
                                            for r in rows if "hgb" in r["peer"]["families"]])
    if all(m in out for m in MODES):
        # over the sets run in both modes only (a run may hold more sets inside the folds than before CV)
        both = [r for r in rows if all(m in r for m in MODES)]
        out["sets_in_both_modes"] = len(both)
        gaps = [med([r[m]["gap"] for r in both]) for m in MODES]
        out["gap_ratio_inside_to_before"] = gaps[0] / gaps[1] if gaps[1] else None
        sel = [med([r[m].get("selection_gap") for r in both]) for m in MODES]
        out["selection_gap_ratio_inside_to_before"] = sel[0] / sel[1] if None not in sel and sel[1] else None
        out["median_selection_cpu_ratio"] = med([r["inside-folds"]["cpu_seconds"] / r["before-cv"]["cpu_seconds"]
                                                 for r in both])
    return out


def targets(agg):
    """Issue 11's targets, each (ok, text); None when the run cannot say (a mode or sets missing)."""
    d = agg.get(DEFAULT_MODE)
    t = {}
    ratio = agg.get("gap_ratio_inside_to_before")
    t["gap"] = (None if ratio is None else ratio <= GAP_RATIO_MAX,
                "median gap inside-folds / before-cv = " + ("—" if ratio is None else f"{ratio:.2f}")
                + f" (<= {GAP_RATIO_MAX})")
    sel = agg.get("selection_gap_ratio_inside_to_before")
    if sel is not None:
        t["gap (selection CV)"] = (sel <= GAP_RATIO_MAX, "the same with the CV of the choice (Results.selectionCv) "
                                   f"in both modes = {sel:.2f} (<= {GAP_RATIO_MAX})")
    if d:
        need = math.ceil(WINS_NEEDED * d["datasets"] / ALL_SETS)  # 24 of 30, pro rata on a subset
        t["wins"] = (d["wins_vs_peer_best"] >= need,
                     f"{d['wins_vs_peer_best']}/{d['datasets']} sets at or below the peer's best-by-CV (>= {need})")
        t["median ratio"] = (d["median_ratio_to_peer_best"] <= MEDIAN_RATIO_MAX,
                             f"{d['median_ratio_to_peer_best']:.3f} (<= {MEDIAN_RATIO_MAX})")
        t["vs SVR-ECFP4"] = (d["median_ratio_to_peer_svr"] <= 1.0,
                             f"median ratio {d['median_ratio_to_peer_svr']:.3f} (<= 1)")
    return t


def published(names):
    out = {}
    if not os.path.exists(PUBLISHED):
        return out, {}
    sources = {}
    with open(PUBLISHED) as fh:
        for r in csv.DictReader(fh):
            if r["dataset"] in names:
                out.setdefault(r["dataset"], {})[r["model"]] = r
                sources[r["model"]] = r["source"]
    return out, sources


def f3(x):
    return "—" if x is None or x == "" else f"{float(x):.3f}"


def markdown(doc):
    agg, rows = doc["aggregate"], doc["datasets"]
    proto = doc["protocol"]
    lines = [f"# Honest model selection: qspace vs the peer ({proto} protocol)", "",
             f"Command: `{doc['command']}`  ", f"Seed {doc['seed']}; {agg['datasets']} sets; every number below "
             "was measured in this run except the last table's published columns.", ""]
    if proto == "small":
        lines += [f"Training set: a seeded sample of {doc['n_train']} compounds of each set's training part; "
                  "test set: its whole test part.", ""]
    lines += ["## Targets (issue 11)", "", "| target | result | measured |", "|---|---|---|"]
    for k, (ok, text) in doc["targets"].items():
        lines.append(f"| {k} | {'—' if ok is None else ('PASS' if ok else 'FAIL')} | {text} |")
    lines += ["", "## Summary", "", "| | " + " | ".join(f"qspace {m}" for m in MODES if m in agg) + " |",
              "|---|" + "---|" * sum(m in agg for m in MODES)]
    def agg_row(label, key, fmt="{:.3f}"):
        cells = [("—" if agg[m].get(key) is None else fmt.format(agg[m][key])) for m in MODES if m in agg]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    agg_row("sets", "datasets", "{}")
    agg_row("median CV-to-test gap of the chosen model", "median_gap")
    agg_row("sets at or below the peer's best-by-CV test RMSE", "wins_vs_peer_best", "{}")
    agg_row("median test RMSE ratio to the peer's best-by-CV", "median_ratio_to_peer_best")
    agg_row("median test RMSE ratio to the peer's SVR-ECFP4", "median_ratio_to_peer_svr")
    agg_row("median CPU ratio to the peer (per dataset)", "median_cpu_ratio_to_peer", "{:.2f}")
    agg_row("total CPU ratio to the peer", "total_cpu_ratio_to_peer", "{:.2f}")
    lines += ["", f"Peer's own median CV-to-test gap: {f3(agg['peer_median_gap'])}. Share of the peer's CPU spent in "
              f"HistGradientBoosting: median {f3(agg['peer_median_hgb_cpu_share'])}."]
    if "gap_ratio_inside_to_before" in agg:
        lines += [f"Median gap inside-folds / before-cv, on the {agg['sets_in_both_modes']} sets run in both modes: "
                  f"**{agg['gap_ratio_inside_to_before']:.2f}**. "
                  f"Cost of selection inside the folds: median CPU inside-folds / before-cv "
                  f"**{agg['median_selection_cpu_ratio']:.2f}** per dataset."]
    cons = doc.get("consensus") or {}
    if cons:
        lines += ["", "## Consensus (top 3, 5 or 10 by CV), same run", "",
                  "Which model is chosen per set: `none` the best single model by CV; `nested` the consensus when its "
                  "nested CV (members and k chosen without each held-out fold) beats the best single's CV (qspace's "
                  "rule); `plain` when its plain CV (members and k chosen on all folds: optimistic) does; `always` "
                  "the consensus.", "",
                  "| mode | variant | consensus chosen | median gap | wins vs peer best | median ratio to peer best "
                  "| median ratio to peer SVR |", "|---|---|---|---|---|---|---|"]
        for m in MODES:
            for v, a in (cons.get(m) or {}).items():
                if isinstance(a, dict):
                    lines.append(f"| {m} | {v} | {a['consensus_chosen']}/{a['datasets']} | {f3(a['median_gap'])} | "
                                 f"{a['wins_vs_peer_best']} | {f3(a['median_ratio_to_peer_best'])} | "
                                 f"{f3(a['median_ratio_to_peer_svr'])} |")
        for k, v in cons.items():
            if not isinstance(v, dict):
                lines.append(f"\n{k}: {f3(v)}")
        for m in MODES:
            for k, v in (cons.get(m) or {}).items():
                if not isinstance(v, dict):
                    lines.append(f"\n{m} {k}: {f3(v)}")
    prev = doc.get("previous")
    if prev:
        lines += ["", "## Against the previous space's chosen model, same files and peer runs", "",
                  f"`{prev['folder']}`: {prev['datasets']} sets with both. This run's chosen model has the lower test "
                  f"RMSE on {prev['current_lower']}; median test RMSE ratio this / previous "
                  f"**{f3(prev['median_ratio_current_to_previous'])}**.", "",
                  "| | this run | previous |", "|---|---|---|",
                  f"| sets at or below the peer's best-by-CV | {prev['current_wins_vs_peer_best']} | "
                  f"{prev['previous_wins_vs_peer_best']} |",
                  f"| median test RMSE ratio to the peer's best-by-CV | "
                  f"{f3(prev['current_median_ratio_to_peer_best'])} | {f3(prev['previous_median_ratio_to_peer_best'])} |"]
    lines += ["", "## Per set", "",
              "| set | n train/test | qspace chosen (inside-folds) | cv | test | gap in | gap before | peer best | "
              "peer test | peer SVR test | ratio best | ratio SVR | CPU q-in / q-before / peer (s) |"
              + (" previous chosen: test |" if prev else ""),
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|" + ("---|" if prev else "")]
    for r in rows:
        q = r.get(DEFAULT_MODE)
        b = r.get("before-cv")
        p = r["peer"]
        qname = f"{q['best']['builder']}/{q['best']['feature_set']}" if q else "—"
        lines.append(
            f"| {r['name']} | {r['n_train']}/{r['n_test']} | {qname} | {f3(q and q['best']['cv_rmse'])} | "
            f"{f3(q and q['best']['test_rmse'])} | {f3(q and q['gap'])} | {f3(b and b['gap'])} | "
            f"{p['best']['family']} | {f3(p['best']['test_rmse'])} | {f3(p['svr']['test_rmse'])} | "
            f"{f3(q and q['ratio_to_peer_best'])} | {f3(q and q['ratio_to_peer_svr'])} | "
            f"{(q and format(q['cpu_seconds'], '.0f')) or '—'} / {(b and format(b['cpu_seconds'], '.0f')) or '—'}"
            f" / {p['cpu_seconds']:.0f} |"
            + (f" {prev['per_set'][r['name']]['previous']}: {f3(prev['per_set'][r['name']]['previous_test_rmse'])} |"
               if prev and r["name"] in prev["per_set"] else (" — |" if prev else "")))
    pub, sources = doc["published"], doc["published_sources"]
    models = sorted(sources)
    lines += ["", "## Activity cliffs: test RMSE on cliff / non-cliff compounds (MoleculeACE's `cliff_mol`)", "",
              "Measured here: qspace (chosen model, inside-folds) and the peer (its best-by-CV and its Tanimoto SVR). "
              "Published: " + ", ".join(models) + (" — trained on the full training sets, so only comparable with "
                                                   "a `--full` run." if proto == "small" else "."), "",
              "| set | qspace all / cliff / non-cliff | peer best | peer svr-tanimoto | "
              + " | ".join(f"{m} (all / cliff)" for m in models) + " |",
              "|---|---|---|---|" + "---|" * len(models)]
    def trio(d):
        return "—" if not d else f"{f3(d['all'])} / {f3(d['cliff'])} / {f3(d['noncliff'])}"
    for r in rows:
        q = r.get(DEFAULT_MODE)
        cells = [f"{f3(pub.get(r['name'], {}).get(m, {}).get('rmse'))} / "
                 f"{f3(pub.get(r['name'], {}).get(m, {}).get('cliff_rmse'))}" for m in models]
        lines.append(f"| {r['name']} | {trio(q and q['rmse'])} | {trio(r['peer']['rmse'])} | "
                     f"{trio(r['peer']['families'].get('svr-tanimoto', {}).get('rmse'))} | " + " | ".join(cells) + " |")
    lines += ["", "Sources of the published figures:", ""] + [f"- `{m}`: {s}" for m, s in sorted(sources.items())]
    return "\n".join(lines) + "\n"


def versus_previous(rows, previous):
    """The chosen model (inside-folds) against the one a previous space chose on the same sets, files and peer runs
    (--previous: the descriptor space's runs beside the fingerprint space's); None when no set has both."""
    pairs = []
    for r in rows:
        path = os.path.join(previous, r["name"], f"qspace-{DEFAULT_MODE}.json")
        if DEFAULT_MODE in r and os.path.exists(path):
            pairs.append((r, load(path)["best"]))
    if not pairs:
        return None
    peer = lambda r: r["peer"]["best"]["test_rmse"]
    return {"folder": previous, "datasets": len(pairs),
            "current_wins_vs_peer_best": sum(r[DEFAULT_MODE]["best"]["test_rmse"] <= peer(r) for r, _ in pairs),
            "previous_wins_vs_peer_best": sum(b["test_rmse"] <= peer(r) for r, b in pairs),
            "current_median_ratio_to_peer_best": med([r[DEFAULT_MODE]["best"]["test_rmse"] / peer(r) for r, _ in pairs]),
            "previous_median_ratio_to_peer_best": med([b["test_rmse"] / peer(r) for r, b in pairs]),
            "median_ratio_current_to_previous": med([r[DEFAULT_MODE]["best"]["test_rmse"] / b["test_rmse"]
                                                     for r, b in pairs]),
            "current_lower": sum(r[DEFAULT_MODE]["best"]["test_rmse"] < b["test_rmse"] for r, b in pairs),
            "per_set": {r["name"]: {"previous": f"{b['builder']}/{b['feature_set']}",
                                    "previous_test_rmse": b["test_rmse"]} for r, b in pairs}}


def summary(a):
    names = [n for n in a.sets.split(",") if n]
    done = [n for n in names if os.path.exists(os.path.join(a.runs, n, "peer.json"))]
    rows = [dataset_row(a.data, a.runs, n) for n in done]
    agg = aggregate(rows)
    pub, sources = published(set(done))
    doc = {"protocol": a.protocol, "seed": a.seed, "n_train": a.n_train if a.protocol == "small" else None,
           "command": a.command, "aggregate": agg, "targets": targets(agg),
           "consensus": aggregate_variants(rows), "datasets": rows, "published": pub, "published_sources": sources,
           "missing": [n for n in names if n not in done],
           "previous": versus_previous(rows, a.previous) if a.previous else None}
    with open(a.out, "w") as fh:
        json.dump(doc, fh, indent=1)
    with open(a.md, "w") as fh:
        fh.write(markdown(doc))
    print(markdown(doc).split("## Per set")[0])


def spaces(a):
    """Candidate spaces x consensus rules (ConsensusSpaces' JSON lines), against the peer of the same sets."""
    lines = []
    for path in a.jsonl:
        with open(path) as fh:
            lines += [json.loads(l) for l in fh if l.strip()]
    unique = {}
    for d in lines:  # one line per set and selection mode
        unique.setdefault((d["name"], d["selection"]), d)
    lines = list(unique.values())
    peers = {}
    for d in lines:
        peer = load(os.path.join(a.runs, d["name"], "peer.json"))
        peers[d["name"]] = (peer["best"]["test_rmse"], peer_svr(peer)["test_rmse"])
    out = {}
    for mode in MODES:
        ds = [d for d in lines if d["selection"] == mode]
        for space in (ds[0]["spaces"] if ds else {}):
            for rule in ("none", "nested", "plain", "fair", "always"):
                picks = []
                for d in ds:
                    sp = d["spaces"][space]
                    s_, c = sp["single"], sp["consensus"]
                    if rule == "none" or (rule == "nested" and c["cv_rmse"] >= s_["cv_rmse"]) \
                            or (rule == "plain" and c["plain_cv_rmse"] >= s_["cv_rmse"]) \
                            or (rule == "fair" and c["cv_rmse"] >= s_.get("nested_cv_rmse", float("inf"))):
                        picks.append((s_["cv_rmse"], s_["test_rmse"], False, d["name"]))
                    else:
                        cv = c["plain_cv_rmse"] if rule == "plain" else c["cv_rmse"]
                        picks.append((cv, c["test_rmse"], True, d["name"]))
                out[(mode, space, rule)] = {
                    "sets": len(picks), "consensus_chosen": sum(p[2] for p in picks),
                    "median_gap": med([abs(cv - t) / t for cv, t, _, _ in picks]),
                    "wins": sum(t <= peers[n][0] for _, t, _, n in picks),
                    "ratio_best": med([t / peers[n][0] for _, t, _, n in picks]),
                    "ratio_svr": med([t / peers[n][1] for _, t, _, n in picks])}
    rows = ["| selection | space | consensus rule | consensus chosen | median gap | wins vs peer best | "
            "median ratio to peer best | median ratio to peer SVR |", "|---|---|---|---|---|---|---|---|"]
    for (mode, space, rule), v in out.items():
        rows.append(f"| {mode} | {space} | {rule} | {v['consensus_chosen']}/{v['sets']} | {f3(v['median_gap'])} | "
                    f"{v['wins']}/{v['sets']} | {f3(v['ratio_best'])} | {f3(v['ratio_svr'])} |")
    gaps = []
    for space in {k[1] for k in out}:
        for rule in ("none", "nested", "plain", "fair", "always"):
            i, b = out.get(("inside-folds", space, rule)), out.get(("before-cv", space, rule))
            if i and b and b["median_gap"]:
                gaps.append(f"| {space} | {rule} | {i['median_gap'] / b['median_gap']:.2f} |")
    text = "\n".join(rows + ["", "| space | consensus rule | gap inside-folds / before-cv |", "|---|---|---|"]
                     + sorted(gaps)) + "\n"
    with open(a.md, "w") as fh:
        fh.write(text)
    print(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--data", required=True)
    s.add_argument("--sets", required=True)
    s.add_argument("--seed", type=int, default=42)
    s.add_argument("--n-train", type=int, default=80)
    s.add_argument("--out", required=True)
    r = sub.add_parser("summary")
    r.add_argument("--data", required=True, help="the sets as both pipelines read them (sampled for small)")
    r.add_argument("--runs", required=True)
    r.add_argument("--sets", required=True)
    r.add_argument("--protocol", choices=["small", "full"], required=True)
    r.add_argument("--seed", type=int, default=42)
    r.add_argument("--n-train", type=int, default=80)
    r.add_argument("--command", default="")
    r.add_argument("--out", required=True)
    r.add_argument("--md", required=True)
    r.add_argument("--previous", help="another space's runs of the same sets, to set its chosen models beside")
    c = sub.add_parser("spaces")
    c.add_argument("--runs", required=True, help="the runs folder holding each set's peer.json")
    c.add_argument("--md", required=True)
    c.add_argument("jsonl", nargs="+")
    a = ap.parse_args(argv)
    if a.cmd == "spaces":
        spaces(a)
    elif a.cmd == "sample":
        for name in [n for n in a.sets.split(",") if n]:
            sample(a.data, name, a.seed, a.n_train, a.out)
    else:
        summary(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
