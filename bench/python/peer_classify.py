#!/usr/bin/env python3
"""The classification peer a practitioner would use today: RDKit ECFP4 + scikit-learn, best classifier by CV ROC-AUC.

One CSV (smiles, "y [pEC50/pKi]" or the activity column --y-column names, split) and a threshold: a compound is active (class 1)
when its activity is at or above the threshold. ECFP4 as in peer.py (Morgan radius 2, 2048, counts and bits) -> five
model families with small grids -> stratified 5-fold CV on the training part (seeded; ROC-AUC per fold, averaged, as
scikit-learn's GridSearchCV scores) -> the best grid point of each family refitted on all training rows and tested
once; the peer's chosen classifier is the family with the highest CV ROC-AUC (never the test set). Class weights are
"balanced" when a class is under 20% of the training part (qspace's default rule), else none.

  logistic      LogisticRegression, L2, on log1p(counts): C {0.1, 1, 10}
  rf            RandomForestClassifier on counts: 500 trees, max features {sqrt, 0.1}
  hgb           HistGradientBoostingClassifier on counts: min leaf {5, 20}, learning rate 0.1, 200 iterations;
                columns constant on the fitting rows dropped first
  svc-rbf       SVC, RBF kernel (gamma "scale") on counts: C {1, 10, 100}; decision values as scores
  svc-tanimoto  SVC on a precomputed Tanimoto kernel of the bits: C {1, 10, 100}

One core; cpu_seconds is time.process_time() from the first SMILES parse to the last test metric.

    python peer_classify.py --csv FILE.csv --name CHEMBL2835_Ki --threshold 7 --seed 42 --out peer.json
"""
import baseline as B  # first: sets the one-thread variables before numpy and scikit-learn load

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.base import BaseEstimator, ClassifierMixin  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier  # noqa: E402
from sklearn.feature_selection import VarianceThreshold  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import average_precision_score, roc_auc_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import FunctionTransformer  # noqa: E402
from sklearn.svm import SVC  # noqa: E402

import peer  # noqa: E402

PIPELINE = "peer-ecfp4-sklearn-classifier"
FAMILIES = ["logistic", "rf", "hgb", "svc-rbf", "svc-tanimoto"]
MINORITY_FOR_WEIGHTS = 0.2


def scores(model, X):
    """The positive class's score: its probability where the model has one, else the SVM's decision value."""
    if hasattr(model, "predict_proba"):
        return np.asarray(model.predict_proba(X))[:, 1]
    return np.asarray(model.decision_function(X)).ravel()


def mean_fold_auc(y, oof, folds):
    return float(np.mean([roc_auc_score(y[va], oof[va]) for _, va in folds]))


ROC_AUC = B.Metric("roc_auc", True, lambda y, s: float(roc_auc_score(y, s)), mean_fold_auc, scores)


class TanimotoSVC(ClassifierMixin, BaseEstimator):
    """C-SVC on the Tanimoto kernel of fingerprint bits, as an ordinary estimator (X = bits)."""

    def __init__(self, C=1.0, class_weight=None):
        self.C = C
        self.class_weight = class_weight

    def fit(self, X, y):
        self.X_ = np.asarray(X, dtype=bool)
        self.svc_ = SVC(kernel="precomputed", C=self.C, class_weight=self.class_weight).fit(
            peer.tanimoto(self.X_, self.X_), y)
        self.classes_ = self.svc_.classes_
        return self

    def decision_function(self, X):
        return self.svc_.decision_function(peer.tanimoto(np.asarray(X, dtype=bool), self.X_))

    def predict(self, X):
        return self.svc_.predict(peer.tanimoto(np.asarray(X, dtype=bool), self.X_))


def class_weight(y):
    """"balanced" when a class is under 20% of these labels, else None."""
    share = float(np.mean(y))
    return "balanced" if min(share, 1.0 - share) < MINORITY_FOR_WEIGHTS else None


def family_grid(family, seed, weights):
    """(params string, estimator factory) for each grid point of one family."""
    if family == "logistic":
        return [(f"C={c}", lambda c=c: make_pipeline(FunctionTransformer(np.log1p), LogisticRegression(
            C=c, max_iter=2000, class_weight=weights))) for c in (0.1, 1, 10)]
    if family == "rf":
        return [(f"max_features={mf}", lambda mf=mf: RandomForestClassifier(
            n_estimators=500, max_features=mf, random_state=seed, n_jobs=1, class_weight=weights))
                for mf in ("sqrt", 0.1)]
    if family == "hgb":
        return [(f"min_samples_leaf={leaf}", lambda leaf=leaf: make_pipeline(
            VarianceThreshold(), HistGradientBoostingClassifier(
                learning_rate=0.1, max_iter=200, min_samples_leaf=leaf, early_stopping=False, random_state=seed,
                class_weight=weights)))
                for leaf in (5, 20)]
    if family == "svc-rbf":
        return [(f"C={c}", lambda c=c: SVC(kernel="rbf", C=c, gamma="scale", class_weight=weights))
                for c in (1, 10, 100)]
    if family == "svc-tanimoto":
        return [(f"C={c}", lambda c=c: TanimotoSVC(C=c, class_weight=weights)) for c in (1, 10, 100)]
    raise ValueError(f"unknown family {family}; known: {FAMILIES}")


def labels(y, threshold, path):
    """1 where the activity is at or above the threshold; a threshold that leaves one class is an error."""
    active = (y >= threshold).astype(int)
    if active.min() == active.max():
        raise SystemExit(f"{path}: threshold {threshold} leaves every compound "
                         f"{'active' if active[0] else 'inactive'} (activities {y.min():.2f} to {y.max():.2f})")
    return active


def run_dataset(path, name, threshold, seed, families=FAMILIES, y_col=B.Y_COL):
    smiles, y, is_train, is_test = peer.read_set(path, y_col)
    active = labels(y, threshold, path)
    t_start = time.process_time()
    counts, bits = peer.ecfp4(smiles)
    ytr, yte = active[is_train], active[is_test]
    if min(ytr.sum(), len(ytr) - ytr.sum()) < B.N_FOLDS:
        return {"name": name, "skipped": f"fewer than {B.N_FOLDS} compounds of a class in the training part "
                                          f"({int(ytr.sum())} active of {len(ytr)})"}
    folds = list(StratifiedKFold(n_splits=B.N_FOLDS, shuffle=True, random_state=seed).split(counts[is_train], ytr))
    weights = class_weight(ytr)
    rows = []
    for family in families:
        X = bits if family == "svc-tanimoto" else counts
        r = B.tune_and_test(family_grid(family, seed, weights), X[is_train], ytr, X[is_test], yte, folds, ROC_AUC)
        r["test_pr_auc"] = float(average_precision_score(yte, r["test_pred"]))
        rows.append({"family": family, **r})
        B.log(f"[{name}] {family:12s} {r['params']:24s} cv_auc={r['cv_roc_auc']:.3f} "
              f"test_auc={r['test_roc_auc']:.3f} cpu={r['cpu_seconds']:.1f}s")
    cpu = time.process_time() - t_start
    best = ROC_AUC.best([(r["cv_roc_auc"], r, None) for r in rows])[1]
    return {"name": name, "threshold": threshold, "n_train": int(is_train.sum()), "n_test": int(is_test.sum()),
            "train_active": int(ytr.sum()), "test_active": int(yte.sum()), "class_weight": weights,
            "cpu_seconds": cpu, "models_fitted": sum(r["models_fitted"] for r in rows),
            "best": {k: best[k] for k in ("family", "params", "cv_roc_auc", "test_roc_auc", "test_pr_auc")},
            "test_smiles": [s for s, t in zip(smiles, is_test) if t],
            "test_scores": best["test_pred"], "per_family": rows}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", required=True, help="a MoleculeACE-shaped CSV: smiles, y [pEC50/pKi], split")
    ap.add_argument("--name", required=True)
    ap.add_argument("--threshold", type=float, required=True, help="active when the activity is at or above it")
    ap.add_argument("--y-column", default=B.Y_COL, help=f"the activity column (default {B.Y_COL!r})")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    d = run_dataset(a.csv, a.name, a.threshold, a.seed, y_col=a.y_column)
    with open(a.out, "w") as fh:
        json.dump({"pipeline": PIPELINE, "machine": B.machine_info(a.seed), "datasets": [d]}, fh, indent=1)
    if "skipped" in d:
        B.log(f"[{a.name}] peer skipped: {d['skipped']}")
    else:
        B.log(f"[{a.name}] peer done: {d['cpu_seconds']:.1f} CPU s, best {d['best']['family']} "
              f"cv_auc={d['best']['cv_roc_auc']:.3f} test_auc={d['best']['test_roc_auc']:.3f}")


if __name__ == "__main__":
    main()
