"""docs/benchmarks.md from bench/results.json: the machine, one line per size, then the details."""
from __future__ import annotations

from pathlib import Path

TARGETS = {"load_rps": 200, "query_ms": 50, "render_s": 2.0, "memory_mb": 2048}


def mark(ok: bool | None) -> str:
    return "—" if ok is None else ("✅" if ok else "❌")


def fmt(v, digits: int = 1) -> str:
    return "—" if v is None else f"{v:,.{digits}f}"


def summary_row(r: dict) -> str:
    rps = r["reports"] / r["load_s"] if r.get("load_s") else None
    slow_mart = max(r["mart_ms"].values(), default=None)
    slow_dash = max(r["dashboard_ms"].values(), default=None)
    render = r.get("render") or {}
    warm = render.get("max_page_s")
    memory = max(r.get("load_peak_tree_mb", 0), r.get("bench_process_mb", 0))
    ratios = [a["ratio"] for a in (r.get("baseline") or {}).get("aggregations", {}).values() if a.get("ratio")]
    ratio = f"{min(ratios):.1f}–{max(ratios):.1f}×" if ratios else "—"
    render_cell = (f"{fmt(warm, 2)} {mark(warm <= TARGETS['render_s'])} (首次 {fmt(render.get('first_s'), 1)})"
                   if warm is not None else f"未测（{render.get('error', '跳过')}）")
    return (f"| {r['reports']:,} | {r.get('parser', 'extractor')} | {r['db_projects']:,} | {r['db_indicators']:,} | {r['load_failed']:,} "
            f"| {fmt(r['load_s'])} | {fmt(rps, 0)} {mark(rps >= TARGETS['load_rps'] if rps else None)} "
            f"| {fmt(slow_mart)} {mark(slow_mart <= TARGETS['query_ms'] if slow_mart is not None else None)} "
            f"| {fmt(slow_dash)} {mark(slow_dash <= TARGETS['query_ms'] if slow_dash is not None else None)} "
            f"| {render_cell} | {fmt(r.get('load_peak_tree_mb'), 0)} / {fmt(r.get('load_peak_process_mb'), 0)} "
            f"{mark(memory <= TARGETS['memory_mb'])} | {fmt(r.get('db_mb'))} | {ratio} |")


def query_table(sizes: list[dict], key: str) -> list[str]:
    names = sorted({name for r in sizes for name in r.get(key, {})})
    head = "| query | " + " | ".join(f"{r['reports']:,} reports (ms)" for r in sizes) + " |"
    lines = [head, "|---|" + "---:|" * len(sizes)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(fmt(r.get(key, {}).get(name), 2) for r in sizes) + " |")
    return lines


def baseline_table(sizes: list[dict]) -> list[str]:
    lines = ["| reports | aggregation | DuckDB ms | pandas ms | pandas / DuckDB | same numbers |", "|---:|---|---:|---:|---:|---|"]
    for r in sizes:
        b = r.get("baseline") or {}
        for name, a in b.get("aggregations", {}).items():
            lines.append(f"| {r['reports']:,} | {name} | {fmt(a['duckdb_ms'], 2)} | {fmt(a['pandas_ms'], 2)} "
                         f"| {fmt(a['ratio'], 1)}× | {'yes' if a['same'] else 'NO'} |")
        if b:
            lines.append(f"| {r['reports']:,} | (pandas: reading the tables into frames first) | | "
                         f"{fmt(b['pandas_read_ms'], 0)} | | |")
    return lines


def write_markdown(results: dict, path: Path) -> None:
    sizes = sorted(results.get("sizes", {}).values(), key=lambda r: (r["size"], r.get("parser", "extractor")))
    m = results.get("machine", {})
    lines = ["# Benchmarks", "",
             "Written by `uv run python bench/run.py --sizes …` (bench/run.py); do not edit by hand. "
             "Each size is the latest run of that size; see bench/results.json for every number.", "",
             "## Machine", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in m.items()]
    lines += ["", "## Summary", "",
              f"Targets (issue 4, 2-core machine): load ≥ {TARGETS['load_rps']} text reports/s; every mart query "
              f"≤ {TARGETS['query_ms']} ms at 100k projects; full page render ≤ {TARGETS['render_s']:.0f} s; peak memory "
              f"≤ 2 GB at 100k projects.", "",
              "| reports | parse step | projects loaded | indicators loaded | failed files | load s | reports/s | slowest mart read ms "
              "| slowest dashboard query ms | page render s (slowest page, warm) | peak memory MB (tree / largest process) "
              "| db MB | pandas / DuckDB |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|"]
    lines += [summary_row(r) for r in sizes]
    lines += ["", "Run details: " + "; ".join(
        f"{r['reports']:,} reports at commit {r['commit']} on {r['run_at']}, filter year={r['filter']['year']} "
        f"region={r['filter']['region']}, generation {r['generate_s']:.1f} s, {r['bytes'] / 1e6:.1f} MB of text"
        + (f", 1-min load average {r['loadavg_start']:.1f} → {r['loadavg_end']:.1f} on {m.get('cores', '?')} cores"
           if "loadavg_start" in r else "")
        + (f"; queries, baseline and pages re-timed at commit {r['retimed_commit']} on {r['retimed_at']} "
           f"(bench/retime.py, same database)" if "retimed_commit" in r else "")
        for r in sizes), ""]
    lines += ["## Mart reads (typical filter, every row returned)", "", *query_table(sizes, "mart_ms"), "",
              "## Dashboard queries (dashboard/queries.py, typical filter, no result cache)", "",
              *query_table(sizes, "dashboard_ms"), ""]
    errors = {(r["reports"], k): v for r in sizes for k, v in r.get("dashboard_errors", {}).items()}
    if errors:
        lines += ["Errors: " + "; ".join(f"{k} at {n:,}: {v}" for (n, k), v in errors.items()), ""]
    untimed = sorted({u for r in sizes for u in r.get("dashboard_untimed", [])})
    if untimed:
        lines += ["Not timed (new dashboard queries the bench does not call yet): " + ", ".join(untimed), ""]
    lines += ["## Page render (headless Chromium, seconds from navigation to the last chart drawn)", "",
              "| reports | first load after start | " + " | ".join(_pages(sizes)) + " |",
              "|---:|---:|" + "---:|" * len(_pages(sizes))]
    for r in sizes:
        rd = r.get("render") or {}
        lines.append(f"| {r['reports']:,} | {fmt(rd.get('first_s'), 2)} | "
                     + " | ".join(fmt(rd.get("pages", {}).get(p), 2) for p in _pages(sizes)) + " |")
    acts = sorted({a for r in sizes for a in (r.get("render") or {}).get("interactions", {})})
    if acts:
        lines += ["", "Interactions in an open session (seconds from the click to the last chart redrawn; target < 1 s):", "",
                  "| reports | " + " | ".join(acts) + " |", "|---:|" + "---:|" * len(acts)]
        for r in sizes:
            got = (r.get("render") or {}).get("interactions", {})
            if got:
                lines.append(f"| {r['reports']:,} | " + " | ".join(fmt(got.get(a), 2) for a in acts) + " |")
    lines += ["", "## pandas baseline (same aggregations from the same raw tables)", "", *baseline_table(sizes), "",
              "## How to read this", "",
              "- Reports are `perfdash demo` text reports (all six layouts); load = `perfdash load FOLDER` into a new "
              "database, all cores, including the views/marts build at the end.",
              "- Memory: *tree* is the summed resident memory of the loader and its worker processes, sampled every "
              "0.2 s; *largest process* is `ru_maxrss` of the biggest single child so far.",
              "- Query times are medians of 5 runs after one warm-up, on a read-only connection.",
              "- Parse step *truth*: `bench/truth_load.py` loads the generated truth records through the loader "
              "(read, rows, write, views) without the extractor, to measure the database at 100k projects; its "
              "reports/s is the loader without parsing, not the product's load speed.",
              "- Projects and indicators are what the extractor found at that commit: while it is incomplete, the "
              "marts hold fewer rows than the reports contain, and query times are optimistic.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _pages(sizes: list[dict]) -> list[str]:
    return sorted({p for r in sizes for p in (r.get("render") or {}).get("pages", {})})
