"""One command for the scale benchmark: `uv run python bench/run.py --sizes 1000,10000,100000`.

Per size N: generate N text reports (perfdash demo's generator), load them with
`perfdash load` into a fresh database (reports/s, peak memory of the process tree),
time every mart query the dashboard runs with a typical filter, compute the same
aggregations in pandas from the same tables (ratio in the same run), and time a
full page render in headless Chromium. Results accumulate in bench/results.json
(one entry per size, the latest run wins) and are written to docs/benchmarks.md.
Generated files and databases go to bench/out/ (git-ignored).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import baseline, machine, queries, render  # noqa: E402
from bench.report import write_markdown  # noqa: E402
from loaders.demo import write_documents  # noqa: E402
from loaders.demo.generate import generate  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
DOCS = ROOT / "docs" / "benchmarks.md"
YEARS = [2021, 2022, 2023, 2024]
DOCS_PER_UNIT = 10          # a unit writes about 2.6 documents a year in the generator's mix


def generate_reports(n: int, out: Path, seed: int) -> dict:
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    agencies = math.ceil(n / DOCS_PER_UNIT) + 5
    rows = write_documents(generate(agencies, YEARS, seed=seed, formats=("txt",)), out, limit=n)
    return {"reports": len(rows), "projects_generated": sum(r["n_projects"] for r in rows),
            "generate_s": time.perf_counter() - start, "bytes": sum(p.stat().st_size for p in out.glob("*.txt"))}


def load_reports(folder: Path, db: Path, workers: int | None, parser: str) -> dict:
    for stale in (db, db.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    module = "loaders.cli" if parser == "extractor" else "bench.truth_load"
    cmd = [sys.executable, "-m", module, *(["load"] if parser == "extractor" else []), str(folder), "--db", str(db)]
    if workers:
        cmd += ["--workers", str(workers)]
    log = db.with_suffix(".load.log")
    start = time.perf_counter()
    with log.open("w") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT)
        with machine.TreeSampler(proc.pid) as sampler:
            code = proc.wait()
    seconds = time.perf_counter() - start
    return {"load_s": seconds, "load_exit": code, "load_peak_tree_mb": sampler.peak_mb,
            "load_peak_process_mb": machine.children_maxrss_mb(), "load_log": str(log)}


def count_rows(db: Path) -> dict:
    import duckdb  # noqa: PLC0415

    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda sql: con.sql(sql).fetchall()[0][0]  # noqa: E731
        return {"db_reports": one("select count(*) from reports"), "db_projects": one("select count(*) from projects"),
                "db_indicators": one("select count(*) from indicators"),
                "load_failed": one("select count(*) from load_log where status = 'failed'"),
                "db_mb": db.stat().st_size / 1024 / 1024}
    finally:
        con.close()


def time_queries(db: Path) -> dict:
    import duckdb  # noqa: PLC0415

    con = duckdb.connect(str(db), read_only=True)
    try:
        year, region = queries.typical_filter(con)
        marts = queries.mart_reads(con, year, region)
    finally:
        con.close()
    dash, errors, untimed = queries.dashboard_reads(str(db), year, region)
    return {"filter": {"year": year, "region": region}, "mart_ms": marts, "dashboard_ms": dash,
            "dashboard_errors": errors, "dashboard_untimed": untimed}


def run_size(n: int, args) -> dict:
    out = args.out / f"n{n}"
    db = args.out / f"n{n}-{args.parser}.duckdb"
    print(f"[{n}] 生成报告…", flush=True)
    result = {"size": n, "parser": args.parser, "run_at": dt.datetime.now().isoformat(timespec="seconds"),
              "commit": git_commit(), "loadavg_start": os.getloadavg()[0]}
    result |= generate_reports(n, out, args.seed)
    print(f"[{n}] 载入 {result['reports']} 份…", flush=True)
    result |= load_reports(out, db, args.workers, args.parser)
    result |= count_rows(db)
    print(f"[{n}] 载入 {result['load_s']:.1f} s；计时查询…", flush=True)
    result |= time_queries(db)
    flt = result["filter"]
    result["baseline"] = baseline.compare(str(db), flt["year"], flt["region"]) if flt["year"] else {}
    if not args.skip_render:
        print(f"[{n}] 浏览器渲染…", flush=True)
        result["render"] = render.measure(db)
    result["bench_process_mb"] = machine.self_maxrss_mb()
    result["loadavg_end"] = os.getloadavg()[0]      # others' work on a shared machine slows every number
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return result


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="perfdash scale benchmark")
    parser.add_argument("--sizes", default="1000,10000", help="numbers of reports, e.g. 1000,10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None, help="perfdash load --workers (default: all cores)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--skip-render", action="store_true", help="no browser timing")
    parser.add_argument("--keep", action="store_true", help="keep the generated reports")
    parser.add_argument("--parser", choices=("extractor", "truth"), default="extractor",
                        help="truth: load the generated truth records instead of parsing (query/memory scale only)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results["machine"] = machine.describe()
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        key = str(n) if args.parser == "extractor" else f"{n}-truth"
        results.setdefault("sizes", {})[key] = run_size(n, args)
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        write_markdown(results, DOCS)
        print(f"[{n}] 完成 → {DOCS.relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
