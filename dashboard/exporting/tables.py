"""DataFrame → XLSX (Chinese headers, 万元 and % number formats) and CSV (UTF-8 with BOM).

One decision: values stay as the numbers we store (万元; percent numbers such as 97.64),
and only the *display* changes — headers name the unit and Excel formats show 0.00 for
money and 0.0"%" for rates, so a reader can still sum or re-sort the cells.
"""
from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = '0.0"%"'       # the cell holds 97.64, Excel shows 97.6%
SCORE_FORMAT = "0.00"
COUNT_FORMAT = "0"

# Column names used by the marts (issue 3 contract) → Chinese header. Units go in the header.
COLUMN_LABELS = {
    "agency": "单位", "agency_name": "单位", "canonical_name": "单位", "region": "地区", "year": "年度",
    "sector": "行业", "report_kind": "报告类型", "report_id": "报告编号", "project_id": "项目编号",
    "indicator_id": "指标编号", "project": "项目", "project_name": "项目", "name": "名称",
    "reports": "报告数", "n_reports": "报告数", "projects": "项目数", "n_projects": "项目数",
    "budget": "预算数（万元）", "executed": "执行数（万元）", "carryover": "结转结余（万元）",
    "budget_initial": "年初预算数（万元）", "budget_full_year": "全年预算数（万元）",
    "execution_rate_pct": "预算执行率（%，报告所载）",
    "execution_rate_pct_computed": "预算执行率（%，重算）",
    "carryover_rate_pct": "结转结余率（%，报告所载）",
    "carryover_rate_pct_computed": "结转结余率（%，重算）",
    "self_score_mean": "自评得分均值", "self_score_median": "自评得分中位数", "self_score_min": "自评得分最低",
    "mean_score": "自评得分均值", "median_score": "自评得分中位数", "min_score": "自评得分最低",
    "total_score": "自评总分（报告所载）", "total_score_computed": "自评总分（重算）",
    "execution_score": "执行率得分（报告所载）", "execution_score_computed": "执行率得分（重算）",
    "share_perfect_pct": "满分项目占比（%）", "share_full_marks_pct": "指标满分占比（%）",
    "grade": "等级（报告所载）", "grade_band_computed": "等级（重算）", "grade_band": "等级区间",
    "band": "等级区间", "n": "数量", "count": "数量", "projects_count": "项目数",
    "rule_id": "规则", "severity": "严重程度", "explanation": "说明", "message": "说明",
    "level1": "一级指标", "level2": "二级指标", "indicator": "三级指标", "category": "指标类别",
    "target": "年度指标值", "actual": "实际完成值", "weight": "分值", "score": "得分",
    "met": "是否达成", "missed": "未达成数", "indicators_missed": "未达成指标数",
    "indicators_met": "达成指标数", "gap_pct": "偏差（%）", "flags": "异常数",
    "score_bin": "得分区间下限", "score_mean": "自评得分均值", "status": "完成状态", "met_status": "完成状态",
    "indicators": "指标数", "agency_key": "单位标识", "project_seq": "项目序号",
    "share_projects_at_100_pct": "满分项目占比（%）", "share_indicators_full_marks_pct": "指标满分占比（%）",
    "max_score": "自评得分最高", "projects_scored": "有得分项目数", "n_indicators": "指标数",
    "n_missed_targets": "未达成指标数", "n_canned_actuals": "套话实际值数", "rule_title": "问题",
    "severity_label": "严重程度", "file_name": "文件名", "subject": "对象", "metric_value": "数值",
    "threshold": "阈值", "flags_high": "高风险提示数", "flags_medium": "中风险提示数",
    "flags_low": "低风险提示数", "flags_total": "提示总数", "band_label": "等级",
    "projects_computed": "项目数（按重算分）", "share_pct": "占比（%）",
    "budget_yoy_pct": "预算同比（%）", "executed_yoy_pct": "执行同比（%）",
    "execution_rate_yoy_pp": "执行率同比变化（百分点）", "mean_score_yoy": "平均分同比变化",
}

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)

_PERCENT_NAME = re.compile(r"(_pct|_pct_computed|_rate|率)$|占比|（%")
_MONEY_NAME = re.compile(r"^(budget|executed|carryover|income|amount)|_wan$|万元")
_SCORE_NAME = re.compile(r"score|得分|分值|weight")


def as_pandas(frame) -> pd.DataFrame:
    """Accept pandas or polars frames (the dashboard uses both)."""
    return frame if isinstance(frame, pd.DataFrame) else frame.to_pandas()


def header_for(column: str) -> str:
    """Chinese header for a mart column; unknown columns keep their name (never guessed)."""
    return COLUMN_LABELS.get(column, column)


def number_format_for(column: str) -> str | None:
    """Excel number format from the column's name and unit; None for text and other columns."""
    label = header_for(column)
    if _PERCENT_NAME.search(column) or "%" in label:
        return PERCENT_FORMAT
    if _MONEY_NAME.search(column) or "万元" in label:
        return MONEY_FORMAT
    if _SCORE_NAME.search(column):
        return SCORE_FORMAT
    return None


def _cell_value(value):
    # openpyxl cannot write pandas NA/NaT, numpy scalars or lists; empty cells mean "not stated".
    if isinstance(value, (list, tuple, np.ndarray)):
        return "；".join(str(v) for v in value) or None
    if isinstance(value, dict):
        return str(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _styled(ws, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _write_sheet(ws, df: pd.DataFrame, caption: str | None) -> None:
    # Write-only sheets stream rows (about 5× faster than cell-by-cell on large marts), so
    # widths and frozen panes are set before the first row.
    for col_idx, column in enumerate(df.columns, start=1):
        width = max(8, min(40, len(header_for(str(column))) * 2 + 2))
        ws.column_dimensions[get_column_letter(col_idx)].width = width
    ws.freeze_panes = "A3" if caption else "A2"
    if caption:
        ws.append([_styled(ws, caption, font=Font(italic=True, color="666666"))])
    ws.append([_styled(ws, header_for(str(c)), font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGN)
               for c in df.columns])
    formats = [number_format_for(str(c)) for c in df.columns]
    for record in df.itertuples(index=False):
        ws.append([_body_cell(ws, _cell_value(value), fmt) for value, fmt in zip(record, formats)])


def _body_cell(ws, value, fmt: str | None):
    if fmt and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _styled(ws, value, number_format=fmt)
    return value


def frames_to_xlsx_bytes(sheets: dict[str, object], *, caption: str | None = None) -> bytes:
    """One workbook, one sheet per frame (sheet names cut to Excel's 31 characters)."""
    wb = Workbook(write_only=True)
    for name, frame in sheets.items():
        _write_sheet(wb.create_sheet(title=_sheet_name(name)), as_pandas(frame), caption)
    if not sheets:
        wb.create_sheet(title="数据")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def frame_to_xlsx_bytes(frame, *, sheet_name: str = "数据", caption: str | None = None) -> bytes:
    """A single-sheet workbook with Chinese headers and number formats."""
    return frames_to_xlsx_bytes({sheet_name: frame}, caption=caption)


def frame_to_csv_bytes(frame) -> bytes:
    """CSV with Chinese headers, UTF-8 with BOM so that Excel on Windows opens it correctly."""
    df = as_pandas(frame)
    renamed = df.rename(columns={c: header_for(str(c)) for c in df.columns})
    return renamed.to_csv(index=False).encode("utf-8-sig")


def _sheet_name(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", "_", name).strip() or "数据"
    return cleaned[:31]
