"""Does the default's chosen model overpredict compounds unlike its training set, and would a correction learned from
its own out-of-fold predictions help? (bench/HONEST_SELECTION.md, session 17)

Reads the stores of a finished small-protocol run of the default space on this machine (bench/honest-selection.sh
--space fingerprints --modes inside-folds [--seed S]: each set's qspace-inside-folds.json names its store; the
committed files name stores of the machine that ran them, so delete them and run again, which reproduces their
numbers) and, per set:
  - the consensus's out-of-fold predictions (id, fold, observed, predicted) and its test predictions;
  - s: each compound's greatest Tanimoto similarity (RDKit ECFP4 bits, 2,048) to the compounds its model was fitted
    on: an out-of-fold row to the other folds' rows, a test compound to all training compounds;
  - the residual trend e = a + b s, least squares on the out-of-fold rows (what qspace could learn without the test
    part), its nested CV (a, b refitted without each fold), and the test RMSE with the trend removed;
  - oracle: the same line fitted on the test part itself (an upper bound, not a method).
Nothing is refitted but the line.

    bench/python/.venv/bin/python bench/python/similarity_bias.py --seeds 42,7,123 --md bench/results/similarity-bias.md
"""
import argparse
import glob
import json
import math
import os
import statistics
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import honest  # noqa: E402

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results")


def fingerprints(smiles):
    from rdkit import Chem, RDLogger
    from rdkit.Chem import rdFingerprintGenerator
    RDLogger.DisableLog("rdApp.*")
    gen = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=2048)
    return [gen.GetFingerprint(Chem.MolFromSmiles(s)) for s in smiles]


def nearest(query, reference):
    from rdkit import DataStructs
    return max(DataStructs.BulkTanimotoSimilarity(query, reference))


def rows_of(frame, ids):
    """qspace names a row without an id 'row<line>', the header being line 1."""
    return frame.iloc[[int(i[3:]) - 2 for i in ids]]


def line(x, e):
    a = np.c_[np.ones_like(x), x]
    coef, *_ = np.linalg.lstsq(a, e, rcond=None)
    return coef


def rmse(e):
    return math.sqrt(float(np.mean(np.square(e))))


def one_set(data, runs, name, seed, n_train):
    q = json.load(open(os.path.join(runs, name, "qspace-inside-folds.json")))["datasets"][0]
    peer = json.load(open(os.path.join(runs, name, "peer.json")))["datasets"][0]["best"]["test_rmse"]
    store = q["store"]
    found = glob.glob(os.path.join(store, "out-of-fold", "consensus-*.csv"))
    if len(found) != 1:
        raise SystemExit(f"{name}: expected one consensus in {store}/out-of-fold, found {len(found)}: run "
                         f"bench/honest-selection.sh --space fingerprints --modes inside-folds --seed {seed} again "
                         "(delete its qspace-inside-folds.json files first)")
    oof = pd.read_csv(found[0])
    test = pd.read_csv(os.path.join(store, "predictions", os.path.basename(found[0])))
    frame = honest.sampled(data, name, seed, n_train).reset_index(drop=True)
    train = rows_of(frame, oof["id"])
    activity = [c for c in frame.columns if c.startswith("y [")][0]
    if not np.allclose(train[activity].to_numpy(), oof["observed"].to_numpy()):
        raise SystemExit(f"{name}: the store's out-of-fold rows do not match the sampled file's activities")
    fps = fingerprints(train["smiles"])
    folds = oof["fold"].to_numpy()
    s_oof = np.array([nearest(fps[i], [fps[j] for j in range(len(fps)) if folds[j] != folds[i]])
                      for i in range(len(fps))])
    s_test = np.array([nearest(f, fps) for f in fingerprints(rows_of(frame, test["id"])["smiles"])])
    e = (oof["predicted"] - oof["observed"]).to_numpy()
    e_test = (test["predicted"] - test["observed"]).to_numpy()
    a, b = line(s_oof, e)
    nested = np.empty_like(e)
    for k in np.unique(folds):
        out = folds == k
        ak, bk = line(s_oof[~out], e[~out])
        nested[out] = e[out] - (ak + bk * s_oof[out])
    oa, ob = line(s_test, e_test)
    return {"name": name, "seed": seed, "peer": peer, "test": rmse(e_test), "corrected": rmse(e_test - (a + b * s_test)),
            "oracle": rmse(e_test - (oa + ob * s_test)), "cv": rmse(e), "cv_corrected": rmse(nested), "b": b,
            "b_test": ob}


def summarise(rows):
    out = []
    for seed in dict.fromkeys(r["seed"] for r in rows):  # in the order given
        rs = [r for r in rows if r["seed"] == seed]
        med = lambda f: statistics.median(f(r) for r in rs)  # noqa: E731
        out.append({
            "seed": seed, "sets": len(rs),
            "slope_negative": sum(r["b"] < 0 for r in rs), "slope_median": med(lambda r: r["b"]),
            "test_slope_negative": sum(r["b_test"] < 0 for r in rs),
            "wins": sum(r["test"] <= r["peer"] for r in rs), "ratio": med(lambda r: r["test"] / r["peer"]),
            "wins_corrected": sum(r["corrected"] <= r["peer"] for r in rs),
            "ratio_corrected": med(lambda r: r["corrected"] / r["peer"]),
            "lower_corrected": sum(r["corrected"] < r["test"] for r in rs),
            "corrected_to_plain": med(lambda r: r["corrected"] / r["test"]),
            "cv_says_correct": sum(r["cv_corrected"] < r["cv"] for r in rs),
            "oracle_to_plain": med(lambda r: r["oracle"] / r["test"]),
            "ratio_oracle": med(lambda r: r["oracle"] / r["peer"]),
        })
    return out


def markdown(summary, command):
    lines = ["# Similarity bias of the default's chosen model (small protocol)", "",
             f"Command: `{command}`  ", "Stores of `bench/honest-selection.sh --space fingerprints --modes inside-folds`"
             " runs; s = greatest Tanimoto (RDKit ECFP4) to the compounds the model was fitted on; the line e = a + b s"
             " fitted on the consensus's out-of-fold residuals (e = predicted - observed).", "",
             "| seed | sets | b < 0 (out-of-fold / test) | median b | at or below peer best: plain / corrected | "
             "median ratio to peer best: plain / corrected / oracle | corrected lower than plain | median corrected / "
             "plain | nested CV prefers corrected |", "|---|---|---|---|---|---|---|---|---|"]
    for s in summary:
        lines.append(f"| {s['seed']} | {s['sets']} | {s['slope_negative']} / {s['test_slope_negative']} | "
                     f"{s['slope_median']:.2f} | {s['wins']} / {s['wins_corrected']} | {s['ratio']:.3f} / "
                     f"{s['ratio_corrected']:.3f} / {s['ratio_oracle']:.3f} | {s['lower_corrected']} | "
                     f"{s['corrected_to_plain']:.3f} | {s['cv_says_correct']} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                                  "shared", "datasets", "moleculeace"))
    p.add_argument("--seeds", default="42")
    p.add_argument("--n-train", type=int, default=80)
    p.add_argument("--md")
    a = p.parse_args(argv)
    rows = []
    for seed in [int(s) for s in a.seeds.split(",")]:
        runs = os.path.join(RESULTS, "honest-selection", f"small-{a.n_train}-seed{seed}-fingerprints")
        for name in sorted(os.listdir(runs)):
            rows.append(one_set(a.data, runs, name, seed, a.n_train))
            r = rows[-1]
            print(f"{seed} {name}: test {r['test']:.3f} corrected {r['corrected']:.3f} peer {r['peer']:.3f} "
                  f"b {r['b']:.2f}", file=sys.stderr)
    summary = summarise(rows)
    command = "bench/python/.venv/bin/python bench/python/similarity_bias.py " + " ".join(argv or sys.argv[1:])
    md = markdown(summary, command)
    print(md)
    if a.md:
        with open(a.md, "w") as f:
            f.write(md)
        with open(os.path.splitext(a.md)[0] + ".json", "w") as f:
            json.dump({"command": command, "summary": summary, "sets": rows}, f, indent=1)


if __name__ == "__main__":
    main()
