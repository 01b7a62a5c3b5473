"""The column contract the dashboard reads (issue 3): every mart has its listed columns, and every
model of queries/ is created by apply_views with a header naming grain, inputs and outputs."""
from __future__ import annotations

import re

import pytest

from loaders.paths import QUERIES_DIR
from loaders.views import DASHBOARD_MARTS, VIEW_ORDER, apply_views, correction_key, mart_columns
from tests.test_views_marts import make_db

# The flag rule ids of issue 3 — a contract with the dashboard and the exports.
FLAG_RULE_IDS = (
    "uniform_perfect", "canned_actual", "score_above_money", "missed_target_full_marks",
    "missed_target_top_grade", "weights_not_100", "score_over_weight", "total_mismatch", "rate_mismatch",
    "components_mismatch", "grade_band_mismatch", "midyear_cut_full_execution", "unspent_over_20pct",
    "low_execution", "peer_outlier", "yoy_jump", "copied_report", "duplicate_indicator_table",
)

CONTRACT = {
    "mart_agency_year": [
        "agency_key", "agency", "region", "year", "reports", "projects", "budget", "executed",
        "execution_rate_pct", "execution_rate_pct_computed", "carryover", "carryover_rate_pct",
        "carryover_rate_pct_computed", "carryover_denominator_label", "mean_score", "median_score", "min_score",
        "share_projects_at_100_pct", "share_indicators_full_marks_pct", "flags_high", "flags_medium", "flags_low",
        "budget_yoy_pct", "executed_yoy_pct", "execution_rate_yoy_pp", "carryover_yoy_pct", "mean_score_yoy",
        "is_corrected",
    ],
    "mart_project": [
        "project_id", "report_id", "agency_key", "agency", "region", "year", "name", "budget_initial",
        "budget_full_year", "executed", "execution_rate_pct", "execution_rate_pct_computed", "execution_score",
        "execution_score_computed", "total_score", "total_score_computed", "grade", "grade_band",
        "grade_band_computed", "n_met", "n_missed", "n_not_measurable", "is_corrected",
    ],
    "mart_indicator": [
        "indicator_id", "project_id", "report_id", "agency_key", "agency", "year", "level1", "level2", "name",
        "target", "actual", "target_op", "target_value", "target_unit", "target_label", "actual_op",
        "actual_value", "actual_unit", "actual_label", "direction", "gap_abs", "gap_pct", "met", "weight",
        "score", "score_computed", "is_full_marks", "is_canned_actual", "is_corrected",
    ],
    "mart_score_distribution": ["agency_key", "agency", "region", "year", "band_rank", "band", "projects"],
    "mart_flags": [
        "flag_id", "rule_id", "severity", "agency_key", "agency", "year", "report_id", "project_id",
        "indicator_id", "explanation",
    ],
}


@pytest.fixture(scope="module")
def columns():
    con = make_db()
    apply_views(con)
    yield mart_columns(con)
    con.close()


@pytest.mark.parametrize("mart", DASHBOARD_MARTS)
def test_mart_has_the_contract_columns(columns, mart):
    missing = [c for c in CONTRACT[mart] if c not in columns[mart]]
    assert missing == []


@pytest.mark.parametrize("folder, name", VIEW_ORDER)
def test_every_model_file_has_a_header_naming_grain_inputs_outputs(folder, name):
    text = (QUERIES_DIR / folder / f"{name}.sql").read_text(encoding="utf-8")
    assert text.startswith(f"-- {name}:")
    for word in ("-- grain:", "-- inputs:", "-- outputs:"):
        assert word in text, f"{name} lacks {word}"
    assert re.search(r"select \* from final\s*$", text), f"{name} should end with select * from final"


def test_every_sql_file_is_in_the_order():
    files = {(p.parent.name, p.stem) for p in QUERIES_DIR.glob("*/*.sql")}
    assert files == set(VIEW_ORDER)


def test_both_modes_give_the_same_columns():
    con = make_db()
    apply_views(con, materialize=False)
    plain = mart_columns(con)
    con.close()
    con = make_db()
    apply_views(con)
    assert mart_columns(con) == plain


@pytest.mark.parametrize("args, key", [
    (("report", "a.txt"), "a.txt"),
    (("department", "a.txt"), "a.txt"),
    (("project", "a.txt", 2), "a.txt/2"),
    (("indicator", "a.txt", 2, 5), "a.txt/2/5"),
])
def test_correction_key(args, key):
    assert correction_key(*args) == key


def test_correction_key_refuses_paths_and_missing_seq():
    with pytest.raises(ValueError):
        correction_key("report", "dir/a.txt")
    with pytest.raises(ValueError):
        correction_key("indicator", "a.txt", 2)


def test_models_read_through_the_dashboard_reader(tmp_path):
    """The dashboard attaches the file read-only under another catalog: staging views and macros still resolve."""
    import duckdb

    from loaders.db import connect_reader
    from tests.test_views_marts import SCHEMA_SQL, add_project, add_report

    path = tmp_path / "p.duckdb"
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_SQL)
    add_report(con, "r1")
    add_project(con, "r1", 1, name="甲", budget_full_year=100, executed=50)
    apply_views(con)
    con.close()
    reader = connect_reader(path)
    assert reader.execute("select explanation from mart_flags where rule_id = 'low_execution'").fetchall() == [
        ("项目“甲”预算执行率50%，低于80%",)]
    assert reader.execute("select count(*) from stg_reports").fetchall() == [(1,)]
