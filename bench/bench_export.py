"""Benchmark: static chart export and the annual Word report (issue 7: ≤ 1 s per chart after start-up).

Synthetic in-scope mart frames (N agencies, ~25 projects each, 8 indicators per project) are
drawn with the report's own chart builders and rendered through one ChartRenderer:
the first render pays the browser start-up; every later render is timed per chart.
Results are appended to docs/benchmarks-export.md.

    uv run python bench/bench_export.py [--agencies 40] [--rounds 3]
"""
from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import time
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.exporting.annual import assemble_content
from dashboard.exporting.bundle import bundle_members
from dashboard.exporting.images import ChartRenderer
from dashboard.exporting.report import build_report
from dashboard.exporting.summary import Scope, SummaryFrames

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "benchmarks-export.md"
CATEGORIES = ("数量指标", "质量指标", "时效指标", "成本指标", "效益指标", "满意度指标")


def synthetic_frames(agencies: int, *, seed: int = 0) -> SummaryFrames:
    rng = np.random.default_rng(seed)
    names = [f"第{i + 1}单位" for i in range(agencies)]
    budget = rng.uniform(100, 20000, agencies)
    executed = budget * rng.uniform(0.6, 1.0, agencies)
    ay = pd.DataFrame({"agency": names, "region": "演示区", "year": 2024, "reports": 1, "budget": budget,
                       "executed": executed, "execution_rate_pct_computed": executed / budget * 100,
                       "carryover_rate_pct_computed": rng.uniform(0, 30, agencies),
                       "score_mean": rng.uniform(80, 100, agencies)})
    n_projects = agencies * 25
    projects = pd.DataFrame({
        "project_id": [f"p{i}" for i in range(n_projects)], "agency": np.repeat(names, 25),
        "region": "演示区", "year": 2024, "name": [f"项目{i}" for i in range(n_projects)],
        "budget_full_year": rng.uniform(5, 800, n_projects), "executed": rng.uniform(5, 800, n_projects),
        "execution_rate_pct_computed": rng.uniform(50, 100, n_projects),
        "total_score": np.minimum(100, rng.normal(92, 6, n_projects)).round(1), "grade": "优"})
    n_ind = n_projects * 8
    indicators = pd.DataFrame({"indicator_id": [f"i{i}" for i in range(n_ind)],
                               "level2": rng.choice(CATEGORIES, n_ind),
                               "met": rng.choice([True, True, True, False, None], n_ind)})
    flags = pd.DataFrame({"rule_id": "low_execution", "severity": rng.choice(["high", "medium", "low"], 200),
                          "agency": rng.choice(names, 200), "year": 2024,
                          "project_id": [f"p{i}" for i in range(200)], "explanation": "预算执行率低于80%"})
    return SummaryFrames(Scope(2024), date(2025, 3, 31), ay, projects, indicators, pd.DataFrame(), flags)


def run_bench(agencies: int, rounds: int) -> dict:
    frames = synthetic_frames(agencies)
    content = assemble_content(frames)
    figures = [c.fig for c in content.charts]
    per_chart: dict[str, list[float]] = {"png": [], "pdf": [], "svg": []}
    with ChartRenderer() as renderer:
        t0 = time.perf_counter()
        renderer.render(figures[0], "png", caption="warm-up")
        startup = time.perf_counter() - t0
        for r in range(rounds):
            for i, fig in enumerate(figures):
                for fmt in per_chart:
                    t = time.perf_counter()
                    renderer.render(fig, fmt, caption=f"round {r} chart {i}")   # new caption: no memo hit
                    per_chart[fmt].append(time.perf_counter() - t)
    t = time.perf_counter()
    with ChartRenderer() as renderer:
        doc = build_report(content, renderer)
        doc.save(io.BytesIO())
        report_total = time.perf_counter() - t
        t = time.perf_counter()
        members = bundle_members(content.charts, {"projects": frames.projects}, renderer, content.caption)
        bundle_total = time.perf_counter() - t
    return {"agencies": agencies, "projects": len(frames.projects), "charts": len(figures), "startup": startup,
            "per_chart": per_chart, "report_total": report_total, "bundle_total": bundle_total,
            "bundle_files": len(members)}


def markdown(result: dict) -> str:
    lines = [f"\n## {datetime.now():%Y-%m-%d %H:%M} — {platform.node()} ({platform.python_version()})",
             f"{result['agencies']} agencies, {result['charts']} key charts; "
             f"first render (browser start-up) {result['startup']:.2f} s.", "",
             "| format | renders | median s | max s | target |", "|---|---|---|---|---|"]
    for fmt, times in result["per_chart"].items():
        lines.append(f"| {fmt} | {len(times)} | {statistics.median(times):.3f} | {max(times):.3f} | ≤ 1 s |")
    lines.append(f"\nWhole annual .docx ({result['projects']} projects; own browser start, {result['charts']} PNG "
                 f"at scale 2, KPI/flag/appendix tables): {result['report_total']:.2f} s. Zip members after that "
                 f"({result['bundle_files']} files, PNGs reused, projects XLSX): {result['bundle_total']:.2f} s.")
    lines.append(f"Load average at the end: {os.getloadavg()[0]:.2f} (2 cores shared with the team).")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = markdown(run_bench(args.agencies, args.rounds))
    print(text)
    if not RESULTS.exists():
        RESULTS.write_text("# Export benchmarks (bench/bench_export.py)\n", encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()
