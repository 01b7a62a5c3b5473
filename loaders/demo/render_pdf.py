"""PDF rendering with a real text layer (reportlab), ruled tables with merged label cells.

Font: reportlab's built-in CID font STSong-Light (Adobe-GB1, UniGB-UCS2-H), which
needs no font file and whose text pdfplumber and pypdfium2 extract as Unicode;
checked by tests/test_demo.py. Long cells wrap inside their column, as in the
PDFs agencies publish.
"""
from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from loaders.demo.document import compose
from loaders.demo.model import DemoDocument
from loaders.demo.render_docx import grid_rows, label_spans

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=15, wordWrap="CJK")
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, wordWrap="CJK")
COLUMN_MM = (24, 20, 24, 40, 26, 26, 14, 14, 42)


def render_pdf(doc: DemoDocument) -> bytes:
    buffer = io.BytesIO()
    page = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                             topMargin=15 * mm, bottomMargin=15 * mm, title=doc.stem, author=doc.report.agency or "",
                             invariant=True)   # no creation date or random id: same seed, same bytes
    flow = []
    for block in compose(doc):
        if isinstance(block, list):
            flow.append(make_table(grid_rows(block)))
        elif block:
            flow.append(Paragraph(escape(block), BODY))
        else:
            flow.append(Spacer(1, 4 * mm))
    page.build(flow)
    return buffer.getvalue()


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_table(rows: list[tuple[list[str], str]]) -> Table:
    width = len(COLUMN_MM)
    data = [[Paragraph(escape(t), CELL) for t in row] + [""] * (width - len(row)) for row, _ in rows]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for i, (row, _) in enumerate(rows):
        if len(row) < width:
            commands.append(("SPAN", (len(row) - 1, i), (width - 1, i)))
    block = [i for i, (_, tag) in enumerate(rows) if tag == "indicator"]
    if block:
        commands.append(("SPAN", (0, block[0] - 1), (0, block[-1])))
        for col in (1, 2):
            for start, end in label_spans([rows[i][0][col] for i in block]):
                if end > start:
                    commands.append(("SPAN", (col, block[start]), (col, block[end])))
    return Table(data, colWidths=[w * mm for w in COLUMN_MM], style=TableStyle(commands), repeatRows=0)
