"""HTML (web pages, and Word documents "saved as web page" then named .doc/.xls) → text.

Tables become one tab-separated line per row. A cell spanning columns (colspan)
appears once; a cell spanning rows (rowspan) leaves an empty cell in the rows below,
so columns stay aligned exactly as in the .docx reader. Paragraphs and other
block elements become lines. A table that contains tables is page layout (whole
government pages sit in one): its own text becomes lines, the inner tables are the data.
MHT ("single file web page") is unpacked first. Standard library only (html.parser, email).
"""
from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser
from pathlib import Path

from loaders.errors import EmptyFileError
from loaders.read import Document
from loaders.read.cells import clean_cell, row_line

BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
              "section", "article", "pre", "blockquote", "hr", "dt", "dd", "title", "caption"}
SKIP_TAGS = {"script", "style", "head", "noscript", "template", "xml"}
GB_ALIASES = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "hz-gb-2312"}
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")


def collapse_space(data: str) -> str:
    """HTML whitespace rules, except a source line break inside CJK text joins without a space."""
    return _SPACE.sub(" ", _CJK_BREAK.sub("", data))


class _Table:
    """One <table> being read: rows of cells, with rowspans carried down."""

    def __init__(self) -> None:
        self.layout = False      # a table holding other tables: page layout, not data
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.column = 0
        self.pending: dict[int, tuple[int, int]] = {}   # grid column → (rows still covered, width)

    def start_row(self) -> None:
        self.row, self.column = [], 0
        self.fill_covered()

    def fill_covered(self) -> None:
        """Empty cells where a rowspan from an earlier row covers this row."""
        while self.column in self.pending:
            left, width = self.pending.pop(self.column)
            if left > 1:
                self.pending[self.column] = (left - 1, width)
            self.row.append("")
            self.column += width

    def start_cell(self, rowspan: int, colspan: int) -> None:
        if self.row is None:
            self.start_row()
        self.fill_covered()
        if rowspan > 1:
            self.pending[self.column] = (rowspan - 1, colspan)
        self.column += colspan
        self.cell = []

    def end_cell(self) -> None:
        if self.cell is not None:
            raw = "".join(self.cell)
            self.row.append(paragraph_lines(raw) if self.layout else clean_cell(raw))
            self.cell = None
            self.fill_covered()

    def take_text_lines(self) -> list[str]:
        """Everything collected so far, as plain lines (for a table found to be layout)."""
        lines = [line for row in self.rows for cell in row for line in _as_lines(cell)]
        lines += [line for cell in (self.row or []) for line in _as_lines(cell)]
        lines += paragraph_lines("".join(self.cell or []))
        self.rows, self.row = [], ([""] * len(self.row) if self.row is not None else None)
        if self.cell is not None:
            self.cell = []
        return lines

    def end_row(self) -> None:
        self.end_cell()
        if self.row is not None:
            self.rows.append(self.row)
        self.row = None


def paragraph_lines(raw: str) -> list[str]:
    return [clean_cell(part) for part in raw.split("\n") if part.strip()]


def _as_lines(cell) -> list[str]:
    return cell if isinstance(cell, list) else ([cell] if cell else [])


def _span(attrs, name: str) -> int:
    value = dict(attrs).get(name) or "1"
    digits = re.match(r"\s*(\d+)", value)
    return max(1, min(int(digits.group(1)), 1000)) if digits else 1


class ReportHTMLParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.tables: list[_Table] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif self.skip:
            return
        elif tag == "table":
            self._start_table()
        elif self.tables and tag == "tr":
            self.tables[-1].end_row()
            self.tables[-1].start_row()
        elif self.tables and tag in ("td", "th"):
            self.tables[-1].end_cell()
            self.tables[-1].start_cell(_span(attrs, "rowspan"), _span(attrs, "colspan"))
        elif tag in BLOCK_TAGS or tag in ("td", "th", "tr"):
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr") and not self.skip:
            self._break()

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif tag == "table":
            self._end_table()
        elif self.tables and tag in ("td", "th"):
            self.tables[-1].end_cell()
        elif self.tables and tag == "tr":
            self.tables[-1].end_row()
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data):
        if self.skip:
            return
        text = collapse_space(data)
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is not None:
            table.cell.append(text)
        elif table is None:
            self.line.append(text)

    def _break(self) -> None:
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is not None:
            table.cell.append("\n")
        elif table is None:
            self.flush_line()

    def _start_table(self) -> None:
        """A table inside a table cell makes the outer one a layout table (government
        pages put the whole page in one): its text so far becomes plain lines, and
        the inner table is read as the data table."""
        outer = self.tables[-1] if self.tables else None
        if outer is not None and outer.cell is not None:
            outer.layout = True
            self.lines.extend(outer.take_text_lines())
        self.flush_line()
        self.tables.append(_Table())

    def _end_table(self) -> None:
        if not self.tables:
            return
        table = self.tables.pop()
        table.end_row()
        if table.layout:
            self.lines.extend(table.take_text_lines())
        else:
            self.lines.extend(line for line in (row_line(r) for r in table.rows) if line.strip())

    def flush_line(self) -> None:
        text = "".join(self.line).strip()
        if text:
            self.lines.append(text)
        self.line = []

    def close(self):
        super().close()
        while self.tables:
            self._end_table()
        self.flush_line()


def html_to_text(markup: str) -> str:
    parser = ReportHTMLParser()
    parser.feed(markup)
    parser.close()
    return "\n".join(parser.lines)


def declared_charset(raw: bytes) -> str | None:
    match = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", raw[:8192], re.IGNORECASE)
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding): BOM → declared charset → utf-8 → gb18030 → charset-normalizer."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace"), codec
    declared = declared or declared_charset(raw)
    candidates = ["gb18030" if declared in GB_ALIASES else declared] if declared else []
    for codec in [*candidates, "utf-8", "gb18030"]:
        try:
            return raw.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes  # noqa: PLC0415

    best = from_bytes(raw).best()
    if best is None:
        return raw.decode("gb18030", errors="replace"), "gb18030(有替换字符)"
    return str(best), best.encoding


def unpack_mht(raw: bytes) -> tuple[bytes, str | None]:
    """The HTML part of an MHT file and its declared charset."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_payload(decode=True) or b"", part.get_content_charset()
    return b"", None


def read_html_file(path: Path) -> Document:
    """Read .htm/.html, an HTML page saved as .doc/.xls, or an .mht. Raises EmptyFileError."""
    raw = Path(path).read_bytes()
    notes = []
    declared = None
    if b"multipart/related" in raw[:2048].lower():
        raw, declared = unpack_mht(raw)
        notes.append("MHT 单文件网页：已取出其中的 HTML 正文")
    markup, encoding = decode_html(raw, declared)
    text = html_to_text(markup)
    if not text.strip():
        raise EmptyFileError("网页（HTML）中没有任何文字 (HTML without text)")
    return Document(text=text + "\n", source_format="html", encoding=encoding, notes=notes)
