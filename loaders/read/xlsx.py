"""Excel .xlsx / .xls → text: every visible sheet, one tab-separated line per row.

Values come from python-calamine (fast; it reads the values Excel/WPS cached when
saving and never evaluates formulas). loaders.read.xlsx_cells adds what calamine
cannot see: percent formats (0.95 shown as 95.00% must read as 95.00%,
never as 0.95) and formula cells without a cached value (a file written by a
script): those are refused with the cells named, because reading them as empty
would silently lose the money and score figures.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import python_calamine as calamine

from loaders.errors import EmptyFileError, InputError, TruncatedFileError, UnsupportedFormatError
from loaders.read import Document
from loaders.read.cells import clean_cell, row_line
from loaders.read.xlsx_cells import SheetCells, scan_workbook, scan_xls

MAX_NAMED_CELLS = 8


class FormulasWithoutValuesError(InputError):
    """An .xlsx whose formulas were never calculated (no cached values)."""


def format_number(value: float, percent_decimals: int | None = None) -> str:
    if percent_decimals is not None:
        return f"{value * 100:.{percent_decimals}f}%"
    if float(value).is_integer():
        return str(int(value))
    return repr(round(float(value), 10))


def format_value(value, percent_decimals: int | None = None) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return format_number(value, percent_decimals)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return clean_cell(str(value))


def sheet_lines(sheet, cells: SheetCells | None) -> list[str]:
    start_row, start_col = sheet.start or (0, 0)
    percent = cells.percent if cells else {}
    lines = []
    for r, row in enumerate(sheet.to_python(skip_empty_area=True)):
        values = [format_value(v, percent.get((start_row + r, start_col + c)))
                  for c, v in enumerate(row)]
        line = row_line(values)
        if line.strip():
            lines.append(line)
    return lines


def refuse_uncached_formulas(scans: dict[str, SheetCells]) -> None:
    missing = [f"{name}!{ref}" for name, scan in scans.items() for ref in scan.formulas_without_value]
    if not missing:
        return
    shown = "、".join(missing[:MAX_NAMED_CELLS]) + ("…" if len(missing) > MAX_NAMED_CELLS else "")
    raise FormulasWithoutValuesError(
        f"Excel 中有 {len(missing)} 个公式单元格没有计算结果（{shown}），"
        "可能由程序生成、从未在 Excel/WPS 中打开保存；请用 Excel 或 WPS 打开后保存再上传 "
        "(formulas without cached values)"
    )


def open_workbook(path: Path):
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as err:
        raise UnsupportedFormatError("Excel 文件已加密（设置了密码），请去掉密码后另存再上传 (encrypted workbook)") from err
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, OSError, ValueError) as err:
        raise TruncatedFileError(f"Excel 文件不完整或已损坏，无法读取，请重新获取原文件 (damaged workbook: {err})") from err


def scan_cells(path: Path, kind: str) -> dict[str, SheetCells] | None:
    """Percent cells (and uncached formulas); None when the formats could not be read."""
    try:
        return scan_workbook(path) if kind == "xlsx" else scan_xls(path)
    except Exception:  # noqa: BLE001 — the extra scan is optional; calamine decides validity
        return None


def read_workbook(path: Path) -> Document:
    """Read every visible sheet of an .xlsx/.xls. Raises InputError subclasses."""
    path = Path(path)
    with open(path, "rb") as handle:
        kind = "xls" if handle.read(4) == b"\xd0\xcf\x11\xe0" else "xlsx"
    scans = scan_cells(path, kind)
    refuse_uncached_formulas(scans or {})
    book = open_workbook(path)
    notes, blocks = [], []
    for meta in book.sheets_metadata:
        if meta.visible != calamine.SheetVisibleEnum.Visible:
            notes.append(f"已跳过隐藏的工作表“{meta.name}”")
            continue
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        lines = sheet_lines(book.get_sheet_by_name(meta.name), (scans or {}).get(meta.name))
        if lines:
            blocks.append("\n".join(lines))
    if not blocks:
        raise EmptyFileError("Excel 文件的工作表中没有任何内容 (workbook without content)")
    if scans is None:
        notes.append("无法读取单元格格式：百分比单元格可能显示为小数（如 0.95 即 95%）")
    return Document(text="\n\n".join(blocks) + "\n", source_format="xlsx", notes=notes)
