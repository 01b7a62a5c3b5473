"""A small database for the export tests: the raw schema plus mart-shaped tables.

The marts are stand-ins with the issue-3 column contract (hand-made rows, numbers from
the 丰台 2024 seed report where they exist), so export tests do not depend on the metrics
views being finished. Two regions, two years, three agencies: enough to test scope.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from loaders.paths import ROOT

AGENCY_YEAR = [
    # agency, region, year, reports, projects, budget, executed, rate printed, rate computed, carryover, carry printed, carry computed
    ("丰台区信访办", "丰台区", 2024, 1, 3, 794.51, 775.75, 97.6, 97.64, 18.76, 3.42, 2.36),
    ("丰台区教委", "丰台区", 2024, 1, 2, 12000.0, 9000.0, None, 75.0, 3000.0, None, 25.0),
    ("南岳区卫健委", "南岳区", 2024, 1, 1, 500.0, 480.0, 96.0, 96.0, 20.0, 4.0, 4.0),
    ("丰台区信访办", "丰台区", 2023, 1, 1, 700.0, 560.0, 80.0, 80.0, 140.0, 20.0, 20.0),
]
PROJECTS = [
    # project_id, agency, region, year, name, budget, executed, rate, score, grade
    ("r1:1", "丰台区信访办", "丰台区", 2024, "信访工作经费", 2.48, 2.48, 100.0, 100.0, "优"),
    ("r1:2", "丰台区信访办", "丰台区", 2024, "信访代理服务", 300.0, 290.0, 96.67, 100.0, "优"),
    ("r1:3", "丰台区信访办", "丰台区", 2024, "矛盾调处", 120.0, 100.0, 83.33, 92.5, "优"),
    ("r2:1", "丰台区教委", "丰台区", 2024, "校舍维修", 8000.0, 5600.0, 70.0, 85.0, "良"),
    ("r2:2", "丰台区教委", "丰台区", 2024, "教师培训", 4000.0, 3400.0, 85.0, 78.0, "中"),
    ("r3:1", "南岳区卫健委", "南岳区", 2024, "基层医疗补助", 500.0, 480.0, 96.0, 95.0, "优"),
    ("r4:1", "丰台区信访办", "丰台区", 2023, "信访工作经费", 700.0, 560.0, 80.0, 90.0, "优"),
]
INDICATORS = [
    # indicator_id, project_id, agency, region, year, level2, name, met
    ("r1:1:1", "r1:1", "丰台区信访办", "丰台区", 2024, "数量指标", "接待来访人次", True),
    ("r1:1:2", "r1:1", "丰台区信访办", "丰台区", 2024, "满意度指标", "信访人满意度", False),
    ("r2:1:1", "r2:1", "丰台区教委", "丰台区", 2024, "质量指标", "维修合格率", False),
    ("r2:1:2", "r2:1", "丰台区教委", "丰台区", 2024, "时效指标", "按期完工", None),
    ("r3:1:1", "r3:1", "南岳区卫健委", "南岳区", 2024, "质量指标", "补助发放准确率", False),
]
DISTRIBUTION = [
    ("丰台区信访办", "丰台区", 2024, "优", 3), ("丰台区教委", "丰台区", 2024, "良", 1),
    ("丰台区教委", "丰台区", 2024, "中", 1), ("南岳区卫健委", "南岳区", 2024, "优", 1),
    ("丰台区信访办", "丰台区", 2023, "优", 1),
]
FLAGS = [
    ("missed_target_top_grade", "high", "丰台区信访办", "丰台区", 2024, "r1", "r1:1", "r1:1:2",
     "信访人满意度实际83.1%，低于目标95%，但项目自评等级为优秀"),
    ("low_execution", "medium", "丰台区教委", "丰台区", 2024, "r2", "r2:1", None,
     "校舍维修预算执行率70.0%，低于80%"),
    ("uniform_perfect", "low", "丰台区信访办", "丰台区", 2024, "r1", "r1:2", None,
     "信访代理服务全部指标满分且总分100"),
    ("missed_target_top_grade", "high", "南岳区卫健委", "南岳区", 2024, "r3", "r3:1", "r3:1:1",
     "补助发放准确率实际90%，低于目标98%，但项目自评等级为优"),
]
PROVENANCE = [
    # report_id, entity, entity_id, field, line_start, line_end, snippet
    ("r1", "indicator", "r1:1:2", "name", 40, 40, "满意度指标 | 信访人满意度"),
    ("r1", "indicator", "r1:1:2", "actual", 41, 41, "信访人满意度 | ≥95% | 83.1% | 10 | 10"),
    ("r2", "project", "r2:1", "execution_rate_pct", 12, 12, "年度资金总额 | 8000 | 8000 | 5600 | 10 | 70% | 7"),
    ("r2", "project", "r2:1", "total_score", 30, 30, "总分 | 100 | 85"),
]
LOADED_AT = datetime(2025, 3, 31, 9, 30)

MART_DDL = """
create table mart_agency_year (agency varchar, region varchar, year integer, reports integer,
  projects integer, budget double, executed double, execution_rate_pct double,
  execution_rate_pct_computed double, carryover double, carryover_rate_pct double,
  carryover_rate_pct_computed double);
create table mart_project (project_id varchar, agency varchar, region varchar, year integer,
  name varchar, budget_full_year double, executed double, execution_rate_pct_computed double,
  total_score double, grade varchar);
create table mart_indicator (indicator_id varchar, project_id varchar, agency varchar,
  region varchar, year integer, level2 varchar, name varchar, met boolean);
create table mart_score_distribution (agency varchar, region varchar, year integer,
  grade_band varchar, projects integer);
create table mart_flags (rule_id varchar, severity varchar, agency varchar, region varchar,
  year integer, report_id varchar, project_id varchar, indicator_id varchar, explanation varchar);
"""


def build_export_db(path: Path) -> Path:
    """Write the fixture database to `path` and return it."""
    con = duckdb.connect(str(path))
    con.execute((ROOT / "loaders" / "schema.sql").read_text(encoding="utf-8"))
    con.execute(MART_DDL)
    for table, rows in (("mart_agency_year", AGENCY_YEAR), ("mart_project", PROJECTS),
                        ("mart_indicator", INDICATORS), ("mart_score_distribution", DISTRIBUTION),
                        ("mart_flags", FLAGS)):
        marks = ", ".join("?" for _ in rows[0])
        con.executemany(f"insert into {table} values ({marks})", rows)
    con.executemany("insert into provenance values (?, ?, ?, ?, ?, ?, ?)", PROVENANCE)
    con.execute("insert into reports (report_id, file_name, file_path, content_hash, parser_version, loaded_at)"
                " values ('r1', 'a.txt', '/x/a.txt', 'h', 't', ?)", [LOADED_AT])
    con.close()
    return path


def test_fixture_db_has_every_mart_the_export_reads(tmp_path):
    from dashboard.exporting.summary import MARTS
    con = duckdb.connect(str(build_export_db(tmp_path / "f.duckdb")), read_only=True)
    names = {r[0] for r in con.sql("select table_name from information_schema.tables").fetchall()}
    assert set(MARTS) <= names
    assert con.sql("select count(*) from mart_flags").fetchall()[0][0] == len(FLAGS)
