#!/usr/bin/env python3
"""Kernel ideas for qspace's fingerprint space on the 80-compound protocol, with RDKit analogues (session 13: the
experiment behind GaussianProcessBuilder.priorMean; bench/HONEST_SELECTION.md). Run from the repository root after
bench/honest-selection.sh has made the samples and peer runs of seeds 42 and 7 (small protocol):

    bench/python/.venv/bin/python bench/python/prior_mean_analogue.py         # seeds 42, 7 and 123, all 30 sets
    ... prior_mean_analogue.py --seeds 42 --sets CHEMBL1862_Ki --fresh        # a subset, ignoring the cache

Per (seed, set): RDKit count fingerprints folded to 2048 (ECFP4 = Morgan r2, FCFP4 = Morgan r2 with feature
invariants, ECFP6 = Morgan r3, atom pairs), MinMax (Tanimoto on counts) kernels, then the members below; every
hyper-parameter is chosen on training rows only (5-fold KFold, shuffle, random_state = seed: the peer's folds), the
test part is used once for the final RMSE. Per-set predictions are cached in bench/target/prior-mean-analogue/cache/<seed>/<set>.json
(--fresh recomputes); the summary goes to bench/results/prior-mean-analogue.md.

Members (per view v):
  svr   epsilon-SVR (0.1), precomputed MinMax kernel, C in {1, 10, 100} by inner CV          (qspace: svr)
  gp    GP posterior mean, y centred and scaled (as qspace's GaussianProcessModel), noise
        {0.01, 0.03, 0.1, 0.3} by inner CV; this is kernel ridge on centred y, lambda = noise   (qspace: gp)
  rf    RandomForestRegressor 200 trees, max_features 1/3 of the train-non-constant columns   (qspace: rf)
  gpml  GP, y standardised, K = a*K_v + c*11' + s*I, (a, c, s) by maximising the log marginal likelihood
  krr0  kernel ridge on raw (uncentred) y, lambda grid as gp (scikit-learn KernelRidge's default: no intercept)
  gpoff gp with prior mean ybar - k sd(y), (noise, k in {0,1,2,4,8}) by inner CV                       (d5)
  gpok  ordinary kriging: gp with the constant prior mean by GLS, noise by inner CV                      (d6)
  gploo gp with prior mean ybar - k sd(y), k by closed-form LOO (gplooc: k clipped to [0, 8]),
        noise by inner CV, k re-estimated inside every inner fit                                         (d7)
Multiple-kernel: K_mk = mean of the 4 views' MinMax kernels -> svr_mk, gp_mk, gpml_mk; gpml_mkl: K = sum_v a_v K_v +
c*11' + s*I with all weights by marginal likelihood.
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
           "NUMEXPR_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from rdkit import Chem, RDLogger  # noqa: E402
from rdkit.Chem import rdFingerprintGenerator as G  # noqa: E402
from scipy.linalg import cho_factor, cho_solve  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from sklearn.ensemble import RandomForestRegressor  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402
from sklearn.svm import SVR  # noqa: E402

RDLogger.DisableLog("rdApp.*")
BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(BENCH, "target", "prior-mean-analogue")  # cache, samples of other seeds, their peer runs
Y_COL = "y [pEC50/pKi]"
VIEWS = ["ecfp4", "fcfp4", "ecfp6", "ap"]
C_GRID = (1.0, 10.0, 100.0)
NOISE_GRID = (0.01, 0.03, 0.1, 0.3)
FP = 2048


# ----------------------------------------------------------------------------- features and kernels
def fingerprints(smiles):
    gens = {
        "ecfp4": G.GetMorganGenerator(radius=2, fpSize=FP),
        "fcfp4": G.GetMorganGenerator(radius=2, fpSize=FP,
                                      atomInvariantsGenerator=G.GetMorganFeatureAtomInvGen()),
        "ecfp6": G.GetMorganGenerator(radius=3, fpSize=FP),
        "ap": G.GetAtomPairGenerator(fpSize=FP),
    }
    out = {v: np.zeros((len(smiles), FP)) for v in VIEWS}
    for i, s in enumerate(smiles):
        m = Chem.MolFromSmiles(s)
        if m is None:
            raise ValueError(f"cannot parse {s!r}")
        for v in VIEWS:
            out[v][i] = gens[v].GetCountFingerprintAsNumPy(m)
    return out


def minmax(B, A):
    """MinMax kernel rows of B against rows of A (counts): sum min / sum max, 1 for two empty rows."""
    cols = A.any(axis=0)  # a column all-zero in A adds 0 to every min
    As, Bs = A[:, cols], B[:, cols]
    ta, tb = A.sum(1), B.sum(1)
    K = np.empty((len(B), len(A)))
    for i in range(0, len(B), 32):
        mn = np.minimum(Bs[i:i + 32, None, :], As[None, :, :]).sum(-1)
        mx = tb[i:i + 32, None] + ta[None, :] - mn
        K[i:i + 32] = np.where(mx > 0, mn / np.where(mx > 0, mx, 1), 1.0)
    return K


# ----------------------------------------------------------------------------- kernel learners
# Each: fn(K_fit (n x n), y_fit, K_pred (m x n), param) -> predictions (m,)
def svr_fp(K, y, Ks, C):
    return SVR(kernel="precomputed", C=C, epsilon=0.1, tol=1e-3).fit(K, y).predict(Ks)


def gp_fp(K, y, Ks, noise):
    m, sd = y.mean(), y.std()
    sd = sd if sd > 1e-12 else 1.0
    alpha = cho_solve(cho_factor(K + noise * np.eye(len(y)), lower=True), (y - m) / sd)
    return m + sd * (Ks @ alpha)


def krr0_fp(K, y, Ks, lam):
    return Ks @ cho_solve(cho_factor(K + lam * np.eye(len(y)), lower=True), y)


def rmse(a, b):
    return float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))


def oof_grid(fn, K, y, grid, folds):
    """Out-of-fold predictions of every grid point (list over grid)."""
    out = []
    for p in grid:
        o = np.empty(len(y))
        for tr, va in folds:
            o[va] = fn(K[np.ix_(tr, tr)], y[tr], K[np.ix_(va, tr)], p)
        out.append(o)
    return out


def tuned(fn, K, y, Ks, grid, folds):
    """Grid point with the lowest pooled CV RMSE (ties: first), refitted on all rows. (pred, param)."""
    oofs = oof_grid(fn, K, y, grid, folds)
    i = int(np.argmin([rmse(o, y) for o in oofs]))
    return fn(K, y, Ks, grid[i]), grid[i]


def grid_mean(fn, K, y, Ks, grid):
    """No choice: the mean of the predictions of every grid point."""
    return np.mean([fn(K, y, Ks, p) for p in grid], axis=0)


# ----------------------------------------------------------------------------- ML-II Gaussian process
def gpml_fit(Ks_list, z):
    """K = sum_v a_v K_v + c 11' + s I on standardised z; log-params by L-BFGS-B on the negative log evidence."""
    n, V = len(z), len(Ks_list)
    one = np.ones((n, n))

    def nll(th):
        a, c, s = np.exp(th[:V]), np.exp(th[V]), np.exp(th[V + 1])
        K = sum(ai * Ki for ai, Ki in zip(a, Ks_list)) + c * one + s * np.eye(n)
        try:
            L = np.linalg.cholesky(K)
        except np.linalg.LinAlgError:
            return 1e10, np.zeros_like(th)
        al = cho_solve((L, True), z)
        Kinv = cho_solve((L, True), np.eye(n))
        f = 0.5 * z @ al + np.log(np.diag(L)).sum() + 0.5 * n * np.log(2 * np.pi)
        W = np.outer(al, al) - Kinv
        g = np.empty_like(th)
        for v in range(V):
            g[v] = -0.5 * np.sum(W * Ks_list[v]) * a[v]
        g[V] = -0.5 * W.sum() * c
        g[V + 1] = -0.5 * np.trace(W) * s
        return f, g

    bounds = [(np.log(1e-3), np.log(1e3))] * V + [(np.log(1e-4), np.log(1e2)), (np.log(1e-4), np.log(1e1))]
    best = None
    for s0 in (0.03, 0.1, 0.3):
        th0 = np.array([np.log(1.0 / V)] * V + [np.log(0.1), np.log(s0)])
        r = minimize(nll, th0, jac=True, method="L-BFGS-B", bounds=bounds)
        if best is None or r.fun < best.fun:
            best = r
    return np.exp(best.x)


def gpml_pred(Ks_list, y, Kp_list):
    m, sd = y.mean(), y.std()
    sd = sd if sd > 1e-12 else 1.0
    z = (y - m) / sd
    th = gpml_fit(Ks_list, z)
    V = len(Ks_list)
    a, c, s = th[:V], th[V], th[V + 1]
    K = sum(ai * Ki for ai, Ki in zip(a, Ks_list)) + c + s * np.eye(len(y))
    al = cho_solve(cho_factor(K, lower=True), z)
    Kp = sum(ai * Ki for ai, Ki in zip(a, Kp_list)) + c
    return m + sd * (Kp @ al), [float(t) for t in th]


# ----------------------------------------------------------------------------- one dataset
def load_set(path):
    df = pd.read_csv(path)
    split = df["split"].astype(str).str.lower().to_numpy()
    tr, te = np.where(split == "train")[0], np.where(split == "test")[0]
    y_all = df[Y_COL].to_numpy(float)
    y, yte = y_all[tr], y_all[te]
    cpu = {}
    return df, tr, te, y, yte, cpu


def features_kernels(df, tr, te, cpu):
    t = time.process_time()
    X = fingerprints(df["smiles"].astype(str).tolist())
    cpu["features"] = time.process_time() - t
    t = time.process_time()
    K = {v: minmax(X[v][tr], X[v][tr]) for v in VIEWS}
    Kt = {v: minmax(X[v][te], X[v][tr]) for v in VIEWS}
    K["mk"] = np.mean([K[v] for v in VIEWS], axis=0)
    Kt["mk"] = np.mean([Kt[v] for v in VIEWS], axis=0)
    cpu["kernels"] = time.process_time() - t
    return X, K, Kt


def rf_fit_pred(Xa, ya, Xb, seed):
    keep = Xa.max(0) > Xa.min(0)
    if not keep.any():
        return np.full(len(Xb), ya.mean())
    rf = RandomForestRegressor(n_estimators=200, max_features=1.0 / 3, min_samples_leaf=1,
                               random_state=seed, n_jobs=1)
    return rf.fit(Xa[:, keep], ya).predict(Xb[:, keep])


def dc_members(X, tr, te, K, Kt, y, seed, folds, cpu):
    """Density-corrected members (d4, a follow-up of d3): prior mean b0 + b1 * s(x), s = max MinMax similarity
    (mean kernel) to the training compounds (leave-one-out on training rows), by OLS on training rows; the 12 base
    members are fitted to the residual and the line is added back."""
    t0 = time.process_time()
    Kl = K["mk"].copy()
    np.fill_diagonal(Kl, -np.inf)
    s_tr, s_te = Kl.max(1), Kt["mk"].max(1)
    b1, b0 = np.polyfit(s_tr, y, 1)
    r = y - (b0 + b1 * s_tr)
    line = b0 + b1 * s_te
    cpu["dc_line"] = time.process_time() - t0
    pred, info = {}, {"dc_line": [float(b0), float(b1)], "s_tr": s_tr.tolist(), "s_te": s_te.tolist(),
                      "y_tr": y.tolist()}
    for v in VIEWS:
        for name, f in (("svr", lambda v=v: tuned(svr_fp, K[v], r, Kt[v], C_GRID, folds)[0]),
                        ("gp", lambda v=v: tuned(gp_fp, K[v], r, Kt[v], NOISE_GRID, folds)[0]),
                        ("rf", lambda v=v: rf_fit_pred(X[v][tr], r, X[v][te], seed))):
            t0 = time.process_time()
            pred[f"{name}_dc_{v}"] = line + f()
            cpu[f"{name}_dc_{v}"] = time.process_time() - t0
    return pred, info


OFFSETS = (0.0, 1.0, 2.0, 4.0, 8.0)


def gpoff_fp(K, y, Ks, p):
    """GP / kernel-ridge mean with a prior mean m0 = mean(y) - k sd(y) below the training mean (k = 0: qspace's gp)."""
    noise, k = p
    m0 = y.mean() - k * y.std()
    return m0 + Ks @ cho_solve(cho_factor(K + noise * np.eye(len(y)), lower=True), y - m0)


def off_members(X, tr, te, K, Kt, y, seed, folds, cpu):
    """d5, the follow-up of d3 that CV can choose: gp with prior mean offset k in OFFSETS x noise, by inner CV."""
    pred, info = {}, {}
    grid = [(n, k) for k in OFFSETS for n in NOISE_GRID]
    for v in VIEWS:
        t0 = time.process_time()
        pred[f"gpoff_{v}"], info[f"gpoff_{v}"] = tuned(gpoff_fp, K[v], y, Kt[v], grid, folds)
        cpu[f"gpoff_{v}"] = time.process_time() - t0
    return pred, info


def gpok_fp(K, y, Ks, noise, info=False):
    """d6, ordinary kriging: the GP's constant prior mean by GLS, m = 1'A^-1 z / 1'A^-1 1 (A = K + noise I, z = y
    centred and scaled as qspace does); prediction m + k*' A^-1 (z - m 1), back-transformed. Series (clustered)
    compounds weigh less in m."""
    ym, sd = y.mean(), y.std()
    sd = sd if sd > 1e-12 else 1.0
    z0 = (y - ym) / sd
    cf = cho_factor(K + noise * np.eye(len(y)), lower=True)
    beta, alpha0 = cho_solve(cf, np.ones(len(y))), cho_solve(cf, z0)
    mz = alpha0.sum() / beta.sum()
    p = ym + sd * (mz + Ks @ (alpha0 - mz * beta))
    return (p, -mz) if info else p  # -mz = (sample mean - GLS mean) / sd


K_CLIP = (0.0, 8.0)


def gploo_fp(K, y, Ks, p, info=False):
    """d7: prior mean ybar - k sd(y) (d5's sign: k > 0 puts the prior below the training mean), k in closed form by
    leave-one-out. z = (y - prior)/sd = z0 + k, alpha = alpha0 + k beta (alpha0 = A^-1 z0, beta = A^-1 1), LOO
    residual_i = alpha_i / c_i (c = diag A^-1; R&W eq. 5.12, prior mean held fixed), so
    k* = -sum(alpha0 beta / c^2) / sum(beta^2 / c^2); p = (noise, clip)."""
    noise, clip = p
    ym, sd = y.mean(), y.std()
    sd = sd if sd > 1e-12 else 1.0
    z0 = (y - ym) / sd
    cf = cho_factor(K + noise * np.eye(len(y)), lower=True)
    Ainv = cho_solve(cf, np.eye(len(y)))
    c, beta, alpha0 = np.diag(Ainv), Ainv.sum(1), Ainv @ z0
    k = -np.sum(alpha0 * beta / c ** 2) / np.sum(beta ** 2 / c ** 2)
    if clip:
        k = float(np.clip(k, *K_CLIP))
    pred = ym - k * sd + sd * (Ks @ (alpha0 + k * beta))
    return (pred, float(k)) if info else pred


REPS = 5  # CPU of these members is milliseconds: time REPS repetitions and divide


def kriging_members(X, tr, te, K, Kt, y, seed, folds, cpu):
    """d6 (gpok), d7 (gploo: k unclipped; gplooc: k clipped to K_CLIP); noise by the same inner CV as gp, the
    offset re-estimated inside every inner fit. gpref re-times the baseline gp in the same run for the CPU comparison.
    info: chosen noise and the offset of the final fit ((ybar - m_GLS)/sd for d6, k* for d7)."""
    pred, info = {}, {}
    for v in VIEWS:
        for name, fn, grid in (("gpref", gp_fp, NOISE_GRID), ("gpok", gpok_fp, NOISE_GRID),
                               ("gploo", gploo_fp, [(n, False) for n in NOISE_GRID]),
                               ("gplooc", gploo_fp, [(n, True) for n in NOISE_GRID])):
            t0 = time.process_time()
            for _ in range(REPS):
                pr, par = tuned(fn, K[v], y, Kt[v], grid, folds)
            cpu[f"{name}_{v}"] = (time.process_time() - t0) / REPS
            if name == "gpref":
                continue
            pred[f"{name}_{v}"] = pr
            info[f"{name}_{v}"] = [par if np.isscalar(par) else par[0], fn(K[v], y, Kt[v], par, info=True)[1]]
    return pred, info


EXTRAS = [("svr_dc_ecfp4", dc_members), ("gpoff_ecfp4", off_members), ("gpok_ecfp4", kriging_members)]


def add_extras(r, path, seed):
    """Adds members to a result cached before they existed."""
    df, tr, te, y, yte, cpu = load_set(path)
    X, K, Kt = features_kernels(df, tr, te, cpu)
    folds = list(KFold(n_splits=5, shuffle=True, random_state=seed).split(np.zeros(len(tr))))
    for key, fn in EXTRAS:
        if key not in r["pred"]:
            p2, i2 = fn(X, tr, te, K, Kt, y, seed, folds, r["cpu"])
            r["pred"].update({k: np.asarray(p).tolist() for k, p in p2.items()})
            r["info"].update(i2)
    return r


def run_set(path, seed):
    df, tr, te, y, yte, cpu = load_set(path)
    X, K, Kt = features_kernels(df, tr, te, cpu)
    folds = list(KFold(n_splits=5, shuffle=True, random_state=seed).split(np.zeros(len(tr))))
    pred, info = {}, {}

    def timed(name, f):
        t0 = time.process_time()
        out = f()
        cpu[name] = time.process_time() - t0
        if isinstance(out, tuple):
            pred[name], info[name] = out
        else:
            pred[name] = out

    for v in VIEWS + ["mk"]:
        timed(f"svr_{v}", lambda v=v: tuned(svr_fp, K[v], y, Kt[v], C_GRID, folds))
        timed(f"gp_{v}", lambda v=v: tuned(gp_fp, K[v], y, Kt[v], NOISE_GRID, folds))
        timed(f"gpml_{v}", lambda v=v: gpml_pred([K[v]], y, [Kt[v]]))
        if v != "mk":
            timed(f"krr0_{v}", lambda v=v: tuned(krr0_fp, K[v], y, Kt[v], NOISE_GRID, folds))
            timed(f"svravg_{v}", lambda v=v: grid_mean(svr_fp, K[v], y, Kt[v], C_GRID))
            timed(f"gpavg_{v}", lambda v=v: grid_mean(gp_fp, K[v], y, Kt[v], NOISE_GRID))
    timed("gpml_mkl", lambda: gpml_pred([K[v] for v in VIEWS], y, [Kt[v] for v in VIEWS]))

    for v in VIEWS:
        timed(f"rf_{v}", lambda v=v: rf_fit_pred(X[v][tr], y, X[v][te], seed))

    # nested out-of-fold predictions of the 12 base members, for the inverse-MSE weights (e1)
    oof = {}
    for v in VIEWS:
        for name, fn, grid in (("svr", svr_fp, C_GRID), ("gp", gp_fp, NOISE_GRID)):
            t0 = time.process_time()
            o = np.empty(len(y))
            for a, b in folds:
                inner = list(KFold(n_splits=5, shuffle=True, random_state=seed).split(a))
                o[b], _ = tuned(fn, K[v][np.ix_(a, a)], y[a], K[v][np.ix_(b, a)], grid, inner)
            oof[f"{name}_{v}"] = o
            cpu[f"oof_{name}_{v}"] = time.process_time() - t0
        t0 = time.process_time()
        o = np.empty(len(y))
        for a, b in folds:
            o[b] = rf_fit_pred(X[v][tr][a], y[a], X[v][tr][b], seed)
        oof[f"rf_{v}"] = o
        cpu[f"oof_rf_{v}"] = time.process_time() - t0
    for _, fn in EXTRAS:
        p2, i2 = fn(X, tr, te, K, Kt, y, seed, folds, cpu)
        pred.update(p2)
        info.update(i2)
    return {"n_train": len(tr), "n_test": len(te), "y_test": yte.tolist(),
            "pred": {k: np.asarray(p).tolist() for k, p in pred.items()},
            "oof_mse": {k: float(np.mean((o - y) ** 2)) for k, o in oof.items()},
            "info": info, "cpu": cpu}


# ----------------------------------------------------------------------------- variants
BASE = [f"{m}_{v}" for v in VIEWS for m in ("svr", "gp", "rf")]
RF4 = [f"rf_{v}" for v in VIEWS]


def members_mean(names):
    def f(r):
        return np.mean([r["pred"][n] for n in names], axis=0), names
    return f


def density_corrected(r):
    names = [f"{m}_dc_{v}" for v in VIEWS for m in ("svr", "gp", "rf")]
    return np.mean([r["pred"][n] for n in names], axis=0), names + ["dc_line"]


def inv_mse_weighted(r, shrink=0.5):
    m = np.array([r["oof_mse"][n] for n in BASE])
    w = (1 - shrink) / len(BASE) + shrink * (1 / m) / (1 / m).sum()
    return (w[:, None] * np.array([r["pred"][n] for n in BASE])).sum(0), BASE + [f"oof_{n}" for n in BASE]


VARIANTS = [
    ("a", "baseline: mean of 12 (4 views x svr, gp, rf)", members_mean(BASE)),
    ("b1", "SVR on mean-of-4 MinMax kernel, alone", members_mean(["svr_mk"])),
    ("b2", "GP (noise by CV) on mean kernel, alone", members_mean(["gp_mk"])),
    ("b3", "mean of b1 + b2", members_mean(["svr_mk", "gp_mk"])),
    ("b4", "baseline 12 + svr_mk + gp_mk (14)", members_mean(BASE + ["svr_mk", "gp_mk"])),
    ("b5", "4 rf + svr_mk + gp_mk (6)", members_mean(RF4 + ["svr_mk", "gp_mk"])),
    ("c1", "GP ML-II (scale, const, noise) per view, mean of 4", members_mean([f"gpml_{v}" for v in VIEWS])),
    ("c2", "baseline with gp -> GP ML-II (12)",
     members_mean([f"{m}_{v}" for v in VIEWS for m in ("svr", "gpml", "rf")])),
    ("c3", "GP ML-II on mean kernel, alone", members_mean(["gpml_mk"])),
    ("c4", "GP ML-II, per-view kernel weights (MKL by evidence), alone", members_mean(["gpml_mkl"])),
    ("c5", "baseline 12 + c4 (13)", members_mean(BASE + ["gpml_mkl"])),
    ("d1", "GP grid = centred KRR (qspace's gp), mean of 4 views", members_mean([f"gp_{v}" for v in VIEWS])),
    ("d2", "KRR on uncentred y, mean of 4 views", members_mean([f"krr0_{v}" for v in VIEWS])),
    ("d3", "baseline with gp -> uncentred KRR (12)",
     members_mean([f"{m}_{v}" for v in VIEWS for m in ("svr", "krr0", "rf")])),
    ("d4", "follow-up of d3: baseline 12 fitted to y - (b0 + b1 * maxsim), line added back", density_corrected),
    ("d5", "follow-up of d3: baseline with gp -> gp with prior mean ybar - k sd(y), k {0,1,2,4,8} x noise by "
           "inner CV", members_mean([f"{m}_{v}" for v in VIEWS for m in ("svr", "gpoff", "rf")])),
    ("d5g", "d5's gp member alone, mean of 4 views", members_mean([f"gpoff_{v}" for v in VIEWS])),
    ("d6", "baseline with gp -> ordinary kriging (prior mean by GLS, noise by inner CV)",
     members_mean([f"{m}_{v}" for v in VIEWS for m in ("svr", "gpok", "rf")])),
    ("d6g", "d6's gp member alone, mean of 4 views", members_mean([f"gpok_{v}" for v in VIEWS])),
    ("d7", "baseline with gp -> gp with prior mean ybar - k sd, k closed-form LOO (unclipped), noise by inner CV",
     members_mean([f"{m}_{v}" for v in VIEWS for m in ("svr", "gploo", "rf")])),
    ("d7g", "d7's gp member alone, mean of 4 views", members_mean([f"gploo_{v}" for v in VIEWS])),
    ("d7c", "d7 with k clipped to [0, 8]", members_mean([f"{m}_{v}" for v in VIEWS for m in ("svr", "gplooc", "rf")])),
    ("d7cg", "d7c's gp member alone, mean of 4 views", members_mean([f"gplooc_{v}" for v in VIEWS])),
    ("e1", "baseline, weights 1/2 equal + 1/2 inverse nested-CV MSE", inv_mse_weighted),
    ("e2", "baseline, SVR/GP averaged over their grids (no inner CV)",
     members_mean([f"{m}_{v}" for v in VIEWS for m in ("svravg", "gpavg", "rf")])),
]


FULL_DATA = os.environ.get("MOLECULEACE", os.path.join(os.path.dirname(os.path.dirname(BENCH)), "shared", "datasets",
                                                       "moleculeace"))
PY = sys.executable


def data_dir(seed):
    """The benchmark's sample for seeds 42 and 7; for another seed, the same sampling (bench/python/honest.py
    sample: pandas .sample(n=80, random_state=seed) of the training rows + every test row) into HERE/data."""
    d = f"{BENCH}/target/honest-selection/small-data-{seed}-80"
    if os.path.isdir(d):
        return d
    d = os.path.join(HERE, "data", f"small-data-{seed}-80")
    names = [os.path.basename(p)[:-4] for p in glob.glob(f"{BENCH}/target/honest-selection/small-data-42-80/*.csv")]
    for n in names:
        out = os.path.join(d, n + ".csv")
        if not os.path.exists(out):
            df = pd.read_csv(os.path.join(FULL_DATA, n + ".csv"))
            train = df.index[df["split"].astype(str).str.lower() == "train"]
            picked = set(pd.Series(train).sample(n=80, random_state=seed).tolist())
            keep = [i for i in df.index if i in picked or str(df.at[i, "split"]).lower() == "test"]
            os.makedirs(d, exist_ok=True)
            df.loc[keep].to_csv(out, index=False)
    return d


def peer_of(seed, name):
    mine = os.path.join(HERE, "peer", str(seed), name, "peer.json")
    for d in (f"small-80-seed{seed}", f"small-80-seed{seed}-fingerprints-ap2d", None):
        p = f"{BENCH}/results/honest-selection/{d}/{name}/peer.json" if d else mine
        if d is None and not os.path.exists(p):
            # no benchmark run of the peer for this seed: run bench/python/peer.py (one thread) into HERE/peer
            os.makedirs(os.path.dirname(p), exist_ok=True)
            import subprocess
            subprocess.run([PY, f"{BENCH}/python/peer.py", "--csv", os.path.join(data_dir(seed), name + ".csv"),
                            "--name", name, "--seed", str(seed), "--out", p], check=True,
                           stderr=subprocess.DEVNULL)
        if os.path.exists(p):
            ds = json.load(open(p))["datasets"][0]
            svr = min((f for f in ds["per_family"] if f["family"].startswith("svr")), key=lambda f: f["cv_rmse"])
            return ds["best"]["test_rmse"], svr["test_rmse"]
    raise FileNotFoundError(f"no peer.json for seed {seed} {name}")


def qspace_of(seed, name, space="fingerprints-ap2d"):
    p = f"{BENCH}/results/honest-selection/small-80-seed{seed}-{space}/{name}/qspace-inside-folds.json"
    if not os.path.exists(p):
        return float("nan")
    return json.load(open(p))["datasets"][0]["best"]["test_rmse"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, nargs="+", default=[42, 7, 123])
    ap.add_argument("--sets", nargs="*", default=None)
    ap.add_argument("--fresh", action="store_true", help="recompute cached sets")
    ap.add_argument("--out", default=os.path.join(BENCH, "results", "prior-mean-analogue.md"))
    a = ap.parse_args(argv)
    per_seed = {}
    for seed in a.seeds:
        paths = sorted(glob.glob(f"{data_dir(seed)}/*.csv"))
        names = [os.path.basename(p)[:-4] for p in paths]
        if a.sets:
            names = [n for n in names if n in a.sets]
        res = {}
        for n in names:
            cache = os.path.join(HERE, "cache", str(seed), n + ".json")
            if os.path.exists(cache) and not a.fresh:
                res[n] = json.load(open(cache))
                if any(k not in res[n]["pred"] for k, _ in EXTRAS):
                    t0 = time.process_time()
                    res[n] = add_extras(res[n], f"{data_dir(seed)}/{n}.csv", seed)
                    json.dump(res[n], open(cache, "w"))
                    print(f"seed {seed} {n}: +extras {time.process_time() - t0:.1f} CPU s", file=sys.stderr, flush=True)
            else:
                t0 = time.process_time()
                res[n] = run_set(f"{data_dir(seed)}/{n}.csv", seed)
                os.makedirs(os.path.dirname(cache), exist_ok=True)
                json.dump(res[n], open(cache, "w"))
                print(f"seed {seed} {n}: {time.process_time() - t0:.1f} CPU s", file=sys.stderr, flush=True)
        per_seed[seed] = res
    write_report(per_seed, a.out)


def score(per_seed):
    """{seed: {variant: dict}} with per-set ratios."""
    out = {}
    for seed, res in per_seed.items():
        rows = {}
        base = {}
        for key, label, f in VARIANTS:
            rt, cpu = [], []
            for n, r in res.items():
                p, used = f(r)
                rt.append(rmse(p, r["y_test"]))
                cpu.append(r["cpu"]["features"] + sum(r["cpu"][u] for u in used)
                           + (r["cpu"]["kernels"] if any(not u.startswith("rf") for u in used) else 0))
            if key == "a":
                base = dict(zip(res, rt))
            rows[key] = (label, dict(zip(res, rt)), cpu)
        q = {n: qspace_of(seed, n) for n in res}
        if not any(np.isnan(v) for v in q.values()):
            rows["q"] = ("qspace's default (Java/CDK, from its JSON)", q, None)
        q = {n: qspace_of(seed, n, "fingerprints-ap2d-loo") for n in res}
        if not any(np.isnan(v) for v in q.values()):
            rows["qloo"] = ("qspace, its GPs' priorMean(\"loo\") (Java/CDK, from its JSON)", q, None)
        peers = {}
        for n in res:
            peers[n] = peer_of(seed, n)
        sc = {}
        for key, (label, rt, cpu) in rows.items():
            rb = [rt[n] / peers[n][0] for n in res]
            rs = [rt[n] / peers[n][1] for n in res]
            ra = [rt[n] / base[n] for n in res]
            sc[key] = {"label": label, "n": len(res), "wins": sum(x <= 1 for x in rb), "med_best": statistics.median(rb),
                       "med_svr": statistics.median(rs), "med_base": statistics.median(ra),
                       "better_than_base": sum(x < 1 for x in ra),
                       "cpu_total": sum(cpu) if cpu else None, "cpu_med": statistics.median(cpu) if cpu else None,
                       "per_set": rt}
        out[seed] = sc
    return out


def write_report(per_seed, path):
    sc = score(per_seed)
    seeds = list(sc)
    keys = [k for k, _, _ in VARIANTS] + ["q", "qloo"]
    L = ["# Kernel variants of the fingerprint-space mean, RDKit analogues, 80 training compounds", "",
         "Generated by `bench/python/.venv/bin/python bench/python/prior_mean_analogue.py` (see its docstring).",
         "Peer = bench/python/peer.py results (best-by-CV of hgb/rf/svr-rbf/svr-tanimoto on RDKit ECFP4; "
         "peer SVR = its SVR family with the lower CV). wins = sets with test RMSE <= peer best-by-CV; med = median "
         "over sets of test-RMSE ratios; <a = sets strictly better than the baseline (a); CPU = summed process "
         "CPU seconds over the 30 sets for that variant's parts (features + kernels + its members; e1 includes the "
         "nested OOF fits). Row q is qspace's actual current result (Java/CDK), for calibration of (a).",
         "",
         "Order of work: a-e2 were run on seeds 42 and 7; d4 and d5 were designed after seeing d3 on both, so seed 7 "
         "is not a clean confirmation for them. Seed 123 (same sampler as bench/python/honest.py sample, from "
         "../shared/datasets/moleculeace; peer run with bench/python/peer.py into bench/target/prior-mean-analogue/peer/123) was "
         "drawn after a-e2 and d1-d5 were fixed: it is their untouched confirmation. d6/d7 (parameter-free versions of "
         "d5: GLS prior mean; LOO offset) were designed after d5 was seen on all three seeds. Sign test, 30 sets, two-sided: "
         "19/30 p=0.20, 21/30 p=0.04, 23/30 p=0.005, 25/30 p=0.0003.", ""]
    hdr = "| variant | " + " | ".join(f"s{s} wins | s{s} /peer best | s{s} /peer SVR | s{s} /(a) | s{s} <(a) | "
                                     f"s{s} CPU" for s in seeds) + " |"
    L += [hdr, "|---|" + "---|" * (6 * len(seeds))]
    for k in keys:
        cells = []
        for s in seeds:
            if k not in sc[s]:
                cells.append("- | - | - | - | - | -")
                continue
            d = sc[s][k]
            cpu = f"{d['cpu_total']:.0f}" if d["cpu_total"] is not None else "-"
            cells.append(f"{d['wins']}/{d['n']} | {d['med_best']:.3f} | {d['med_svr']:.3f} | {d['med_base']:.3f} | "
                         f"{d['better_than_base']} | {cpu}")
        L.append(f"| {k}: {sc[seeds[0]][k]['label']} | " + " | ".join(cells) + " |")
    # ML-II hyper-parameters: how they land
    L += ["", "## ML-II hyper-parameters (median over sets; y standardised: a = kernel scale, c = constant, "
          "s = noise)", ""]
    for s in seeds:
        for m in ["gpml_ecfp4", "gpml_mk", "gpml_mkl"]:
            th = np.array([r["info"][m] for r in per_seed[s].values()])
            L.append(f"- seed {s} {m}: median params {np.round(np.median(th, axis=0), 3).tolist()}")
        for m in ["svr_ecfp4", "gp_ecfp4", "svr_mk", "gp_mk"]:
            vals = [r["info"][m] for r in per_seed[s].values()]
            L.append(f"- seed {s} {m}: chosen {dict(sorted({v: vals.count(v) for v in vals}.items()))}")
    L += ["", "## Why d3 helps: activity rises with similarity to the training compounds", "",
          "s = max MinMax similarity (mean of the 4 views' kernels) to the 80 training compounds (leave-one-out "
          "inside training). Spearman correlations per set, median and number of sets > 0:", ""]
    from scipy.stats import spearmanr
    for s_ in seeds:
        a, b, c, sh = [], [], [], []
        ks = []
        for r in per_seed[s_].values():
            base = np.mean([r["pred"][m] for m in BASE], 0)
            d3 = np.mean([r["pred"][f"{m}_{v}"] for v in VIEWS for m in ("svr", "krr0", "rf")], 0)
            st, yte = np.array(r["info"]["s_te"]), np.array(r["y_test"])
            a.append(spearmanr(r["info"]["s_tr"], r["info"]["y_tr"])[0])
            b.append(spearmanr(st, yte - base)[0])
            c.append(spearmanr(st, d3 - base)[0])
            sh.append(float(np.mean(d3 - base)))
            ks += [r["info"][f"gpoff_{v}"][1] for v in VIEWS]
        f = lambda x: f"{statistics.median(x):.2f} ({sum(v > 0 for v in x)}/{len(x)} > 0)"
        L.append(f"- seed {s_}: training (s, y) {f(a)}; test (s, baseline residual y - pred) {f(b)}; "
                 f"test (s, d3 - baseline) {f(c)}; mean d3 - baseline shift, median {statistics.median(sh):.3f}; "
                 f"d5's chosen k over 4 views x sets {dict(sorted({k: ks.count(k) for k in set(ks)}.items()))}")
    L += ["", "## d6 / d7: the offsets they estimate, head to head with d5, CPU", "",
          "Per set the mean over the 4 views of the final fit's offset, in sd(y) units, then the median over sets: "
          "GLS = (sample mean - GLS mean)/sd (d6); k* = closed-form LOO offset (d7, unclipped; prior mean = ybar - "
          "k* sd, d5's sign). Head to head: sets where the 12-mean of the first is strictly better, median RMSE ratio. "
          f"CPU: the 4 GP members summed over the 30 sets (mean of {REPS} timed repetitions; gpref = baseline gp "
          "re-timed in the same run).", ""]
    for s_ in seeds:
        res = per_seed[s_]
        og = [np.mean([r["info"][f"gpok_{v}"][1] for v in VIEWS]) for r in res.values()]
        ok = [np.mean([r["info"][f"gploo_{v}"][1] for v in VIEWS]) for r in res.values()]
        kv = [r["info"][f"gploo_{v}"][1] for r in res.values() for v in VIEWS]
        hh = []
        for x, y_ in (("d6", "d5"), ("d7", "d5"), ("d7", "d6")):
            rt = [sc[s_][x]["per_set"][n] / sc[s_][y_]["per_set"][n] for n in res]
            hh.append(f"{x} vs {y_} {sum(t < 1 for t in rt)}/{len(rt)} med {statistics.median(rt):.4f}")
        cp = {m: sum(r["cpu"][f"{m}_{v}"] for r in res.values() for v in VIEWS) for m in ("gpref", "gpok", "gploo")}
        L.append(f"- seed {s_}: GLS {statistics.median(og):.2f} ({sum(o > 0 for o in og)}/{len(og)} > 0); "
                 f"k* {statistics.median(ok):.2f} ({sum(o > 0 for o in ok)}/{len(ok)} > 0; views with k* < 0: "
                 f"{sum(k < 0 for k in kv)}/{len(kv)}, > 8: {sum(k > 8 for k in kv)}); " + "; ".join(hh)
                 + f"; CPU s gp {cp['gpref']:.2f}, d6 {cp['gpok']:.2f}, d7 {cp['gploo']:.2f}")
    L += ["", "## Per-set test RMSE", ""]
    for s in seeds:
        L += [f"### seed {s}", "", "| set | peer best | " + " | ".join(keys) + " |",
              "|---|" + "---|" * (len(keys) + 1)]
        for n in per_seed[s]:
            pb = peer_of(s, n)[0]
            L.append(f"| {n} | {pb:.3f} | " + " | ".join(f"{sc[s][k]['per_set'][n]:.3f}" if k in sc[s] else "-"
                                                       for k in keys) + " |")
        L.append("")
    cpu_all = sum(sum(c for c in r["cpu"].values()) for res in per_seed.values() for r in res.values())
    L.append(f"Total CPU of all parts (cached runs included): {cpu_all:.0f} s.")
    open(path, "w").write("\n".join(L) + "\n")
    print("\n".join(L[:len(keys) + 10]))


if __name__ == "__main__":
    main()
