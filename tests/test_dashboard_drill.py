"""Drill-down: a flag opens its project and indicator; every level has a stable URL; corrections stick."""
from __future__ import annotations

import shutil

import pytest

from dashboard.drill import detail_params, detail_url
from tests.dashboard_apptest import fixture_db, open_page, raw  # noqa: F401
from tests.dashboard_fixture import AGENCIES, EXPECTED


def facts(at) -> dict[str, str]:
    """The 项目/值 table of the detail page as a dict."""
    for df in at.dataframe:
        table = df.value
        if list(table.columns) == ["项目", "值"]:
            return dict(zip(table["项目"], table["值"]))
    raise AssertionError("no facts table on the page")


def test_flag_opens_its_indicator_with_the_source_line(fixture_db):
    at = open_page("flags")
    at.multiselect(key="flags_rules").select("missed_target_full_marks").run()
    flag = at.dataframe[1].value.iloc[0]
    assert flag["rule"] == "未达目标仍满分"
    at.button(key="flags_go").click().run()
    assert not at.exception
    assert at.title[0].value == "明细"
    indicator_id = at.query_params["indicator"]
    indicator_id = indicator_id if isinstance(indicator_id, str) else indicator_id[0]
    expected = raw(fixture_db, "select indicator_id, actual, target from indicators i join reports r using (report_id) "
                               "where r.agency = ? and i.name = '群众满意度' order by indicator_id",
                   [EXPECTED["missed_indicator"]])
    row = next(r for r in expected if r[0] == indicator_id)
    shown = facts(at)
    assert shown["实际完成值"] == row[1] and shown["年度指标值"] == row[2]
    assert shown["是否达成"] == "未达成"
    snippets = [c.value for c in at.code]
    assert any("群众满意度" in s and row[1] in s for s in snippets)       # the table line it came from
    for level in ("agency", "report", "project"):                        # parents filled into the URL
        assert at.query_params[level]


def test_a_shared_indicator_url_restores_every_level(fixture_db):
    indicator_id = raw(fixture_db, "select indicator_id from indicators order by indicator_id limit 1")[0][0]
    project_id = indicator_id.rsplit(":", 1)[0]
    at = open_page("detail", indicator=indicator_id)
    boxes = {box.label: box.value for box in at.selectbox}
    assert boxes["指标"] == indicator_id and boxes["项目"] == project_id
    assert boxes["报告"] == project_id.split(":")[0]
    assert facts(at)["三级指标"] == raw(fixture_db, "select name from indicators where indicator_id = ?",
                                      [indicator_id])[0][0]


def test_choosing_level_by_level_lists_projects_then_indicators(fixture_db):
    at = open_page("detail")
    assert len(at.dataframe[0].value) == len(AGENCIES)
    agency_box = next(b for b in at.selectbox if b.label == "单位")
    agency_box.select(agency_box.options[0]).run()
    report_box = next(b for b in at.selectbox if b.label == "报告")
    report_box.select(report_box.options[0]).run()
    project_box = next(b for b in at.selectbox if b.label == "项目")
    assert len(project_box.options) == 2
    project_box.select(project_box.options[0]).run()
    indicators = next(df.value for df in at.dataframe if "target" in df.value.columns)
    assert len(indicators) == 4
    assert at.query_params["project"]


def test_html_looking_agency_name_is_kept_as_plain_text(fixture_db):
    at = open_page("detail")
    agency_box = next(b for b in at.selectbox if b.label == "单位")
    assert AGENCIES[3][1] in agency_box.options
    assert all("<script>" not in m.value for m in at.markdown)


def test_a_correction_is_stored_and_shown_as_corrected(fixture_db, tmp_path, monkeypatch):
    copy = tmp_path / "corrected.duckdb"
    shutil.copyfile(fixture_db, copy)
    monkeypatch.setenv("PERFDASH_DB", str(copy))
    indicator_id = raw(copy, "select indicator_id from indicators where name = '群众满意度' "
                             "order by indicator_id limit 1")[0][0]
    at = open_page("detail", indicator=indicator_id)
    form_inputs = {t.label: t for t in at.text_input}
    next(b for b in at.selectbox if b.label == "字段").select("actual")
    form_inputs["更正后的值"].input("99%")
    form_inputs["更正理由（必填）"].input("原表录入错误，以决算为准")
    form_inputs["更正人（必填）"].input("张分析")
    at.button[0].click().run()
    assert not at.exception and at.success
    stored = raw(copy, "select field, old_value, new_value, reason, author from corrections order by correction_id")
    assert stored[0][0] == "actual" and stored[0][2] == "99%" and stored[0][4] == "张分析"
    assert ("actual_value", None, "99") in [(f, o, n) for f, o, n, _, _ in stored]
    at = open_page("detail", indicator=indicator_id)
    shown = facts(at)
    assert shown["实际完成值"] == "99%" and "actual" in shown["已更正字段"]
    at = open_page("detail", project=indicator_id.rsplit(":", 1)[0])       # and marked in the project's list
    table = next(df.value for df in at.dataframe if "is_corrected" in df.value.columns)
    assert table.loc[table["actual"] == "99%", "is_corrected"].tolist() == [True]
    assert table["is_corrected"].sum() == 1


@pytest.mark.parametrize("row, expected", [
    ({"report_id": "r1", "project_id": "r1:2", "indicator_id": None}, "./detail?report=r1&project=r1%3A2"),
    ({"report_id": None, "project_id": None, "indicator_id": None, "agency_key": "a b"}, "./detail?agency=a+b"),
])
def test_detail_links_name_the_deepest_level(row, expected):
    assert detail_url(row) == expected
    assert set(detail_params(row)) <= {"agency", "report", "project", "indicator"}


def test_a_report_shows_its_department_money_printed_and_recomputed(fixture_db):
    from dashboard.format import fmt_pct, fmt_wan
    from tests.dashboard_fixture import report_id

    rid = report_id("wj", 2024)
    initial, budget, executed, rate = raw(fixture_db, "select budget_initial, budget, executed, execution_rate_pct "
                                                      "from department_budgets where report_id = ?", [rid])[0]
    at = open_page("detail", report=rid)
    tables = [df.value for df in at.dataframe if list(df.value.columns) == ["项目", "值"]]
    department = dict(zip(tables[1]["项目"], tables[1]["值"]))
    assert department["年初预算数"] == fmt_wan(initial) and department["全年预算数"] == fmt_wan(budget)
    assert department["预算调整额（重算）"] == fmt_wan(budget - initial)
    assert department["执行数"] == fmt_wan(executed)
    assert department["执行率（报告）"] == fmt_pct(rate)
    assert department["执行率（重算）"] == fmt_pct(executed / budget * 100)
    projects = next(df.value for df in at.dataframe if "total_score_computed" in df.value.columns)
    assert len(projects) == 2


def test_a_shared_link_opens_an_agency_beyond_the_listed_ones(fixture_db, monkeypatch):
    from dashboard import detail_queries

    monkeypatch.setattr(detail_queries, "AGENCY_LIST_LIMIT", 1)
    last_report = raw(fixture_db, "select report_id from reports where agency is not null "
                                  "order by agency desc, report_id limit 1")[0][0]
    at = open_page("detail", report=last_report)
    boxes = {box.label: box for box in at.selectbox}
    assert boxes["报告"].value == last_report
    assert len(boxes["单位"].options) == 1                      # only the linked agency is listed …
    at = open_page("detail")
    assert any(f"共 {len(AGENCIES)} 个单位，列表只列出前 1 个" in c.value for c in at.caption)   # … and the page says so
