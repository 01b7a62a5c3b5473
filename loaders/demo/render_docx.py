"""Word rendering: paragraphs and real Word tables (python-docx), merged cells as in real forms.

The 绩效指标 label spans the indicator block vertically and 一级 / 二级 labels span
their groups, as clerks build the form in Word; short rows stretch their last
cell to the table width.
"""
from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.shared import Pt

from loaders.demo.document import compose
from loaders.demo.model import DemoDocument
from loaders.demo.stable import stable_zip
from loaders.demo.tables import Rows


def render_docx(doc: DemoDocument) -> bytes:
    word = WordDocument()
    word.styles["Normal"].font.size = Pt(10.5)
    for block in compose(doc):
        if isinstance(block, list):
            add_table(word, grid_rows(block))
        elif block:
            word.add_paragraph(block)
    buffer = io.BytesIO()
    word.core_properties.author = doc.report.agency or ""
    word.save(buffer)
    return stable_zip(buffer.getvalue())


def grid_rows(rows: Rows) -> list[tuple[list[str], str]]:
    """Rows with the indicator block shifted under the 绩效指标 column; each tagged header/indicator/plain."""
    out, in_block = [], False
    for row in rows:
        if row and row[0] == "绩效指标":
            in_block = True
            out.append((row, "header"))
        elif in_block and row and row[0] != "总分":
            out.append((["", *row], "indicator"))
        else:
            in_block = in_block and row[0] != "总分"
            out.append((row, "plain"))
    return out


def add_table(word, rows: list[tuple[list[str], str]]) -> None:
    width = max(len(r) for r, _ in rows)
    table = word.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, (row, _) in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
        if len(row) < width:
            keep = table.cell(i, len(row) - 1).text
            table.cell(i, len(row) - 1).merge(table.cell(i, width - 1)).text = keep
    merge_indicator_labels(table, rows)


def merge_indicator_labels(table, rows: list[tuple[list[str], str]]) -> None:
    """Vertical merges: 绩效指标 over the whole block; empty 一级/二级 cells into the label above."""
    block = [i for i, (_, tag) in enumerate(rows) if tag == "indicator"]
    if not block:
        return
    head = block[0] - 1
    table.cell(head, 0).merge(table.cell(block[-1], 0)).text = "绩效指标"
    for col in (1, 2):
        for start, end in label_spans([rows[i][0][col] for i in block]):
            if end > start:
                keep = table.cell(block[start], col).text
                table.cell(block[start], col).merge(table.cell(block[end], col)).text = keep


def label_spans(labels: list[str]) -> list[tuple[int, int]]:
    """[a, "", "", b, ""] → [(0, 2), (3, 4)]: each label with the empty cells below it."""
    spans: list[list[int]] = []
    for i, label in enumerate(labels):
        if label or not spans:
            spans.append([i, i])
        else:
            spans[-1][1] = i
    return [(a, b) for a, b in spans]
