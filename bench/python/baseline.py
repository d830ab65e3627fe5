#!/usr/bin/env python3
"""Plain Python baseline for the qspace benchmark: RDKit + scikit-learn.

Mirrors the default model space of SPEC-model-space.md builder for builder:
SMILES -> RDKit 2D descriptors (Descriptors.descList) + Morgan r=2 counts (2048)
-> missing values -> filters -> 7 feature sets -> 8 builders with grids
-> 5-fold CV on train -> best grid point per (feature set, builder) refitted
-> tested once; the dataset's best model is chosen by CV RMSE only.

Runs on one core (thread env vars are set before numpy is imported, n_jobs=1)
and measures process CPU time (time.process_time).

    python baseline.py --data /work/shared/datasets/moleculeace \
        --sets CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki --seed 42 --out results.json
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402

from rdkit import Chem, RDLogger, rdBase  # noqa: E402
from rdkit.Chem import Descriptors, rdFingerprintGenerator  # noqa: E402

import sklearn  # noqa: E402
from sklearn.cross_decomposition import PLSRegression  # noqa: E402
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.linear_model import LinearRegression  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402
from sklearn.neighbors import KNeighborsRegressor  # noqa: E402
from sklearn.neural_network import MLPRegressor  # noqa: E402
from sklearn.compose import TransformedTargetRegressor  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from sklearn.svm import SVR  # noqa: E402
from sklearn.tree import DecisionTreeRegressor  # noqa: E402

RDLogger.DisableLog("rdApp.*")
warnings.filterwarnings("ignore", category=ConvergenceWarning)
warnings.filterwarnings("ignore", category=RuntimeWarning)

PIPELINE = "python-rdkit-sklearn"
SMILES_COL = "smiles"
SPLIT_COL = "split"
Y_COL = "y [pEC50/pKi]"
DEFAULT_SETS = "CHEMBL2835_Ki,CHEMBL2147_Ki,CHEMBL204_Ki"
FEATURE_SETS = ["filtered", "top10-correlated", "top20-correlated", "top40-correlated",
                "stepwise", "forest30", "ecfp4"]
BUILDERS = ["mlr", "pls", "mlp", "tree", "rf", "gbm", "svr", "knn"]
N_FOLDS = 5


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- descriptors

def compute_descriptors(smiles):
    """Parse SMILES, compute every descList descriptor and the Morgan r=2 count fp (2048).

    Returns (desc matrix [n, 217] float64 with inf -> NaN, fp matrix [n, 2048], names,
    timings dict). Unparseable SMILES give an all-NaN descriptor row and a zero fp row.
    """
    names = [n for n, _ in Descriptors.descList]
    fns = [f for _, f in Descriptors.descList]
    gen = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=2048)
    n = len(smiles)
    desc = np.full((n, len(fns)), np.nan)
    fp = np.zeros((n, 2048), dtype=np.float64)
    t_parse = t_desc = t_fp = 0.0
    n_bad = 0
    for i, smi in enumerate(smiles):
        t0 = time.process_time()
        mol = Chem.MolFromSmiles(smi)
        t1 = time.process_time()
        t_parse += t1 - t0
        if mol is None:
            n_bad += 1
            continue
        row = desc[i]
        for j, f in enumerate(fns):
            try:
                row[j] = float(f(mol))
            except Exception:  # RDKit descriptors can raise on odd molecules -> NaN
                row[j] = np.nan
        t2 = time.process_time()
        t_desc += t2 - t1
        fp[i] = gen.GetCountFingerprintAsNumPy(mol)
        t_fp += time.process_time() - t2
    desc[~np.isfinite(desc)] = np.nan
    # Values beyond float32 range (RDKit's Ipc reaches ~1e40 on large molecules) are treated
    # like inf: sklearn's tree models cast X to float32 and refuse them.
    with np.errstate(invalid="ignore"):
        desc[np.abs(desc) > np.finfo(np.float32).max] = np.nan
    return desc, fp, names, {"parse": t_parse, "descriptors": t_desc, "morgan": t_fp,
                             "unparsed": n_bad}


def n_varying(desc):
    """Descriptor columns that take more than one distinct non-NaN value over all molecules."""
    count = 0
    for j in range(desc.shape[1]):
        col = desc[:, j]
        col = col[~np.isnan(col)]
        if col.size and np.ptp(col) > 0:
            count += 1
    return count


# ----------------------------------------------------------------------------- filters

def missing_values(Xtr, Xte):
    """Drop columns with > 10% NaN on train; remaining NaN -> training median."""
    frac = np.isnan(Xtr).mean(axis=0)
    keep = np.where(frac <= 0.10)[0]
    Xtr, Xte = Xtr[:, keep].copy(), Xte[:, keep].copy()
    med = np.nanmedian(Xtr, axis=0)
    med = np.where(np.isnan(med), 0.0, med)
    for X in (Xtr, Xte):
        r, c = np.where(np.isnan(X))
        X[r, c] = med[c]
    return Xtr, Xte, keep


def descriptor_filters(Xtr):
    """Indices (into Xtr columns) surviving: zero variance, near-constant (>95%), |r| > 0.95."""
    n = Xtr.shape[0]
    cols = [j for j in range(Xtr.shape[1]) if np.var(Xtr[:, j]) > 0]
    nc = []
    for j in cols:
        _, counts = np.unique(Xtr[:, j], return_counts=True)
        if counts.max() / n <= 0.95:
            nc.append(j)
    if not nc:
        return np.array([], dtype=int)
    C = np.abs(np.corrcoef(Xtr[:, nc], rowvar=False))
    C = np.atleast_2d(C)
    kept_local = []
    for a in range(len(nc)):
        if all(not (C[a, b] > 0.95) for b in kept_local):
            kept_local.append(a)
    return np.array([nc[a] for a in kept_local], dtype=int)


def fingerprint_filter(Ftr):
    nz = (Ftr != 0).sum(axis=0)
    return np.where((nz >= 3) & (nz <= Ftr.shape[0] - 1))[0]


# ----------------------------------------------------------------------------- selectors

def abs_corr_with_y(X, y):
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((Xc ** 2).sum(axis=0) * (yc ** 2).sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.abs(Xc.T @ yc) / den
    return np.nan_to_num(r, nan=0.0)


def top_correlated(X, y, k):
    r = abs_corr_with_y(X, y)
    order = np.argsort(-r, kind="stable")  # ties by column order
    return np.sort(order[:k])


def forward_stepwise(X, y, max_features=20, alpha=0.05):
    """Forward stepwise OLS (with intercept): add the column giving the largest RSS drop
    while its partial F-test p < alpha; at most max_features."""
    n, p = X.shape
    Q = np.ones((n, 1)) / np.sqrt(n)  # orthonormal basis of the current design
    r = y - y.mean()
    rss = float(r @ r)
    selected = []
    for _ in range(min(max_features, p, n - 3)):
        Z = X - Q @ (Q.T @ X)  # candidates residualised on current design
        zz = (Z ** 2).sum(axis=0)
        zr = Z.T @ r
        with np.errstate(invalid="ignore", divide="ignore"):
            drop = np.where(zz > 1e-10 * np.maximum((X ** 2).sum(axis=0), 1e-300), zr ** 2 / zz, -np.inf)
        drop[selected] = -np.inf
        j = int(np.argmax(drop))
        if not np.isfinite(drop[j]) or drop[j] <= 0:
            break
        new_rss = rss - drop[j]
        k = len(selected) + 1  # predictors after adding j
        df2 = n - k - 1
        if df2 <= 0 or new_rss <= 0:
            pval = 0.0 if new_rss <= 0 else 1.0
        else:
            F = drop[j] / (new_rss / df2)
            pval = float(stats.f.sf(F, 1, df2))
        if not pval < alpha:
            break
        q = Z[:, j] / np.sqrt(zz[j])
        Q = np.column_stack([Q, q])
        r = r - q * (q @ r)
        rss = float(r @ r)
        selected.append(j)
    return np.array(sorted(selected), dtype=int)


def forest_top(X, y, k, seed):
    rf = RandomForestRegressor(n_estimators=100, max_features=1 / 3, min_samples_leaf=1,
                               random_state=seed, n_jobs=1)
    rf.fit(X, y)
    order = np.argsort(-rf.feature_importances_, kind="stable")
    return np.sort(order[:k])


# ----------------------------------------------------------------------------- builders

def std(est):
    return Pipeline([("scale", StandardScaler()), ("model", est)])


def builder_grid(builder, n_features, fingerprint, seed):
    """List of (params string, estimator factory) for one builder on one feature set."""
    if builder == "mlr":
        # LinearRegression solves by least squares (minimum-norm / pseudo-inverse when ill-posed).
        # Descriptor sets are standardised first purely for numerical conditioning: OLS predictions
        # are invariant to column scaling, but RDKit's Ipc (~1e13) otherwise makes lstsq's rcond
        # truncate every other direction. Fingerprint counts stay raw (min-norm solution as is).
        return [("", lambda: LinearRegression() if fingerprint else std(LinearRegression()))]
    if builder == "pls":
        comps = sorted({min(c, n_features) for c in (2, 4, 6, 8)})
        return [(f"components={c}", lambda c=c: std(PLSRegression(n_components=c, scale=False)))
                for c in comps]
    if builder == "mlp":
        # y is standardised too (MODEL_SPACE.md): on raw pKi both libraries' networks underfit.
        return [(f"units={u}", lambda u=u: TransformedTargetRegressor(
            regressor=std(MLPRegressor(hidden_layer_sizes=(u,), max_iter=100, alpha=1e-4,
                                       learning_rate_init=0.001, random_state=seed)),
            transformer=StandardScaler()))
                for u in (16, 64)]
    if builder == "tree":
        return [(f"depth={d}", lambda d=d: DecisionTreeRegressor(max_depth=d, min_samples_leaf=5,
                                                                 random_state=seed))
                for d in (4, 8, 16)]
    if builder == "rf":
        return [("", lambda: RandomForestRegressor(n_estimators=200, max_features=1 / 3,
                                                   min_samples_leaf=1, random_state=seed, n_jobs=1))]
    if builder == "gbm":
        return [(f"lr={lr}", lambda lr=lr: GradientBoostingRegressor(
            n_estimators=200, max_leaf_nodes=6, max_depth=None, subsample=0.7, learning_rate=lr,
            random_state=seed)) for lr in (0.05, 0.1)]
    if builder == "svr":
        def make(C):
            m = SVR(kernel="rbf", C=C, epsilon=0.1, gamma="scale")
            return m if fingerprint else std(m)
        return [(f"C={C}", lambda C=C: make(C)) for C in (1, 10)]
    if builder == "knn":
        return [(f"k={k}", lambda k=k: std(KNeighborsRegressor(n_neighbors=k, weights="distance")))
                for k in (3, 5, 9)]
    raise ValueError(builder)


def rmse(a, b):
    return float(np.sqrt(np.mean((np.asarray(a).ravel() - np.asarray(b).ravel()) ** 2)))


def run_builder(builder, Xtr, ytr, Xte, yte, folds, fingerprint, seed):
    """CV every grid point of one builder, refit the best on all train rows, test once."""
    r = tune_and_test(builder_grid(builder, Xtr.shape[1], fingerprint, seed), Xtr, ytr, Xte, yte, folds)
    r.pop("test_pred")
    return r


class Metric:
    """How a grid search scores and compares: a name for the result keys, the direction, the CV score from the
    out-of-fold predictions, and how a fitted estimator predicts (values, or scores for a classifier)."""

    def __init__(self, name, higher_is_better, score, cv_score, predict):
        self.name, self.higher_is_better = name, higher_is_better
        self.score, self.cv_score, self.predict = score, cv_score, predict

    def best(self, results):
        """The best (cv, params, make) of a list; ties go to the first."""
        sign = -1.0 if self.higher_is_better else 1.0
        return min(results, key=lambda t: sign * t[0])


# RMSE pooled over every out-of-fold prediction, as qspace's CV does.
RMSE = Metric("rmse", False, lambda y, p: rmse(p, y), lambda y, oof, folds: rmse(oof, y),
              lambda m, X: np.asarray(m.predict(X)).ravel())


def tune_and_test(grid, Xtr, ytr, Xte, yte, folds, metric=RMSE):
    """Grid search by k-fold CV, then the best grid point refitted on all train rows and tested once.

    grid: list of (params string, estimator factory); metric: how to score (RMSE unless given; ties go to the first
    grid point). Returns params, cv_<metric>, test_<metric>, test_pred (test rows in order), models_fitted,
    cpu_seconds and the CV score of every grid point; for RMSE also test_r2.
    """
    t0 = time.process_time()
    fits = 0
    results = []
    for params, make in grid:
        oof = np.empty(len(ytr))
        for tr, va in folds:
            m = make()
            m.fit(Xtr[tr], ytr[tr])
            oof[va] = metric.predict(m, Xtr[va])
            fits += 1
        results.append((metric.cv_score(ytr, oof, folds), params, make))
    best_cv, best_params, best_make = metric.best(results)
    m = best_make()
    m.fit(Xtr, ytr)
    fits += 1
    pred = metric.predict(m, Xte)
    out = {"params": best_params, f"cv_{metric.name}": best_cv, f"test_{metric.name}": metric.score(yte, pred),
           "test_pred": [float(v) for v in pred],
           "models_fitted": fits, "cpu_seconds": time.process_time() - t0,
           "grid": [{"params": p, f"cv_{metric.name}": c} for c, p, _ in results]}
    if metric is RMSE:
        ss_tot = float(((yte - yte.mean()) ** 2).sum())
        out["test_r2"] = 1.0 - float(((pred - yte) ** 2).sum()) / ss_tot if ss_tot > 0 else float("nan")
    return out


# ----------------------------------------------------------------------------- dataset

def run_dataset(path, name, seed, feature_sets, builders):
    df = pd.read_csv(path)
    t_start = time.process_time()
    smiles = df[SMILES_COL].astype(str).tolist()
    y = df[Y_COL].to_numpy(dtype=float)
    is_train = (df[SPLIT_COL].astype(str).str.lower() == "train").to_numpy()
    is_test = (df[SPLIT_COL].astype(str).str.lower() == "test").to_numpy()
    log(f"[{name}] {len(smiles)} molecules ({is_train.sum()} train, {is_test.sum()} test): descriptors")

    t0 = time.process_time()
    desc, fp, names, tt = compute_descriptors(smiles)
    t_descriptors = time.process_time() - t0
    n_mol = len(smiles)
    n_var = n_varying(desc)
    log(f"[{name}] descriptors: {t_descriptors:.1f} CPU s, {n_mol / t_descriptors:.0f} mol/s "
        f"(parse {tt['parse']:.1f}, rdkit 2D {tt['descriptors']:.1f}, morgan {tt['morgan']:.1f}); "
        f"{len(names)} descriptors, {n_var} varying, {tt['unparsed']} unparsed")

    ytr, yte = y[is_train], y[is_test]
    Dtr, Dte, keep_mv = missing_values(desc[is_train], desc[is_test])
    keep_f = descriptor_filters(Dtr)
    Dtr, Dte = Dtr[:, keep_f], Dte[:, keep_f]
    fp_keep = fingerprint_filter(fp[is_train])
    Ftr, Fte = fp[is_train][:, fp_keep], fp[is_test][:, fp_keep]
    log(f"[{name}] filtered descriptors: {Dtr.shape[1]} (after missing values {len(keep_mv)}); "
        f"ecfp4 bits kept: {Ftr.shape[1]}")

    sel_cpu = {}
    sets = {}
    for fs in feature_sets:
        t0 = time.process_time()
        if fs == "filtered":
            idx = np.arange(Dtr.shape[1])
        elif fs.startswith("top") and fs.endswith("-correlated"):
            idx = top_correlated(Dtr, ytr, int(fs[3:-len("-correlated")]))
        elif fs == "stepwise":
            idx = forward_stepwise(Dtr, ytr)
        elif fs == "forest30":
            idx = forest_top(Dtr, ytr, 30, seed)
        elif fs == "ecfp4":
            idx = None
        else:
            raise ValueError(fs)
        sel_cpu[fs] = time.process_time() - t0
        if fs == "ecfp4":
            sets[fs] = (Ftr, Fte, True)
        else:
            sets[fs] = (Dtr[:, idx], Dte[:, idx], False)
        log(f"[{name}] feature set {fs}: {sets[fs][0].shape[1]} columns ({sel_cpu[fs]:.1f} CPU s)")

    folds = list(KFold(n_splits=N_FOLDS, shuffle=True, random_state=seed).split(Dtr))
    rows = []
    for fs in feature_sets:
        Xtr, Xte, is_fp = sets[fs]
        for b in builders:
            if Xtr.shape[1] == 0:
                log(f"[{name}] {fs} / {b}: no columns, skipped")
                continue
            r = run_builder(b, Xtr, ytr, Xte, yte, folds, is_fp, seed)
            r = {"builder": b, "feature_set": fs, "n_features": int(Xtr.shape[1]), **r}
            rows.append(r)
            log(f"[{name}] {fs:16s} / {b:4s} {r['params']:14s} cv={r['cv_rmse']:.3f} "
                f"test={r['test_rmse']:.3f} fits={r['models_fitted']} cpu={r['cpu_seconds']:.1f}s")

    cpu = time.process_time() - t_start
    best = min(rows, key=lambda r: r["cv_rmse"])
    per_builder = []
    for b in builders:
        br = [r for r in rows if r["builder"] == b]
        if not br:
            continue
        bb = min(br, key=lambda r: r["cv_rmse"])
        per_builder.append({"builder": b, "feature_set": bb["feature_set"], "params": bb["params"],
                            "cv_rmse": bb["cv_rmse"], "test_rmse": bb["test_rmse"],
                            "cpu_seconds": sum(r["cpu_seconds"] for r in br),
                            "models_fitted": sum(r["models_fitted"] for r in br)})
    per_fs_cpu = {fs: sel_cpu[fs] + sum(r["cpu_seconds"] for r in rows if r["feature_set"] == fs)
                  for fs in feature_sets}
    out = {
        "name": name, "n_train": int(is_train.sum()), "n_test": int(is_test.sum()),
        "cpu_seconds": cpu,
        "descriptor_cpu_seconds": t_descriptors,
        "descriptor_molecules_per_cpu_second": n_mol / t_descriptors if t_descriptors > 0 else None,
        "n_descriptors": len(names), "n_varying_descriptors": n_var,
        "models_fitted": sum(r["models_fitted"] for r in rows),
        "best": {k: best[k] for k in ("feature_set", "builder", "params", "cv_rmse", "test_rmse")},
        "per_builder": per_builder,
        # extras beyond the shared schema
        "descriptor_cpu_breakdown": {k: tt[k] for k in ("parse", "descriptors", "morgan")},
        "unparsed_smiles": tt["unparsed"],
        "n_filtered_descriptors": int(Dtr.shape[1]), "n_ecfp4_bits": int(Ftr.shape[1]),
        "feature_set_sizes": {fs: int(sets[fs][0].shape[1]) for fs in feature_sets},
        "selector_cpu_seconds": sel_cpu,
        "feature_set_cpu_seconds": per_fs_cpu,
        "all_models": [{k: v for k, v in r.items()} for r in rows],
    }
    log(f"[{name}] done: {cpu:.1f} CPU s, {out['models_fitted']} models, best {best['builder']} on "
        f"{best['feature_set']} ({best['params']}) cv={best['cv_rmse']:.3f} test={best['test_rmse']:.3f}")
    return out


def machine_info(seed):
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import scipy
    return {"python": platform.python_version(), "platform": platform.platform(), "cpu_model": cpu,
            "cpu_count": os.cpu_count(), "threads": 1, "seed": seed,
            "packages": {"rdkit": rdBase.rdkitVersion, "scikit-learn": sklearn.__version__,
                         "numpy": np.__version__, "pandas": pd.__version__, "scipy": scipy.__version__}}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="/work/shared/datasets/moleculeace")
    ap.add_argument("--sets", default=DEFAULT_SETS, help="comma-separated dataset names (file stems)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="results.json")
    ap.add_argument("--feature-sets", default=",".join(FEATURE_SETS),
                    help="restrict feature sets (diagnostics only; the benchmark uses all 7)")
    ap.add_argument("--builders", default=",".join(BUILDERS),
                    help="restrict builders (diagnostics only; the benchmark uses all 8)")
    a = ap.parse_args(argv)
    fsets = [s for s in a.feature_sets.split(",") if s]
    builders = [s for s in a.builders.split(",") if s]
    for s in fsets:
        if s not in FEATURE_SETS:
            ap.error(f"unknown feature set {s}")
    for b in builders:
        if b not in BUILDERS:
            ap.error(f"unknown builder {b}")
    result = {"pipeline": PIPELINE, "machine": machine_info(a.seed), "datasets": []}
    if fsets != FEATURE_SETS or builders != BUILDERS:
        result["restricted"] = {"feature_sets": fsets, "builders": builders}
    for name in [s for s in a.sets.split(",") if s]:
        path = os.path.join(a.data, name + ".csv")
        if not os.path.exists(path):
            log(f"[{name}] {path} not found, skipped")
            continue
        result["datasets"].append(run_dataset(path, name, a.seed, fsets, builders))
        with open(a.out, "w") as fh:  # rewritten after every dataset: partial runs keep results
            json.dump(result, fh, indent=2)
    with open(a.out, "w") as fh:
        json.dump(result, fh, indent=2)
    log(f"wrote {a.out}")


if __name__ == "__main__":
    main()
