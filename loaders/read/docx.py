"""Word .docx → text: paragraphs as lines, tables as one tab-separated line per row.

Walks the document XML directly (paragraphs and tables in body order) because
python-docx's `row.cells` is quadratic on large tables. A horizontally merged cell
(gridSpan) is one <w:tc>, so it is emitted once; a vertically merged continuation
cell (vMerge) is empty, like the blank label cells of the text layouts.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from loaders.errors import EmptyFileError, NeedsOcrError, TruncatedFileError
from loaders.read import Document
from loaders.read.cells import clean_cell, row_line
from loaders.read.docx_numbering import Numbering, numbered_style_blocks, parse_numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word's Insert → Symbol stores some characters as <w:sym w:font="Symbol" w:char="F0B3"/>
# instead of text; "≥95%" would read as "95%" without this. Codes of the Symbol font.
SYMBOL_FONT = {0xB3: "≥", 0xA3: "≤", 0xB9: "≠", 0xBB: "≈", 0xB1: "±", 0xB4: "×", 0xB8: "÷",
               0xB0: "°", 0xD6: "√", 0xA5: "∞", 0xAE: "→", 0xAC: "←", 0xB7: "•", 0x3E: ">", 0x3C: "<",
               0x3D: "=", 0x25: "%"}


def paragraph_text(p) -> str:
    """Text of one <w:p>: runs' text, tabs as spaces, breaks as newlines."""
    parts: list[str] = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}sym"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag == f"{W}sym":
            parts.append(symbol_text(node))
        else:
            parts.append("\n")
    return "".join(parts)


def symbol_text(sym) -> str:
    """A <w:sym>: the Symbol-font character it shows; U+FFFD (visibly unknown) otherwise,
    never nothing — a dropped "≥" would turn a threshold into an exact target."""
    try:
        code = int(sym.get(f"{W}char") or "", 16)
    except ValueError:
        return "\ufffd"
    font = (sym.get(f"{W}font") or "").lower()
    if font == "symbol":
        return SYMBOL_FONT.get(code & 0xFF, "\ufffd")
    return chr(code) if code < 0xF000 else "\ufffd"     # F0xx: private-use glyphs of symbol fonts


def cell_text(tc) -> str:
    """Text of one <w:tc>; nested tables flatten into the cell's text."""
    return clean_cell("\n".join(paragraph_text(p) for p in tc.iter(f"{W}p")))


def row_cells(tr) -> list:
    """The <w:tc> of one row (unwrapping content controls), not those of nested tables."""
    cells = []
    for child in tr.iterchildren(f"{W}tc", f"{W}sdt"):
        if child.tag == f"{W}tc":
            cells.append(child)
        else:
            cells.extend(child.iter(f"{W}tc"))
    return cells


def table_lines(tbl) -> list[str]:
    lines = []
    for tr in tbl.iterchildren(f"{W}tr"):
        line = row_line([cell_text(tc) for tc in row_cells(tr)])
        if line.strip():
            lines.append(line)
    return lines


def block_lines(container, numbering: Numbering) -> list[str]:
    """Lines of the body (or of a content control) in document order."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            text = paragraph_text(child)
            label = numbering.label(child)
            lines.extend((label + text if label and text.strip() else text).split("\n"))
        elif child.tag == f"{W}tbl":
            lines.extend(table_lines(child))
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                lines.extend(block_lines(content, numbering))
    return lines


def _parse_xml(xml: bytes | None):
    if xml is None:
        return None
    return etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False))


def _member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    return archive.read(name) if name in archive.namelist() else None


def read_numbering(archive: zipfile.ZipFile) -> Numbering:
    """The document's lists; odd numbering never stops the text from being read."""
    numbering_xml = _member(archive, "word/numbering.xml")
    if numbering_xml is None or b"numId" not in numbering_xml:
        return Numbering()
    try:
        styles = [_parse_xml(block) for block in numbered_style_blocks(_member(archive, "word/styles.xml") or b"")]
        return parse_numbering(_parse_xml(numbering_xml), styles)
    except (ValueError, TypeError, etree.XMLSyntaxError):
        return Numbering()


def main_part(archive: zipfile.ZipFile) -> str:
    """The document part named by the package relationships (word/document.xml almost
    always; some generators write word/document2.xml)."""
    rels = _member(archive, "_rels/.rels")
    if rels is not None:
        for rel in _parse_xml(rels):
            if (rel.get("Type") or "").endswith("/officeDocument") and rel.get("Target"):
                return rel.get("Target").lstrip("/")
    return "word/document.xml"


def load_body(path: Path):
    """(body element, Numbering, whether the file holds images)."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = _parse_xml(archive.read(main_part(archive)))
            numbering = read_numbering(archive)
            has_media = any(n.startswith("word/media/") for n in archive.namelist())
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, etree.XMLSyntaxError) as err:
        raise TruncatedFileError(
            f"Word 文件不完整或已损坏，无法读取正文，请重新获取原文件 (damaged docx: {err})"
        ) from err
    body = root.find(f"{W}body")
    if body is None:
        raise TruncatedFileError("Word 文件没有正文部分，文件已损坏 (docx without body)")
    return body, numbering, has_media


def read_docx(path: Path) -> Document:
    """Read a .docx. Raises EmptyFileError / NeedsOcrError / TruncatedFileError."""
    body, numbering, has_media = load_body(Path(path))
    lines = [line.rstrip() for line in block_lines(body, numbering)]
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        if has_media:
            raise NeedsOcrError(
                "Word 文档里只有图片（可能是扫描件粘贴），没有文字；需要 OCR 识别 (docx with images only)"
            )
        raise EmptyFileError("Word 文档中没有任何文字 (docx without text)")
    return Document(text=text + "\n", source_format="docx")
