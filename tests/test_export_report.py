"""The annual Word report and the zip, built by `perfdash export` from the fixture database."""
from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image

from dashboard.exporting.annual import assemble_content, projects_by_agency
from dashboard.exporting.images import ChartRenderer
from dashboard.exporting.kpis import format_pct, format_wan
from dashboard.exporting.report import (
    HEADING_APPENDIX, HEADING_CHARTS, HEADING_FLAGS, HEADING_KPI, appendix_table, flag_rows,
)
from dashboard.exporting.summary import Scope, most_serious_flags, open_marts, read_summary
from loaders.cli import main
from tests.conftest import require
from tests.test_export_fixture import build_export_db

CHART_TITLES = ["各单位预算执行率", "项目自评得分分布", "预算执行率与自评得分", "各单位结转结余率",
                "各类指标完成情况（红色为未达成目标）"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_export_db(tmp_path_factory.mktemp("export") / "fixture.duckdb")


@pytest.fixture(scope="module")
def browser():
    """Keeps one kaleido server up for the module, so each CLI run below reuses it."""
    require(shutil.which("chromium") is not None, "Debian chromium is not installed (apt-get install chromium)")
    with ChartRenderer() as renderer:
        yield renderer


@pytest.fixture(scope="module")
def exported(db, browser, tmp_path_factory):
    """One CLI run for the whole module: 2024, all regions, with the zip."""
    out_dir = tmp_path_factory.mktemp("out")
    docx_path, zip_path = out_dir / "summary.docx", out_dir / "bundle.zip"
    code = main(["export", "--year", "2024", "--out", str(docx_path), "--zip", str(zip_path), "--db", str(db)])
    assert code == 0
    return Document(str(docx_path)), zip_path


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def _table_with_header(doc, first_cell: str):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first_cell)


def test_docx_title_and_sections(exported):
    doc, _ = exported
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == ["2024年度预算绩效评价分析报告"]
    assert doc.core_properties.title == "2024年度预算绩效评价分析报告"
    assert _headings(doc, 1)[:4] == [HEADING_KPI, HEADING_CHARTS, HEADING_FLAGS, HEADING_APPENDIX]
    assert CHART_TITLES == _headings(doc, 2)[:5]
    assert "范围：2024年度；地区：全部；单位：全部。数据日期：2025-03-31" in doc.paragraphs[1].text


def test_docx_has_one_picture_per_chart_at_scale_2(exported):
    doc, _ = exported
    blips = [r for r in doc.part.rels.values() if "image" in r.reltype]
    assert len(blips) == len(CHART_TITLES)
    sizes = {Image.open(io.BytesIO(r.target_part.blob)).size for r in blips}
    # Ranking charts grow with the number of agencies; every image is twice its layout size.
    assert (2000, 600) in sizes and (2000, 1120) in sizes


def test_kpi_table_sums_only_the_year_in_scope(exported):
    doc, _ = exported
    kpis = {row.cells[0].text: row.cells[1].text for row in _table_with_header(doc, "指标").rows[1:]}
    assert kpis["单位数"] == "3"
    assert kpis["项目数"] == "6"                                 # the 2023 project is out of scope
    assert kpis["预算总额"] == format_wan(794.51 + 12000 + 500) == "1.33 亿元"
    assert kpis["加权预算执行率（重算）"] == format_pct((775.75 + 9000 + 480) / (794.51 + 12000 + 500) * 100)
    assert kpis["满分（100分）项目占比"] == "33.3%"
    assert kpis["异常提示数"] == "4"


def test_flag_table_lists_the_most_serious_first_with_evidence(exported):
    doc, _ = exported
    rows = [[c.text for c in row.cells] for row in _table_with_header(doc, "序号").rows[1:]]
    assert [r[4] for r in rows] == ["高", "高", "中", "低"]
    assert [r[1] for r in rows[:2]] == ["丰台区信访办", "南岳区卫健委"]   # same severity: by agency
    assert rows[0][3] == "未达目标仍评优"
    # Evidence: the flag's sentence, then the source line of the field the rule is about.
    assert rows[0][5] == ("信访人满意度实际83.1%，低于目标95%，但项目自评等级为优秀\n"
                          "原文：「信访人满意度 | ≥95% | 83.1% | 10 | 10」")
    assert rows[2][5] == "校舍维修预算执行率70.0%，低于80%\n原文：「年度资金总额 | 8000 | 8000 | 5600 | 10 | 70% | 7」"
    assert rows[3][5] == "信访代理服务全部指标满分且总分100"            # no provenance recorded: no line
    assert rows[0][2] == "信访工作经费"                      # name looked up from mart_project


def test_appendix_has_a_table_per_agency(exported):
    doc, _ = exported
    appendix = _headings(doc, 2)[5:]
    assert appendix == ["丰台区信访办", "丰台区教委", "南岳区卫健委"]
    project_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "名称"]
    assert len(project_tables) == 3
    cells = {tuple(c.text for c in row.cells) for t in project_tables for row in t.rows[1:]}
    assert ("校舍维修", "8,000.00", "5,600.00", "70.0%", "85.00", "良") in cells


def test_zip_holds_every_chart_png_and_xlsx_tables(exported):
    _, zip_path = exported
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        pngs = [n for n in names if n.endswith(".png")]
        assert len(pngs) == len(CHART_TITLES)
        assert "charts/01_execution_by_agency.png" in names
        assert Image.open(io.BytesIO(archive.read("charts/02_score_distribution.png"))).size == (2000, 1120)
        assert {"tables/agency_year.xlsx", "tables/projects.xlsx", "tables/flags.xlsx"} <= set(names)
        ws = load_workbook(io.BytesIO(archive.read("tables/agency_year.xlsx"))).active
    assert ws["A1"].value.startswith("筛选条件：年度 2024")
    assert ws["A2"].value == "单位"


def test_cli_region_scope(db, browser, tmp_path, capsys):
    out = tmp_path / "nanyue.docx"
    assert main(["export", "--year", "2024", "--region", "南岳区", "--out", str(out), "--db", str(db)]) == 0
    assert f"已写出年度汇总报告：{out}" in capsys.readouterr().out
    doc = Document(str(out))
    assert doc.paragraphs[1].text.startswith("范围：2024年度；地区：南岳区；单位：全部。")
    assert _headings(doc, 2)[-1:] == ["南岳区卫健委"]
    kpis = {row.cells[0].text: row.cells[1].text for row in _table_with_header(doc, "指标").rows[1:]}
    assert (kpis["单位数"], kpis["预算总额"], kpis["异常提示数"]) == ("1", "500.00 万元", "1")


def test_scope_by_region_keeps_only_that_region(db):
    frames = read_summary(open_marts(db), Scope(year=2024, region="南岳区"))
    assert list(frames.agency_year["agency"]) == ["南岳区卫健委"]
    assert list(frames.flags["project_id"]) == ["r3:1"]
    content = assemble_content(frames)
    assert list(content.projects_by_agency) == ["南岳区卫健委"]
    assert content.caption.startswith("筛选条件：年度 2024；地区 南岳区")


def test_scope_by_agency_and_missed_targets_chart_data(db):
    frames = read_summary(open_marts(db), Scope(year=2024, agency="丰台区教委"))
    missed = next(c for c in assemble_content(frames).charts if c.key == "missed_by_category")
    # 维修合格率 missed (质量); 按期完工 not measurable (met null) is not counted as missed.
    assert missed.data.to_dict("list") == {"category": ["时效指标", "质量指标"], "status": ["无法判断", "未达成"],
                                           "indicators": [1, 1]}


def test_year_without_data_says_so(db):
    content = assemble_content(read_summary(open_marts(db), Scope(year=2019)))
    assert content.charts == []
    assert "2019年度在所选范围内没有数据" in content.notes


def test_flag_rows_and_appendix_helpers(db):
    frames = read_summary(open_marts(db), Scope(year=2024))
    rows = flag_rows(most_serious_flags(frames.flags, limit=2))
    assert len(rows) == 2 and rows[0][0] == "1"
    header, table = appendix_table(projects_by_agency(frames.projects)["丰台区信访办"])
    assert header == ["名称", "全年预算数（万元）", "执行数（万元）", "预算执行率（%，重算）", "自评总分（报告所载）", "等级（报告所载）"]
    assert table[0] == ["信访工作经费", "2.48", "2.48", "100.0%", "100.00", "优"]


def test_flag_rows_prefer_the_marts_own_titles_and_cite_the_file():
    import pandas as pd
    flags = pd.DataFrame([{"rule_id": "components_mismatch", "rule_title": "分项之和不等于合计", "severity": "high",
                           "severity_label": "高", "agency": "青山区水务服务中心", "project_id": None,
                           "explanation": "133.64 + 19.02 ≠ 360.87", "file_name": "2025_长安区.txt"}])
    assert flag_rows(flags) == [["1", "青山区水务服务中心", "（单位整体）", "分项之和不等于合计", "高",
                                 "133.64 + 19.02 ≠ 360.87（来源：2025_长安区.txt）"]]
    flags["source_line"] = "年末结转结余360.87万元"
    assert flag_rows(flags)[0][5] == "133.64 + 19.02 ≠ 360.87\n原文：「年末结转结余360.87万元」（来源：2025_长安区.txt）"


def test_weighted_rate_skips_agencies_without_an_executed_figure():
    import pandas as pd
    from dashboard.exporting.kpis import weighted_execution_rate
    ay = pd.DataFrame({"budget": [100.0, 300.0, 50.0], "executed": [90.0, None, 50.0]})
    assert weighted_execution_rate(ay) == pytest.approx(140 / 150 * 100)
    assert weighted_execution_rate(pd.DataFrame({"budget": [1.0]})) is None


def test_appendix_keeps_the_largest_projects_when_cut():
    import pandas as pd
    from dashboard.exporting.report import appendix_limit
    projects = pd.DataFrame({"name": ["小", "大", "中"], "budget_full_year": [1.0, 300.0, 20.0]})
    header, rows = appendix_table(projects, limit=2)
    assert header == ["名称", "全年预算数（万元）"]
    assert rows == [["大", "300.00"], ["中", "20.00"]]
    assert appendix_table(projects)[1][0] == ["小", "1.00"]            # not cut: document order
    assert (appendix_limit(3), appendix_limit(100), appendix_limit(1000)) == (200, 50, 20)


def test_dashboard_buttons_produce_the_files(db, browser):
    """The callables behind the dashboard's download buttons (run when a user clicks)."""
    import plotly.graph_objects as go
    from dashboard.exporting.ui import _annual_docx, _image_bytes
    docx_bytes = _annual_docx(db, Scope(year=2024, agency="丰台区教委"))()
    doc = Document(io.BytesIO(docx_bytes))
    assert doc.paragraphs[1].text.startswith("范围：2024年度；地区：全部；单位：丰台区教委。")
    png = _image_bytes(go.Figure(go.Bar(x=["甲"], y=[1]), layout={"width": 500, "height": 300}), "png", "年度：2024")()
    assert Image.open(io.BytesIO(png)).size == (1000, 600)


def test_grade_band_lines_follow_the_rule_set_in_scope():
    import pandas as pd
    from dashboard import charts
    from dashboard.exporting.figures import grade_band_lines
    def table(agency, bounds):
        return pd.DataFrame({"agency_key": agency, "year": 2024, "band": ["优秀", "良好", "一般", "较差"],
                             "lower_bound": bounds})
    local = table("a", [85, 75, 60, 0])
    assert grade_band_lines(local) == ((85.0, "优秀"), (75.0, "良好"), (60.0, "一般"))
    assert grade_band_lines(pd.concat([local, table("b", [85, 75, 60, 0])])) == grade_band_lines(local)
    assert grade_band_lines(pd.concat([local, table("b", [90, 80, 60, 0])])) is None   # mixed: no lines
    assert grade_band_lines(pd.DataFrame()) == charts.DEFAULT_GRADE_BANDS


def test_agency_rows_split_in_the_mart_are_combined_by_budget():
    import pandas as pd
    from dashboard.exporting.figures import _agency_metric
    ay = pd.DataFrame({"agency": ["交通局", "交通局", "医院"], "budget": [9000.0, 1000.0, 50.0],
                       "execution_rate_pct_computed": [90.0, 100.0, 80.0]})
    data = _agency_metric(ay, "execution_rate_pct_computed")
    assert data.to_dict("list") == {"agency": ["交通局", "医院"], "execution_rate_pct_computed": [91.0, 80.0]}


def test_tall_charts_are_scaled_to_fit_a_page():
    import plotly.graph_objects as go
    from docx.shared import Cm
    from dashboard.exporting.report import picture_width
    assert picture_width(go.Figure(layout={"width": 1000, "height": 560})) == Cm(16)
    assert picture_width(go.Figure(layout={"width": 1000, "height": 2100})) == Cm(10)
