"""AppTest smoke tests: every page of the dashboard renders its Chinese title and real numbers.

The database is tests/dashboard_fixture.py (hand-made raw rows → the project's real
views), so these tests also catch a mismatch between the dashboard's SQL and the
marts' columns. Expected numbers are recomputed here from the raw rows.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.format import fmt_wan
from tests.dashboard_fixture import AGENCIES, EXPECTED, YEARS
from tests.dashboard_apptest import fixture_db, figures, metric, open_page, raw, url_values, values  # noqa: F401

def test_overview_kpis_and_charts(fixture_db):
    at = open_page()
    assert [t.value for t in at.title] == ["总览"]
    assert metric(at, "单位数") == str(len(AGENCIES))
    assert metric(at, "报告数") == str(EXPECTED["reports"])
    budget = raw(fixture_db, "select sum(budget) from department_budgets")[0][0]
    executed = raw(fixture_db, "select sum(executed) from department_budgets")[0][0]
    assert metric(at, "预算总额") == fmt_wan(budget)
    assert metric(at, "加权执行率") == f"{executed / budget * 100:.1f}%"
    perfect = raw(fixture_db, "select avg(case when total_score >= 100 then 100.0 else 0 end) from projects")[0][0]
    assert metric(at, "满分项目占比") == f"{perfect:.1f}%"
    hist, scatter, trend = figures(at)
    assert sum(values(hist["data"][0]["y"])) == EXPECTED["projects"]
    assert {shape["x0"] for shape in hist["layout"]["shapes"]} == {90, 80, 60}       # grade-band lines
    points = scatter["data"][1]
    assert len(values(points["x"])) == len(AGENCIES) * len(YEARS)
    assert scatter["data"][0]["fill"] == "toself"                                     # "score above money" zone
    assert [int(x) for x in values(trend["data"][0]["x"])] == list(YEARS)
    assert not at.warning, "fixture data is not demo data: no demo banner expected"
    # every chart carries the exports' buttons (PNG / PDF / SVG / CSV / XLSX)
    labels = [b.proto.label for b in at.get("download_button")]
    assert sum(label.startswith("CSV") for label in labels) == 3, labels
    assert f"生成{max(YEARS)}年度汇总报告（Word）" in labels                        # the sidebar's annual report


def test_sidebar_filters_come_from_and_go_to_the_url(fixture_db):
    at = open_page(year="2024")
    assert metric(at, "报告数") == str(len(AGENCIES))
    assert url_values(at, "year") == ["2024"]
    at.sidebar.multiselect[0].select(2023).run()
    assert url_values(at, "year") == ["2023", "2024"]
    assert metric(at, "报告数") == str(2 * len(AGENCIES))


def test_sidebar_lists_a_bounded_set_of_agencies_narrowed_by_region(fixture_db, monkeypatch):
    from dashboard import queries

    monkeypatch.setattr(queries, "AGENCY_OPTIONS_LIMIT", 2)
    linked = sorted(a[1] for a in AGENCIES)[-1]                # beyond the first two: kept from the URL
    at = open_page(agency_filter=linked)
    box = next(m for m in at.sidebar.multiselect if m.label == "单位")
    assert box.value == [linked] and len(box.options) == 3
    assert any(f"单位共 {len(AGENCIES)} 个，列表只列出前 2 个" in c.value for c in at.sidebar.caption)
    assert metric(at, "单位数") == "1"
    at = open_page()
    next(m for m in at.sidebar.multiselect if m.label == "地区").select("湖南省衡阳市南岳区").run()
    box = next(m for m in at.sidebar.multiselect if m.label == "单位")
    assert box.options == [a[1] for a in AGENCIES if a[2] == "湖南省衡阳市南岳区"]


def test_compare_ranks_every_agency_with_year_over_year_change(fixture_db):
    at = open_page("compare")
    assert at.title[0].value == "单位对比"
    ranking, heatmap = figures(at)
    assert len(values(ranking["data"][0]["y"])) == len(AGENCIES)
    table = at.dataframe[0].value
    assert len(table) == len(AGENCIES)
    assert table["previous"].notna().all()        # the latest year has a previous year for everyone
    assert (table["change"] - (table["value"] - table["previous"])).abs().max() < 1e-9
    assert heatmap["data"][0]["z"]["shape"].replace(" ", "") == f"{len(AGENCIES)},{len(YEARS)}"
    assert len(heatmap["data"][0]["y"]) == len(AGENCIES)


def test_trend_shows_agencies_across_years_and_printed_vs_computed(fixture_db):
    at = open_page("trend")
    assert at.title[0].value == "年度趋势"
    lines, printed = figures(at)
    assert len(lines["data"]) == len(AGENCIES)
    assert all(len(values(trace["x"])) == len(YEARS) for trace in lines["data"])
    rates = at.dataframe[0].value
    assert len(rates) == EXPECTED["reports"]
    printed_rates = sorted(r[0] for r in raw(fixture_db, "select execution_rate_pct from department_budgets"))
    assert sorted(rates["execution_rate_pct"].round(2)) == printed_rates


def test_scores_page_counts_every_scored_project(fixture_db):
    at = open_page("scores")
    assert at.title[0].value == "评分分布"
    (bands,) = figures(at)
    assert sum(sum(values(trace["y"])) for trace in bands["data"]) == EXPECTED["projects"]
    table = at.dataframe[0].value
    assert table["projects"].sum() == EXPECTED["projects"]
    perfect_agency = table[table["agency"] == AGENCIES[0][1]]
    assert (perfect_agency["share_100_pct"] == 100).all()


def test_targets_page_lists_missed_and_over_achieved_indicators(fixture_db):
    at = open_page("targets")
    assert at.title[0].value == "目标与实际"
    (status,) = figures(at)
    assert sum(sum(values(trace["y"])) for trace in status["data"]) == EXPECTED["indicators"]
    missed, over = at.dataframe[0].value, at.dataframe[1].value
    assert set(missed["agency"]) == {EXPECTED["missed_indicator"]}
    assert (missed["gap_pct"] < 0).all()
    assert set(over["agency"]) == {AGENCIES[1][1]}            # 教委 distributes 150% of plan


def test_flags_page_lists_every_flag_most_severe_first(fixture_db):
    at = open_page("flags")
    assert at.title[0].value == "异常识别"
    total = raw(fixture_db, "select count(*) from mart_flags")[0][0]
    table = at.dataframe[1].value
    assert len(table) == min(total, 200)
    assert table["severity_label"].iloc[0] == "高"
    assert table["link"].str.startswith("./detail?").all()
    at.multiselect(key="flags_severity").select("low").run()
    lows = raw(fixture_db, "select count(*) from mart_flags where severity = 'low'")[0][0]
    if lows:
        assert set(at.dataframe[1].value["severity_label"]) == {"低"}
    else:
        assert any("没有" in i.value or "没有数据" in i.value for i in at.info)


def test_data_page_shows_the_load_log_with_failures(fixture_db):
    at = open_page("data")
    assert at.title[0].value == "数据"
    log = at.dataframe[0].value
    assert len(log) == EXPECTED["reports"] + 1
    failed = log[log["status"] == "失败"]
    assert list(failed["file_name"]) == ["broken.pdf"] and "OCR" in failed["error"].iloc[0]


def test_report_text_is_never_rendered_as_html():
    sources = list(Path(__file__).resolve().parent.parent.joinpath("dashboard").rglob("*.py"))
    offenders = [p.name for p in sources if "unsafe_allow_html" in p.read_text(encoding="utf-8")
                 and "exporting" not in p.parts]
    assert sources and offenders == []


def test_overview_scatter_keeps_the_largest_budgets_and_says_how_many_there_were(fixture_db, monkeypatch):
    from dashboard import queries

    monkeypatch.setattr(queries, "SCATTER_POINTS", 2)
    at = open_page()
    scatter = figures(at)[1]
    total = raw(fixture_db, "select count(*) from mart_agency_year where execution_rate_pct_computed is not null "
                            "and mean_score is not null")[0][0]
    assert f"预算最大的 2 个单位年度（共 {total} 个）" in scatter["layout"]["title"]["text"]
    largest = raw(fixture_db, "select execution_rate_pct_computed from mart_agency_year where execution_rate_pct_computed "
                              "is not null and mean_score is not null order by budget desc limit 2")
    assert sorted(values(scatter["data"][1]["x"])) == pytest.approx(sorted(r[0] for r in largest))


def test_overview_lists_the_most_urgent_flags_with_links(fixture_db):
    at = open_page()
    urgent = at.dataframe[0].value
    highs = raw(fixture_db, "select count(*) from mart_flags where severity = 'high'")[0][0]
    assert len(urgent) == min(5, highs) and urgent["link"].str.startswith("./detail?").all()


def test_serve_builds_a_missing_database_from_demo_reports_and_it_is_marked_demo(tmp_path, monkeypatch):
    from dashboard.serve import build_demo_database

    demo = tmp_path / "data" / "demo"
    demo.mkdir(parents=True)
    for report in sorted((Path(__file__).resolve().parent.parent / "data" / "demo").glob("*_project_*.txt"))[:2]:
        (demo / report.name).write_bytes(report.read_bytes())
    db = tmp_path / "built.duckdb"
    assert build_demo_database(db, demo) == 0 and db.exists()
    monkeypatch.setenv("PERFDASH_DB", str(db))
    at = open_page()
    assert any("演示数据" in w.value for w in at.warning)
    assert metric(at, "报告数") == "2"


# Last in this module: empty_db points $PERFDASH_DB at an empty database until the module ends.
@pytest.mark.parametrize("page", ["overview", "compare", "trend", "scores", "targets", "flags", "detail", "data"])
def test_an_empty_database_shows_no_data_messages_not_errors(page, empty_db):
    at = open_page(None if page == "overview" else page)
    assert at.title and not at.exception
    assert any("没有" in message.value for message in at.info)


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    import duckdb

    from loaders.db import ensure_schema
    from loaders.views import apply_views

    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    con = duckdb.connect(str(path))
    ensure_schema(con)
    apply_views(con)
    con.close()
    previous = os.environ.get("PERFDASH_DB")
    os.environ["PERFDASH_DB"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("PERFDASH_DB", None)
    else:
        os.environ["PERFDASH_DB"] = previous
