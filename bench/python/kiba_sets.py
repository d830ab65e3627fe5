#!/usr/bin/env python3
"""KIBA kinases as classification sets, the same files for qspace and the peer.

KIBA as DeepDTA distributes it (kiba_binding_affinity_v2.txt: one line per compound, one tab-separated column per
kinase, "nan" where unmeasured; ligands_can.txt and proteins.txt: JSON objects in row and column order). Those scores
are the transformed KIBA scores of SimBoost/DeepDTA, in which a HIGHER score means STRONGER binding (the raw KIBA score
is the other way round); the usual cut for binding is 12.1, so a compound is active (class 1) when its score is at or
above 12.1. Over the whole matrix 21% of the measured pairs are.

The kinases taken are the --top N with the most measured compounds (ties by UniProt id), each with its measured
compounds only, split 80/20 by a seeded stratified shuffle (KIBA has no split of its own). Written as
KIBA_<uniprot>.csv with columns smiles, kiba_score, split.

    python kiba_sets.py --kiba ../shared/datasets/kiba --top 10 --seed 42 --out DIR
"""
import argparse
import json
import math
import os

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

THRESHOLD = 12.1
Y_COL = "kiba_score"


def read_kiba(folder):
    """(compound SMILES in row order, kinase ids in column order, score matrix with NaN where unmeasured)."""
    with open(os.path.join(folder, "ligands_can.txt")) as fh:
        smiles = list(json.load(fh).values())
    with open(os.path.join(folder, "proteins.txt")) as fh:
        kinases = list(json.load(fh).keys())
    scores = np.full((len(smiles), len(kinases)), np.nan)
    with open(os.path.join(folder, "kiba_binding_affinity_v2.txt")) as fh:
        for i, line in enumerate(fh):
            cells = line.rstrip("\n").split("\t")[:len(kinases)]
            for j, cell in enumerate(cells):
                value = float(cell) if cell.strip() else math.nan
                scores[i, j] = value
    if len(smiles) != scores.shape[0]:
        raise SystemExit(f"{folder}: {len(smiles)} ligands but the matrix has rows for {scores.shape[0]}")
    return smiles, kinases, scores


def top_kinases(kinases, scores, n):
    """The n kinases with the most measured compounds, most first, ties by id."""
    measured = (~np.isnan(scores)).sum(axis=0)
    order = sorted(range(len(kinases)), key=lambda j: (-measured[j], kinases[j]))
    return order[:n]


def write_sets(folder, top, seed, out):
    smiles, kinases, scores = read_kiba(folder)
    os.makedirs(out, exist_ok=True)
    written = []
    for j in top_kinases(kinases, scores, top):
        rows = np.flatnonzero(~np.isnan(scores[:, j]))
        y = scores[rows, j]
        active = (y >= THRESHOLD).astype(int)
        train, _ = train_test_split(np.arange(len(rows)), test_size=0.2, random_state=seed, stratify=active)
        split = np.full(len(rows), "test", dtype=object)
        split[train] = "train"
        name = f"KIBA_{kinases[j]}"
        pd.DataFrame({"smiles": [smiles[i] for i in rows], Y_COL: y, "split": split}).to_csv(
            os.path.join(out, name + ".csv"), index=False)
        written.append({"name": name, "kinase": kinases[j], "compounds": int(len(rows)),
                        "active": int(active.sum())})
    return written


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kiba", required=True)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    for s in write_sets(a.kiba, a.top, a.seed, a.out):
        print(f"{s['name']}: {s['compounds']} compounds, {s['active']} active (score >= {THRESHOLD})")


if __name__ == "__main__":
    main()
