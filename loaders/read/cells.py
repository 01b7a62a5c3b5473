"""Shared helpers for readers that produce table rows: cell text → one tab row."""
from __future__ import annotations

import re

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_SPACES = re.compile(r"[ \u00a0\u3000]+")


def join_fragments(parts: list[str]) -> str:
    """Join the lines of one cell. CJK text wraps without spaces, so no space is
    added between two CJK characters; between Latin words/numbers one is kept."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(part[0])):
            out += " "
        out += part
    return out


def clean_cell(text: str | None) -> str:
    """A cell's text on one line: tabs and line breaks would break the row format."""
    if text is None:
        return ""
    text = join_fragments(re.split(r"[\r\n\t\v]+", text))
    return _SPACES.sub(" ", text).strip()


def row_line(cells: list[str]) -> str:
    """One table row as a tab-separated line, trailing empty cells dropped."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return "\t".join(cells)
