"""Plain-text rendering in the layouts real reports arrive in (../shared/docs/LAYOUTS.md).

  tab        one row per line, cells separated by tabs, merged label cells left empty
  cells      one cell per line (tab-indented), a blank line between rows (Word → text)
  broken     tab rows whose long cells wrap onto the next line (PDF → text): `≥1200\\n人次`
  flat       the whole table on one line with no separators (the (A)/(B) form)
  pipe       `| 产出指标 | 数量指标 | … |`
  narrative  no table at all: every figure stated in sentences
"""
from __future__ import annotations

import re

from loaders.demo import prose
from loaders.demo.document import compose
from loaders.demo.model import DemoDocument
from loaders.demo.tables import Rows


def render_txt(doc: DemoDocument) -> str:
    lines: list[str] = []
    for block in compose(doc):
        lines += table_text(doc, block) if isinstance(block, list) else [block]
    return "\n".join(lines) + "\n"


def table_text(doc: DemoDocument, rows: Rows) -> list[str]:
    layout = doc.layout
    if layout == "cells":
        return [line for row in rows for line in [*("\t" + c for c in row), ""]]
    if layout == "broken":
        return "\n".join("\t".join(break_cell(c, doc.stem) for c in row) for row in rows).split("\n")
    if layout == "flat":
        return ["".join("".join(row) for row in rows)]
    if layout == "pipe":
        out = ["| " + " | ".join(row) + " |" for row in rows]
        return out[:1] + ["|" + "---|" * len(rows[0])] + out[1:]
    return ["\t".join(row) for row in rows]


_NUMBER_THEN_WORD = re.compile(r"^(.*\d)([^\d.,%]+)$")


def break_cell(text: str, salt: str) -> str:
    """Wrap some cells as a narrow PDF column does: before a unit, or in the middle of words."""
    if len(text) < 4 or not re.search(r"[\u4e00-\u9fff]", text):
        return text
    if (prose.hash_text(salt + text) % 3) != 0:
        return text
    m = _NUMBER_THEN_WORD.match(text)
    if m:
        return m.group(1) + "\n" + m.group(2)
    cut = len(text) // 2
    return text[:cut] + "\n" + text[cut:]
