"""Excel rendering: the standard 项目支出绩效自评表 workbook (openpyxl), one project per sheet.

Numbers are numeric cells and rates are fractions shown with a percent format, as
finance staff type them; merged label cells and a merged title as on the printed form.
No formulas: readers cannot evaluate them (files written by scripts carry no cached values).
"""
from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from loaders.demo.document import compose
from loaders.demo.model import DemoDocument
from loaders.demo.render_docx import grid_rows, label_spans
from loaders.demo.stable import stable_zip

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
_PERCENT = re.compile(r"^(\d+(?:\.(\d+))?)%$")
_NUMBER = re.compile(r"^-?[\d,]+(?:\.(\d+))?$")


def render_xlsx(doc: DemoDocument) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效自评表"
    tables = [b for b in compose(doc) if isinstance(b, list)]
    row_no = 1
    for table in tables:
        row_no = write_table(sheet, grid_rows(table), row_no) + 2
    sheet.cell(row=row_no, column=1, value=f"填报单位：{doc.report.agency}")
    sheet.cell(row=row_no, column=6, value=f"填报日期：{doc.report_date}")
    for col, width in zip("ABCDEFGHI", (16, 14, 18, 26, 14, 14, 8, 8, 24)):
        sheet.column_dimensions[col].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())


def write_table(sheet, rows: list[tuple[list[str], str]], top: int) -> int:
    """Write rows from line `top`; returns the last line used."""
    width = max(len(r) for r, _ in rows)
    for i, (row, _) in enumerate(rows):
        r = top + i
        for j, text in enumerate(row):
            set_cell(sheet.cell(row=r, column=j + 1), text)
        for j in range(width):
            sheet.cell(row=r, column=j + 1).border = BOX
        if len(row) < width:
            sheet.merge_cells(start_row=r, start_column=len(row), end_row=r, end_column=width)
    sheet.cell(row=top, column=1).font = Font(bold=True, size=14)
    sheet.cell(row=top, column=1).alignment = Alignment(horizontal="center")
    merge_labels(sheet, rows, top)
    return top + len(rows) - 1


def merge_labels(sheet, rows: list[tuple[list[str], str]], top: int) -> None:
    block = [i for i, (_, tag) in enumerate(rows) if tag == "indicator"]
    if not block:
        return
    sheet.merge_cells(start_row=top + block[0] - 1, start_column=1, end_row=top + block[-1], end_column=1)
    for col in (1, 2):
        for start, end in label_spans([rows[i][0][col] for i in block]):
            if end > start:
                sheet.merge_cells(start_row=top + block[start], start_column=col + 1,
                                  end_row=top + block[end], end_column=col + 1)


def set_cell(cell, text: str) -> None:
    """Numbers as numbers, "92.32%" as 0.9232 with a percent format, words as text."""
    m = _PERCENT.match(text)
    if m:
        decimals = len(m.group(2) or "")
        cell.value = round(float(m.group(1)) / 100, decimals + 2)
        cell.number_format = "0." + "0" * decimals + "%" if decimals else "0%"
        return
    m = _NUMBER.match(text)
    if m and text not in ("",):
        cell.value = float(text.replace(",", ""))
        decimals = len(m.group(1) or "")
        cell.number_format = ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "")
        return
    cell.value = text or None
    if text.startswith("="):          # "=0起" is a target, not a formula: typed with a quote prefix in Excel
        cell.data_type = "s"
        cell.quotePrefix = True
    cell.alignment = Alignment(wrap_text=True, vertical="center")
