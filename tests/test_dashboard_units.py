"""Number formats, pure chart builders, filters as bound parameters, the serve command's pieces."""
from __future__ import annotations

import os

import duckdb
import pandas as pd
import pytest

from dashboard import charts
from dashboard.db import FULL, Filters, where_clause
from dashboard.format import escape_markdown, fmt_pct, fmt_pct_change, fmt_score, fmt_wan
from dashboard.serve import streamlit_command


@pytest.mark.parametrize("value, text", [
    (794.51, "794.51 万元"), (2.48, "2.48 万元"), (9999.994, "9,999.99 万元"),
    (10000, "1.00 亿元"), (123456.789, "12.35 亿元"), (None, "—"), (float("nan"), "—"),
])
def test_money_in_wan_with_two_decimals_and_yi_when_large(value, text):
    assert fmt_wan(value) == text


@pytest.mark.parametrize("value, text", [(97.64, "97.6%"), (3.42, "3.4%"), (100, "100.0%"), (None, "—")])
def test_percent_with_one_decimal(value, text):
    assert fmt_pct(value) == text


def test_scores_and_changes():
    assert fmt_score(95) == "95" and fmt_score(95.5) == "95.5" and fmt_score(None) == "—"
    assert fmt_pct_change(2.345) == "+2.3 个百分点" and fmt_pct_change(-1) == "-1.0 个百分点"


def test_markdown_escape_shows_report_text_literally():
    assert escape_markdown("**区**[a](b)") == r"\*\*区\*\*\[a\]\(b\)"


def test_filters_are_bound_parameters_never_sql_text():
    hostile = "'; drop table reports; --"
    sql, params = where_clause(Filters(years=(2024,), agencies=(hostile,)), FULL)
    assert hostile not in sql and params == [[2024], [hostile]]
    con = duckdb.connect()
    con.execute("create table reports (agency varchar, year integer, region varchar, report_kind varchar)")
    con.execute("insert into reports values (?, 2024, '丰台', 'project'), ('甲', 2024, '丰台', 'project')", [hostile])
    assert con.execute(f"select count(*) from reports {sql}", params).fetchall() == [(1,)]
    assert con.execute("select count(*) from reports").fetchall() == [(2,)]


def test_empty_filters_restrict_nothing():
    assert where_clause(Filters(), FULL) == ("where true", [])


def test_histogram_has_grade_band_lines_and_cjk_font():
    df = pd.DataFrame({"score_bin": [80.0, 95.0], "projects": [3, 7]})
    fig = charts.fig_score_histogram(df, title="得分分布")
    assert [s.x0 for s in fig.layout.shapes] == [90, 80, 60]
    assert list(fig.data[0].y) == [3, 7]
    assert "Noto Sans CJK SC" in fig.layout.font.family
    assert fig.layout.title.text == "得分分布"


def test_score_above_money_zone_lies_above_the_margin_line():
    df = pd.DataFrame({"agency": ["甲", "乙"], "year": [2024, 2024],
                       "execution_rate_pct": [60.0, 98.0], "score_mean": [95.0, 96.0]})
    fig = charts.fig_execution_vs_score(df, title="t")
    zone = fig.data[0]
    assert zone.fill == "toself"
    # every vertex of the zone satisfies score >= execution + margin
    assert all(y >= x + charts.SCORE_ABOVE_MONEY_MARGIN - 1e-9 for x, y in zip(zone.x, zone.y))
    assert list(fig.data[1].x) == [60.0, 98.0]


def test_heatmap_and_ranking_keep_every_agency():
    df = pd.DataFrame({"agency": ["甲", "甲", "乙"], "year": [2023, 2024, 2024], "value": [90.0, 95.0, 70.0]})
    heat = charts.fig_heatmap(df, title="t", value="value", value_label="执行率")
    assert list(heat.data[0].y) == ["乙", "甲"] and list(heat.data[0].x) == ["2023", "2024"]
    rank = charts.fig_ranking(df[df.year == 2024], title="t", value="value", value_label="执行率")
    assert list(rank.data[0].y) == ["乙", "甲"]          # best at the top of a horizontal bar chart


def test_target_gaps_stack_by_status():
    df = pd.DataFrame({"category": ["数量指标", "数量指标", "满意度指标"], "status": ["达成", "未达成", "无法判断"],
                       "indicators": [5, 2, 1]})
    fig = charts.fig_target_gaps(df)
    assert {t.name: sum(t.y) for t in fig.data} == {"达成": 5, "未达成": 2, "无法判断": 1}


def test_serve_runs_streamlit_headless_on_the_port():
    cmd = streamlit_command(8765)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith(os.path.join("dashboard", "streamlit_app.py"))
    assert "--server.headless=true" in cmd and "--server.port=8765" in cmd


def test_two_agencies_with_one_name_are_told_apart_by_region():
    from dashboard.db import labelled
    from loaders.views import view_sql

    con = duckdb.connect()
    con.execute("create table mart_agency_year (agency_key varchar, agency varchar, region varchar, year integer)")
    con.execute("insert into mart_agency_year values ('k1', '青山区卫生健康局', '江南省青山区', 2024), "
                "('k2', '青山区卫生健康局', '青山区', 2024), ('k3', '青山区教育局', '青山区', 2024)")
    con.execute(f"create table mart_agency_label as {view_sql('marts', 'mart_agency_label')}")
    names = sorted(r[0] for r in con.execute(f"select agency from {labelled('mart_agency_year')}").fetchall())
    assert names == ["青山区卫生健康局（江南省青山区）", "青山区卫生健康局（青山区）", "青山区教育局"]
