import json

import numpy as np
import pandas as pd
import pytest

import honest
import peer


def test_tanimoto_and_its_svr():
    a = np.array([[1, 1, 0, 0], [0, 0, 0, 0], [1, 0, 1, 0]], bool)
    k = peer.tanimoto(a, a)
    assert k[0, 2] == pytest.approx(1 / 3) and k[0, 0] == 1.0 and k[1, 1] == 1.0 and k[0, 1] == 0.0
    rng = np.random.default_rng(0)
    X, y = rng.random((40, 32)) > 0.6, rng.normal(size=40)
    ours = peer.TanimotoSVR(C=10).fit(X[:30], y[:30]).predict(X[30:])
    direct = peer.SVR(kernel="precomputed", C=10).fit(peer.tanimoto(X[:30], X[:30]), y[:30])
    assert np.allclose(ours, direct.predict(peer.tanimoto(X[30:], X[:30])))


def csv(tmp_path, n_train=100, n_test=20):
    smiles = ["C" * (i % 7 + 1) + "O" * (i // 7) for i in range(n_train + n_test)]
    df = pd.DataFrame({"smiles": smiles, "y [pEC50/pKi]": np.linspace(5, 8, len(smiles)),
                       "cliff_mol": [i % 2 for i in range(len(smiles))],
                       "split": ["train"] * n_train + ["test"] * n_test})
    df.to_csv(tmp_path / "SET.csv", index=False)
    return df


def test_small_data_sample_is_seeded_and_keeps_the_whole_test_part(tmp_path):
    csv(tmp_path)
    honest.sample(str(tmp_path), "SET", 42, 80, str(tmp_path / "a"))
    honest.sample(str(tmp_path), "SET", 42, 80, str(tmp_path / "b"))
    honest.sample(str(tmp_path), "SET", 7, 80, str(tmp_path / "c"))
    a, b, c = (pd.read_csv(tmp_path / d / "SET.csv") for d in "abc")
    assert (a["split"] == "train").sum() == 80 and (a["split"] == "test").sum() == 20
    assert a.equals(b) and not a.equals(c)
    with pytest.raises(SystemExit, match="fewer than the 200"):
        honest.sample(str(tmp_path), "SET", 42, 200, str(tmp_path / "d"))


def test_peer_chooses_by_cv_and_reports_cliff_rmse(tmp_path):
    df = csv(tmp_path, 60, 15)
    d = peer.run_dataset(str(tmp_path / "SET.csv"), "SET", 1, families=["svr-rbf", "svr-tanimoto"])
    assert d["best"]["cv_rmse"] == min(f["cv_rmse"] for f in d["per_family"])
    assert d["models_fitted"] == 2 * (3 * 5 + 1)
    test = df[df["split"] == "test"]
    r = honest.split_rmse(test, d["test_smiles"], d["test_pred"])
    assert r["all"] == pytest.approx(d["best"]["test_rmse"])
    assert r["cliff"] is not None and r["noncliff"] is not None
    assert min(r["cliff"], r["noncliff"]) <= r["all"] <= max(r["cliff"], r["noncliff"])


def run(path, cv, test, cpu, **extra):
    d = {"name": "SET", "n_train": 80, "n_test": 2, "cpu_seconds": cpu, "models_fitted": 1, "failed_invocations": 0,
         "best": {"cv_rmse": cv, "test_rmse": test}, "test_smiles": ["C", "CC"], "test_pred": [6.0, 7.0], **extra}
    path.write_text(json.dumps({"datasets": [d]}))


def test_summary_gap_wins_and_ratios(tmp_path):
    pd.DataFrame({"smiles": ["C", "CC"], "y [pEC50/pKi]": [6.0, 7.5], "cliff_mol": [1, 0],
                  "split": ["test", "test"]}).to_csv(tmp_path / "SET.csv", index=False)
    runs = tmp_path / "runs" / "SET"
    runs.mkdir(parents=True)
    run(runs / "qspace-inside-folds.json", 0.55, 0.5, 30.0)
    run(runs / "qspace-before-cv.json", 0.3, 0.5, 20.0)
    fam = [{"family": "svr-rbf", "params": "C=1", "cv_rmse": 0.6, "test_rmse": 0.8, "cpu_seconds": 1,
            "test_pred": [6.0, 7.0]},
           {"family": "rf", "params": "", "cv_rmse": 0.5, "test_rmse": 0.4, "cpu_seconds": 1, "test_pred": [6.0, 7.0]}]
    run(runs / "peer.json", 0.5, 0.4, 40.0, per_family=fam)
    rows = [honest.dataset_row(str(tmp_path), str(tmp_path / "runs"), "SET")]
    agg = honest.aggregate(rows)
    assert agg["inside-folds"]["median_gap"] == pytest.approx(0.1)
    assert agg["before-cv"]["median_gap"] == pytest.approx(0.4)
    assert agg["gap_ratio_inside_to_before"] == pytest.approx(0.25)
    assert agg["inside-folds"]["wins_vs_peer_best"] == 0
    assert agg["inside-folds"]["median_ratio_to_peer_best"] == pytest.approx(1.25)
    assert agg["inside-folds"]["median_ratio_to_peer_svr"] == pytest.approx(0.625)
    assert agg["inside-folds"]["median_cpu_ratio_to_peer"] == pytest.approx(0.75)
    assert rows[0]["selection_cpu_seconds"] == pytest.approx(10.0)
    assert rows[0]["inside-folds"]["rmse"] == {"all": pytest.approx(np.sqrt(0.125)), "cliff": 0.0, "noncliff": 0.5,
                                             "unmatched": 0}
    t = honest.targets(agg)
    assert t["gap"][0] is True and t["wins"][0] is False and t["vs SVR-ECFP4"][0] is True


def test_cliff_rmse_joins_qspace_parents_to_the_file_rows():
    # qspace writes CDK SMILES of curated parents: isotopes dropped, salts stripped, charges neutralised
    test = pd.DataFrame({"smiles": ["[125I]c1ccccc1", "C[NH3+].[Cl-]", "OCC"], "y [pEC50/pKi]": [6.0, 7.0, 8.0],
                         "cliff_mol": [1, 0, 0]})
    r = honest.split_rmse(test, ["c1ccc(I)cc1", "NC", "CCO"], [6.0, 7.0, 7.0])
    assert r == {"all": pytest.approx(np.sqrt(1 / 3)), "cliff": 0.0, "noncliff": pytest.approx(np.sqrt(0.5)),
                 "unmatched": 0}
    r = honest.split_rmse(test, ["c1ccc(I)cc1", "CCO"], [6.0, 7.0])
    assert r["unmatched"] == 1 and r["all"] == pytest.approx(np.sqrt(0.5))
    # tritium is hydrogen to qspace; double-bond stereo written differently still finds its one prediction
    test = pd.DataFrame({"smiles": ["[3H]C([3H])([3H])Oc1ccccc1", "C/C=C/CO"], "y [pEC50/pKi]": [6.0, 7.0],
                         "cliff_mol": [0, 1]})
    r = honest.split_rmse(test, ["COc1ccccc1", "CC=CCO"], [6.0, 7.0])
    assert r["unmatched"] == 0 and r["all"] == 0.0


def test_classification_peer_labels_folds_and_picks_by_cv_auc(tmp_path):
    import peer_classify as pc
    df = csv(tmp_path, n_train=100, n_test=40)
    df["y [pEC50/pKi]"] = [5 + 3 * ((i * 37) % 140) / 140 for i in range(140)]  # both classes in both parts
    df.loc[:99, "y [pEC50/pKi]"] = df.loc[:99, "y [pEC50/pKi]"].clip(upper=7.5)  # no training activity above 7.5
    df.to_csv(tmp_path / "SET.csv", index=False)
    y = df["y [pEC50/pKi]"].to_numpy()
    with pytest.raises(SystemExit, match="leaves every compound inactive"):
        pc.labels(y, 9.0, "SET.csv")
    assert pc.labels(np.array([6.9, 7.0, 7.1]), 7.0, "x").tolist() == [0, 1, 1]
    assert pc.class_weight(np.array([1] + [0] * 9)) == "balanced" and pc.class_weight(np.array([1, 0, 1, 0])) is None
    d = pc.run_dataset(str(tmp_path / "SET.csv"), "SET", 6.5, 42, families=["logistic", "svc-tanimoto"])
    assert d["train_active"] == int((y[:100] >= 6.5).sum()) and d["test_active"] == int((y[100:] >= 6.5).sum())
    cvs = {r["family"]: r["cv_roc_auc"] for r in d["per_family"]}
    assert d["best"]["family"] == max(cvs, key=cvs.get)
    assert 0.0 <= d["best"]["test_roc_auc"] <= 1.0
    # no active compound in the training part: skipped with the reason, not an error
    assert "fewer than 5 compounds of a class" in pc.run_dataset(str(tmp_path / "SET.csv"), "SET", 7.7, 42)["skipped"]
