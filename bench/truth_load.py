"""`python -m bench.truth_load FOLDER --db FILE`: load generated reports with their truth records as the parse.

Reading, row building, writing and the view build are the loader's own
(loaders.load.load_paths); only parse_report is replaced by "read NAME.json beside
the file". This isolates database and query cost from extractor speed, so query
times and memory at 100k projects can be measured while the extractor is slow.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from loaders.records import Indicator, MoneyRow, Project, Report

TRUTH_DIR_ENV = "PERFDASH_BENCH_TRUTH_DIR"


def report_from_truth(data: dict) -> Report:
    projects = []
    for p in data.get("projects") or []:
        project = Project(name=p.get("name"), subject=p.get("subject", "project"),
                          **{k: p.get(k) for k in ("budget_initial", "budget_full_year", "executed",
                                                   "execution_rate_pct", "execution_weight", "execution_score",
                                                   "total_score")})
        project.indicators = [Indicator(**{k: i.get(k) for k in ("level1", "level2", "name", "target", "actual",
                                                                 "weight", "score", "deviation_reason")})
                              for i in p.get("indicators") or []]
        project.money_rows = [MoneyRow("年度资金总额", project.budget_initial, project.budget_full_year,
                                       project.executed, project.execution_rate_pct, project.execution_weight,
                                       project.execution_score)]
        projects.append(project)
    return Report(file=data["file"], agency=data.get("agency"), region=data.get("region"), year=data.get("year"),
                  report_kind=data.get("report_kind"), evaluation_type=data.get("evaluation_type"),
                  total_score=data.get("total_score"), grade=data.get("grade"),
                  department_budget=data.get("department_budget"), projects=projects)


def parse_with_truth(text: str, file_name: str) -> Report:
    """The parse step of load_paths: the truth JSON beside the file (module level: workers import it)."""
    path = Path(os.environ[TRUTH_DIR_ENV]) / file_name
    return report_from_truth(json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    from loaders.load import load_paths  # noqa: PLC0415

    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    os.environ[TRUTH_DIR_ENV] = str(args.folder.resolve())
    summary = load_paths([args.folder], args.db, workers=args.workers, parse=parse_with_truth)
    print(summary.line())
    return 0 if not any(r.status == "failed" for r in summary.results) else 1


if __name__ == "__main__":
    sys.exit(main())
