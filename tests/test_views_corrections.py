"""Analyst corrections (issue 6 item 3): the staging views overlay the newest correction of each field,
every mart shows the corrected value with an is_corrected marker, and corrections survive a re-load
that gives the report a new id (they are keyed by file name and sequence numbers, not by content hash)."""
from __future__ import annotations

from datetime import datetime

import pytest

from loaders.views import apply_views, correction_key
from tests.test_views_marts import (
    add_correction, add_department, add_indicator, add_project, add_report, make_db, one, rows, scored_project,
)


@pytest.fixture
def con():
    db = make_db()
    yield db
    db.close()


def test_project_correction_shows_in_marts_and_flags(con):
    add_report(con, "r1")
    scored_project(con, "r1", seq=1, name="宣传经费", total_score=95)      # printed 95 ≠ summed 100
    add_correction(con, 1, "project", correction_key("project", "r1.txt", 1), "total_score", "100", old_value="95")
    apply_views(con)
    got = one(con, "select total_score, is_corrected, corrected_fields, is_uniform_perfect from mart_project")
    assert got == {"total_score": 100, "is_corrected": True, "corrected_fields": ["total_score"],
                   "is_uniform_perfect": True}
    assert rows(con, "select * from mart_flags where rule_id = 'total_mismatch'") == []
    assert one(con, "select is_corrected from mart_agency_year")["is_corrected"] is True


def test_newest_correction_wins(con):
    add_report(con, "r1")
    add_project(con, "r1", 1, budget_full_year=10, executed=5)
    key = correction_key("project", "r1.txt", 1)
    add_correction(con, 1, "project", key, "executed", "9", created_at=datetime(2025, 3, 1))
    add_correction(con, 2, "project", key, "executed", "8", created_at=datetime(2025, 3, 2))
    add_correction(con, 3, "project", key, "executed", "7", created_at=datetime(2025, 2, 1))
    apply_views(con)
    got = one(con, "select executed, execution_rate_pct_computed from mart_project")
    assert got == {"executed": 8, "execution_rate_pct_computed": 80}


def test_indicator_correction_with_parsed_companions_changes_met(con):
    add_report(con, "r1")
    pid = add_project(con, "r1", 2)
    add_indicator(con, pid, 3, target="≥95%", target_op=">=", target_value=95, target_unit="%",
                  actual="83.1%", actual_value=83.1, actual_unit="%", weight=10, score=10)
    key = correction_key("indicator", "r1.txt", 2, 3)
    add_correction(con, 1, "indicator", key, "actual", "96%")
    add_correction(con, 2, "indicator", key, "actual_value", "96")
    apply_views(con)
    got = one(con, "select actual, actual_value, met, is_corrected, corrected_fields from mart_indicator")
    assert got == {"actual": "96%", "actual_value": 96, "met": True, "is_corrected": True,
                   "corrected_fields": ["actual", "actual_value"]}
    assert one(con, "select is_corrected from mart_project")["is_corrected"] is True


def test_report_correction_moves_the_report_to_another_year(con):
    add_report(con, "r1", year=2023)
    add_project(con, "r1", 1, total_score=90)
    add_correction(con, 1, "report", "r1.txt", "year", "2024")
    apply_views(con)
    assert [r["year"] for r in rows(con, "select year from mart_agency_year")] == [2024]
    assert one(con, "select year from mart_project")["year"] == 2024


def test_department_correction_and_null_value(con):
    add_report(con, "d1")
    add_department(con, "d1", budget=100, executed=90, execution_rate_pct=95)
    add_correction(con, 1, "department", "d1.txt", "execution_rate_pct", None)   # the printed rate was misread
    apply_views(con)
    assert rows(con, "select * from mart_flags where rule_id = 'rate_mismatch'") == []
    got = one(con, "select execution_rate_pct, execution_rate_pct_computed from mart_agency_year")
    assert got == {"execution_rate_pct": None, "execution_rate_pct_computed": 90}


def test_corrections_survive_a_reload_with_a_new_report_id(con):
    add_report(con, "old", file_name="丰台2024.txt")
    add_project(con, "old", 1, name="误读的名称")
    add_correction(con, 1, "project", correction_key("project", "丰台2024.txt", 1), "name", "信访工作经费")
    apply_views(con)
    assert one(con, "select name from mart_project")["name"] == "信访工作经费"
    # the file changed and was re-loaded: new content hash, new ids, the old rows gone
    con.execute("delete from projects; delete from reports")
    add_report(con, "new", file_name="丰台2024.txt")
    add_project(con, "new", 1, name="误读的名称")
    apply_views(con)
    got = one(con, "select project_id, name, is_corrected from mart_project")
    assert got == {"project_id": "new:1", "name": "信访工作经费", "is_corrected": True}


def test_a_correction_for_another_file_changes_nothing(con):
    add_report(con, "r1")
    add_project(con, "r1", 1, name="甲")
    add_correction(con, 1, "project", correction_key("project", "other.txt", 1), "name", "乙")
    apply_views(con)
    assert one(con, "select name, is_corrected from mart_project") == {"name": "甲", "is_corrected": False}
