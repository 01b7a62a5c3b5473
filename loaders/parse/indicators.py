"""Indicator tables (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因) from a cell stream.

Decision: a row is read in two steps. First its end is found from the cell types
(the weight/score numbers that close it) and the labels that open the next one
(产出指标, 数量指标 …, carried down when a merged cell printed them once). Then
its cells are aligned to the header's columns by a small cost model that prefers
explicit separators and treats line breaks as "maybe the same cell". When two
readings are about equally good, the fields on which they disagree are left empty
and a warning is recorded: a missing target is better than a wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.parse.flattened import split_row_blob
from loaders.parse.labels import header_field, is_canned_actual, label_key, level_kind
from loaders.parse.numbers import to_halfwidth
from loaders.parse.tables import BLANK, CELL, CONT, LINE, SPACE, Cell, cell_kind, is_number_cell, is_placeholder
from loaders.records import Indicator

NUMERIC_FIELDS = ("weight", "score")
_JOIN_COST = {CELL: 3.0, SPACE: 1.5, BLANK: 1.0, LINE: 0.5, CONT: 0.0}
_EMPTY_COST = {"name": 4.0, "target": 1.2, "actual": 1.2, "weight": 1.0, "score": 1.0,
               "reason": 0.0, "ignore": 0.25, "target_op": 0.2, "target_value": 0.6, "target_unit": 0.2}
_REASON_HINT = re.compile(r"原因|偏差|由于|因为|改进|措施|^无$")
_INDEX_PREFIX = re.compile(r"^(?:指标\s*\d+\s*[:：]|[（(]?\d+[)）.、．]\s*|[①-⑳]\s*)")
AMBIGUITY_MARGIN = 0.15
MAX_GROUP = 12          # cells one column may take (a wrapped cell, a note column)
MAX_ROW_CELLS = 40


@dataclass
class IndicatorTable:
    columns: list[str]
    indicators: list[Indicator] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    total_span: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)
    end: int = 0                      # index of the first cell after the table


def read_header(cells: list[Cell], start: int) -> tuple[list[str], int]:
    """Consecutive header cells from `start` → the column fields in table order (two header rows merged)."""
    fields: list[str] = []
    i = start
    while i < len(cells):
        found = header_field(cells[i].text, "indicator") if cells[i].text else None
        if found is None:
            break
        fields.append(found)
        i += 1
    columns = merge_header_rows(fields)
    if "name" not in columns and any(c.startswith("target_") for c in columns):
        # only the value sub-columns are named (符号 | 值 | 单位): the indicator's name and
        # description stand to their left, a basis or note column may follow
        columns = ["level1", "level2", "name", "ignore", *columns, "ignore"]
    return columns, i


def merge_header_rows(fields: list[str]) -> list[str]:
    """A two-row header → one column list in data order.

    Two shapes occur: the lower row names the 一级/二级/三级 columns and the parts of
    年度指标值 (指标性质 | 指标值 | 度量单位), or the lower row names the parts of the
    upper row's spanning cells (预期指标值 → 符号 | 单位; 自评得分 → 单项指标得分 |
    权重占比 | 折算得分). Each spanning upper cell is replaced by its parts.
    """
    if "level1" in fields and fields.index("level1") > 0 and any(
            f in fields[:fields.index("level1")] for f in ("target", "actual", "weight", "score")):
        cut = fields.index("level1")
        top, bottom = fields[:cut], fields[cut:]
        lead = [f for f in bottom if f in ("level1", "level2", "name")]
        return lead + _expand(top, [f for f in bottom if f not in ("level1", "level2", "name")])
    cut = next((k for k, f in enumerate(fields) if f.startswith("target_") and "target" in fields[:k]), None)
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


def data_columns(columns: list[str]) -> list[str]:
    """Columns a row's non-label cells fill (levels are read from their labels)."""
    return [c for c in columns if c not in ("level1", "level2")]


def needed_before_close(columns: list[str]) -> tuple[int, int]:
    """(cells before the closing numbers, closing numbers): how a row's end is recognised."""
    cols = data_columns(columns)
    while cols and cols[-1] in ("reason", "ignore"):
        cols = cols[:-1]
    closing = 0
    while cols and cols[-1] in NUMERIC_FIELDS:
        cols, closing = cols[:-1], closing + 1
    return len([c for c in cols if c not in ("target_op", "target_unit")]), closing


def is_row_closed(buffer: list[Cell], columns: list[str], following: Cell | None) -> bool:
    if following is not None and following.boxed and following.sep in (LINE, BLANK) and any(c.text for c in buffer):
        return True   # the reader (or a blank line in a cell-per-line table) ended the row
    if following is not None and following.boxed and buffer and buffer[-1].boxed \
            and following.sep == CELL and following.line == buffer[-1].line:
        return False  # the same printed row goes on (a 偏差原因 cell after the scores)
    needed, closing = needed_before_close(columns)
    if closing == 0:
        if buffer and buffer[-1].boxed:
            return False   # boxed rows end only where a new row starts (handled above)
        texts = [c for c in buffer if c.text]
        return len(texts) >= needed and (following is None or following.sep == BLANK)
    run = 0
    for cell in reversed(buffer):
        if not is_number_cell(cell.text):
            break
        run += 1
    if following is not None and is_number_cell(following.text):
        return False
    if run < closing:
        # a row printed with fewer numbers (得分 left empty) ends where the next line starts a name
        return run >= 1 and following is not None and following.sep in (LINE, BLANK) \
            and not cell_kind(following.text) and len(buffer) - run >= needed and not buffer[-1].boxed
    return len(buffer) - closing >= needed


def resolve_level(text: str, kind: str, following: Cell | None, previous_kind: str | None) -> str:
    """Which level an ambiguous label (成本指标, 满意度指标) is: level1 when a level-2 label follows it."""
    if kind != "both":
        return kind
    next_kind = level_kind(following.text) if following is not None else None
    if next_kind in ("level2", "both"):
        return "level1"
    if previous_kind in ("level1", "both"):
        return "level2"
    return "level2"


def level_text(text: str) -> str:
    """产出指标(50分) → 产出指标; 经济效益 指标 → 经济效益指标."""
    key = re.sub(r"\s+", "", text)
    return re.sub(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$", "", key)


def join_texts(cells: list[Cell]) -> str:
    out = ""
    for cell in cells:
        text = cell.text.strip()
        if out and re.search(r"[\x21-\x7e]$", to_halfwidth(out)) and re.match(r"[\x21-\x7e]", to_halfwidth(text[:1])) \
                and cell.sep == SPACE:
            out += " "
        out += text
    return out


@lru_cache(maxsize=65536)
def _width(text: str) -> float:
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def _join_cost(prev: Cell, cell: Cell) -> float:
    """What joining `cell` to `prev` in one cell costs: explicit separators are dear,
    line breaks cheap, and a 1–2 character line is most likely the end of a wrapped cell."""
    cost = _JOIN_COST[cell.sep]
    if cell.sep in (LINE, BLANK, CONT):
        width = _width(cell.text)
        if width <= 1:
            cost -= 0.8
        elif width <= 2 and cell.sep == LINE:
            cost -= 0.3
    return max(cost, 0.05) if cell.sep != CONT else 0.0


@dataclass
class RowView:
    """Per-cell facts of one row, computed once for the alignment search."""
    cells: list[Cell]
    width: list[float] = field(default_factory=list)
    number: list[bool] = field(default_factory=list)
    digit: list[bool] = field(default_factory=list)
    join: list[float] = field(default_factory=list)      # cost of joining cell k to cell k-1

    def __post_init__(self) -> None:
        self.width = [_width(c.text) for c in self.cells]
        self.number = [is_number_cell(c.text) for c in self.cells]
        self.digit = [bool(re.search(r"\d", c.text)) for c in self.cells]
        self.join = [0.0] + [_join_cost(p, c) for p, c in zip(self.cells, self.cells[1:])]


def _uneven_wrap_cost(group: list[Cell], widths: list[float]) -> float:
    """A wrapped cell's lines, all but the last, fill the column: equal widths (±1)."""
    wrapped = [0] + [k for k in range(1, len(group)) if group[k].sep in (LINE, BLANK)]
    full = [widths[k] for k in wrapped[:-1]]
    return 1.0 * sum(1 for w in full if abs(w - full[0]) > 1.0) if len(full) > 1 else 0.0


def _group_cost(field_name: str, view: RowView, start: int, end: int,
                widths: dict[str, float] | None = None) -> float:
    group = view.cells[start:end]
    if not group or (len(group) == 1 and not group[0].text):
        return _EMPTY_COST.get(field_name, 1.0)
    if any(not c.text for c in group):
        return float("inf")
    if field_name == "ignore":
        # notes and 完成/是/否 columns hold words; a number there is more likely a value slid over
        return sum(0.5 if view.digit[k] else 0.3 for k in range(start, end))
    if field_name in NUMERIC_FIELDS:
        return 0.0 if len(group) == 1 and view.number[start] else float("inf")
    cost = sum(view.join[start + 1:end])
    if field_name == "name":
        # a line wraps only when it is full: a name line narrower than the column (as learned
        # from other rows, else a short one) is followed by the next column, not by more name
        full = (widths or {}).get("name")
        narrow = (lambda w: w < full - 1.0) if full else (lambda w: w < 7)
        cost += (0.3 if full else 0.2) * sum(1 for k in range(start + 1, end)
                                             if view.cells[k].sep in (LINE, BLANK) and narrow(view.width[k - 1]))
    cost += _uneven_wrap_cost(group, view.width[start:end])
    if widths and field_name in widths and field_name != "name" and len(group) > 1:
        cost += 1.5 * sum(1 for w in view.width[start:end] if w > widths[field_name] + 0.5)
    first = group[0].text
    if field_name == "name" and (view.number[start] or is_canned_actual(first)):
        cost += 3.0
    if field_name == "target_op" and not re.match(r"^[≥≤≧≦═=<>＞＜＝]", to_halfwidth(first)):
        cost += 0.5
    if field_name == "actual" and is_canned_actual(join_texts(group)):
        cost -= 0.5
    if field_name in ("target", "actual") and len(group) == 1 and group[0].sep != CELL and view.width[start] <= 1:
        cost += 0.5
    if field_name == "target_value" and not view.digit[start]:
        cost += 0.8   # the value column holds a number; words go to the unit/description column
    return cost


def align_row(cells: list[Cell], columns: list[str],
              widths: dict[str, float] | None = None) -> list[tuple[float, list[list[Cell]]]]:
    """The best few ways to give each data column a contiguous group of the row's cells."""
    cols = data_columns(columns)
    n, k = len(cells), len(cols)
    if n > MAX_ROW_CELLS:
        return []   # not a table row (prose caught between tables)
    view = RowView(cells)
    memo: dict[tuple[str, int, int], float] = {}
    best: dict[tuple[int, int], list[tuple[float, list[list[Cell]]]]] = {(0, 0): [(0.0, [])]}
    for j in range(1, k + 1):
        col = cols[j - 1]
        longest = 1 if col in NUMERIC_FIELDS else MAX_GROUP
        for i in range(0, n + 1):
            options = []
            for start in range(max(0, i - longest), i + 1):
                previous = best.get((start, j - 1))
                if not previous:
                    continue
                key = (col, start, i)
                if key not in memo:
                    memo[key] = _group_cost(col, view, start, i, widths)
                cost = memo[key]
                if cost == float("inf"):
                    continue
                options += [(prev_cost + cost, groups + [cells[start:i]]) for prev_cost, groups in previous]
            if options:
                options.sort(key=lambda o: o[0])
                best[(i, j)] = options[:3]
    return best.get((n, k), [])


def build_indicator(cells: list[Cell], columns: list[str], levels: tuple[str | None, str | None],
                    warnings: list[str], widths: dict[str, float] | None = None) -> Indicator | None:
    """One indicator from a row's cells, or None when the row holds no indicator name."""
    raw_cells = cells
    if all(c.boxed for c in cells):
        # an empty cell of a boxed table is a column left empty: keep it as a place holder
        cells = [c for c in cells if not is_placeholder(c.text)]
        while cells and not cells[0].text:
            cells.pop(0)
        while cells and not cells[-1].text:
            cells.pop()
    else:
        cells = [c for c in cells if c.text and not is_placeholder(c.text)]
    if not cells:
        return None
    if len({c.text for c in cells}) == 1 and len(cells) > 1:
        cells = cells[:1]   # one merged cell repeated across the row's columns: a label, no values
    readings = positional_reading(raw_cells, columns) or align_row(cells, columns, widths or None)
    if not readings:
        return None
    cols = data_columns(columns)
    cost, groups = readings[0]
    values = {col: join_texts(g) or None for col, g in zip(cols, groups)}
    uncertain = _uncertain_fields(readings, cols)
    for col in uncertain - {"name"}:
        values[col] = None
    name = values.get("name")
    if not name:
        return None
    name = _INDEX_PREFIX.sub("", name).strip()
    if uncertain - {"name"}:
        warnings.append(f"指标“{name}”的单元格边界不确定（{'、'.join(sorted(uncertain - {'name'}))}留空）。")
    indicator = Indicator(level1=levels[0], level2=levels[1], name=name,
                          target=_target_text(values, cols), actual=values.get("actual"),
                          weight=_as_number(values.get("weight")), score=_as_number(values.get("score")),
                          deviation_reason=values.get("reason"))
    if shifted_columns(indicator):
        warnings.append(f"指标“{name}”的实际完成值带比较符而年度指标值没有，疑为列错位，两值留空。")
        indicator.target = indicator.actual = None
    span = (cells[0].line, cells[-1].last_line)
    indicator.provenance = {"row": span}
    return indicator


_OPERATOR_RE = re.compile(r"≥|≤|≧|≦|>=|<=|不低于|不高于|以上|以内")


def shifted_columns(indicator: Indicator) -> bool:
    """An actual with a comparison (≥98%) beside a target without one: the cells slid a column."""
    target, actual = indicator.target or "", indicator.actual or ""
    return bool(target) and bool(_OPERATOR_RE.search(to_halfwidth(actual))) and not _OPERATOR_RE.search(to_halfwidth(target)) \
        and not re.search(r"\d", target)


def is_empty_row(indicator: Indicator) -> bool:
    return all(getattr(indicator, f) is None for f in ("target", "actual", "weight", "score"))


def positional_reading(cells: list[Cell], columns: list[str]) -> list[tuple[float, list[list[Cell]]]]:
    """A clean reader row (one line, tab-separated, empty cells kept): cells are columns in order.

    Leading empty cells are the merged 一级/二级 cells printed in an earlier row.
    Returns [] when the row is not such a row or its cells do not fit the columns' types.
    """
    if not cells or not all(c.boxed for c in cells) or len({c.line for c in cells}) != 1:
        return []
    cols = data_columns(columns)
    row = list(cells)
    while row and not row[0].text:
        row.pop(0)
    if not row or len(row) > len(cols):
        return []
    groups: list[list[Cell]] = []
    for col, cell in zip(cols, row + [None] * (len(cols) - len(row))):
        if cell is None or not cell.text or is_placeholder(cell.text):
            groups.append([])
        elif col in NUMERIC_FIELDS and not is_number_cell(cell.text):
            return []
        else:
            groups.append([cell])
    return [(0.0, groups)]


def _uncertain_fields(readings: list[tuple[float, list[list[Cell]]]], cols: list[str]) -> set[str]:
    best_cost, best = readings[0]
    out: set[str] = set()
    for cost, other in readings[1:]:
        if cost - best_cost >= AMBIGUITY_MARGIN:
            continue
        for col, a, b in zip(cols, best, other):
            if join_texts(a) != join_texts(b) and col not in ("ignore", "reason"):
                out.add(col)
    return out


def _target_text(values: dict[str, str | None], cols: list[str]) -> str | None:
    if "target" in cols or not any(c.startswith("target_") for c in cols):
        return values.get("target")
    op = values.get("target_op") or ""
    if op and not re.match(r"^[≥≤≧≦═=<>＞＜＝]", to_halfwidth(op)):
        op = ""  # 文字描述 / 定性 in the 符号 column says how to read the value, it is not part of it
    parts = [op, values.get("target_value") or "", values.get("target_unit") or ""]
    text = "".join(parts).strip()
    return text or None


def _as_number(text: str | None) -> float | None:
    if text is None or not is_number_cell(text):
        return None
    return float(to_halfwidth(text).replace(",", ""))


def is_reason_cell(cell: Cell) -> bool:
    return bool(_REASON_HINT.search(cell.text))


def parse_indicator_table(cells: list[Cell], start: int, stop_kinds: frozenset[str]) -> IndicatorTable:
    """Read the indicator table whose header starts at cells[start]."""
    columns, i = read_header(cells, start)
    table = IndicatorTable(columns=columns)
    # a spanning group cell (绩效指标) that a spreadsheet repeats in every row is not row content
    group_label = label_key(cells[start].text) if header_field(cells[start].text, "indicator") == "ignore" else None
    levels: list[str | None] = [None, None]
    buffer: list[Cell] = []
    previous_kind: str | None = None

    rows: list[tuple[list[Cell], tuple[str | None, str | None]]] = []

    def flush() -> None:
        if buffer:
            rows.append((list(buffer), (levels[0], levels[1])))
            buffer.clear()

    while i < len(cells):
        cell = cells[i]
        following = cells[i + 1] if i + 1 < len(cells) else None
        kind = cell_kind(cell.text) if cell.text else None
        # 二级 then a name that reads like one (服务对象满意度指标 | 服务对象满意度)
        repeated_level2 = kind == "level2" and previous_kind == "level2" and levels[1] is not None \
            and label_key(cell.text) in label_key(levels[1])
        if kind in ("level1", "level2", "both") and not repeated_level2:
            flush()
            level = resolve_level(cell.text, kind, following, previous_kind)
            if level == "level1":
                levels[:] = [level_text(cell.text), None]
            else:
                levels[1] = level_text(cell.text)
            previous_kind = level
            i += 1
            continue
        previous_kind = None
        if kind == "total":
            flush()
            i = _read_total(cells, i + 1, table)
            break
        if kind in stop_kinds or _is_prose(cell) or _is_heading(cell):
            flush()
            if kind == "block_end":
                i = _read_total_nearby(cells, i + 1, table)
            break
        if group_label and cell.text and label_key(cell.text) == group_label:
            i += 1
            continue
        if cell.flat and kind is None and _is_glued_rows(cell):
            flush()
            read_glued_rows(cell, columns, (levels[0], levels[1]), rows, table.warnings)
            i += 1
            continue
        buffer.append(cell)
        if is_row_closed(buffer, columns, following):
            if following is not None and "reason" in columns and following.sep in (SPACE, CELL) \
                    and is_reason_cell(following) and not cell_kind(following.text):
                buffer.append(following)
                i += 1
            flush()
        i += 1
    flush()
    table.end = i
    widths = column_widths([r for r, _ in rows], columns)
    for row, row_levels in rows:
        indicator = build_indicator(row, columns, row_levels, table.warnings, widths)
        if indicator is not None:
            table.indicators.append(indicator)
    drop_cut_off_rows(table, reached_end=i >= len(cells))
    return table


def drop_cut_off_rows(table: IndicatorTable, reached_end: bool) -> None:
    """A last row with a name and nothing else where the text stops is a page cut mid-table."""
    if reached_end and table.indicators and is_empty_row(table.indicators[-1]) and \
            any(not is_empty_row(i) for i in table.indicators):
        cut = table.indicators.pop()
        table.warnings.append(f"文本在指标“{cut.name}”处截断，该行未读取。")


def column_widths(rows: list[list[Cell]], columns: list[str]) -> dict[str, float]:
    """The widest line seen in each text column of rows read without doubt.

    PDF copies wrap every cell at its column's width; knowing the widths tells a
    wrapped name from the target printed beside it in rows where line breaks alone
    cannot.
    """
    cols = data_columns(columns)
    seen: dict[str, float] = {}
    for row in rows:
        cells = [c for c in row if c.text and not is_placeholder(c.text)]
        readings = align_row(cells, columns)
        if len(readings) < 1 or (len(readings) > 1 and readings[1][0] - readings[0][0] < 0.3):
            continue
        for col, group in zip(cols, readings[0][1]):
            wrapped = [group[0]] + [c for c in group[1:] if c.sep in (LINE, BLANK)] if group else []
            if col in ("name", "target", "actual") and len(wrapped) > 1:
                # only a line that wrapped shows the column's width; a short cell shows nothing
                seen[col] = max(seen.get(col, 0.0), max(_width(c.text) for c in wrapped[:-1]))
    return seen


_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d)\S{2,})")


def _is_heading(cell: Cell) -> bool:
    """A section heading (三、 / （二） / 3.绩效评价工作过程) outside a cell ends the table."""
    return not cell.boxed and bool(_HEADING_RE.match(cell.text)) and not is_number_cell(cell.text)


def _is_prose(cell: Cell) -> bool:
    """A long sentence outside a table cell ends the table (the narrative resumes)."""
    return not cell.boxed and len(cell.text) > 60


def _read_total_nearby(cells: list[Cell], i: int, table: IndicatorTable, reach: int = 4) -> int:
    """The 总分 row printed just after a closing note row (其他需要说明事项 | 无 | 总分 | 100 | 96)."""
    for k in range(i, min(i + reach, len(cells))):
        if cells[k].text and cell_kind(cells[k].text) == "total":
            return _read_total(cells, k + 1, table)
    return i


def _is_glued_rows(cell: Cell) -> bool:
    return bool(re.search(r"\d", cell.text)) and bool(re.search(r"[\u4e00-\u9fff]", cell.text))


def read_glued_rows(cell: Cell, columns: list[str], levels: tuple[str | None, str | None],
                    rows: list, warnings: list[str]) -> None:
    """Rows of a table flattened without separators, split by the header's column order."""
    cols = data_columns(columns)
    found = split_row_blob(cell.text, cols)
    if found is None:
        warnings.append(f"指标行文字连在一起，无法唯一拆分，未读取：{cell.text[:30]}")
        return
    for row in found:
        cells = [Cell(row.get(col, ""), cell.line, CELL, boxed=True) for col in cols]
        rows.append((cells, levels))


def _split_score_pair(text: str) -> list[float] | None:
    """总分100100 → 100 | 100: the only cut where both are scores (≤ 100, 得分 ≤ 分值)."""
    found = []
    for k in range(1, len(text)):
        left, right = text[:k], text[k:]
        if re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", left) and re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", right) \
                and float(left) <= 100 and float(right) <= float(left):
            found.append([float(left), float(right)])
    return found[0] if len(found) == 1 else None


def _read_total(cells: list[Cell], i: int, table: IndicatorTable) -> int:
    first = i
    glued = re.match(r"\d+(?:\.\d+)?", to_halfwidth(cells[i].text)) if i < len(cells) and cells[i].flat else None
    if glued and not is_number_cell(cells[i].text):
        # 总分100100注:… — the scores run into the note after the table
        value = float(glued.group())
        table.total += (_split_score_pair(glued.group()) or []) if value > 100 else [value]
        table.total_span = (cells[i].line, cells[i].line)
        return i + 1
    while i < len(cells) and (is_number_cell(cells[i].text) or is_placeholder(cells[i].text) or
                              (not cells[i].text and cells[i].boxed)):
        if is_number_cell(cells[i].text):
            value = float(to_halfwidth(cells[i].text).replace(",", ""))
            if value > 100 and cells[i].flat:
                table.total += _split_score_pair(to_halfwidth(cells[i].text).strip()) or []
            elif value <= 1000:
                table.total.append(value)
        i += 1
    if i > first:
        table.total_span = (cells[first - 1].line, cells[i - 1].last_line)
    return i
