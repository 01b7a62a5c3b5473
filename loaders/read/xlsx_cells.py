"""What python-calamine does not tell: which cells are formatted as percent, and
(.xlsx) which formula cells have no cached value.

.xlsx: reads the workbook's XML directly (styles, then each sheet's <c> elements)
with iterparse, so large sheets stay cheap. .xls: xlrd's cell formats.
Coordinates are 0-based (row, col).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
BUILTIN_PERCENT = {9: 0, 10: 2}          # numFmtId → decimals ("0%", "0.00%")
_REF = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class SheetCells:
    percent: dict[tuple[int, int], int] = field(default_factory=dict)   # cell → decimals shown
    formulas_without_value: list[str] = field(default_factory=list)     # "H12", …


def cell_position(ref: str) -> tuple[int, int]:
    letters, digits = _REF.match(ref).groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits) - 1, col - 1


def percent_decimals(code: str) -> int | None:
    """Decimals shown by a number format that displays percent, else None."""
    plain = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code)   # drop literals, colours, escapes
    if "%" not in plain:
        return None
    match = re.search(r"\.(0+)", plain.split(";")[0])
    return len(match.group(1)) if match else 0


def percent_styles(archive: zipfile.ZipFile) -> dict[int, int]:
    """Style index (the `s` of a cell) → percent decimals, for percent styles only."""
    try:
        root = ET.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return {}
    formats = dict(BUILTIN_PERCENT)
    for fmt in root.iter(f"{MAIN}numFmt"):
        decimals = percent_decimals(fmt.get("formatCode", ""))
        if decimals is not None:
            formats[int(fmt.get("numFmtId"))] = decimals
    xfs = root.find(f"{MAIN}cellXfs")
    styles = {}
    for index, xf in enumerate(xfs if xfs is not None else []):
        fmt_id = int(xf.get("numFmtId", "0"))
        if fmt_id in formats:
            styles[index] = formats[fmt_id]
    return styles


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → path of its XML inside the zip."""
    book = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG_REL}Relationship")}
    paths = {}
    for sheet in book.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(f"{REL}id"), "")
        paths[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
    return paths


def scan_sheet(archive: zipfile.ZipFile, path: str, styles: dict[int, int]) -> SheetCells:
    found = SheetCells()
    with archive.open(path) as handle:
        for _event, cell in ET.iterparse(handle):
            if cell.tag != f"{MAIN}c":
                continue
            ref = cell.get("r")
            style = int(cell.get("s", "0"))
            if ref and style in styles and cell.get("t") in (None, "n"):
                found.percent[cell_position(ref)] = styles[style]
            if cell.find(f"{MAIN}f") is not None and not (cell.findtext(f"{MAIN}v") or "").strip():
                found.formulas_without_value.append(ref or "?")
            cell.clear()
    return found


def scan_workbook(path) -> dict[str, SheetCells]:
    """Sheet name → what calamine does not tell about its cells."""
    with zipfile.ZipFile(path) as archive:
        styles = percent_styles(archive)
        return {name: scan_sheet(archive, xml, styles)
                for name, xml in sheet_paths(archive).items() if xml in archive.namelist()}


def scan_xls(path) -> dict[str, SheetCells]:
    """Sheet name → percent cells of a legacy .xls (formulas always carry results there)."""
    import xlrd  # noqa: PLC0415 — only for .xls

    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    try:
        formats = {key: percent_decimals(fmt.format_str or "") for key, fmt in book.format_map.items()}
        found = {}
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            cells = SheetCells()
            for r in range(sheet.nrows):
                for c, cell in enumerate(sheet.row(r)):
                    if cell.ctype == xlrd.XL_CELL_NUMBER:
                        decimals = formats.get(book.xf_list[cell.xf_index].format_key)
                        if decimals is not None:
                            cells.percent[(r, c)] = decimals
            found[sheet.name] = cells
        return found
    finally:
        book.release_resources()
