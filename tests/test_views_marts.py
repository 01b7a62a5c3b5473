"""Given rows → expected rows for the marts (mart_indicator, mart_project, mart_agency_year,
mart_score_distribution) on a hand-made in-memory database.

The row helpers at the top (make_db, add_*) are shared with tests/test_flags.py and
tests/test_views_corrections.py.
"""
from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from loaders.paths import ROOT
from loaders.views import apply_views

SCHEMA_SQL = (ROOT / "loaders" / "schema.sql").read_text(encoding="utf-8")


# ---------------------------------------------------------------- row helpers

def make_db() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(SCHEMA_SQL)
    return con


def insert(con, table: str, row: dict) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"insert into {table} ({columns}) values ({marks})", list(row.values()))


def add_report(con, report_id: str, **cols) -> str:
    row = {"report_id": report_id, "file_name": f"{report_id}.txt", "file_path": f"/data/{report_id}.txt",
           "content_hash": report_id, "parser_version": "test", "loaded_at": datetime(2025, 1, 1),
           "agency": "测试区教育局", "region": "测试省测试市测试区", "year": 2024, "report_kind": "project",
           "evaluation_type": "self"}
    row.update(cols)
    insert(con, "reports", row)
    return report_id


def add_project(con, report_id: str, seq: int, **cols) -> str:
    project_id = f"{report_id}:{seq}"
    row = {"project_id": project_id, "report_id": report_id, "seq": seq, "name": f"项目{seq}", "subject": "project"}
    row.update(cols)
    insert(con, "projects", row)
    return project_id


def add_indicator(con, project_id: str, seq: int, **cols) -> str:
    indicator_id = f"{project_id}:{seq}"
    row = {"indicator_id": indicator_id, "project_id": project_id, "report_id": project_id.rsplit(":", 1)[0],
           "seq": seq, "level1": "产出指标", "level2": "数量指标", "name": f"指标{seq}"}
    row.update(cols)
    insert(con, "indicators", row)
    return indicator_id


def add_department(con, report_id: str, **cols) -> None:
    insert(con, "department_budgets", {"report_id": report_id, **cols})


def add_money_row(con, project_id: str, seq: int, label: str, **cols) -> None:
    insert(con, "money_rows", {"project_id": project_id, "seq": seq, "label": label, **cols})


def add_correction(con, correction_id: int, entity: str, entity_key: str, field: str, new_value,
                   *, created_at: datetime = datetime(2025, 3, 1), old_value=None) -> None:
    insert(con, "corrections", {"correction_id": correction_id, "entity": entity, "entity_key": entity_key,
                                "field": field, "old_value": old_value,
                                "new_value": None if new_value is None else str(new_value),
                                "reason": "核对原件", "author": "分析员", "created_at": created_at})


def rows(con, sql: str, params: list | None = None) -> list[dict]:
    rel = con.execute(sql, params or [])
    names = [d[0] for d in rel.description]
    return [dict(zip(names, r)) for r in rel.fetchall()]


def one(con, sql: str, params: list | None = None) -> dict:
    found = rows(con, sql, params)
    assert len(found) == 1, f"expected one row, got {len(found)}: {found}"
    return found[0]


def scored_project(con, report_id: str = "r1", *, total_score=100, weights=(20, 20, 20, 20, 10),
                   scores=None, execution_weight=10, execution_score=10, **project_cols) -> str:
    """A project with qualitative indicators of the given weights/scores (full marks by default)."""
    scores = weights if scores is None else scores
    pid = add_project(con, report_id, project_cols.pop("seq", 1), total_score=total_score,
                      execution_weight=execution_weight, execution_score=execution_score, **project_cols)
    for i, (w, s) in enumerate(zip(weights, scores), start=1):
        add_indicator(con, pid, i, target="按要求完成", actual=f"完成情况说明{i}", weight=w, score=s)
    return pid


@pytest.fixture
def con():
    db = make_db()
    yield db
    db.close()


# ---------------------------------------------------------------- mart_indicator

INDICATOR_CASES = [
    # (case, indicator columns, expected subset of mart_indicator)
    ("正向 met", dict(target="≥95%", target_op=">=", target_value=95, target_unit="%",
                      actual="96.2%", actual_value=96.2, actual_unit="%", weight=10, score=10),
     dict(direction="正向", met=True, gap_abs=1.2, gap_pct=1.26, score_computed=10, is_full_marks=True)),
    ("bare number is 正向, missed", dict(level1="满意度指标", level2="满意度指标", target="95%", target_value=95,
                                       target_unit="%", actual="83.1%", actual_value=83.1, actual_unit="%",
                                       weight=10, score=10),
     dict(direction="正向", met=False, gap_abs=-11.9, gap_pct=-12.53, score_computed=8.75, score_gap=1.25,
          met_status="未达成", lacks_deviation_reason=True)),
    ("反向 over by a quarter", dict(target="8小时内", target_op="<=", target_value=8, target_unit="小时",
                                  actual="10小时", actual_value=10, actual_unit="小时", weight=10, score=6),
     dict(direction="反向", met=False, gap_abs=-2, gap_pct=-25.0, score_computed=7.5)),
    ("反向 at twice the cap scores 0", dict(target="≤90万元", target_op="<=", target_value=90, target_unit="万元",
                                          actual="180万元", actual_value=180, actual_unit="万元", weight=10),
     dict(direction="反向", met=False, score_computed=0)),
    ("反向 met", dict(target="≤90万元", target_op="<=", target_value=90, target_unit="万元",
                     actual="88万元", actual_value=88, actual_unit="万元", weight=10),
     dict(direction="反向", met=True, gap_abs=2, score_computed=10)),
    ("等于 zero met", dict(target="=0起", target_op="=", target_value=0, target_unit="起",
                          actual="0起", actual_value=0, actual_unit="起", weight=5),
     dict(direction="等于", met=True, score_computed=5, gap_pct=None)),
    ("等于 zero missed", dict(target="=0起", target_op="=", target_value=0, target_unit="起",
                             actual="1起", actual_value=1, actual_unit="起", weight=5),
     dict(direction="等于", met=False, score_computed=0)),
    ("bare cost amount is a ceiling", dict(level2="成本指标", target="10万元", target_value=10, target_unit="万元",
                                         actual="12万元", actual_value=12, actual_unit="万元", weight=10),
     dict(direction="反向", met=False, score_computed=8)),
    ("units disagree: not measurable", dict(target="≥10人", target_op=">=", target_value=10, target_unit="人",
                                          actual="16名", actual_value=16, actual_unit="名", weight=10),
     dict(direction="正向", units_comparable=False, met=None, gap_abs=None, score_computed=None,
          met_status="无法判断")),
    ("over-achieved at 130%", dict(target="≥10次", target_op=">=", target_value=10, target_unit="次",
                                  actual="13次", actual_value=13, actual_unit="次", weight=10),
     dict(met=True, is_over_achieved=True)),
    ("just under 130% is not over-achieved", dict(target="≥10次", target_op=">=", target_value=10, target_unit="次",
                                                actual="12.9次", actual_value=12.9, actual_unit="次", weight=10),
     dict(met=True, is_over_achieved=False)),
    ("qualitative partial", dict(target="全覆盖", target_label="全覆盖", actual="部分达成", actual_label="部分达成",
                                 weight=10, score=10),
     dict(direction="定性", met=False, qualitative_tier="部分达成", score_computed=None,
          score_computed_min=6, score_computed_max=8, is_canned_actual=False)),
    ("canned actual", dict(target="购买宣传材料", actual="完成指标", actual_label="完成", weight=20, score=20),
     dict(direction="定性", is_canned_actual=True, met=None, score_computed_min=16, score_computed_max=20)),
    ("actual repeats a worded target", dict(target="有效维护", actual="有效维护", weight=10),
     dict(is_canned_actual=True)),
    ("no actual: nothing computed", dict(target="≥95%", target_op=">=", target_value=95, target_unit="%", weight=10),
     dict(direction="正向", met=None, score_computed=None, gap_abs=None, is_canned_actual=False,
          lacks_deviation_reason=False)),
    ("等于 zero without actual", dict(target="=0起", target_op="=", target_value=0, target_unit="起", weight=5),
     dict(direction="等于", met=None, score_computed=None)),
    ("a repeated number is a real value", dict(target="100%", target_value=100, target_unit="%",
                                             actual="100%", actual_value=100, actual_unit="%", weight=10),
     dict(is_canned_actual=False, met=True)),
]


@pytest.mark.parametrize("case, columns, expected", INDICATOR_CASES, ids=[c[0] for c in INDICATOR_CASES])
def test_mart_indicator_reads_scores_and_compares(con, case, columns, expected):
    add_report(con, "r1")
    pid = add_project(con, "r1", 1)
    add_indicator(con, pid, 1, **columns)
    apply_views(con)
    got = one(con, "select * from mart_indicator")
    for key, value in expected.items():
        if isinstance(value, float):
            assert got[key] == pytest.approx(value), key
        else:
            assert got[key] == value, key


def test_mart_indicator_carries_agency_and_project(con):
    add_report(con, "r1", agency="区教育局", year=2023)
    pid = add_project(con, "r1", 2, name="校舍维修")
    add_indicator(con, pid, 1, target="x")
    apply_views(con)
    got = one(con, "select agency, year, project_name, project_seq, file_name from mart_indicator")
    assert got == {"agency": "区教育局", "year": 2023, "project_name": "校舍维修", "project_seq": 2,
                   "file_name": "r1.txt"}


# ---------------------------------------------------------------- mart_project

def test_mart_project_money_rates_and_scores(con):
    add_report(con, "r1")
    pid = add_project(con, "r1", 1, budget_initial=5, budget_full_year=2.48, executed=2.48,
                      execution_rate_pct=100, execution_weight=10, execution_score=None, total_score=100)
    for i, w in enumerate((20, 10, 10, 20, 20, 10, 10), start=1):
        add_indicator(con, pid, i, target="规定时间内", actual="完成指标", actual_label="完成", weight=w, score=w)
    apply_views(con)
    got = one(con, "select * from mart_project")
    assert got["execution_rate_pct_computed"] == 100
    assert got["budget_adjustment_pct_computed"] == -50.4
    assert got["unspent_share_pct_computed"] == 0
    assert got["execution_score_computed"] == 10
    assert got["indicator_weight_sum"] == 100
    assert got["weight_sum_total"] == 110
    assert got["total_weight_expected"] == 100
    assert got["indicator_score_ratio_pct"] == 100
    assert got["n_indicators"] == 7 and got["n_full_marks"] == 7 and got["n_canned_actual"] == 7
    assert got["n_not_measurable"] == 7 and got["n_met"] == 0 and got["n_missed"] == 0
    # the execution score cell is empty, so the printed parts cannot be summed
    assert got["total_score_summed"] is None
    assert got["is_uniform_perfect"] is True
    assert got["grade_band"] == "优"


def test_mart_project_recomputes_total_from_indicators(con):
    add_report(con, "r1")
    pid = add_project(con, "r1", 1, budget_full_year=100, executed=97.64, execution_rate_pct=97.64,
                      execution_weight=10, execution_score=10, total_score=98, grade="优秀")
    add_indicator(con, pid, 1, target="≥95%", target_op=">=", target_value=95, target_unit="%",
                  actual="83.1%", actual_value=83.1, actual_unit="%", weight=50, score=48)
    add_indicator(con, pid, 2, target="≤8小时", target_op="<=", target_value=8, target_unit="小时",
                  actual="6小时", actual_value=6, actual_unit="小时", weight=40, score=40)
    apply_views(con)
    got = one(con, "select * from mart_project")
    assert got["execution_score_computed"] == 9.76          # 97.64 × 10 / 100
    assert got["total_score_summed"] == 98                   # 48 + 40 + 10
    assert got["total_score_computed"] == pytest.approx(43.74 + 40 + 9.76)   # 50 × 83.1 / 95 = 43.74
    assert got["grade_band_computed"] == "优"
    assert got["n_met"] == 1 and got["n_missed"] == 1
    assert got["worst_missed"]["actual_value"] == 83.1
    assert got["grade_effective"] == "优秀" and got["grade_source"] == "项目" and got["grade_written_rank"] == 1


@pytest.mark.parametrize("score, band", [(100, "优"), (90, "优"), (89.99, "良"), (80, "良"), (79.5, "中"),
                                         (60, "中"), (59.99, "差"), (0, "差")])
def test_grade_band_bounds_are_inclusive_as_written(con, score, band):
    add_report(con, "r1")
    add_project(con, "r1", 1, total_score=score)
    apply_views(con)
    assert one(con, "select grade_band from mart_project")["grade_band"] == band


def test_project_without_own_grade_takes_the_report_grade(con):
    add_report(con, "r1", grade="优秀", total_score=95)
    add_project(con, "r1", 1, total_score=95)
    apply_views(con)
    got = one(con, "select grade, grade_effective, grade_source from mart_project")
    assert got == {"grade": None, "grade_effective": "优秀", "grade_source": "报告"}


# ---------------------------------------------------------------- mart_agency_year

def add_fengtai_like_department(con, report_id="d24", year=2024, **overrides):
    add_report(con, report_id, agency="北京市丰台区信访办公室", region="北京市丰台区", year=year,
               report_kind="mixed")
    figures = dict(budget=794.51, executed=775.77, execution_rate_pct=97.64, carryover=24.68,
                   carryover_rate_pct=3.42, basic_budget=739.46, basic_expenditure=720.84,
                   project_budget=55.05, project_expenditure=54.93)
    figures.update(overrides)
    add_department(con, report_id, **figures)


def test_mart_agency_year_rates_and_carryover_basis(con):
    add_fengtai_like_department(con)
    scored_project(con, "d24", seq=1, total_score=100)
    scored_project(con, "d24", seq=2, total_score=90, scores=(20, 20, 20, 10, 10), execution_score=10)
    apply_views(con)
    got = one(con, "select * from mart_agency_year")
    assert got["agency"] == "北京市丰台区信访办公室"
    assert got["budget_source"] == "部门"
    assert got["execution_rate_pct"] == 97.64
    assert got["execution_rate_pct_computed"] == 97.64
    assert got["carryover_rate_pct"] == 3.42
    assert got["carryover_rate_pct_computed"] == 3.11
    assert got["carryover_denominator_label"] == "支出预算数"
    assert got["carryover_rate_printed_basis"] == "基本支出"
    assert got["projects"] == 2 and got["reports"] == 1
    assert got["mean_score"] == 95 and got["median_score"] == 95 and got["min_score"] == 90
    assert got["share_projects_at_100_pct"] == 50
    assert got["share_uniform_perfect_pct"] == 50
    assert got["carryover_denominator_value"] == 794.51
    assert got["share_indicators_full_marks_pct"] == 90      # 9 of 10 indicators
    assert got["flags_high"] >= 1 and got["flags_total"] == got["flags_high"] + got["flags_medium"] + got["flags_low"]


def test_mart_agency_year_year_over_year(con):
    add_fengtai_like_department(con, "d23", year=2023, budget=600, executed=540, carryover=20)
    add_fengtai_like_department(con, "d24", year=2024, budget=794.51, executed=775.77, carryover=24.68)
    add_fengtai_like_department(con, "d26", year=2026, budget=800, executed=700, carryover=30)
    apply_views(con)
    got = {r["year"]: r for r in rows(con, "select * from mart_agency_year order by year")}
    assert got[2023]["prev_year"] is None
    assert got[2024]["prev_year"] == 2023
    assert got[2024]["budget_yoy_pct"] == 32.42               # (794.51 − 600) / 600
    assert got[2024]["execution_rate_yoy_pp"] == 7.64         # 97.64 − 90
    assert got[2024]["carryover_yoy_pct"] == 23.4             # (24.68 − 20) / 20
    assert got[2026]["prev_year"] is None and got[2026]["budget_yoy_pct"] is None   # 2025 is missing


def test_mart_agency_year_falls_back_to_project_sums(con):
    add_report(con, "r1")
    add_project(con, "r1", 1, budget_full_year=10, executed=8)
    add_project(con, "r1", 2, budget_full_year=30, executed=30)
    apply_views(con)
    got = one(con, "select budget, executed, budget_source, execution_rate_pct_computed from mart_agency_year")
    assert got == {"budget": 40, "executed": 38, "budget_source": "项目合计", "execution_rate_pct_computed": 95}


def test_canonical_agency_groups_names_as_written(con):
    insert(con, "agencies", {"agency_id": "a1", "canonical_name": "北京市丰台区信访办公室", "region": "北京市丰台区"})
    add_report(con, "r23", agency="丰台区信访办", agency_id="a1", year=2023)
    add_report(con, "r24", agency="区信访办", agency_id="a1", year=2024)
    add_report(con, "r24b", agency="某某局", year=2024)
    apply_views(con)
    got = rows(con, "select agency_key, agency, year from mart_agency_year order by agency_key, year")
    assert got == [{"agency_key": "a1", "agency": "北京市丰台区信访办公室", "year": 2023},
                   {"agency_key": "a1", "agency": "北京市丰台区信访办公室", "year": 2024},
                   {"agency_key": "某某局", "agency": "某某局", "year": 2024}]


# ---------------------------------------------------------------- mart_score_distribution

def test_mart_score_distribution_counts_every_band(con):
    add_report(con, "r1")
    for seq, score in enumerate((100, 95, 85, 59), start=1):
        add_project(con, "r1", seq, total_score=score)
    add_project(con, "r1", 9, total_score=None)
    apply_views(con)
    got = rows(con, "select band, projects, share_pct, projects_scored from mart_score_distribution order by band_rank")
    assert got == [{"band": "优", "projects": 2, "share_pct": 50.0, "projects_scored": 4},
                   {"band": "良", "projects": 1, "share_pct": 25.0, "projects_scored": 4},
                   {"band": "中", "projects": 0, "share_pct": 0.0, "projects_scored": 4},
                   {"band": "差", "projects": 1, "share_pct": 25.0, "projects_scored": 4}]


# ---------------------------------------------------------------- mart_department

def test_mart_department_rates_and_component_sums(con):
    add_fengtai_like_department(con, personnel_expenditure=600, public_expenditure=120.84)
    apply_views(con)
    got = one(con, "select * from mart_department")
    assert got["execution_rate_pct_computed"] == 97.64
    assert got["unspent_computed"] == 18.74
    assert got["budget_final_diff_rate_pct_computed"] == 2.36
    assert got["carryover_rate_pct_computed"] == 3.11 and got["carryover_rate_printed_basis"] == "基本支出"
    assert got["expenditure_parts_sum"] == 775.77
    assert got["basic_parts_sum"] == 720.84
    assert got["budget_parts_sum"] == 794.51
    assert got["execution_rate_tolerance"] == pytest.approx(0.007)
    assert got["budget_initial"] is None and got["budget_adjustment_computed"] is None


def test_mart_department_budget_adjustment_from_the_initial_budget(con):
    add_fengtai_like_department(con, budget_initial=700.0)
    apply_views(con)
    got = one(con, "select budget_initial, budget, budget_adjustment_computed, budget_adjustment_pct_computed "
                   "from mart_department")
    assert got == {"budget_initial": 700.0, "budget": 794.51, "budget_adjustment_computed": 94.51,
                   "budget_adjustment_pct_computed": 13.5}


def test_switching_between_tables_and_views_in_one_database(con):
    add_report(con, "r1")
    add_project(con, "r1", 1, total_score=95)
    apply_views(con)
    apply_views(con, materialize=False)
    kinds = dict(con.execute("select table_name, table_type from information_schema.tables "
                             "where table_name in ('mart_project', 'stg_projects')").fetchall())
    assert kinds == {"mart_project": "VIEW", "stg_projects": "VIEW"}
    assert one(con, "select grade_band from mart_project")["grade_band"] == "优"
    apply_views(con)
    kinds = dict(con.execute("select table_name, table_type from information_schema.tables "
                             "where table_name = 'mart_project'").fetchall())
    assert kinds == {"mart_project": "BASE TABLE"}
