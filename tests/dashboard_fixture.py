"""A small, hand-made database for the dashboard tests: raw rows → the project's real SQL views.

Three agencies of 北京市丰台区 and one of 湖南省衡阳市南岳区 over 2022–2024, two projects per
report, four indicators per project, with provenance lines and a load log. Values are
chosen so that tests can assert exact numbers (see EXPECTED). One agency name carries
HTML/SQL-looking text, which must be shown as plain text.

The views are the project's own (loaders.views.apply_views over queries/*.sql), so
these tests also check that the dashboard's SQL matches the marts' real columns.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from loaders.db import ensure_schema

AGENCIES = [
    # (key, name, region, perfect scores?, execution level)
    ("xf", "北京市丰台区信访办公室", "北京市丰台区", True, 0.98),
    ("jw", "北京市丰台区教育委员会", "北京市丰台区", False, 0.92),
    ("wj", "北京市丰台区卫生健康委员会", "北京市丰台区", False, 0.70),
    ("ny", "<script>alert('x')</script>南岳区'; DROP TABLE reports; --", "湖南省衡阳市南岳区", False, 0.85),
]
YEARS = (2022, 2023, 2024)
CATEGORIES = [("产出指标", "数量指标", "宣传材料发放", ">=", 1000.0, "份"),
              ("产出指标", "质量指标", "合格率", ">=", 95.0, "%"),
              ("产出指标", "时效指标", "办结时限", "<=", 8.0, "小时"),
              ("满意度指标", "满意度指标", "群众满意度", ">=", 90.0, "%")]
WEIGHTS = (30.0, 20.0, 20.0, 20.0)   # + execution 10 = 100

EXPECTED = {
    "agencies": 4,
    "reports": len(AGENCIES) * len(YEARS),
    "projects": len(AGENCIES) * len(YEARS) * 2,
    "indicators": len(AGENCIES) * len(YEARS) * 2 * 4,
    "missed_indicator": "北京市丰台区卫生健康委员会",   # its 满意度 actual is below target, yet full marks
}

def report_id(key: str, year: int) -> str:
    return f"r{key}{year}"


def _rows():
    reports, depts, projects, indicators, provenance, log = [], [], [], [], [], []
    loaded_at = datetime(2026, 11, 1, 9, 0, 0)
    for a_index, (key, name, region, perfect, level) in enumerate(AGENCIES):
        for y_index, year in enumerate(YEARS):
            rid = report_id(key, year)
            file_name = f"{key}_{year}.txt"
            budget = 500.0 + 100 * a_index + 20 * y_index
            executed = round(budget * (level + 0.01 * y_index), 2)
            reports.append((rid, file_name, f"/srv/in/{file_name}", rid, "txt", "utf-8", "test", loaded_at,
                            name, None, region, year, "project" if a_index % 2 == 0 else "mixed", "self",
                            None, None, None, 60))
            depts.append((rid, budget - 50.0, budget, executed, round(executed / budget * 100, 2),
                          round(budget - executed, 2), round((budget - executed) / budget * 100, 2)))
            log.append((f"/srv/in/{file_name}", file_name, rid, "loaded", "test", rid,
                        ["未找到部门整体支出金额"] if a_index == 1 else [], None, loaded_at))
            for seq in (1, 2):
                _add_project(rid, seq, name, level, perfect, a_index, y_index, projects, indicators, provenance)
    log.append(("/srv/in/broken.pdf", "broken.pdf", None, "failed", "test", None, [],
                "扫描件，无文字层，需要 OCR", loaded_at))
    return reports, depts, projects, indicators, provenance, log


def _add_project(rid, seq, agency, level, perfect, a_index, y_index, projects, indicators, provenance):
    pid = f"{rid}:{seq}"
    budget = 40.0 + 10 * seq + 5 * a_index
    executed = round(budget * min(1.0, level + 0.02 * seq), 2)
    rate = round(executed / budget * 100, 2)
    exec_score = round(min(10.0, rate / 10), 2)
    scores = []
    for i_seq, ((l1, l2, iname, op, target, unit), weight) in enumerate(zip(CATEGORIES, WEIGHTS), start=1):
        actual = _actual(target, op, a_index, y_index, i_seq, perfect)
        score = weight if perfect or a_index == 2 else round(weight * min(1.0, actual / target), 2) \
            if op == ">=" else weight
        scores.append(score)
        iid = f"{pid}:{i_seq}"
        target_text, actual_text = f"{'≥' if op == '>=' else '≤'}{target:g}{unit}", f"{actual:g}{unit}"
        indicators.append((iid, pid, rid, i_seq, l1, l2, iname, target_text, actual_text, weight, score,
                           None, op, target, unit, None, None, actual, unit, None))
        line = 20 + 10 * seq + i_seq
        provenance.append((rid, "indicator", iid, "actual", line, line,
                           f"{l1}\t{l2}\t{iname}\t{target_text}\t{actual_text}\t{weight:g}\t{score:g}"))
    total = 100.0 if perfect else round(sum(scores) + exec_score, 2)
    projects.append((pid, rid, seq, f"{2022 + y_index}年度{agency[:6]}专项经费{seq}", "project",
                     budget, budget, executed, rate, 10.0, exec_score, total, "优秀" if total >= 90 else "良好"))
    provenance.append((rid, "project", pid, "executed", 10 + seq, 10 + seq,
                       f"年度资金总额\t{budget:g}\t{budget:g}\t{executed:g}\t10\t{rate:g}%\t{exec_score:g}"))


def _actual(target, op, a_index, y_index, i_seq, perfect):
    if op == "<=":
        return target - 1
    if perfect:
        return target
    if a_index == 2 and i_seq == 4:          # 卫健委: satisfaction short of target with full marks
        return target - 7.0
    if a_index == 1 and i_seq == 1:          # 教委: distributes far more than planned (≥ 130%)
        return target * 1.5
    return target + y_index


def build_database(path: Path) -> Path:
    """Write the fixture database at `path` (raw rows, rule tables and views)."""
    con = duckdb.connect(str(path))
    try:
        ensure_schema(con)
        reports, depts, projects, indicators, provenance, log = _rows()
        _insert(con, "reports", ["report_id", "file_name", "file_path", "content_hash", "source_format", "encoding",
                                 "parser_version", "loaded_at", "agency", "agency_id", "region", "year",
                                 "report_kind", "evaluation_type", "total_score", "grade", "source_url",
                                 "n_lines"], reports)
        _insert(con, "department_budgets", ["report_id", "budget_initial", "budget", "executed", "execution_rate_pct", "carryover",
                                            "carryover_rate_pct"], depts)
        _insert(con, "projects", ["project_id", "report_id", "seq", "name", "subject", "budget_initial",
                                  "budget_full_year", "executed", "execution_rate_pct", "execution_weight",
                                  "execution_score", "total_score", "grade"], projects)
        _insert(con, "indicators", ["indicator_id", "project_id", "report_id", "seq", "level1", "level2", "name",
                                    "target", "actual", "weight", "score", "deviation_reason", "target_op",
                                    "target_value", "target_unit", "target_label", "actual_op", "actual_value",
                                    "actual_unit", "actual_label"], indicators)
        _insert(con, "provenance", ["report_id", "entity", "entity_id", "field", "line_start", "line_end",
                                    "snippet"], provenance)
        _insert(con, "load_log", ["file_path", "file_name", "content_hash", "status", "parser_version",
                                  "report_id", "warnings", "error", "logged_at"], log)
        apply_available_views(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return path


def _insert(con, table: str, columns: list[str], rows: list[tuple]) -> None:
    marks = ", ".join("?" for _ in columns)
    con.executemany(f"insert into {table} ({', '.join(columns)}) values ({marks})", rows)


def apply_available_views(con) -> None:
    """The project's real views (queries/*.sql) over the fixture rows, built the way a load
    builds them (loaders.views.apply_views, marts stored as tables)."""
    from loaders.views import apply_views

    apply_views(con)
