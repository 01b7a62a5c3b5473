"""Readers: bytes of one file → text lines, plus what the reader decided.

Tables from Word / PDF / Excel become one line per row with cells separated by
tabs, so one text parser serves every format (loaders/parse).

The format is decided by content (loaders.read.sniff), not by the file name:
a wrong extension still reads correctly and leaves a note.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Reports are at most a few MB (a long PDF with images ~30 MB). Far bigger files are
# dumps or mistakes, and reading them would exhaust memory on a 2-core machine.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024


@dataclass
class Document:
    text: str                      # the whole document; table rows as tab-separated lines
    source_format: str             # txt | docx | pdf | xlsx | html
    encoding: str | None = None    # what the text reader decided (txt/html only)
    notes: list[str] = field(default_factory=list)   # other decisions worth recording


def _read_by_kind(path: Path, kind: str) -> Document:
    # Readers are imported lazily: reading a .txt should not pay for pdfplumber.
    if kind == "txt":
        from loaders.read.text import read_text_file  # noqa: PLC0415
        document = read_text_file(path)
        if path.suffix.lower() == ".csv" or looks_like_csv(document.text):
            return csv_as_rows(document)
        return csv_blocks_as_rows(document)
    if kind == "docx":
        from loaders.read.docx import read_docx  # noqa: PLC0415
        return read_docx(path)
    if kind == "pdf":
        from loaders.read.pdf import read_pdf  # noqa: PLC0415
        return read_pdf(path)
    if kind in ("xlsx", "xls"):
        from loaders.read.xlsx import read_workbook  # noqa: PLC0415
        return read_workbook(path)
    if kind in ("html", "mht"):
        from loaders.read.html import read_html_file  # noqa: PLC0415
        return read_html_file(path)
    from loaders.read.legacy_doc import read_legacy_doc  # noqa: PLC0415 — doc, rtf, odt
    return read_legacy_doc(path)


def looks_like_csv(text: str) -> bool:
    """A text file that is a spreadsheet saved as CSV: most lines split into the same number
    (four or more) of comma-separated fields. Chinese prose writes ， and never looks like this."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415
    from collections import Counter  # noqa: PLC0415

    lines = [line for line in text.splitlines() if line.strip()][:200]
    if len(lines) < 3:
        return False
    try:
        widths = Counter(len(row) for row in csv.reader(io.StringIO("\n".join(lines))))
    except csv.Error:
        return False
    width, count = widths.most_common(1)[0]
    return width >= 4 and count >= 0.8 * len(lines)


def csv_as_rows(document: Document) -> Document:
    """A CSV export of the form: comma-separated cells → the tab rows every reader gives."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    from loaders.read.cells import clean_cell, row_line  # noqa: PLC0415

    rows = csv.reader(io.StringIO(document.text))
    lines = [row_line([clean_cell(cell) for cell in row]) for row in rows]
    document.text = "\n".join(line for line in lines if line.strip()) + "\n"
    document.notes.append("CSV 文件：逗号分隔的单元格已转为表格行")
    return document


MIN_CSV_COMMAS = 3
MIN_CSV_BLOCK_LINES = 2


MAX_CSV_CELL_CHARS = 30     # a form's cells are short; a sentence written with ASCII commas has long clauses


def _csv_like(line: str) -> bool:
    """A line of comma-separated cells (项目名称,X,,,,): three ASCII commas or more outside quoted
    cells and thousands groups, with an empty cell or only short ones and no sentence's end — prose
    written with ASCII commas (为了…管理,强化…意识,提高…。) is none."""
    bare = re.sub(r"\d,(?=\d{3}(?!\d))", "", re.sub(r'"[^"]*"', "", line))
    if "\t" in line or bare.count(",") < MIN_CSV_COMMAS:
        return False
    cells = bare.split(",")
    if any(not cell.strip() for cell in cells):
        return True
    return max(len(cell) for cell in cells) <= MAX_CSV_CELL_CHARS and not re.search(r"[。；;]", bare)


def csv_blocks_as_rows(document: Document) -> Document:
    """A report whose form was pasted from a spreadsheet as CSV lines among its prose: each run of such
    lines → tab rows (a quoted cell's line breaks joined, the run's line count kept with empty lines)."""
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    from loaders.read.cells import clean_cell, row_line  # noqa: PLC0415

    lines = document.text.split("\n")
    out, k, converted = [], 0, False
    while k < len(lines):
        end = k
        while end < len(lines) and _csv_like(lines[end]):
            end += 1
            while end < len(lines) and "\n".join(lines[k:end]).count('"') % 2:
                end += 1     # a quoted cell going on over lines
        if end - k < MIN_CSV_BLOCK_LINES:
            out.append(lines[k])
            k += 1
            continue
        rows = [row_line([clean_cell(cell) for cell in row]) for row in csv.reader(io.StringIO("\n".join(lines[k:end])))]
        out += rows + [""] * (end - k - len(rows))
        k, converted = end, True
    if converted:
        document.text = "\n".join(out)
        document.notes.append("文中的逗号分隔表格行已转为表格行")
    return document


def read_document(path: Path) -> Document:
    """Read any supported file. Raises loaders.errors.InputError with the reason."""
    from loaders.read.sniff import extension_note, sniff_kind  # noqa: PLC0415

    from loaders.errors import InputError  # noqa: PLC0415
    from loaders.read.text import ensure_report_text  # noqa: PLC0415

    path = Path(path)
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(f"文件太大（{size / 1048576:.0f} MB），超过 {MAX_DOCUMENT_BYTES >> 20} MB 上限，不是单份报告 (file too large)")
    kind = sniff_kind(path)
    document = _read_by_kind(path, kind)
    if kind != "txt":            # the text reader checks this itself
        ensure_report_text(document.text)
    note = extension_note(path, kind)
    if note:
        document.notes.insert(0, note)
    return document
