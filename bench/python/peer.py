#!/usr/bin/env python3
"""The peer a practitioner would use today: RDKit ECFP4 + scikit-learn, best model by CV RMSE.

One MoleculeACE-shaped CSV (smiles, "y [pEC50/pKi]", split) -> ECFP4 (Morgan radius 2, 2048, counts and bits)
-> four model families with small grids -> 5-fold CV on the training part (seeded) -> the best grid point of
each family refitted on all training rows and tested once; the peer's chosen model is the family with the lowest
CV RMSE (never the test set).

  hgb          HistGradientBoostingRegressor on counts: min leaf {5, 20}, learning rate 0.1, 200 iterations;
               columns constant on the fitting rows dropped first (no split can use them; it saves most of the time)
  rf           RandomForestRegressor on counts: 500 trees, max features {sqrt, 0.1}
  svr-rbf      SVR, RBF kernel (gamma "scale") on counts: C {1, 10, 100}
  svr-tanimoto SVR on a precomputed Tanimoto kernel of the bits: C {1, 10, 100} (scikit-learn has no Tanimoto
               kernel; this is how practitioners and MoleculeACE's SVM run one)

One core (thread variables set before numpy loads, n_jobs=1); cpu_seconds is time.process_time() from the first
SMILES parse to the last test metric.

    python peer.py --csv FILE.csv --name CHEMBL2835_Ki --seed 42 --out peer.json
"""
import baseline as B  # first: sets the one-thread variables before numpy and scikit-learn load

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from rdkit import Chem  # noqa: E402
from rdkit.Chem import rdFingerprintGenerator  # noqa: E402
from sklearn.base import BaseEstimator, RegressorMixin  # noqa: E402
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor  # noqa: E402
from sklearn.feature_selection import VarianceThreshold  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.svm import SVR  # noqa: E402

PIPELINE = "peer-ecfp4-sklearn"
FP_SIZE = 2048
FAMILIES = ["hgb", "rf", "svr-rbf", "svr-tanimoto"]


def ecfp4(smiles):
    """Morgan radius-2 fingerprints, 2048 wide: (counts as float64, bits as bool). Unparseable SMILES raise."""
    gen = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=FP_SIZE)
    counts = np.zeros((len(smiles), FP_SIZE))
    for i, smi in enumerate(smiles):
        mol = Chem.MolFromSmiles(smi)
        if mol is None:
            raise ValueError(f"row {i + 1}: RDKit cannot parse SMILES {smi!r}")
        counts[i] = gen.GetCountFingerprintAsNumPy(mol)
    return counts, counts > 0


def tanimoto(a, b):
    """Tanimoto similarity between the rows of two boolean fingerprint matrices (1 for two empty rows)."""
    a, b = a.astype(np.float64), b.astype(np.float64)
    both = a @ b.T
    either = a.sum(axis=1)[:, None] + b.sum(axis=1)[None, :] - both
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(either > 0, both / either, 1.0)


class TanimotoSVR(RegressorMixin, BaseEstimator):
    """epsilon-SVR on the Tanimoto kernel of fingerprint bits, as an ordinary estimator (X = bits)."""

    def __init__(self, C=1.0, epsilon=0.1):
        self.C = C
        self.epsilon = epsilon

    def fit(self, X, y):
        self.X_ = np.asarray(X, dtype=bool)
        self.svr_ = SVR(kernel="precomputed", C=self.C, epsilon=self.epsilon).fit(tanimoto(self.X_, self.X_), y)
        return self

    def predict(self, X):
        return self.svr_.predict(tanimoto(np.asarray(X, dtype=bool), self.X_))


def family_grid(family, seed):
    """(params string, estimator factory) for each grid point of one family."""
    if family == "hgb":
        return [(f"min_samples_leaf={leaf}",
                 lambda leaf=leaf: make_pipeline(VarianceThreshold(), HistGradientBoostingRegressor(
                     learning_rate=0.1, max_iter=200, min_samples_leaf=leaf, early_stopping=False,
                     random_state=seed)))
                for leaf in (5, 20)]
    if family == "rf":
        return [(f"max_features={mf}", lambda mf=mf: RandomForestRegressor(
            n_estimators=500, max_features=mf, min_samples_leaf=1, random_state=seed, n_jobs=1))
                for mf in ("sqrt", 0.1)]
    if family == "svr-rbf":
        return [(f"C={c}", lambda c=c: SVR(kernel="rbf", C=c, epsilon=0.1, gamma="scale")) for c in (1, 10, 100)]
    if family == "svr-tanimoto":
        return [(f"C={c}", lambda c=c: TanimotoSVR(C=c)) for c in (1, 10, 100)]
    raise ValueError(f"unknown family {family}; known: {FAMILIES}")


def read_set(path, y_col=B.Y_COL):
    """The CSV's smiles, activity (column y_col) and train/test masks."""
    df = pd.read_csv(path)
    for col in (B.SMILES_COL, y_col, B.SPLIT_COL):
        if col not in df.columns:
            raise SystemExit(f"{path}: no column {col!r}; columns are {list(df.columns)}")
    split = df[B.SPLIT_COL].astype(str).str.lower()
    bad = ~split.isin(["train", "test"])
    if bad.any():
        i = int(np.argmax(bad.to_numpy()))
        raise SystemExit(f"{path}: row {i + 2}, field {B.SPLIT_COL!r}: {df[B.SPLIT_COL].iloc[i]!r} "
                         f"is neither train nor test")
    return (df[B.SMILES_COL].astype(str).tolist(), df[y_col].to_numpy(dtype=float),
            (split == "train").to_numpy(), (split == "test").to_numpy())


def run_dataset(path, name, seed, families=FAMILIES):
    smiles, y, is_train, is_test = read_set(path)
    t_start = time.process_time()
    counts, bits = ecfp4(smiles)
    fp_cpu = time.process_time() - t_start
    ytr, yte = y[is_train], y[is_test]
    folds = list(KFold(n_splits=B.N_FOLDS, shuffle=True, random_state=seed).split(counts[is_train]))
    rows = []
    for family in families:
        X = bits if family == "svr-tanimoto" else counts
        r = B.tune_and_test(family_grid(family, seed), X[is_train], ytr, X[is_test], yte, folds)
        rows.append({"family": family, **r})
        B.log(f"[{name}] {family:12s} {r['params']:36s} cv={r['cv_rmse']:.3f} test={r['test_rmse']:.3f} "
              f"cpu={r['cpu_seconds']:.1f}s")
    cpu = time.process_time() - t_start
    best = min(rows, key=lambda r: r["cv_rmse"])
    return {"name": name, "n_train": int(is_train.sum()), "n_test": int(is_test.sum()), "cpu_seconds": cpu,
            "fingerprint_cpu_seconds": fp_cpu, "models_fitted": sum(r["models_fitted"] for r in rows),
            "best": {k: best[k] for k in ("family", "params", "cv_rmse", "test_rmse")},
            "test_smiles": [s for s, t in zip(smiles, is_test) if t],
            "test_pred": best["test_pred"], "per_family": rows}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", required=True, help="a MoleculeACE-shaped CSV: smiles, y [pEC50/pKi], split")
    ap.add_argument("--name", required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    doc = {"pipeline": PIPELINE, "machine": B.machine_info(a.seed), "datasets": [run_dataset(a.csv, a.name, a.seed)]}
    with open(a.out, "w") as fh:
        json.dump(doc, fh, indent=1)
    d = doc["datasets"][0]
    B.log(f"[{a.name}] peer done: {d['cpu_seconds']:.1f} CPU s, best {d['best']['family']} "
          f"cv={d['best']['cv_rmse']:.3f} test={d['best']['test_rmse']:.3f}")


if __name__ == "__main__":
    main()
