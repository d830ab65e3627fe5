#!/usr/bin/env python3
"""Side-by-side comparison of a qspace benchmark JSON and a Python-baseline JSON (same schema).

    python compare.py QSPACE.json PYTHON.json [--md out.md] [--png out.png]

Prints one markdown table per dataset and checks the targets:
  * accuracy:    qspace best test RMSE <= 1.05 x python's
  * speed:       qspace CPU seconds <= python's while qspace models_fitted >= python's
  * descriptors: qspace throughput >= 200 molecules/s/core with >= 150 varying descriptors
"""
import argparse
import json
import sys

RMSE_FACTOR = 1.05
MIN_THROUGHPUT = 200.0
MIN_VARYING = 150


def load(path):
    with open(path) as fh:
        return json.load(fh)


def by_name(doc):
    return {d["name"]: d for d in doc.get("datasets", [])}


def fnum(x, fmt="{:.3f}"):
    return "—" if x is None else fmt.format(x)


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def best_str(d):
    b = (d or {}).get("best")
    if not b:
        return "—"
    params = f", {b['params']}" if b.get("params") else ""
    return f"{b['test_rmse']:.3f} ({b['builder']}/{b['feature_set']}{params})"


def targets(q, p):
    """Dict of target name -> (ok: bool|None, explanation)."""
    out = {}
    qb, pb = (q or {}).get("best"), (p or {}).get("best")
    if qb and pb:
        lim = RMSE_FACTOR * pb["test_rmse"]
        out["accuracy"] = (qb["test_rmse"] <= lim + 1e-12,
                           f"qspace {qb['test_rmse']:.3f} vs limit {lim:.3f} (1.05 x python)")
    else:
        out["accuracy"] = (None, "missing on one side")
    if q and p and q.get("cpu_seconds") is not None and p.get("cpu_seconds") is not None:
        ok = q["cpu_seconds"] <= p["cpu_seconds"] and q.get("models_fitted", 0) >= p.get("models_fitted", 0)
        out["speed"] = (ok, f"CPU {q['cpu_seconds']:.1f} s vs {p['cpu_seconds']:.1f} s, "
                            f"models {q.get('models_fitted')} vs {p.get('models_fitted')}")
    else:
        out["speed"] = (None, "missing on one side")
    if q and q.get("descriptor_molecules_per_cpu_second") is not None:
        thr, var = q["descriptor_molecules_per_cpu_second"], q.get("n_varying_descriptors") or 0
        out["descriptors"] = (thr >= MIN_THROUGHPUT and var >= MIN_VARYING,
                              f"{thr:.0f} mol/s/core (>= {MIN_THROUGHPUT:.0f}), "
                              f"{var} varying descriptors (>= {MIN_VARYING})")
    else:
        out["descriptors"] = (None, "missing on the qspace side")
    return out


def mark(ok):
    return {True: "PASS", False: "FAIL", None: "n/a"}[ok]


def dataset_table(name, q, p):
    g = lambda d, k: (d or {}).get(k)  # noqa: E731
    lines = [f"### {name}", "",
             f"n_train/n_test: qspace {g(q, 'n_train')}/{g(q, 'n_test')}, "
             f"python {g(p, 'n_train')}/{g(p, 'n_test')}", "",
             "| metric | qspace | python | qspace/python |",
             "|---|---|---|---|"]
    rows = [
        ("CPU seconds", g(q, "cpu_seconds"), g(p, "cpu_seconds"), "{:.1f}"),
        ("models fitted", g(q, "models_fitted"), g(p, "models_fitted"), "{:d}"),
        ("descriptor throughput (mol/s/core)", g(q, "descriptor_molecules_per_cpu_second"),
         g(p, "descriptor_molecules_per_cpu_second"), "{:.0f}"),
        ("varying descriptors", g(q, "n_varying_descriptors"), g(p, "n_varying_descriptors"), "{:d}"),
    ]
    for label, a, b, fmt in rows:
        lines.append(f"| {label} | {fnum(a, fmt)} | {fnum(b, fmt)} | {fnum(ratio(a, b), '{:.2f}')} |")
    qr = (g(q, "best") or {}).get("test_rmse")
    pr = (g(p, "best") or {}).get("test_rmse")
    lines.append(f"| best-by-CV test RMSE | {best_str(q)} | {best_str(p)} | {fnum(ratio(qr, pr), '{:.2f}')} |")
    lines.append("")
    for key, (ok, why) in targets(q, p).items():
        lines.append(f"- **{key}**: {mark(ok)} — {why}")
    lines.append("")
    return lines


def render(qdoc, pdoc):
    qd, pd_ = by_name(qdoc), by_name(pdoc)
    names = list(qd) + [n for n in pd_ if n not in qd]
    lines = [f"# {qdoc.get('pipeline', 'qspace')} vs {pdoc.get('pipeline', 'python')}", ""]
    summary = {}
    for n in names:
        lines += dataset_table(n, qd.get(n), pd_.get(n))
        summary[n] = targets(qd.get(n), pd_.get(n))
    lines += ["## Targets", "", "| dataset | accuracy | speed | descriptors |", "|---|---|---|---|"]
    for n, t in summary.items():
        lines.append(f"| {n} | {mark(t['accuracy'][0])} | {mark(t['speed'][0])} | {mark(t['descriptors'][0])} |")
    lines.append("")
    return "\n".join(lines), summary


def plot(qdoc, pdoc, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    qd, pd_ = by_name(qdoc), by_name(pdoc)
    names = list(qd) + [n for n in pd_ if n not in qd]
    panels = [("CPU seconds", lambda d: d.get("cpu_seconds")),
              ("best test RMSE", lambda d: (d.get("best") or {}).get("test_rmse")),
              ("descriptor mol/s/core", lambda d: d.get("descriptor_molecules_per_cpu_second")),
              ("models fitted", lambda d: d.get("models_fitted"))]
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 4))
    x = np.arange(len(names))
    w = 0.38
    for ax, (title, get) in zip(axes, panels):
        qv = [get(qd[n]) if n in qd and get(qd[n]) is not None else 0 for n in names]
        pv = [get(pd_[n]) if n in pd_ and get(pd_[n]) is not None else 0 for n in names]
        ax.bar(x - w / 2, qv, w, label="qspace", color="#1f77b4")
        ax.bar(x + w / 2, pv, w, label="python", color="#ff7f0e")
        ax.set_title(title)
        ax.set_xticks(x)
        ax.set_xticklabels(names, rotation=30, ha="right", fontsize=8)
        if title == "descriptor mol/s/core":
            ax.axhline(MIN_THROUGHPUT, color="gray", ls="--", lw=1)
    axes[0].legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("qspace")
    ap.add_argument("python")
    ap.add_argument("--md", help="write the markdown table here")
    ap.add_argument("--png", help="write a bar chart here")
    a = ap.parse_args(argv)
    qdoc, pdoc = load(a.qspace), load(a.python)
    text, _ = render(qdoc, pdoc)
    print(text)
    if a.md:
        with open(a.md, "w") as fh:
            fh.write(text)
    if a.png:
        plot(qdoc, pdoc, a.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
