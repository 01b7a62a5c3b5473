"""Ruled indicator tables (| or OCR's 丨 between cells) whose cells wrap onto ruled lines below:

    |产出指标|数量指标|村庄清洁行动覆盖行政|≥45个 |45个 |10|10|      |
    |        |        |村数                |      |     |  |  |      |

Decision: under a header naming the 分值 / 得分 columns, a line of the same cells with both score
cells empty, below a line that has them, continues that line when each of its texts sits under a
full cell (a wrapped cell's every line but the last fills its column: as wide as the column's widest
text, give or take a character). Its texts join the cells above; the line is left empty, so line
numbers (provenance) stay where they were. A line with its own scores, or a text under a short cell,
starts a row. Pure: lines in, lines out.
"""
from __future__ import annotations

from loaders.parse.labels import header_field
from loaders.parse.page_lines import display_width

MIN_HEADER_FIELDS = 4
FULL_SLACK = 2          # display columns a full line may fall short of the widest (one wide character)


def ruled_continuations_joined(lines: list[str]) -> list[str]:
    out = list(lines)
    k = 0
    while k < len(lines):
        scores = _score_columns(lines[k])
        if scores is None:
            k += 1
            continue
        k = _join_table(out, k, scores)
    return out


def _cells(line: str) -> list[str] | None:
    body = line.strip()
    if not (body.startswith("|") and body.endswith("|")) or body.count("|") < 4:
        return None
    return [cell.strip() for cell in body[1:-1].split("|")]


def _score_columns(line: str) -> list[int] | None:
    """The 分值 / 得分 columns of a ruled header line, or None when the line is no such header."""
    cells = _cells(line)
    if cells is None:
        return None
    fields = [header_field(cell, "indicator") if cell else None for cell in cells]
    scores = [n for n, f in enumerate(fields) if f in ("weight", "score")]
    if sum(1 for f in fields if f) < MIN_HEADER_FIELDS or not scores or "name" not in fields:
        return None
    return scores


def _join_table(out: list[str], header_at: int, scores: list[int]) -> int:
    """Join the continuation lines of the table under `header_at`; returns the line after it."""
    width = len(_cells(out[header_at]))
    rows = []
    k = header_at + 1
    while k < len(out) and (cells := _cells(out[k])) is not None and len(cells) == width:
        rows.append((k, cells))
        k += 1
    widest = [max((display_width(cells[c]) for _, cells in rows), default=0) for c in range(width)]
    last: tuple[int, list[str], list[str]] | None = None     # (line, joined cells, the last line's texts)
    for at, cells in rows:
        if last is not None and _continues(cells, last[2], scores, widest):
            line_at, joined, _ = last
            joined = [above + below for above, below in zip(joined, cells)]
            out[line_at], out[at] = "|" + "|".join(joined) + "|", ""
            last = (line_at, joined, cells)
        elif any(cells[c] for c in scores):
            last = (at, cells, cells)
        else:
            last = None
    return k


def _continues(cells: list[str], above: list[str], scores: list[int], widest: list[int]) -> bool:
    texts = [c for c, text in enumerate(cells) if text]
    return bool(texts) and not any(cells[c] for c in scores) and all(
        above[c] and display_width(above[c]) >= widest[c] - FULL_SLACK for c in texts)
