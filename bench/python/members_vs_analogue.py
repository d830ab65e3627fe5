#!/usr/bin/env python3
"""Each member of qspace's fingerprint space against the same learner on RDKit's fingerprints (session 14: how
CDK's ECFP and PaDEL's AP2D were found weaker than RDKit's views; bench/HONEST_SELECTION.md). Run from the
repository root after prior_mean_analogue.py has cached its RDKit members for the seed (small protocol), on the JSON
files HonestSelectionBench writes (their "store" must still exist, it is a temporary folder):

    bench/python/.venv/bin/python bench/python/members_vs_analogue.py --seed 42 DIR/CHEMBL*.json

Prints, per member (learner x view), the median over sets of qspace's test RMSE / the RDKit analogue's (gp: the
analogue's training-mean GP), and per set the chosen model's test RMSE.
"""
import argparse
import csv
import glob
import json
import os
import statistics

import numpy as np

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# qspace's feature set -> the analogue's view
VIEW = {"ecfp4": "ecfp4", "morgan2": "ecfp4", "fcfp4": "fcfp4", "ecfp6": "ecfp6", "morgan3": "ecfp6",
        "atompairs": "ap", "ap": "ap"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", default="42")
    ap.add_argument("runs", nargs="+", help="HonestSelectionBench JSON files")
    args = ap.parse_args()
    ratios = {}
    for path in args.runs:
        ds = json.load(open(path))["datasets"][0]
        cache = os.path.join(BENCH, "target", "prior-mean-analogue", "cache", args.seed, ds["name"] + ".json")
        if not os.path.exists(cache) or not os.path.isdir(ds["store"]):
            print(f"{ds['name']}: skipped (no analogue cache {cache} or no store {ds['store']})")
            continue
        analogue = json.load(open(cache))
        y = np.array(analogue["y_test"])
        for records in glob.glob(os.path.join(ds["store"], "records", "test-*.csv")):
            for row in csv.DictReader(open(records)):
                key = f"{row['builder']}_{VIEW.get(row['feature_set'], row['feature_set'])}"
                if key in analogue["pred"]:
                    theirs = float(np.sqrt(np.mean((np.array(analogue["pred"][key]) - y) ** 2)))
                    ratios.setdefault(f"{row['builder']} on {row['feature_set']}", []).append(
                        float(row["test_rmse"]) / theirs)
        print(f"{ds['name']}: chosen {ds['best']['feature_set']}/{ds['best']['builder']}, "
              f"test RMSE {ds['best']['test_rmse']:.4f}")
    for member, r in sorted(ratios.items()):
        print(f"{member:22s} median qspace / RDKit analogue {statistics.median(r):.3f} "
              f"(sets {len(r)}, {min(r):.3f}-{max(r):.3f})")


if __name__ == "__main__":
    main()
