"""Streamlit download buttons: five per chart, two per table, the annual-report button,
and the install hint (instead of image buttons that would fail) when Chromium or the font is missing."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.exporting import prereqs


def _chart_app():
    import pandas as pd
    import plotly.graph_objects as go
    from dashboard.exporting.ui import chart_downloads, table_downloads
    df = pd.DataFrame({"agency": ["甲"], "execution_rate_pct_computed": [97.64]})
    fig = go.Figure(go.Bar(x=df["agency"], y=df["execution_rate_pct_computed"]))
    chart_downloads(fig, df, "筛选条件：年度 2024", key="exec", file_stem="execution")
    table_downloads(df, key="tbl")


def test_caption_gets_the_data_date_of_the_database(tmp_path):
    from dashboard.exporting.ui import with_data_date
    from tests.test_export_fixture import build_export_db
    db = build_export_db(tmp_path / "f.duckdb")
    assert with_data_date("年度：2024；地区：全部", db) == "年度：2024；地区：全部　数据日期：2025-03-31"
    assert with_data_date("x　数据日期：2020-01-01", db) == "x　数据日期：2020-01-01"
    assert with_data_date("x", tmp_path / "none.duckdb") == "x　数据日期：未知"


def _annual_app():
    from dashboard.exporting.ui import annual_report_button
    annual_report_button("/nonexistent.duckdb", year=2024, region="丰台区")


@pytest.fixture(autouse=True)
def fresh_checks():
    from dashboard.exporting.ui import export_problems
    export_problems.clear()
    yield
    export_problems.clear()


def _buttons(at: AppTest) -> list:
    return list(at.get("download_button"))


def _labels(at: AppTest) -> list[str]:
    return [b.proto.label for b in _buttons(at)]


def test_chart_and_table_buttons(monkeypatch):
    monkeypatch.setattr(prereqs, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(prereqs, "list_cjk_fonts", lambda: ["/f.ttc"])
    at = AppTest.from_function(_chart_app).run()
    assert not at.exception
    assert _labels(at) == ["PNG", "PDF", "SVG", "CSV", "XLSX", "下载 XLSX", "下载 CSV"]
    assert not any(b.proto.disabled for b in _buttons(at))
    assert len(at.info) == 0
    assert "不含字体" in _buttons(at)[2].proto.help            # SVG warns that fonts are not embedded


def test_missing_chromium_disables_images_and_says_what_to_install(monkeypatch):
    monkeypatch.setattr(prereqs, "find_chromium", lambda: None)
    monkeypatch.setattr(prereqs, "list_cjk_fonts", lambda: ["/f.ttc"])
    at = AppTest.from_function(_chart_app).run()
    assert not at.exception
    assert [i.value for i in at.info] == ["图片导出暂不可用：请安装 chromium（apt-get install chromium）"]
    assert [b.proto.disabled for b in _buttons(at)] == [True, True, True, False, False, False, False]


def test_missing_font_in_annual_button(monkeypatch):
    monkeypatch.setattr(prereqs, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(prereqs, "list_cjk_fonts", lambda: [])
    at = AppTest.from_function(_annual_app).run()
    assert not at.exception
    assert [i.value for i in at.info] == ["图片导出暂不可用：请安装中文字体 fonts-noto-cjk"]
    assert _labels(at) == ["生成2024年度汇总报告（Word）"]
    assert _buttons(at)[0].proto.disabled
