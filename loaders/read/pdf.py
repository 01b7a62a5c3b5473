"""PDF with a text layer → text: tables as tab rows (pdfplumber), the rest as lines (pypdfium2).

Per page, pdfplumber finds the ruled tables; the text above, between and below
them comes from pypdfium2 (fast, good reading order). A table that continues on
the next page (same column count, only a page number in between) is stitched into
one, dropping a repeated header row. Cells covered by a horizontal merge are
dropped (the merged value appears once, as in .docx); cells covered by a vertical
merge are empty (like the blank label cells of the text layouts).

A PDF without any text layer is a scan: NeedsOcrError, never an empty document.
"""
from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from loaders.errors import NeedsOcrError, TruncatedFileError, UnsupportedFormatError
from loaders.read import Document
from loaders.read.cells import clean_cell, row_line

# Printed page numbers: "- 3 -", "第 3 页", "第3页 共9页". Bare digits are NOT page marks:
# in a PDF without ruled tables a lone "20" line may be a score cell.
PAGE_MARK = re.compile(r"^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?)\s*$")
logging.getLogger("pdfminer").setLevel(logging.ERROR)   # pdfminer warns per glyph on odd fonts
# A ruled table needs at least a few drawn lines; a page with fewer path objects is
# read by pypdfium2 alone, skipping pdfplumber's (much slower) full page parse.
MIN_PATHS_FOR_TABLE = 4
# If the page as composed (tables + text bands) holds less than this share of the page's
# characters, something did not line up: the page is read as plain text instead.
MIN_COVERAGE = 0.98
# Fonts without a Unicode map give a text layer of replacement / private-use characters
# or pdfminer's "(cid:123)": past this share of the text, it is garbage, not a report.
MAX_GARBLED_SHARE = 0.2
_GARBLED = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff]")


@dataclass
class Block:
    kind: str                                  # "text" | "table"
    lines: list[str] = field(default_factory=list)
    ncols: int = 0
    rows: list[list[str]] = field(default_factory=list)


def column_starts(table) -> list[float]:
    """x0 of each grid column (pdfplumber's column bbox is the union of its cells)."""
    return [column.bbox[0] for column in table.columns]


def table_rows(table) -> list[list[str]]:
    starts = column_starts(table)
    rows = []
    for row, texts in zip(table.rows, table.extract()):
        values = horizontal_dedupe(row, texts, starts)
        if any(values):
            rows.append(values)
    return rows


def horizontal_dedupe(row, texts, starts) -> list[str]:
    """Drop cells covered by a horizontal merge; keep vertically covered ones as ''."""
    values: list[str] = []
    covered_until = -1.0
    for column, (cell, text) in enumerate(zip(row.cells, texts)):
        if cell is not None:
            values.append(clean_cell(text))
            covered_until = cell[2]
        elif column < len(starts) and starts[column] < covered_until - 0.5:
            continue                                  # inside the merged cell to the left
        else:
            values.append("")
    return values


def band_in_pdf_space(pdfium_page, top: float, bottom: float) -> dict[str, float]:
    """A full-width band [top, bottom] measured down from the top of the page as displayed
    (pdfplumber's coordinates) → a rectangle in the unrotated PDF space pypdfium2 uses.
    Landscape forms are often portrait pages with /Rotate 90."""
    left, base, right, ceiling = pdfium_page.get_mediabox()
    w, h = right - left, ceiling - base
    rotation = pdfium_page.get_rotation()
    if rotation == 90:
        box = (top, 0, bottom, h)
    elif rotation == 180:
        box = (0, top, w, bottom)
    elif rotation == 270:
        box = (w - bottom, 0, w - top, h)
    else:
        box = (0, h - bottom, w, h - top)
    return {"left": left + box[0], "bottom": base + box[1], "right": left + box[2], "top": base + box[3]}


def text_between(pdfium_page, textpage, top: float, bottom: float) -> list[str]:
    """pypdfium2 text of the full-width band [top, bottom], page marks dropped."""
    if bottom - top < 1:
        return []
    text = textpage.get_text_bounded(**band_in_pdf_space(pdfium_page, top, bottom))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.rstrip() for line in lines if not PAGE_MARK.match(line)]


def may_have_ruled_table(pdfium_page) -> bool:
    paths = pdfium_page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_PATH,), max_depth=3)
    return sum(1 for _ in itertools.islice(paths, MIN_PATHS_FOR_TABLE)) >= MIN_PATHS_FOR_TABLE


def page_blocks(plumber_page, pdfium_page, textpage) -> list[Block]:
    found = plumber_page.find_tables() if may_have_ruled_table(pdfium_page) else []
    tables = sorted(found, key=lambda t: t.bbox[1])
    blocks, cursor = [], 0.0
    for table in tables:
        _x0, top, _x1, bottom = table.bbox
        blocks.append(Block("text", lines=text_between(pdfium_page, textpage, cursor, top)))
        blocks.append(Block("table", ncols=len(table.columns), rows=table_rows(table)))
        cursor = max(cursor, bottom)
    blocks.append(Block("text", lines=text_between(pdfium_page, textpage, cursor, plumber_page.height)))
    return [b for b in blocks if b.rows or any(line.strip() for line in b.lines)]


def is_blank(block: Block) -> bool:
    return block.kind == "text" and not any(line.strip() for line in block.lines)


def stitch(blocks: list[Block], page: list[Block]) -> None:
    """Append a page's blocks, continuing the previous page's last table when it goes on."""
    previous = next((b for b in reversed(blocks) if not is_blank(b)), None)
    first_index = next((i for i, b in enumerate(page) if not is_blank(b)), None)
    if previous and first_index is not None:
        first = page[first_index]
        if previous.kind == first.kind == "table" and previous.ncols == first.ncols:
            while blocks and blocks[-1] is not previous:
                blocks.pop()                                   # the footer between the halves
            rows = first.rows
            if rows and previous.rows and rows[0] == previous.rows[0]:
                rows = rows[1:]                                # header repeated on each page
            previous.rows.extend(rows)
            page = page[first_index + 1:]
    blocks.extend(page)


def render(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind == "table":
            lines.extend(row_line(row) for row in block.rows)
        else:
            lines.extend(block.lines)
    return "\n".join(lines).strip("\n")


def open_pdf(path: Path):
    """(pypdfium2 document, pdfplumber document), or the reason they cannot be opened."""
    try:
        pdfium_doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise UnsupportedFormatError(
                "PDF 已加密（需要打开密码），无法读取；请提供未加密的文件 (encrypted PDF)"
            ) from err
        raise TruncatedFileError(f"PDF 文件不完整或已损坏，无法打开，请重新获取原文件 (damaged PDF: {err})") from err
    try:
        return pdfium_doc, pdfplumber.open(path)
    except Exception as err:  # noqa: BLE001 — pdfminer raises many types for broken files
        pdfium_doc.close()
        raise TruncatedFileError(f"PDF 文件不完整或已损坏，无法打开，请重新获取原文件 (damaged PDF: {err})") from err


def read_pdf(path: Path) -> Document:
    """Read a text PDF. Raises NeedsOcrError for scans, UnsupportedFormatError when encrypted."""
    path = Path(path)
    pdfium_doc, plumber_doc = open_pdf(path)
    blocks: list[Block] = []
    no_text_pages: list[int] = []
    notes: list[str] = []
    try:
        for number, (plumber_page, pdfium_page) in enumerate(zip(plumber_doc.pages, pdfium_doc), 1):
            textpage = pdfium_page.get_textpage()
            if textpage.count_chars() == 0:
                no_text_pages.append(number)
                continue
            page = page_blocks(plumber_page, pdfium_page, textpage)
            if not MIN_COVERAGE <= coverage(page, textpage) <= 1 / MIN_COVERAGE:
                page = [Block("text", lines=textpage.get_text_range().replace("\r\n", "\n").split("\n"))]
                notes.append(f"第 {number} 页的表格无法与文字对齐，已按纯文字读取")
            stitch(blocks, page)
    finally:
        plumber_doc.close()
        pdfium_doc.close()
    return finish(blocks, no_text_pages, notes)


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def coverage(page: list[Block], textpage) -> float:
    """Visible characters in the composed blocks / on the page (page numbers aside).
    Below 1 text was lost; above 1 text was read twice."""
    lines = textpage.get_text_range().replace("\r\n", "\n").split("\n")
    total = sum(_visible_chars(line) for line in lines if not PAGE_MARK.match(line))
    if total == 0:
        return 1.0
    got = sum(_visible_chars("".join(b.lines)) + sum(_visible_chars("".join(r)) for r in b.rows) for b in page)
    return got / total


def garbled_share(text: str) -> float:
    """Share of visible characters that are undecodable glyphs (a (cid:N) counts as one)."""
    visible = _visible_chars(_GARBLED.sub("?", text))
    return len(_GARBLED.findall(text)) / visible if visible else 0.0


def finish(blocks: list[Block], no_text_pages: list[int], notes: list[str]) -> Document:
    text = render(blocks)
    if not text.strip():
        raise NeedsOcrError(
            "扫描件，无文字层，需要 OCR 识别后才能读取（PDF 中没有可提取的文字） (scanned PDF, needs OCR)"
        )
    if garbled_share(text) > MAX_GARBLED_SHARE:
        raise NeedsOcrError(
            f"PDF 的文字层是乱码（{garbled_share(text):.0%} 的字符无法解码，字体缺少编码映射），"
            "需要 OCR 识别或向报送单位索取可复制文字的版本 (garbled text layer)"
        )
    if no_text_pages:
        pages = "、".join(str(n) for n in no_text_pages[:10]) + ("…" if len(no_text_pages) > 10 else "")
        notes.append(f"第 {pages} 页没有文字层（可能是扫描页），这些页的内容未读取，需要 OCR")
    return Document(text=text + "\n", source_format="pdf", notes=notes)
