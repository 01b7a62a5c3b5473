"""The header of an indicator table → the column each data cell belongs to.

Decision: header cells are looked up in data/header_aliases.csv (一级指标 → level1, 年度指标值 →
target …). Two header rows are merged into one column list (the lower row names the parts of
the upper row's spanning cells); a column our vocabulary lacks inside a one-row header, and the
empty column a merged header cell leaves, keep the known columns in place; the 分值 printed
after each level label are that level's points, not the indicator's weight.
"""
from __future__ import annotations

import re

from loaders.parse.labels import garbled_header_field, header_field
from loaders.parse.numbers import to_halfwidth
from loaders.parse.tables import BLANK, CELL, LINE, SPACE, Cell, cell_kind, is_number_cell

def read_header(cells: list[Cell], start: int) -> tuple[list[str], int]:
    """Consecutive header cells from `start` → the column fields in table order (two header rows merged)."""
    fields: list[str] = []
    field_lines: list[int] = []
    spans: list[tuple[int, int]] = []     # (after how many fields, how many empty cells) inside a header line
    i = start
    while i < len(cells):
        if not cells[i].text and cells[i].boxed and fields:
            j = i
            while j < len(cells) and not cells[j].text and cells[j].boxed:
                j += 1
            if _header_follows(cells, j):
                if cells[j].line == cells[i - 1].line and cells[j].sep == CELL:
                    spans.append((len(fields), j - i))
                i = j      # the empty cells under a spanning header cell (预期指标值 | | ), or before the second row
                continue
            break
        if len(fields) >= MIN_FIELDS_BEFORE_ROW and _opens_a_row(cells, i):
            break
        found = header_field(cells[i].text, "indicator") if cells[i].text else None
        if found is None and fields and _header_follows(cells, i + 1):
            found = garbled_header_field(cells[i].text, "indicator")
        if found is None and len(fields) >= 2 and _unknown_header_cell(cells, i, len(fields)):
            found = "ignore"
        if found is None:
            break
        fields.append(found)
        field_lines.append(cells[i].line)
        i += 1
    if spans and len({c.line for c in cells[start:i] if c.text}) == 1:
        # one header row: a cell spanning two columns (三级指标 | | 年度指标值) leaves an empty column in every row;
        # 预期指标值 spanning three (≥ | 1260 | 人) is the target printed in parts
        for at, count in reversed(spans):
            if fields[at - 1] == "target" and count in (1, 2):
                fields[at - 1:at] = _TARGET_PARTS[count]
            else:
                fields[at:at] = ["ignore"] * count
    columns = level_points_apart(merge_header_rows(_value_parts_named(fields, field_lines)))
    if columns.count("actual") > 1:
        # 实际完成值 | 完成情况 (已完成 / 未完成): the first is the value, the second a yes/no remark
        first = columns.index("actual")
        columns = [c if c != "actual" or k == first else "ignore" for k, c in enumerate(columns)]
    if "name" not in columns and any(c.startswith("target_") for c in columns):
        # only the value sub-columns are named (符号 | 值 | 单位): the indicator's name and
        # description stand to their left, a basis or note column may follow
        columns = ["level1", "level2", "name", "ignore", *columns, "ignore"]
    return columns, i


def _value_parts_named(fields: list[str], lines: list[int]) -> list[str]:
    """预期指标值 over 指标值 | 度量单位: on the lower header row, 指标值 is the value part of the target
    the upper row names (not a 指标值 column beside a 计量单位 column)."""
    if len(set(lines)) != 2 or "target" not in fields:
        return fields
    lower = lines[-1]
    upper_target = any(f == "target" and line != lower for f, line in zip(fields, lines))
    return [("target_value" if f == "target" and line == lower and upper_target else f)
            for f, line in zip(fields, lines)]


MIN_FIELDS_BEFORE_ROW = 4


def _opens_a_row(cells: list[Cell], i: int) -> bool:
    """指标 | 产出指标 | 数量指标 … on the line after a whole header: the rest of a group label (绩效 ⏎ 指标)
    opening the first row — a header going on to a new line goes on with header words."""
    cell, following = cells[i], cells[i + 1] if i + 1 < len(cells) else None
    return cell.sep in (LINE, BLANK) and following is not None and following.line == cell.line \
        and bool(following.text) and header_field(following.text, "indicator") is None


MIN_KNOWN_BEFORE_LAST_WORD = 4
_HEADER_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:[(（][^()（）]{1,6}[)）])?$")


def _unknown_header_cell(cells: list[Cell], i: int, known: int) -> bool:
    """A column our vocabulary lacks (完成率（%）, 备注) inside a header printed as one row: a short
    word on the header's own line, followed there by a known header cell or ending the line (in a
    header of words apart by spaces: between two known header cells, or ending a line of at least
    four known ones — 完成情况说明 after 实际完成值).
    It becomes a column whose values are not read, so the known columns keep their places."""
    cell, previous = cells[i], cells[i - 1]
    boxed = cell.sep == CELL and cell.boxed
    if not cell.text or not (boxed or cell.sep == SPACE) or cell.line != previous.last_line:
        return False
    if not _HEADER_WORD_RE.match(to_halfwidth(cell.text).strip()) or cell_kind(cell.text) not in (None, "header"):
        return False
    following = cells[i + 1] if i + 1 < len(cells) else None
    if not boxed:   # words apart by spaces: between two known header cells, or last after several
        if following is None or following.line != cell.line:
            return known >= MIN_KNOWN_BEFORE_LAST_WORD
        return _header_follows(cells, i + 1)
    return following is None or following.line != cell.line or _header_follows(cells, i + 1)


_PERCENT_CELL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")
MAX_TABLE_ROWS_LINES = 400


def percent_weights_as_points(cells: list[Cell], start: int, end: int) -> None:
    """权重 printed as a percent of the 100 points (决策 | 15% | 项目立项 | 5% | … | 2%): under a one-line
    tab header, a percent cell in a 权重 column is that many points — when the row's cells sit in the
    header's columns (a leading 绩效指标 cell may have no cell in the rows: then the percent under
    权重 is the target's, and the row's 得分 column holds no number)."""
    header = cells[start:end]
    if len({c.line for c in header}) != 1 or any(c.col < 0 for c in header):
        return
    fields = {c.col: header_field(c.text, "indicator") for c in header}
    weight_cols = {col for col, f in fields.items() if f == "weight"}
    score_cols = {col for col, f in fields.items() if f == "score"}
    if not weight_cols:
        return
    last_line = header[-1].line + MAX_TABLE_ROWS_LINES
    row: list[Cell] = []
    for cell in cells[end:] + [Cell("", last_line + 1, CELL)]:
        if row and cell.line != row[0].line:
            _points_for_percents(row, weight_cols, score_cols)
            row = []
        if cell.line > last_line or (cell.text and not cell.tab and cell.col < 0):
            break   # the table ends where cells stop having a column (tab rows, a pipe grid)
        row.append(cell)


def _points_for_percents(row: list[Cell], weight_cols: set[int], score_cols: set[int]) -> None:
    scores = [c for c in row if c.col in score_cols and c.text]
    if score_cols and not (scores and is_number_cell(scores[0].text)):
        return
    for cell in row:
        match = _PERCENT_CELL_RE.match(cell.text)
        if match and cell.col in weight_cols:
            cell.text = match.group(1)


_TARGET_PARTS = {1: ["target_value", "target_unit"], 2: ["target_op", "target_value", "target_unit"]}


def header_by_position(header: list[Cell], columns: list[str]) -> bool:
    """One tab line, one column per cell, starting at the line's first cell."""
    return len(header) == len(columns) and [c.col for c in header] == list(range(len(columns))) \
        and len({c.line for c in header}) == 1


def _header_follows(cells: list[Cell], i: int) -> bool:
    return i < len(cells) and bool(cells[i].text) and header_field(cells[i].text, "indicator") is not None


def level_points_apart(columns: list[str]) -> list[str]:
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值: the 分值 right after a level column
    are that level's points, printed after its label (投入 | 13), not the indicator's weight
    (which stands after the name). They are taken out of the columns; collect_rows skips
    the number after a level label."""
    return [col for k, col in enumerate(columns) if k not in _level_point_columns(columns)]


def _level_point_columns(columns: list[str]) -> set[int]:
    if "name" not in columns or "weight" not in columns[columns.index("name"):]:
        return set()
    return {k for k, col in enumerate(columns) if col == "weight" and k > 0 and columns[k - 1] in ("level1", "level2")}


def header_gives_level_points(cells: list[Cell], start: int, end: int) -> bool:
    fields = [header_field(c.text, "indicator") or "ignore" for c in cells[start:end]]
    return bool(_level_point_columns(merge_header_rows(fields)))


def merge_header_rows(fields: list[str]) -> list[str]:
    """A two-row header → one column list in data order.

    Two shapes occur: the lower row names the 一级/二级/三级 columns and the parts of
    年度指标值 (指标性质 | 指标值 | 度量单位), or the lower row names the parts of the
    upper row's spanning cells (预期指标值 → 符号 | 单位; 自评得分 → 单项指标得分 |
    权重占比 | 折算得分). Each spanning upper cell is replaced by its parts.
    """
    if fields[-2:] == ["target", "actual"] and "target" in fields[:-2] and "actual" not in fields[:-2]:
        # 指标值 spanning 年度指标值 | 实际完成值, the parts printed after the last upper cell (a Word
        # table copied one cell per line): they take the spanning cell's place
        at = fields.index("target")
        fields = fields[:at] + ["target", "actual"] + fields[at + 1:-2]
    if "level1" in fields and fields.index("level1") > 0 and any(
            f in fields[:fields.index("level1")] for f in ("target", "actual", "weight", "score")):
        cut = fields.index("level1")
        top, bottom = fields[:cut], fields[cut:]
        if {"name", "actual"} <= set(bottom) and {"target", "target_value"} & set(bottom) \
                and {"weight", "score"} & set(bottom):
            # 绩效指标 | 目标 | 评分 (or 预期指标值 | 单项指标 | 自评得分) over a whole header row: the upper
            # cells only group its columns
            return bottom
        lead = [f for f in bottom if f in ("level1", "level2", "name")]
        return lead + _expand(top, [f for f in bottom if f not in ("level1", "level2", "name")])
    cut = next((k for k, f in enumerate(fields) if f.startswith("target_") and "target" in fields[:k]), None)
    if cut is not None and fields[cut:cut + 1] == ["target_unit"] and fields[cut - 1] == "target":
        cut = None      # 指标值 | 计量单位 side by side: one header row with a unit column, not 指标值's parts
    if cut is not None:
        return _drop_group_header(_expand(fields[:cut], fields[cut:]))
    return _drop_group_header(fields)


def _expand(top: list[str], bottom: list[str]) -> list[str]:
    target_parts = []
    bottom = ["target_value" if f == "target" else f for f in bottom]
    while bottom and bottom[0].startswith("target_"):
        target_parts.append(bottom.pop(0))
    merged: list[str] = []
    for f in top:
        if f == "target" and target_parts:
            merged += target_parts
        elif f == "score" and "score" in bottom:
            merged += bottom
            bottom = []
        elif f != "ignore" or merged:
            merged.append(f)
    merged += [f for f in bottom if f != "ignore"]
    if merged.count("weight") > 1:      # the lower row's 权重占比 holds the values, not the upper 指标分值
        merged.remove("weight")
    return merged


def _drop_group_header(fields: list[str]) -> list[str]:
    # a leading group header (绩效指标 spanning the block) has no cells in the data rows
    return fields[1:] if fields and fields[0] == "ignore" else fields
