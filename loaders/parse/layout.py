"""Indicator tables printed as space-aligned columns (pdftotext -layout, fixed-width exports) whose
cells wrap onto the lines below, each in its own column:

     一级指标  二级指标   三级指标          年度指标值   实际完成值   分值   得分   偏差原因分析
     效益指标  社会效益   农村卫生厕所普    ≥95%         96.2%        15     15
               指标       及率

Decision: the header line fixes the column where each column starts; every later line's text
runs (set apart by two or more spaces) go to the column they start in. A line with a number in
the 分值 / 得分 columns starts a row (in a table without them: a name with a value beside it),
and the lines after it without one continue that row's cells (社会效益 + 指标 → 社会效益指标).
Each row is written back as one tab row on its first line; its continuation lines become empty,
so line numbers (provenance) stay where they were. A line that fits no column (prose, a heading)
ends the table. Only tables that need it are rewritten (wrapped cells, or no score column to
close a row); the word reader reads the others. Pure: lines in, lines out.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from loaders.parse.labels import (begins_level_label, completes_level_label, glued_level_label, header_field, is_label,
                                  level_family, level_kind)
from loaders.parse.numbers import to_halfwidth
from loaders.parse.page_lines import display_width

_RUN_RE = re.compile(r"\S+(?: \S+)*")      # text runs apart by two or more spaces
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?\s*分?$")
_SPACED_LETTERS_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")   # 一 级 指 标 (OCR)
MIN_HEADER_CELLS = 5
COLUMN_SLACK = 2            # a run may start this many characters left of its column
MAX_ROW_LINES = 8           # a row wraps onto at most this many lines
BLANK_ROW_REACH = 4         # lines after a blank one in which a centred row's scores must come
MAX_LABEL_TAIL = 6          # 指标 / 效益指标 / 满意度指标: the part of a level label that wraps onto the next line
_GAP_RE = re.compile(r"(?<=\S)(?: {2,}|\u3000+)(?=\S)")   # (a full-width space is two columns wide)
MIN_GAPS_TO_JUDGE = 12
MAX_SEPARATOR_WIDTH = 4
EVEN_GAP_SHARE = 0.85      # this share of a table's gaps of one width: cells set apart, not aligned


def layout_tables_as_tabs(lines: list[str]) -> list[str]:
    """`lines` with every space-aligned indicator table rewritten as tab rows (same line count)."""
    if not any("  " in line for line in lines):
        return lines
    lines = join_stacked_headers(lines)
    out = list(lines)
    k = 0
    while k < len(lines):
        table = _best_reading(lines, k)
        if table is None:
            k += 1
            continue
        columns, rows, end, wide = table
        out[k] = "\t".join(_header_cell(text) for _, text in _runs(lines[k], wide))
        for line_at in range(k + 1, end):
            out[line_at] = ""
        for line_at, cells in rows:
            out[line_at] = "\t".join(_SPACED_LETTERS_RE.sub("", cells.get(n, "")) if n < 2 else cells.get(n, "")
                                     for n in range(len(columns))).rstrip("\t")
        k = end
    return out


def _best_reading(lines: list[str], header_at: int):
    """The table under a header line read by display columns and by characters: the reading
    that places more lines wins. Only a table with wrapped cells is rewritten — the word
    tokenizer reads one-line rows as they are."""
    best = None
    for wide in (True, False):
        columns = _header_columns(lines[header_at], wide)
        if not columns:
            return None
        rows, end = _read_rows(lines, header_at, columns, wide)
        if rows and (best is None or end > best[2]):
            best = (columns, rows, end, wide)
    if best is None or _evenly_spaced(lines[header_at:best[2]]):
        return None
    # a table without 分值 / 得分 has no number closing its rows: the word reader cannot delimit them;
    # a row whose level cells are blank (merged above) needs its cells' columns to say which level a
    # label under 二级指标 is (预算管理 is no listed label)
    wrapped = (best[2] - header_at - 1) > len(best[1])
    return best if wrapped or not _scored(best[0]) or _merged_level_cells(best[0], best[1]) else None


def _evenly_spaced(lines: list[str]) -> bool:
    """Cells set apart by the same few spaces everywhere (a text export writing "  " between cells,
    empty cells left out) are no columns: a printer aligning columns pads each gap to its own
    width. Such rows are the word reader's."""
    gaps = [display_width(gap) for line in lines for gap in _GAP_RE.findall(line.strip())]
    if len(gaps) < MIN_GAPS_TO_JUDGE:
        return False
    width, count = Counter(gaps).most_common(1)[0]
    return width <= MAX_SEPARATOR_WIDTH and count >= EVEN_GAP_SHARE * len(gaps)


def _merged_level_cells(columns: list[Column], rows: list[tuple[int, dict[int, str]]]) -> bool:
    levels = [k for k, column in enumerate(columns) if column.field in ("level1", "level2")]
    return len(levels) == 2 and any(levels[1] in cells and levels[0] not in cells for _, cells in rows)


def _runs(line: str, wide: bool = True) -> list[tuple[int, str]]:
    """Text runs with the column they start at: display columns (a Chinese character two wide, as
    a layout printer sets them) or characters (as some exports pad them)."""
    return [(display_width(line[:m.start()]) if wide else m.start(), m.group()) for m in _RUN_RE.finditer(line)]


def _width(text: str, wide: bool) -> int:
    return display_width(text) if wide else len(text)


def display_runs(line: str) -> list[tuple[int, str]]:
    """The line's text runs (apart by two or more spaces) with the display column each starts at."""
    return _runs(line, True)


# a narrow column's header cut short in a space-aligned table (一级 / 二级 over the 指标 of the line below,
# or without it; 绩效 of the 绩效指标 group column); only here — in a stream of words 一级 may be the
# first half of 一级指标, and 绩效 a level label of its own (决策 / 管理 / 绩效)
_SHORT_LEVEL_HEADERS = {"一级": "level1", "二级": "level2", "三级": "name", "绩效": "ignore"}
_SHORT_LEVEL_HEADERS_IN_FULL = {"一级": "一级指标", "二级": "二级指标", "三级": "三级指标", "绩效": "绩效指标"}


def _header_cell(text: str) -> str:
    """A header cell written for the tab reader: 一 级 指 标 closed up, a short 一级 said in full (the
    tab reader, reading words anywhere, takes 一级 alone for no header)."""
    text = _SPACED_LETTERS_RE.sub("", text)
    return _SHORT_LEVEL_HEADERS_IN_FULL.get(text, text)


class Column(NamedTuple):
    start: int
    field: str
    end: int


def _header_columns(line: str, wide: bool) -> list[Column] | None:
    """(start, field, end) of each header cell, when the line is a space-aligned indicator header."""
    if "\t" in line or "|" in line:
        return None
    runs = _runs(line, wide)
    fields = [(start, header_field(text, "indicator") or _SHORT_LEVEL_HEADERS.get(text)) for start, text in runs]
    if len(runs) < MIN_HEADER_CELLS or any(f is None for _, f in fields):
        return None
    names = {f for _, f in fields}
    if "name" not in names or not names & {"weight", "score", "target", "actual"}:
        return None
    return [Column(start, f, start + _width(text, wide)) for (start, f), (_, text) in zip(fields, runs)]


def _column_of(start: int, columns: list[Column], text: str = "", wide: bool = True) -> int | None:
    """The column a run starting here is in. Words past the middle of the gap between a header word's end
    and the next header word are the next column's (a header centred over a wide text column starts
    right of its cells); numbers, set right or centred under their header, go by its start."""
    found = None
    words = bool(text) and not _NUMBER_RE.match(to_halfwidth(text))
    for k, column in enumerate(columns):
        gap_middle = (columns[k - 1].end + column.start) / 2 if k else column.start
        if start + COLUMN_SLACK >= column.start or (
                words and k and start >= gap_middle and start >= columns[k - 1].end + 2):
            found = k
    if words and found is not None and found + 1 < len(columns) and columns[found].field in ("weight", "score") \
            and (start >= columns[found].end or start + _width(text, wide) > columns[found + 1].start + COLUMN_SLACK):
        found += 1     # words past a score header's end, or running on under the next header, are no score:
                       # the text column after it (偏差原因)
    elif words and found is not None and found + 1 < len(columns) and _overlap(start, text, columns[found], wide) <= _sliver(text, wide) \
            and start + _width(text, wide) / 2 > (columns[found].end + columns[found + 1].start) / 2:
        found += 1     # a cell under a header centred over a wide column starts left of it, in the gap after the
                       # narrow column before (绩效目标合理性 ⏎ 档率 under 三级指标): its middle is past the gap's
    elif text and not words and found is not None and found + 1 < len(columns) \
            and columns[found].field in ("level1", "level2") and columns[found + 1].field in ("weight", "score"):
        found += 1     # a level's label is words: a number under it is its points (目标设定   10 printed wider
                       # than 二级 | 分 above them)
    return found


def _sliver(text: str, wide: bool) -> float:
    """How far a wide cell may reach under the end of a header before it and still be the next column's:
    a header joined from stacked words (一级 ⏎ 指标 → 一级指标) is printed wider than its column."""
    return min(SLIVER, _width(text, wide) / 4)


SLIVER = 2


def _overlap(start: int, text: str, column: Column, wide: bool) -> int:
    return min(start + _width(text, wide), column.end) - max(start, column.start)


def _placed(line: str, columns: list[Column], wide: bool) -> dict[int, str] | None:
    """Column → text of a data line, or None when a run fits no column (the table has ended)."""
    cells: dict[int, str] = {}
    words = [(start, text) for start, text in _words_by_column(line, columns, wide)
             if not _left_of_the_table(start, text, columns, wide)]
    for start, text in words:
        k = _column_of(start, columns, text, wide)
        if _runs_over_its_column(start, text, k, columns, wide):
            return None   # a sentence after the table, running over the columns beside its start
        if k is None or k in cells:
            return _placed_by_centres(words, columns, wide) or _placed_in_order(words, columns)
        cells[k] = text
    return cells


def _left_of_the_table(start: int, text: str, columns: list[Column], wide: bool) -> bool:
    """绩效 ⏎ 指标 in a margin column the header does not name (the form's group label left of 一级指标):
    words ending before the first header word starts are no cell of the table (a 总分 label is)."""
    return start + _width(text, wide) + COLUMN_SLACK <= columns[0].start and not _NUMBER_RE.match(to_halfwidth(text)) \
        and not is_label(text.replace(" ", ""), "total")


def _runs_over_its_column(start: int, text: str, k: int | None, columns: list[Column], wide: bool) -> bool:
    """A run that reaches well into the next column — across two columns, or a sentence more than
    twice its column's width — is no cell: a layout printer wraps a cell inside its column."""
    end = start + _width(text, wide)
    if sum(1 for column in columns if start < column.start < end - COLUMN_SLACK) >= 2:
        return True
    if k is None or k + 1 >= len(columns) or not re.search(r"[，。；]", text):
        return False
    return end > columns[k + 1].start + COLUMN_SLACK and _width(text, wide) > 2 * (columns[k].end - columns[k].start)


def _placed_in_order(words: list[tuple[int, str]], columns: list[Column]) -> dict[int, str] | None:
    """A line whose runs sit nowhere near the header's columns: one run per column in order, or —
    a total row (总分 … 100 98) — its label first and its numbers in the last columns."""
    if len(words) == len(columns):
        return {k: text for k, (_, text) in enumerate(words)}
    numbers = [text for _, text in words[1:]]
    if is_label(words[0][1], "total") and numbers and all(_NUMBER_RE.match(to_halfwidth(n)) for n in numbers):
        first = len(columns) - len(numbers)
        return {0: words[0][1], **{first + k: n for k, n in enumerate(numbers)}} if first > 0 else None
    return None


def _placed_by_centres(words: list[tuple[int, str]], columns: list[Column], wide: bool) -> dict[int, str] | None:
    """Numbers set right-aligned or centred may start past their header's start (…分值    得分 over
    …   50      50): each run goes to the header whose centre is nearest its own, when that keeps
    the runs in order, one per column."""
    cells: dict[int, str] = {}
    last = -1

    def distance(n: int) -> float:
        return abs((columns[n].start + columns[n].end) / 2 - centre)
    for start, text in words:
        centre = start + _width(text, wide) / 2
        k = min(range(len(columns)), key=distance)
        if k <= last and last + 1 < len(columns) and distance(last + 1) <= distance(k) + 1:
            k = last + 1     # halfway between two headers (10 under 分值 | 得分, the first one taken): the next
        if k <= last:
            return None
        cells[k], last = text, k
    return cells


def _words_by_column(line: str, columns: list[Column], wide: bool) -> list[tuple[int, str]]:
    """The line's runs, a run cut where one of its words starts in a later column: a tight layout
    sets two cells one space apart (满意度指标 服务对象满意度 群众满意度)."""
    out: list[tuple[int, str]] = []
    for start, text in _runs(line, wide):
        column = _column_of(start, columns, text, wide)   # (a run starting left of its centred header is its column's)
        out.append((start, ""))
        offset = start
        for word in text.split(" "):
            word_column = _column_of(offset, columns)
            if out[-1][1] and word_column is not None and column is not None and word_column > column:
                out.append((offset, ""))
                column = word_column
            begun, joined = out[-1]
            out[-1] = (begun, f"{joined} {word}" if joined else word)
            offset += _width(word, wide) + 1
    return [part for start, text in out for part in _level_label_cut(start, text, columns, wide)]


def _level_label_cut(start: int, text: str, columns: list[Column], wide: bool) -> list[tuple[int, str]]:
    """服务对象满意度指标村民满意度 from the 二级指标 column into the name's: a level label too long for
    its column ran into the next cell — a known label ending in 指标 and the rest, the rest set in
    the next column."""
    k = _column_of(start, columns)
    glued = glued_level_label(text)
    if k is None or k + 1 >= len(columns) or columns[k].field not in ("level1", "level2") or not glued \
            or start + _width(text, wide) <= columns[k + 1].start:
        return [(start, text)]
    label, rest = glued
    return [(start, label), (max(start + _width(label, wide), columns[k + 1].start), rest)]


def _cut_row_at_the_end(placed: list[tuple[int, dict[int, str]]], columns: list[Column], wrap: "_WrapWidths") -> bool:
    """社会效益指标 | 带动建档立卡脱贫人口就 where the text stops: a row the page cut before its value, when
    the row above closed its name on a short line (a full one would go on here)."""
    cells = placed[-1][1]
    name = next((k for k, column in enumerate(columns) if column.field == "name"), None)
    above = next((c[name] for _, c in reversed(placed[:-1]) if name in c), None)
    if not _opens_with_level_labels(cells, columns, last=True) or above is None:
        return False
    # the row above holds its own label in that column (质量指标 … ⏎ 时效指标 | 演出按计划完): a second row
    row_above = next((c for _, c in reversed(placed[:-1]) if any(columns[k].field in ("weight", "score") for k in c)), {})
    labelled = any(columns[k].field in ("level1", "level2") and k in row_above and level_kind(row_above[k], fuzzy=False)
                   for k in cells)
    return labelled or not wrap.full(name, above)


def _opens_with_level_labels(cells: dict[int, str], columns: list[Column], last: bool = False) -> bool:
    """效益指标 | 社会效益指标 | 孕产妇系统管理率 | ≥90% (the page cut it before its scores): whole level
    labels in the level columns start a row — a wrapped cell's tail is a fragment (指标), never a label;
    and the row has its value (质量指标 | 确率 is a label beside a name's tail, set low in its row) unless
    the text stops on that line."""
    levels = [k for k, column in enumerate(columns) if column.field in ("level1", "level2")]
    texts = [cells[k] for k in levels if k in cells]
    fields = {columns[k].field for k in cells}
    return bool(texts) and all(level_kind(text, fuzzy=False) for text in texts) and "name" in fields \
        and (last or bool(fields & {"target", "actual", "target_value"}))


def _starts_row(cells: dict[int, str], columns: list[Column]) -> bool:
    """A number under 分值 / 得分 starts a row; in a table without them, a name with a value beside it."""
    if is_label(cells.get(0, ""), "total"):
        return True    # 总分 … 100 99 (its numbers need not sit under 分值 / 得分)
    if not _scored(columns):
        fields = {columns[k][1] for k in cells}
        return "name" in fields and bool(fields & {"target", "actual"})
    return any(columns[k][1] in ("weight", "score") and _NUMBER_RE.match(to_halfwidth(text))
               for k, text in cells.items())


def _scored(columns: list[Column]) -> bool:
    return any(column.field in ("weight", "score") for column in columns)


def _read_rows(lines: list[str], header_at: int, columns: list[Column],
               wide: bool) -> tuple[list[tuple[int, dict[int, str]]], int]:
    """(rows as (first line, column → text), the line after the table)."""
    placed: list[tuple[int, dict[int, str]]] = []
    k = header_at + 1
    if k < len(lines) and not lines[k].strip() and k + 1 < len(lines) and lines[k + 1].strip():
        k += 1   # the header's wrapped tail, joined into it (join_stacked_headers), left an empty line
    while k < len(lines) and (lines[k].strip() or _goes_on_after_blank(lines, k, columns, wide, placed)):
        if not lines[k].strip():
            k += 1     # a blank line between two of the table's rows (a PDF's taller row)
            continue
        if _header_again(lines[k], columns, wide):
            k += 1     # the header printed again atop the next page: no row's cells
            continue
        cells = _placed(lines[k], columns, wide)
        if cells is None or (placed and _is_total_line(placed[-1][1])):
            break      # a line that fits no column, or anything after the 总分 row, ends the table
        placed.append((k, cells))
        k += 1
    scored = [n for n, (_, cells) in enumerate(placed) if _starts_row(cells, columns)]
    if not scored:
        return [], header_at + 1
    # cells centred in their rows put lines above the first row's scores; in a top-aligned table a
    # line of whole level labels without scores is a row the page cut before them
    wrap = _WrapWidths(placed, columns, wide)
    groups = _centred_groups(scored, len(placed)) if scored[0] > 0 else None
    if groups is None:
        starts = [n for n, (_, cells) in enumerate(placed)
                  if _starts_row(cells, columns) or (n and _opens_with_level_labels(cells, columns))
                  or (n == len(placed) - 1 and _cut_row_at_the_end(placed, columns, wrap))]
        groups = _top_aligned_groups(starts, len(placed))
        centred = _centred_groups(scored, len(placed)) if _wrap_cost(groups, placed, wrap) else None
        if centred and _cost_with_labels(centred, placed, columns, wrap) < _cost_with_labels(groups, placed, columns, wrap):
            groups = centred   # a first row of one line, the rows under it centred (name ⏎ scores ⏎ name's end)
    if groups[-1][1] == len(placed) - 1 and _continues_a_cell(placed[-1][1], columns, placed[slice(*groups[-1])]):
        # the table's last line, below the last row's scores (工程完工时 ⏎ 限): the rest of that row's cells
        groups[-1] = (groups[-1][0], len(placed))
    if _wrap_cost(groups, placed, wrap):
        by_wraps = _groups_by_wraps(scored, placed, wrap)
        if _wrap_cost(by_wraps, placed, wrap) < _wrap_cost(groups, placed, wrap):
            groups = by_wraps
    groups = _total_row_alone(groups, placed, columns)
    centred = _centred_labels(placed, scored, groups, columns)
    rows, end = [], header_at + 1
    levels = {k for k, column in enumerate(columns) if column.field in ("level1", "level2")}
    for g, (first, last) in enumerate(groups):
        if last - first > MAX_ROW_LINES:
            break
        cells: dict[int, str] = {}
        for _, line_cells in placed[first:last]:
            for col, text in line_cells.items():
                if col in levels and _second_whole_label(cells.get(col, ""), text):
                    continue   # 时效指标 ⏎ 效果指标 (a group's heading under the row): two labels are never one
                if col not in centred or centred[col][g] is None:    # (the 总分 row keeps its words)
                    cells[col] = cells.get(col, "") + text
        for col, labels in centred.items():
            if labels[g]:
                cells[col] = labels[g]
        rows.append((placed[first][0], cells))
        end = placed[last - 1][0] + 1
    _level_tails_up(rows, columns)
    return rows, end


def _header_again(line: str, columns: list[Column], wide: bool) -> bool:
    again = _header_columns(line, wide)
    return again is not None and [c.field for c in again] == [c.field for c in columns]


def _total_row_alone(groups: list[tuple[int, int]], placed: list[tuple[int, dict[int, str]]],
                     columns: list[Column]) -> list[tuple[int, int]]:
    """The 总分 row is one line: lines above it that rows centred in their lines gave it (a label's
    tail, 标 of 满意度指 ⏎ 标) belong to the row above."""
    if len(groups) < 2:
        return groups
    first, last = groups[-1]
    at = next((n for n in range(first, last) if _is_total_line(placed[n][1])), None)
    if at is None or at == first or any(columns[c].field in ("name", "weight", "score")
                                        for _, cells in placed[first:at] for c in cells):
        return groups
    return [*groups[:-2], (groups[-2][0], at), (at, last)]


def _second_whole_label(head: str, text: str) -> bool:
    return bool(head) and level_kind(head, fuzzy=False) is not None and level_kind(text, fuzzy=False) is not None \
        and not completes_level_label(head, text)


def _continues_a_cell(cells: dict[int, str], columns: list[Column], above: list[tuple[int, dict[int, str]]]) -> bool:
    """A line of text-column fragments only (no score, no total) — in a level column only the rest of the
    label above (可持续影响 ⏎ 指标): a wrapped cell's tail."""
    def tail_of_above(k: int) -> bool:
        head = "".join(line_cells.get(k, "") for _, line_cells in above)
        return bool(head) and completes_level_label(head, cells[k])
    return bool(cells) and not _is_total_line(cells) and all(
        columns[k].field in ("name", "target", "actual", "reason", "target_value", "target_unit")
        or (columns[k].field in ("level1", "level2") and tail_of_above(k)) for k in cells)


def _is_total_line(cells: dict[int, str]) -> bool:
    """总分 | … | 100 | 97, or 总 | 分 | … set apart: a cell, or the words before the numbers, make a total label."""
    words = [text.replace(" ", "") for _, text in sorted(cells.items()) if not _NUMBER_RE.match(to_halfwidth(text))]
    return any(is_label(word, "total") for word in words) or is_label("".join(words), "total")


_NOT_A_ROW_RE = re.compile(r"^\s*[—-]\s*\d+\s*[—-]\s*$|第\s*\d+\s*页|(?:自评|评价)(?:表|报告)")


_POINTS_NOTE_RE = re.compile(r"^[（(]\d+(?:\.\d+)?分?[)）]$")


def _centred_labels(placed: list[tuple[int, dict[int, str]]], scored: list[int], groups: list[tuple[int, int]],
                    columns: list[Column]) -> dict[int, list[str | None]]:
    """Level labels set in the middle of the rows they span (a merged cell centred in a PDF), some of
    them on a line of their own between two rows: each label goes to the run of rows whose middle it
    sits nearest (the runs in order, each label one). Level column → the label of each row group;
    only columns whose labels are all whole known labels and where one stands between rows."""
    out: dict[int, list[str | None]] = {}
    # the 总分 row spans no group
    totals = {g for g, (first, last) in enumerate(groups) if any(_is_total_line(cells) for _, cells in placed[first:last])}
    rows = [g for g in range(len(groups)) if g not in totals]
    # where each row stands: the line with its scores, and the middle of its own lines
    row_places = [(next((n for n in scored if first <= n < last), first), sum(_row_span(placed, (first, last), columns)) / 2)
                  for first, last in (groups[g] for g in rows)]
    in_totals = {n for g in totals for n in range(*groups[g])}
    # a label's first line that opens no row and holds no scores: it sits centred within its rows
    not_a_row_start = {n for n in range(len(placed)) if n not in scored} - {first for first, _ in groups}
    alone = [n for n, (_, cells) in enumerate(placed) if n not in scored and cells
             and not any(columns[c].field in ("name", "weight", "score") for c in cells)]
    level2_of_rows: list[str | None] = []
    # the 二级 column first: a 一级 label's run holds the rows whose 二级 is of its family (产出 / 效益)
    for col in sorted((k for k, c in enumerate(columns) if c.field in ("level1", "level2")),
                      key=lambda k: columns[k].field != "level2"):
        column = columns[col]
        if column.field == "level1" and not level2_of_rows:
            level2_of_rows = _level2_of_rows(placed, groups, rows, columns, out)
        labels = _labels_of_column([(line, cells if n not in in_totals else {}) for n, (line, cells) in enumerate(placed)], col)
        if labels and scored:
            # labels alone below the last row's scores (the page cut after them: 效益指标 | 生态效益 with no
            # row left) span no row
            labels = [(lines, text) for lines, text in labels if lines[0] < scored[-1] or any(
                columns[c].field not in ("level1", "level2") for c in placed[lines[0]][1])
                or _heads_the_last_row(text, column, level2_of_rows)]
        # centred: some label stands on a line between rows, without a name or scores, or on a row's
        # later line without its scores (a top-aligned table prints each label on its row's first
        # line, beside its name or its scores)
        if not labels or not any(lines[0] in alone or lines[0] in not_a_row_start for lines, _ in labels) \
                or len(labels) > len(rows):
            continue
        conflicts = None
        if column.field == "level1" and level2_of_rows:
            families = [level_family(label, "level1") for _, label in labels]
            conflicts = [[bool(f and level_family(l2, "level2") not in (None, f)) for l2 in level2_of_rows] for f in families]
        blocks = _blocks_by_middles([sum(lines) / len(lines) for lines, _ in labels], row_places, conflicts)
        out[col] = [None] * len(groups)
        for (first, last), (_, text) in zip(blocks, labels):
            for r in range(first, last):
                out[col][rows[r]] = text
    return out


def _heads_the_last_row(label: str, column: Column, level2_of_rows: list[str | None]) -> bool:
    """效益指标 under the last row (社会效益 ⏎ 效益指标 指标, the page cut there): a 一级 of the last row's 二级
    family is that row's too — its group goes on over the page."""
    if column.field != "level1" or not level2_of_rows or not level2_of_rows[-1]:
        return False
    family = level_family(label, "level1")
    return family is not None and level_family(level2_of_rows[-1], "level2") == family


def _row_span(placed: list[tuple[int, dict[int, str]]], group: tuple[int, int], columns: list[Column]) -> tuple[int, int]:
    """A row's first and last line of its own cells (a merged label is centred on the lines of its rows;
    a line holding only a level label belongs to no row)."""
    own = [n for n in range(*group) if any(columns[c].field not in ("level1", "level2") for c in placed[n][1])]
    return (own[0], own[-1]) if own else (group[0], group[1] - 1)


def _level2_of_rows(placed: list[tuple[int, dict[int, str]]], groups: list[tuple[int, int]], rows: list[int],
                    columns: list[Column], centred: dict[int, list[str | None]]) -> list[str | None]:
    """Each row's 二级 label: the centred one, else the text of its lines in the 二级 column."""
    col = next((k for k, c in enumerate(columns) if c.field == "level2"), None)
    if col is None:
        return []
    if col in centred:
        return [centred[col][g] for g in rows]
    return ["".join(cells.get(col, "") for _, cells in placed[slice(*groups[g])]) or None for g in rows]


def _labels_of_column(placed: list[tuple[int, dict[int, str]]], col: int) -> list[tuple[list[int], str]] | None:
    """The column's labels, fragments on nearby lines joined (可持续影响指 ⏎ 标, 产出指标 ⏎ （50分）), with
    the lines they sit on; None when a fragment makes no known label."""
    labels: list[tuple[list[int], str]] = []
    for n, (_, cells) in enumerate(placed):
        text = cells.get(col)
        if not text:
            continue
        if labels and n - labels[-1][0][-1] <= 2 and (
                _POINTS_NOTE_RE.match(text) or completes_level_label(labels[-1][1], text) or (
                    not level_kind(text, fuzzy=False) and begins_level_label(labels[-1][1] + text))):
            labels[-1] = (labels[-1][0] + [n], labels[-1][1] + text)
        else:
            labels.append(([n], text))
    if not all(level_kind(text, fuzzy=False) for _, text in labels):
        return None
    return labels


FAMILY_CONFLICT_COST = 1.0    # a row whose 二级 is of another family than its run's 一级 (时效指标 under 效益指标)


def _blocks_by_middles(middles: list[float], rows: list[tuple[float, float]],
                       conflicts: list[list[bool]] | None = None) -> list[tuple[int, int]]:
    """Split the rows (in order, each placed twice: its scores' line and the middle of its lines) into
    len(middles) runs, run k's middle nearest middles[k] by both (least total distance — a printer
    centres a label on its rows' lines, a writer by eye on their scores — and fewest rows of another
    family when `conflicts[k][row]` says so): [(first row, row after the last)]."""
    k_count, n = len(middles), len(rows)
    best = {(0, 0): (0.0, [])}

    def cost_of(k: int, j: int, i: int) -> float:
        clash = sum(conflicts[k][j:i]) * FAMILY_CONFLICT_COST if conflicts else 0.0
        return sum(abs(middles[k] - (rows[j][p] + rows[i - 1][p]) / 2) for p in (0, 1)) + clash
    for k in range(1, k_count + 1):
        for i in range(k, n - (k_count - k) + 1):
            options = [(cost + cost_of(k - 1, j, i), blocks + [(j, i)])
                       for j in range(k - 1, i) if (j, k - 1) in best for cost, blocks in [best[(j, k - 1)]]]
            if options:
                best[(i, k)] = min(options, key=lambda o: o[0])
    return best[(n, k_count)][1]


def _goes_on_after_blank(lines: list[str], k: int, columns: list[Column], wide: bool,
                         placed: list[tuple[int, dict[int, str]]]) -> bool:
    """One blank line with a row of the table after it: its scores, a level label in its column, or the
    first lines of a row's name with its scores within BLANK_ROW_REACH lines."""
    if not placed or k + 1 >= len(lines) or not lines[k + 1].strip():
        return False
    cells = _placed(lines[k + 1], columns, wide)
    if not cells or _is_total_line(placed[-1][1]):
        return False
    levels = [text for c, text in cells.items() if columns[c].field in ("level1", "level2")]
    if _starts_row(cells, columns) or (levels and all(level_kind(t, fuzzy=False) or begins_level_label(t) for t in levels)
                                       and all(columns[c].field in ("level1", "level2", "reason") for c in cells)):
        return True     # (a level label centred in its rows may sit beside a wrapped 偏差原因, or open there: 服务对象满 ⏎ 意度指标)
    # a row centred in its lines: its name's first lines, then the line with its scores
    for ahead in lines[k + 1:k + 1 + BLANK_ROW_REACH]:
        following = _placed(ahead, columns, wide) if ahead.strip() and not _NOT_A_ROW_RE.search(ahead) else None
        if not following or any(_is_header_word(text) for text in following.values()):
            return False      # a page number, the form's title and header again: a new page's table
        if _starts_row(following, columns):
            return True
        if not any(columns[c].field == "name" for c in following):
            return False
    return False


def _level_tails_up(rows: list[tuple[int, dict[int, str]]], columns: list[Column]) -> None:
    """产出 ⏎ 指标 in the 一级指标 column, the 指标 on the next row's first line: a label's wrapped tail
    belongs to the label above when together they make a known label (产出指标, 社会效益指标)."""
    levels = [k for k, column in enumerate(columns) if column.field in ("level1", "level2")]
    for (_, above), (_, cells) in zip(rows, rows[1:]):
        for k in levels:
            tail, head = cells.get(k, ""), above.get(k, "")
            if tail and head and len(tail) <= MAX_LABEL_TAIL and completes_level_label(head, tail):
                above[k] = head + tail
                del cells[k]


def _top_aligned_groups(starts: list[int], count: int) -> list[tuple[int, int]]:
    """A row is its line with the scores and the lines after it up to the next such line (cells set
    at the top of their row wrap downwards); lines before the first scored line open the first row."""
    bounds = [0, *starts[1:], count]
    return list(zip(bounds, bounds[1:]))


class _WrapWidths:
    """A cell wraps at its column's width: every line of it but the last is full, so a short line
    ends its cell. The width of a column is its widest line of text."""
    TEXT_FIELDS = ("name", "target", "actual", "reason")
    SLACK = 2               # a line is full when at most one wide character short of the width

    def __init__(self, placed: list[tuple[int, dict[int, str]]], columns: list[Column], wide: bool):
        self.wide = wide
        self.columns = [k for k, column in enumerate(columns) if column.field in self.TEXT_FIELDS]
        self.widths = {k: max((_width(cells[k], wide) for _, cells in placed if k in cells), default=0)
                       for k in self.columns}

    def full(self, k: int, text: str) -> bool:
        return _width(text, self.wide) >= self.widths[k] - self.SLACK

    def cut_short(self, lines: list[tuple[int, dict[int, str]]]) -> int:
        """How many cells of these lines (a row, or a row's top) go on after a short line: read so,
        two rows' cells were joined."""
        count = 0
        for k in self.columns:
            parts = [cells[k] for _, cells in lines if k in cells]
            count += sum(1 for part in parts[:-1] if not self.full(k, part))
        return count


def _groups_by_wraps(scored: list[int], placed: list[tuple[int, dict[int, str]]],
                     wrap: _WrapWidths) -> list[tuple[int, int]]:
    """Rows whose cells are centred, each in its own way (a row's scores on its first, middle or last
    line): between two lines with scores, the lines above the cut go with the upper row and the rest
    with the lower, cut where the fewest cells go on after a short line, as low as that allows."""
    groups, first = [], 0
    for at, following in zip(scored, [*scored[1:], len(placed)]):
        if following == len(placed):
            groups.append((first, following))
            return groups

        def cost(cut: int) -> int:
            return wrap.cut_short(placed[first:cut]) + wrap.cut_short(placed[cut:following + 1])
        cut = min(range(following, at, -1), key=cost)     # min keeps the first (lowest cut) of equals
        groups.append((first, cut))
        first = cut
    return groups


def _wrap_cost(groups: list[tuple[int, int]], placed: list[tuple[int, dict[int, str]]], wrap: _WrapWidths) -> int:
    return sum(wrap.cut_short(placed[first:last]) for first, last in groups)


def _cost_with_labels(groups: list[tuple[int, int]], placed: list[tuple[int, dict[int, str]]],
                      columns: list[Column], wrap: _WrapWidths) -> int:
    """The wrap cost, and one for each row whose level label stops cut (质量指 without its 标 below)."""
    levels = [k for k, column in enumerate(columns) if column.field in ("level1", "level2")]
    cut = sum(1 for first, last in groups for k in levels
              if begins_level_label(label := "".join(cells.get(k, "") for _, cells in placed[first:last]))
              and not is_label(label, "level1") and not is_label(label, "level2"))
    return _wrap_cost(groups, placed, wrap) + cut


def _centred_groups(starts: list[int], count: int) -> list[tuple[int, int]] | None:
    """Cells centred in their row (a Word table's default in many forms) put the scores on the middle
    line: a row wrapped over three lines is name-top ⏎ levels, values, scores ⏎ name-bottom. Read so
    when the lines before the first scored line are as many as each row's lines after its scores,
    row after row; None when the lines do not fall that way (the table is top-aligned)."""
    groups, above, first = [], starts[0], 0
    for n, at in enumerate(starts):
        following = (starts[n + 1] if n + 1 < len(starts) else count) - at - 1
        below = min(above, following) if n + 1 == len(starts) else above
        if below > following:
            return None
        groups.append((first, at + below + 1))
        first, above = at + below + 1, following - below
    return groups if groups[-1][1] == count or count - groups[-1][1] <= 1 else None


MAX_STACKED_WORD = 4
MAX_TAIL_WORD = 8           # 偏差原因分析 / 及改进措施: a long header cell wraps after more characters


def join_stacked_headers(lines: list[str]) -> list[str]:
    """A header whose labels are printed on two lines, word above word:

                             年初          全年          全年
        项目资金（万元）     预算数        预算数        执行数        分值     执行率

    The words of the upper line join the header words below them when every pair makes a known
    label (年初 + 预算数 → 年初预算数); the upper line becomes empty."""
    out = list(lines)
    k = 0
    while k < len(lines) - 1:
        upper = lines[k]
        k += 1
        if not upper.strip() or "\t" in upper or "|" in upper or "  " not in upper.strip() + "  ":
            continue
        for wide in (True, False):
            joined = _joined_header(upper, lines[k], wide)
            if joined is not None:
                out[k - 1], out[k] = "", joined
                break
            tail = _joined_tail(upper, lines[k], wide)
            if tail is not None:
                out[k - 1], out[k] = tail, ""    # 绩效 ⏎ 指标 under it: the header's first word, broken
                break
            block = _merged_block(lines, k - 1, wide)
            if block is not None:
                merged, count = block
                out[k - 1:k - 1 + count] = [""] * (count - 1) + [merged]
                k += count - 1
                break
    return out


MAX_BLOCK_LINES = 3
_QUALIFIER_RE = re.compile(r"^[（(][^（()）]{1,6}[)）]$")


def _merged_block(lines: list[str], k: int, wide: bool) -> tuple[str, int] | None:
    """A header spread over two or three lines, its cells at different heights (a cell centred in a
    taller row, a word wrapped, its unit below):

                     年初预算数    全年预算数    执行率
                                                          分 值       得 分
                     （万元）      （万元）      （%）

    Runs that overlap in their columns are one cell, read top to bottom; the cells in column order
    make the header (年初预算数（万元） 全年预算数（万元） 执行率（%） 分值 得分), on the block's last
    line. Only when every cell is a known header word (one group label may stand first: 项目资金 /
    绩效指标) and at least two lines' runs make one cell or interleave."""
    for count in range(MAX_BLOCK_LINES, 1, -1):
        block = lines[k:k + count]
        if len(block) < count or any(not line.strip() or "\t" in line or "|" in line for line in block):
            continue
        runs = [(n, start, start + _width(text, wide), _SPACED_LETTERS_RE.sub("", text))
                for n, line in enumerate(block) for start, text in _runs(line, wide)]
        if any(re.search(r"\d", text) for *_, text in runs):
            continue
        cells = _cells_by_overlap(runs)
        if cells is None or not _a_header_of_cells(["".join(parts) for _, parts in cells], len(runs)):
            continue
        return _line_of_cells(cells, wide), count
    return None


def _cells_by_overlap(runs: list[tuple[int, int, int, str]]) -> list[tuple[int, list[str]]] | None:
    """(start, texts top to bottom) of each cell: the line with the most runs gives the cells, and a run
    of another line joins the cell it overlaps — or, set off-centre over its column (未完成原因 over
    得分 | 及改进措施), the one cell near it that it makes a header word with. None when a cell would take
    two runs of one line or the lines do not interleave."""
    per_line = Counter(run[0] for run in runs)
    main = max(per_line, key=lambda n: (per_line[n], -n))
    cells: list[list[tuple[int, int, int, str]]] = [[run] for run in runs if run[0] == main]
    for run in sorted(run for run in runs if run[0] != main):
        near = [cell for cell in cells if any(run[1] < end + COLUMN_SLACK and start < run[2] + COLUMN_SLACK
                                              for _, start, end, _ in cell)]
        over = [cell for cell in near if any(run[1] < end and start < run[2] for _, start, end, _ in cell)]
        # a header word's wrapped half set a little off its column names it with the half below
        reach = [cell for cell in cells if any(run[1] < end + 2 * COLUMN_SLACK and start < run[2] + 2 * COLUMN_SLACK
                                               for _, start, end, _ in cell)]
        named = [cell for cell in reach if _cell_field("".join(t for *_, t in sorted(cell + [run]))) is not None]
        touching = named if len(named) == 1 else over
        if len(touching) > 1 or (touching and any(line == run[0] for line, *_ in touching[0])):
            return None
        if touching:
            touching[0].append(run)
        else:
            cells.append([run])
    if len(cells) == len(runs) and len(per_line) > 1:
        # nothing joined: the lines must interleave (分值 between 全年执行数 and 执行率), not stand apart
        by_start = [line for line, *_ in sorted(runs, key=lambda r: r[1])]
        if by_start == sorted(by_start):
            return None
    # a cell stands where its run on the main line starts (the words above may sit off-centre)
    return sorted((next((start for line, start, _, _ in cell if line == main), min(start for _, start, _, _ in cell)),
                   [text for *_, text in sorted(cell)]) for cell in cells)


def _a_header_of_cells(texts: list[str], run_count: int) -> bool:
    header = [text for text in texts if _is_header_word(text) or _is_header_word(_QUALIFIER_TAIL_RE.sub("", text))]
    group = texts[0] not in header and len(texts[0]) <= MAX_STACKED_WORD + 2 and not _QUALIFIER_RE.match(texts[0])
    return len(header) >= MIN_HEADER_CELLS - 1 and len(header) + group == len(texts)


_QUALIFIER_TAIL_RE = re.compile(r"[（(][^（()）]{1,6}[)）]$")


def _line_of_cells(cells: list[tuple[int, list[str]]], wide: bool) -> str:
    """The cells set at their columns. A joined cell too wide for its column (绩效 ⏎ 指标 over a narrow
    column) is written as the part that names the same column (绩效, 一级), so the columns to its right
    stay where the rows' cells are; only when no part does, the cells after it move right."""
    line, width = "", 0
    for n, (start, parts) in enumerate(cells):
        room = cells[n + 1][0] - start - 2 if n + 1 < len(cells) else None
        text = _narrowed("".join(parts), parts, room, wide)
        pad = max(start - width, 2 if line else 0)
        line += " " * pad + text
        width += pad + _width(text, wide)
    return line


def _narrowed(text: str, parts: list[str], room: int | None, wide: bool) -> str:
    if room is None or _width(text, wide) <= room:
        return text
    field = _cell_field(text)
    return next((part for part in parts if _width(part, wide) <= room and _cell_field(part) == field), text)


def _cell_field(text: str) -> str | None:
    return _header_word_field(text) or _SHORT_LEVEL_HEADERS.get(text)


def _joined_tail(header: str, lower: str, wide: bool) -> str | None:
    """The header line, when the line below holds only the rest of some of its words (绩效 / 指标)."""
    top, bottom = _runs(header, wide), _runs(lower, wide)
    if len(top) < MIN_HEADER_CELLS or not bottom or any(len(text) > MAX_TAIL_WORD or re.search(r"\d", text)
                                                        for _, text in bottom):
        return None
    if sum(1 for _, text in top if _is_header_word(text)) < MIN_HEADER_CELLS - 1:
        return None
    cells: dict[int, str] = {}
    for start, text in bottom:
        above = [n for n, (t_start, t_text) in enumerate(top)
                 if abs(t_start - start) <= COLUMN_SLACK and _is_header_word(t_text + text)]
        if len(above) != 1:
            return None
        n = above[0]
        cells[n] = _fitted(top[n][1], text, _room(top, n, header, wide), wide)
        if not _is_header_word(cells[n]):
            return None    # 一级 ⏎ 指标 narrowed back to 一级 names no column: the other width reading fits
    return _with_cells(header, cells)


def _joined_header(upper: str, lower: str, wide: bool) -> str | None:
    top, bottom = _runs(upper, wide), _runs(lower, wide)
    if not top or any(len(text) > MAX_STACKED_WORD or re.search(r"\d", text) for _, text in top):
        return None
    cells: dict[int, str] = {}
    for start, text in top:
        below = [n for n, (b_start, b_text) in enumerate(bottom)
                 if abs(b_start - start) <= COLUMN_SLACK and _is_header_word(text + b_text)]
        if len(below) != 1:
            return None
        n = below[0]
        cells[n] = _fitted(text, bottom[n][1], _room(bottom, n, lower, wide), wide)
    return _with_cells(lower, cells)


def _room(runs: list[tuple[int, str]], n: int, line: str, wide: bool) -> int:
    """The width run n may fill and leave the next run where it starts (two spaces kept between)."""
    return runs[n + 1][0] - runs[n][0] - 2 if n + 1 < len(runs) else _width(line, wide)


def _fitted(upper: str, lower: str, room: int, wide: bool) -> str:
    """The joined header cell (指标 + 分值 → 指标分值); when it would push the columns to its right
    out of place (a narrow column: 指标  自评 over 分值  得分), the half that names the same column
    alone (分值) — what matters of a header cell is the column it names."""
    joined = upper + lower
    if _width(joined, wide) <= room:
        return joined
    return _narrowed(joined, [lower, upper], room, wide)


def _with_cells(line: str, cells: dict[int, str]) -> str:
    """`line` with some of its runs replaced; the gap after each such run gives up as many spaces as
    it can (keeping two), so the columns to the right stay where they were."""
    runs = list(_RUN_RE.finditer(line))
    pieces, last = [], 0
    for n, match in enumerate(runs):
        gap_end = runs[n + 1].start() if n + 1 < len(runs) else len(line)
        gap = line[match.end():gap_end]
        cell = cells.get(n, match.group())
        grown = display_width(cell) - display_width(match.group())
        keep = max(2 if n + 1 < len(runs) else 0, len(gap) - grown)
        pieces.append(line[last:match.start()] + cell + " " * keep)
        last = gap_end
    return "".join(pieces)


def _is_header_word(text: str) -> bool:
    return _header_word_field(text) is not None


def _header_word_field(text: str) -> str | None:
    return header_field(text, "indicator") or header_field(text, "money")
