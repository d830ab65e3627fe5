import os

import compare

HERE = os.path.dirname(os.path.abspath(__file__))
Q = os.path.join(HERE, "testdata", "qspace.json")
P = os.path.join(HERE, "testdata", "python.json")


def test_targets_pass_and_fail():
    q, p = compare.by_name(compare.load(Q)), compare.by_name(compare.load(P))
    a = compare.targets(q["SET_A"], p["SET_A"])
    # 0.42 <= 1.05 * 0.40 = 0.42 -> pass; 30 s <= 60 s with 686 >= 686 models; 250 mol/s, 160 varying
    assert a["accuracy"][0] is True
    assert a["speed"][0] is True
    assert a["descriptors"][0] is True
    b = compare.targets(q["SET_B"], p["SET_B"])
    assert b["accuracy"][0] is False      # 0.90 > 0.84
    assert b["speed"][0] is False         # slower and fewer models
    assert b["descriptors"][0] is False   # 100 mol/s, 140 varying
    c = compare.targets(None, p["SET_C"])
    assert c["accuracy"][0] is None and c["speed"][0] is None


def test_render_table(tmp_path):
    md, png = tmp_path / "cmp.md", tmp_path / "cmp.png"
    assert compare.main([Q, P, "--md", str(md), "--png", str(png)]) == 0
    text = md.read_text()
    assert "### SET_A" in text and "### SET_C" in text
    assert "| CPU seconds | 30.0 | 60.0 | 0.50 |" in text
    assert "| best-by-CV test RMSE | 0.420 (svr/ecfp4, C=10) | 0.400 (rf/filtered) | 1.05 |" in text
    assert "| SET_B | FAIL | FAIL | FAIL |" in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
