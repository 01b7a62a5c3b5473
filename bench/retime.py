"""`uv run python bench/retime.py --sizes 1000,10000,100000 --out DIR`: time the queries and pages again
on databases bench/run.py already built (DIR/n{N}-extractor.duckdb), after a change to the dashboard only.

Generation and load numbers stay those of the run that built the database; query, baseline and render
numbers are replaced and the entry records the commit they were re-timed at (`retimed_commit`).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import baseline, render  # noqa: E402
from bench.report import write_markdown  # noqa: E402
from bench.run import DOCS, RESULTS, git_commit, time_queries  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="re-time queries and pages on built benchmark databases")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args(argv)
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    for n in (s.strip() for s in args.sizes.split(",") if s.strip()):
        db = args.out / f"n{n}-extractor.duckdb"
        entry = results["sizes"][n]
        print(f"[{n}] 重新计时 {db}…", flush=True)
        entry |= {"retimed_commit": git_commit(), "retimed_at": dt.datetime.now().isoformat(timespec="seconds"),
                  "retime_loadavg_start": os.getloadavg()[0]}
        entry |= time_queries(db)
        flt = entry["filter"]
        entry["baseline"] = baseline.compare(str(db), flt["year"], flt["region"]) if flt["year"] else {}
        entry["render"] = render.measure(db)
        entry["retime_loadavg_end"] = os.getloadavg()[0]
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    write_markdown(results, DOCS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
