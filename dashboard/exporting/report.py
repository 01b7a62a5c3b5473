"""The annual summary as a Word document (python-docx), built from frames and figures.

One decision: this module only lays out what it is given — scope, KPI rows, chart specs,
flags and per-agency tables — and asks a `ChartRenderer` for the pictures. Reading the
database and choosing the charts happen elsewhere, so the layout is testable on its own.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from dashboard.exporting.figures import ChartSpec
from dashboard.exporting.images import caption_text, layout_size
from dashboard.exporting.kpis import MISSING, format_number, format_pct
from dashboard.exporting.summary import Scope, pick
from dashboard.exporting.tables import header_for, number_format_for

BODY_FONT, HEADING_FONT = "宋体", "黑体"
PICTURE_MAX_HEIGHT_CM = 21   # an A4 page's body; taller charts (long rankings) are scaled down
APPENDIX_ROW_LIMIT = 200     # per agency; the full rows go to the XLSX in the zip
APPENDIX_TOTAL_ROWS = 5000   # over all agencies: beyond this a Word file stops being readable
APPENDIX_MIN_ROWS = 20

HEADING_KPI = "一、总体情况"
HEADING_CHARTS = "二、重点图表"
HEADING_FLAGS = "三、重点关注项目"
HEADING_APPENDIX = "附录：各单位项目明细"
HEADING_NOTES = "数据说明"

RULE_LABELS = {
    "uniform_perfect": "指标全部满分", "canned_actual": "实际值为套话或照抄目标",
    "score_above_money": "得分高于资金执行", "missed_target_full_marks": "未达目标仍得满分",
    "missed_target_top_grade": "未达目标仍评优", "weights_not_100": "权重合计不为100",
    "score_over_weight": "得分超过分值", "total_mismatch": "总分与明细不符",
    "rate_mismatch": "填报比率与重算不符", "components_mismatch": "分项与合计不符",
    "grade_band_mismatch": "等级与分数不符", "midyear_cut_full_execution": "年中调减后执行100%",
    "unspent_over_20pct": "未支出超过20%", "low_execution": "执行率低于80%",
    "peer_outlier": "与同类单位差异显著", "yoy_jump": "同比大幅变化",
    "copied_report": "报告与往年雷同", "duplicate_indicator_table": "指标表重复",
}
SEVERITY_LABELS = {"high": "高", "medium": "中", "low": "低"}
APPENDIX_COLUMNS = (
    ("name", "project_name"), ("budget_full_year", "budget"), ("executed",),
    ("execution_rate_pct_computed", "execution_rate_pct"), ("total_score",), ("grade",),
)


@dataclass
class ReportContent:
    """Everything the annual summary shows, already chosen and in scope."""

    scope: Scope
    data_date: date | None
    kpis: list[tuple[str, str]]
    charts: list[ChartSpec]
    flags: pd.DataFrame
    projects_by_agency: dict[str, pd.DataFrame]
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.scope.year}年度预算绩效评价分析报告"

    @property
    def caption(self) -> str:
        return caption_text(self.scope.as_filters(), self.data_date)


def _set_east_asian_font(style, name: str) -> None:
    # Word picks Chinese glyphs from w:eastAsia; python-docx's font.name sets only the Latin slot.
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _new_document() -> Document:
    doc = Document()
    _set_east_asian_font(doc.styles["Normal"], BODY_FONT)
    doc.styles["Normal"].font.size = Pt(11)
    for style in ("Title", "Heading 1", "Heading 2"):
        _set_east_asian_font(doc.styles[style], HEADING_FONT)
    return doc


def format_cell(column: str, value) -> str:
    """A table cell as a reader expects it: 万元 two decimals, percent one decimal."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return MISSING
    fmt = number_format_for(column)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if fmt and "%" in fmt:
            return format_pct(float(value))
        if fmt:
            return format_number(float(value), 2)
    return str(value)


def _text_cell(text: str):
    """<w:tc><w:p><w:r><w:t>…</w:t></w:r></w:p></w:tc>, line breaks as <w:br/>."""
    tc, p, run = OxmlElement("w:tc"), OxmlElement("w:p"), OxmlElement("w:r")
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = line
        run.append(t)
    p.append(run)
    tc.append(p)
    return tc


def _add_table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # Long appendix tables run over pages: repeat the header row on each page.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    # Body rows as raw XML: python-docx's add_row() costs ~3 ms a row, this ~0.2 ms, and
    # appendix tables run to thousands of rows.
    for values in rows:
        tr = OxmlElement("w:tr")
        for text in values:
            tr.append(_text_cell(text))
        table._tbl.append(tr)


def _add_scope(doc, content: ReportContent) -> None:
    scope = content.scope
    doc.add_paragraph(
        f"范围：{scope.year}年度；地区：{scope.region or '全部'}；单位：{scope.agency or '全部'}。"
        f"数据日期：{content.data_date.isoformat() if content.data_date else '未知'}；"
        f"生成时间：{datetime.now():%Y-%m-%d %H:%M}。"
    )
    doc.add_paragraph("说明：「报告所载」为报告原文数值，「重算」为本系统按统一口径计算的数值；金额单位为万元（大额以亿元表示）。")


def _add_charts(doc, content: ReportContent, renderer) -> None:
    doc.add_heading(HEADING_CHARTS, level=1)
    for chart in content.charts:
        doc.add_heading(chart.title, level=2)
        png = renderer.render(chart.fig, "png", caption=content.caption)
        doc.add_picture(io.BytesIO(png), width=picture_width(chart.fig))
        doc.add_paragraph(f"图：{chart.title}。{content.caption}")


def picture_width(fig) -> Cm:
    """16 cm wide, or narrower so that the picture's height stays within one page."""
    width, height = layout_size(fig)
    return Cm(min(16.0, PICTURE_MAX_HEIGHT_CM * width / height))


def flag_rows(flags: pd.DataFrame) -> list[list[str]]:
    """序号, 单位, 项目, 问题, 严重程度, 依据 — the evidence is the flag's own sentence with numbers."""
    explanation = pick(flags, "explanation", "message", "detail", "evidence")
    project = pick(flags, "project_name", "project", "project_id")
    rows = []
    for i, flag in enumerate(flags.to_dict("records"), start=1):
        rule = flag.get("rule_id") or ""
        severity = flag.get("severity_label") or SEVERITY_LABELS.get(flag.get("severity"), flag.get("severity"))
        rows.append([
            str(i), _text(flag.get("agency")),
            _text(flag.get(project), missing="（单位整体）") if project else "（单位整体）",
            _text(flag.get("rule_title"), missing=RULE_LABELS.get(rule, rule)),
            _text(severity), _evidence(flag.get(explanation) if explanation else None,
                                       flag.get("source_line"), flag.get("file_name")),
        ])
    return rows


def _evidence(sentence, source_line, file_name) -> str:
    """The flag's sentence, the report line it rests on, and the file — so a reader can check it."""
    text = _text(sentence)
    if _text(source_line, missing=""):
        text += f"\n原文：「{source_line}」"
    if _text(file_name, missing=""):
        text += f"（来源：{file_name}）"
    return text


def _text(value, *, missing: str = MISSING) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return missing
    return str(value)


def _add_flags(doc, content: ReportContent) -> None:
    doc.add_heading(HEADING_FLAGS, level=1)
    if content.flags.empty:
        doc.add_paragraph("本范围内没有异常提示。")
        return
    _add_table(doc, ["序号", "单位", "项目", "问题", "严重程度", "依据"], flag_rows(content.flags))


def appendix_limit(n_agencies: int) -> int:
    """Rows per agency: 200, fewer when many agencies would push the appendix past 5,000 rows."""
    return max(APPENDIX_MIN_ROWS, min(APPENDIX_ROW_LIMIT, APPENDIX_TOTAL_ROWS // max(n_agencies, 1)))


def appendix_table(projects: pd.DataFrame, limit: int = APPENDIX_ROW_LIMIT) -> tuple[list[str], list[list[str]]]:
    """Header and formatted rows of one agency's projects; when cut, the largest budgets are kept."""
    columns = [c for c in (pick(projects, *alts) for alts in APPENDIX_COLUMNS) if c]
    budget = pick(projects, "budget_full_year", "budget")
    if len(projects) > limit and budget:
        projects = projects.sort_values(budget, ascending=False, kind="stable")
    rows = [[format_cell(c, record[c]) for c in columns] for record in projects.head(limit).to_dict("records")]
    return [header_for(c) for c in columns], rows


def _add_appendix(doc, content: ReportContent) -> None:
    doc.add_heading(HEADING_APPENDIX, level=1)
    if not content.projects_by_agency:
        doc.add_paragraph("本范围内没有项目数据。")
    limit = appendix_limit(len(content.projects_by_agency))
    for agency, projects in content.projects_by_agency.items():
        doc.add_heading(agency, level=2)
        header, rows = appendix_table(projects, limit)
        _add_table(doc, header, rows)
        if len(projects) > limit:
            doc.add_paragraph(f"共 {len(projects)} 个项目，此处按全年预算数列出最大的 {limit} 个；"
                              "完整数据见导出压缩包中的 XLSX。")


def build_report(content: ReportContent, renderer) -> Document:
    """The whole document: title and scope, KPIs, key charts, flagged projects, appendix, notes."""
    doc = _new_document()
    doc.core_properties.title = content.title
    doc.core_properties.author = "perfdash 绩效评价分析看板"
    doc.add_heading(content.title, level=0)
    _add_scope(doc, content)
    doc.add_heading(HEADING_KPI, level=1)
    _add_table(doc, ["指标", "数值"], [[label, value] for label, value in content.kpis])
    _add_charts(doc, content, renderer)
    _add_flags(doc, content)
    _add_appendix(doc, content)
    if content.notes:
        doc.add_heading(HEADING_NOTES, level=1)
        for note in content.notes:
            doc.add_paragraph(note, style="List Bullet")
    return doc
