import numpy as np

import baseline as B


def test_filters_and_selectors():
    rng = np.random.default_rng(0)
    n = 200
    a, b, c = rng.normal(size=(3, n))
    const = np.zeros(n)
    near = np.zeros(n)
    near[:5] = 1.0                                   # 97.5% one value -> near-constant
    dup = a * 2.0 + 1e-6 * rng.normal(size=n)        # |r| > 0.95 with a -> dropped, a kept
    X = np.column_stack([a, const, near, dup, b, c])
    assert list(B.descriptor_filters(X)) == [0, 4, 5]

    y = 3 * a + 0.5 * b + 0.05 * rng.normal(size=n)
    assert list(B.top_correlated(X[:, [0, 4, 5]], y, 1)) == [0]
    assert list(B.forward_stepwise(X[:, [0, 4, 5]], y)) == [0, 1]   # c is noise: p >= 0.05


def test_missing_values_and_fingerprint_filter():
    Xtr = np.array([[1.0, np.nan], [np.nan, np.nan], [3.0, 1.0], [5.0, 2.0]] * 5)
    Xte = np.array([[np.nan, 1.0]])
    tr, te, keep = B.missing_values(Xtr, Xte)
    assert list(keep) == []                        # both columns > 10% NaN
    Xtr[1, 0] = 2.0
    Xtr[np.isnan(Xtr[:, 0]), 0] = 2.0
    tr, te, keep = B.missing_values(Xtr, Xte)
    assert list(keep) == [0] and te[0, 0] == np.median(Xtr[:, 0])
    F = np.array([[1, 0, 1, 2], [1, 0, 1, 0], [1, 1, 1, 0], [1, 0, 0, 3], [1, 0, 1, 1]], float)
    assert list(B.fingerprint_filter(F)) == [2, 3]   # bit 0 never zero, bit 1 in < 3 rows


def test_models_fitted_count():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(60, 4)), rng.normal(size=60)
    folds = list(B.KFold(5, shuffle=True, random_state=0).split(X[:50]))
    r = B.run_builder("pls", X[:50], y[:50], X[50:], y[50:], folds, False, 0)
    assert r["models_fitted"] == 2 * 5 + 1          # components {2,4,6,8} capped at 4 -> {2,4}
    r = B.run_builder("knn", X[:50], y[:50], X[50:], y[50:], folds, False, 0)
    assert r["models_fitted"] == 3 * 5 + 1
