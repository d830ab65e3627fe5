"""spaces.py's rules on synthetic out-of-fold predictions: what each chooses and how its nested score is made."""
import numpy as np

import spaces


def synthetic(seed=3, n=60, sds=(0.2, 0.3, 1.0)):
    rng = np.random.default_rng(seed)
    y = rng.normal(size=n)
    oof = np.array([y + sd * rng.normal(size=n) for sd in sds])
    test_y = rng.normal(size=20)
    test = np.array([test_y + sd * rng.normal(size=20) for sd in sds])
    folds = np.arange(n) % 3
    return y, oof, test_y, test, folds


def test_single_picks_the_best_and_its_nested_score_predicts_each_fold_with_the_winner_of_the_others():
    y, oof, test_y, test, folds = synthetic()
    r = spaces.evaluate(spaces.rule_single, oof, test, y, test_y, folds, [0, 1, 2])
    assert r["members"] == 1
    assert abs(r["test"] - np.sqrt(np.mean((test[0] - test_y) ** 2))) < 1e-12
    nested = np.zeros(len(y))
    for f in range(3):
        rows = folds != f
        winner = int(np.argmin([np.sqrt(np.mean((oof[c][rows] - y[rows]) ** 2)) for c in range(3)]))
        nested[folds == f] = oof[winner][folds == f]
    assert abs(r["nested_cv"] - np.sqrt(np.mean((nested - y) ** 2))) < 1e-12


def test_all_is_the_plain_mean_so_nested_equals_plain():
    y, oof, test_y, test, folds = synthetic()
    r = spaces.evaluate(spaces.rule_all, oof, test, y, test_y, folds, [0, 1])
    assert r["members"] == 2
    assert abs(r["nested_cv"] - r["plain_cv"]) < 1e-12
    assert abs(r["plain_cv"] - np.sqrt(np.mean((oof[:2].mean(0) - y) ** 2))) < 1e-12


def test_stack_weights_are_non_negative_sum_to_one_and_leave_out_the_bad_model():
    y, oof, _, _, _ = synthetic()
    w = spaces.rule_stack(oof, y, np.ones(len(y), dtype=bool), [0, 1, 2])
    assert (w >= 0).all() and abs(w.sum() - 1) < 1e-9
    assert w[2] < 0.1 < w[0]


def test_topk_and_greedy_never_take_a_candidate_outside_the_space():
    y, oof, _, _, _ = synthetic()
    rows = np.ones(len(y), dtype=bool)
    for rule in (spaces.rule_topk, spaces.rule_greedy):
        w = rule(oof, y, rows, [1, 2])
        assert w[0] == 0 and abs(w.sum() - 1) < 1e-9
