"""XLSX and CSV exports: Chinese headers, number formats, values kept as numbers, BOM."""
from __future__ import annotations

import io

import pandas as pd
import polars as pl
from openpyxl import load_workbook

from dashboard.exporting.tables import (
    MONEY_FORMAT, PERCENT_FORMAT, frame_to_csv_bytes, frame_to_xlsx_bytes, frames_to_xlsx_bytes,
)

FRAME = pd.DataFrame({
    "agency": ["丰台区信访办", "丰台区教委"],
    "budget": [794.51, 12000.0],
    "execution_rate_pct_computed": [97.64, None],
    "total_score": [100.0, 85.5],
})


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_xlsx_has_chinese_headers_with_units():
    ws = _sheet(frame_to_xlsx_bytes(FRAME))
    assert [c.value for c in ws[1]] == ["单位", "预算数（万元）", "预算执行率（%，重算）", "自评总分（报告所载）"]


def test_xlsx_money_and_percent_formats_keep_numbers():
    ws = _sheet(frame_to_xlsx_bytes(FRAME))
    assert ws["B2"].value == 794.51 and ws["B2"].number_format == MONEY_FORMAT
    assert ws["C2"].value == 97.64 and ws["C2"].number_format == PERCENT_FORMAT
    assert ws["C3"].value is None          # not stated stays empty, never 0
    assert ws["D3"].number_format == "0.00"


def test_xlsx_caption_goes_above_the_header():
    ws = _sheet(frame_to_xlsx_bytes(FRAME, caption="筛选条件：年度 2024"))
    assert ws["A1"].value == "筛选条件：年度 2024"
    assert ws["A2"].value == "单位" and ws["A3"].value == "丰台区信访办"


def test_xlsx_accepts_polars_and_several_sheets():
    data = frames_to_xlsx_bytes({"各单位": pl.from_pandas(FRAME), "a/b:c": FRAME.head(1)})
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["各单位", "a_b_c"]
    assert wb["各单位"]["A3"].value == "丰台区教委"


def test_csv_is_utf8_with_bom_and_chinese_headers():
    data = frame_to_csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "单位,预算数（万元）,预算执行率（%，重算）,自评总分（报告所载）"
    assert lines[1] == "丰台区信访办,794.51,97.64,100.0"


def test_list_and_missing_cells_are_written_as_text_or_empty():
    import numpy as np
    df = pd.DataFrame({"rule_id": [np.array(["a", "b"]), ["c"], None], "budget": [1.0, float("nan"), None]})
    ws = _sheet(frame_to_xlsx_bytes(df))
    assert [ws[f"A{r}"].value for r in (2, 3, 4)] == ["a；b", "c", None]
    assert [ws[f"B{r}"].value for r in (2, 3, 4)] == [1.0, None, None]
