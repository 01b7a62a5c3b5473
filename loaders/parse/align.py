"""Which cells of a table row belong to which column.

Decision: a row's cells are given to the header's columns by a small cost model
searched exhaustively (a dynamic programme keeping the three best readings).
Explicit separators (| and tab) are dear to join across, line breaks cheap, a
1–2 character line most likely the end of a wrapped cell, and a wrapped cell's
lines are as wide as its column. Numbers go only to 分值/得分. When the best two
readings are about equally good, the caller leaves the fields they disagree on
empty: in PDF text some boundaries simply cannot be known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.parse.labels import is_canned_actual, is_indicator_nature
from loaders.parse.numbers import to_halfwidth
from loaders.parse.tables import BLANK, CELL, CONT, LINE, SPACE, Cell, is_number_cell, is_placeholder

NUMERIC_FIELDS = ("weight", "score")
# score columns beside 得分 that do not close a row: 折算得分 (of a 100-point 单项得分), 复核分 (a review's)
SECOND_SCORES = ("scaled_score", "review_score")
_JOIN_COST = {CELL: 3.0, SPACE: 1.5, BLANK: 1.0, LINE: 0.5, CONT: 0.0}
_EMPTY_COST = {"name": 4.0, "target": 1.2, "actual": 1.2, "weight": 1.0, "score": 1.0,
               "reason": 0.0, "ignore": 0.25, "remark": 0.25, "target_op": 0.2, "target_nature": 0.2, "target_value": 0.6, "target_unit": 0.2,
               "ratio": 1.0, "adjusted": 0.1, "scaled_score": 0.25, "review_score": 0.25}
_RATIO_RE = re.compile(r"^\d+(?:\.\d+)?\s*%?$")
_PERCENT_WEIGHT_RE = re.compile(r"^\s*(?:100|\d{1,2}(?:\.\d+)?)\s*%\s*$")
PERCENT_WEIGHT_COST = 0.6
_WHOLE_VALUE_RE = re.compile(r"^[≥≤≧≦<>＞＜=]?\s*\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})$")
_COMPARISON_START_RE = re.compile(r"^\s*[≥≤≧≦<>＞＜]")
_VALUE_START_RE = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年|[≥≤≧≦<>＞＜])")
AMBIGUITY_MARGIN = 0.15
MAX_GROUP = 12          # cells one column may take (a wrapped cell, a note column)
MAX_ROW_CELLS = 40


def data_columns(columns: list[str]) -> list[str]:
    """Columns a row's non-label cells fill (levels are read from their labels)."""
    return [c for c in columns if c not in ("level1", "level2")]


def join_texts(cells: list[Cell]) -> str:
    out = ""
    for cell in cells:
        text = cell.text.strip()
        if out and re.search(r"[\x21-\x7e]$", to_halfwidth(out)) and re.match(r"[\x21-\x24\x26-\x7e]", to_halfwidth(text[:1])) \
                and cell.sep == SPACE:   # words apart by a space stay apart; 90 + % is 90%
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
    if cell.sep == CONT:
        return 0.0
    before, after = to_halfwidth(prev.text.strip()), to_halfwidth(cell.text.strip())
    if re.search(r"[\d%]$", before) and re.match(r"\d", after):
        cost += 2.0     # a number does not wrap into another number (3% / 0 are two cells)
    elif _WHOLE_VALUE_RE.match(before) and (_WHOLE_VALUE_RE.match(after) or re.fullmatch(r"\d+(?:\.\d+)?", after)):
        cost += 1.5     # ≥3000亩 / 3150亩, 2380人次 / 15: a whole value, then another value or the points
    elif before and (before == after or (cell.sep in (LINE, BLANK) and min(len(before), len(after)) >= 2
                                          and (before.endswith(after) or after.endswith(before)))):
        cost += 1.0     # the same word twice (高 / 高; on lines of their own 逐步提升 / 提升, 建立 / 已建立): a
                        # value and the next column's, not a wrap
    return max(cost, 0.05)


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
                widths: dict[str, float] | None = None, percent_weights: bool = False,
                cols: tuple[str, ...] = ()) -> float:
    group = view.cells[start:end]
    if not group or (len(group) == 1 and not group[0].text):
        return _EMPTY_COST.get(field_name, 1.0)
    if any(not c.text for c in group):
        return float("inf")
    if field_name in SECOND_SCORES and len(group) == 1 and view.number[start]:
        return 0.0    # 折算得分 / 复核分: one number; it does not close a row, so anything else there is read like a note
    if field_name in ("ignore", "remark", *SECOND_SCORES):
        # notes and 完成/是/否 columns hold words; a number there is more likely a value slid over —
        # the more so in the remark between the actual value and the scores (完成情况: 完成 / 未完成)
        if field_name == "remark" and is_canned_actual(join_texts(group)):
            return -0.5
        digit_cost = 0.8 if field_name == "remark" else 0.5
        return sum(digit_cost if view.digit[k] else 0.3 for k in range(start, end))
    if field_name == "reason" and end - start == 1 and view.number[start]:
        return 1.0      # a 偏差原因 is words: a bare number is a score column's (复核得分 | 自评得分 | 原因)
    if field_name in NUMERIC_FIELDS:
        if percent_weights and len(group) == 1 and field_name == "weight" \
                and _PERCENT_WEIGHT_RE.match(to_halfwidth(group[0].text)):
            return PERCENT_WEIGHT_COST   # 权重 printed as a percent of the 100 points (20%): taken when the row needs it
        return 0.0 if len(group) == 1 and view.number[start] else float("inf")
    if field_name == "ratio":     # 得分系数: one percent cell
        return 0.0 if len(group) == 1 and _RATIO_RE.match(to_halfwidth(group[0].text).strip()) else float("inf")
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
    if field_name == "name" and (view.number[start] or is_canned_actual(first)
                                 or _COMPARISON_START_RE.match(to_halfwidth(first))):
        cost += 3.0     # a name is no number, no canned result, no comparison (≥1.5万亩)
    if field_name == "name":
        # a name does not wrap into a date or a comparison (疗养时限 / 2022年10月 / 底前: the date is the target)
        cost += 2.0 * sum(1 for k in range(start + 1, end) if _VALUE_START_RE.match(to_halfwidth(view.cells[k].text)))
    if field_name in ("target", "actual"):
        # nor does a value wrap into a comparison: 面积 / ≥3000亩 — the ≥ opens the value, 面积 ends the name
        cost += 1.0 * sum(1 for k in range(start + 1, end) if _COMPARISON_START_RE.match(to_halfwidth(view.cells[k].text)))
    if field_name in ("target_op", "target_nature") and not re.match(r"^[≥≤≧≦═=<>＞＜＝]", to_halfwidth(first)) \
            and not is_indicator_nature(first):
        cost += 0.5
    if field_name in ("target_op", "target_nature") and view.digit[start]:
        cost += 1.0   # the 符号 column holds the sign alone; ≥12000人 is the whole target
    if field_name in ("target", "actual") and is_indicator_nature(first):
        cost += 2.0     # 定量指标 / 定性指标 describe the row (指标性质), they are no value
    if field_name == "actual" and is_canned_actual(join_texts(group)) and "remark" not in cols:
        cost -= 0.5     # (beside a 完成情况 column the canned word is that column's)
    if field_name in ("target", "actual") and len(group) == 1 and group[0].sep != CELL and view.width[start] <= 1:
        cost += 0.5
    if field_name == "adjusted":
        cost += 0.3   # 调整指标值 is mostly left empty: a lone value is the 年初 or the 完成 one
    if field_name == "target_value" and not view.digit[start]:
        cost += 0.8   # the value column holds a number; words go to the unit/description column
    if field_name == "target_unit" and view.digit[start] and "target_value" in cols:
        cost += 1.0   # beside a 数值 column the unit column holds words (人, %): 12436人 there is the actual slid left
    return cost


def _with_remark_column(cols: list[str]) -> list[str]:
    """An ignored column between the actual value and the scores is a remark (完成情况)."""
    return ["remark" if c == "ignore" and 0 < k < len(cols) - 1 and cols[k - 1] == "actual"
            and cols[k + 1] in NUMERIC_FIELDS else c for k, c in enumerate(cols)]


def align_row(cells: list[Cell], columns: list[str], widths: dict[str, float] | None = None,
              percent_weights: bool = False) -> list[tuple[float, list[list[Cell]]]]:
    """The best few ways to give each data column a contiguous group of the row's cells
    (`percent_weights`: the header's 权重 column may hold 20% for 20 points)."""
    cols = tuple(_with_remark_column(data_columns(columns)))
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
                    memo[key] = _group_cost(col, view, start, i, widths, percent_weights, cols)
                cost = memo[key]
                if cost == float("inf"):
                    continue
                options += [(prev_cost + cost, groups + [cells[start:i]]) for prev_cost, groups in previous]
            if options:
                options.sort(key=lambda o: o[0])
                best[(i, j)] = options[:3]
    return best.get((n, k), [])


def positional_reading(cells: list[Cell], columns: list[str],
                       by_position: bool = False) -> list[tuple[float, list[list[Cell]]]]:
    """A clean reader row (one line, tab-separated, empty cells kept): cells are columns in order.

    Leading empty cells are the merged 一级/二级 cells printed in an earlier row. Under a one-line
    header whose cells sit in their columns (by_position), a row's cells (tab cells, or a pipe table of
    one width) go to the column their place names — a spacer column's empty cell included.
    Returns [] when the row is not such a row or its cells do not fit the columns' types.
    """
    if not cells or not all(c.boxed for c in cells) or len({c.line for c in cells}) != 1:
        return []
    if by_position and all(c.col >= 0 and reaches_the_scores(c, columns) for c in cells if c.text):
        return _grid_reading(cells, columns)
    cols = data_columns(columns)
    row = list(cells)
    while row and not row[0].text:
        row.pop(0)
    if not row or len(row) > len(cols):
        return []
    if len(row) < len(cols) and not all(c.tab for c in row):
        return []    # a pipe row drops its empty cells: with one missing, the positions no longer say the column
    groups: list[list[Cell]] = []
    for col, cell in zip(cols, row + [None] * (len(cols) - len(row))):
        if cell is None or not cell.text or is_placeholder(cell.text):
            groups.append([])
        elif col in NUMERIC_FIELDS and not is_number_cell(cell.text):
            return []
        else:
            groups.append([cell])
    return [(0.0, groups)]


def reaches_the_scores(cell: Cell, columns: list[str]) -> bool:
    """The cell's row is as wide as the header up to its 得分 (or last) column and holds no words under
    分值 / 得分: its tab places are the header's. A row whose merged cells were left out (时效指标 |
    水毁路段抢通时间 | … | 10 | 6 | 受汛期影响: its reason lands under 得分) is not."""
    scores = [k for k, col in enumerate(columns) if col in ("weight", "score")]
    last = max(scores, default=len(columns) - 1)
    return cell.width > last and not any(k in cell.words_at for k in scores)


def _grid_reading(cells: list[Cell], columns: list[str]) -> list[tuple[float, list[list[Cell]]]]:
    data_index = {k: n for n, k in enumerate(k for k, col in enumerate(columns) if col not in ("level1", "level2"))}
    cols = data_columns(columns)
    groups: list[list[Cell]] = [[] for _ in cols]
    for cell in cells:
        if not cell.text or is_placeholder(cell.text):
            continue
        if columns[cell.col:cell.col + 1] in (["level1"], ["level2"]):
            return []   # a value where the levels stand: the row's cells are not in the header's places
        n = data_index.get(cell.col)
        if n is None or groups[n] or (cols[n] in NUMERIC_FIELDS and not is_number_cell(cell.text)):
            return []
        groups[n] = [cell]
    return [(0.0, groups)]


def uncertain_fields(readings: list[tuple[float, list[list[Cell]]]], cols: list[str]) -> set[str]:
    best_cost, best = readings[0]
    out: set[str] = set()
    for cost, other in readings[1:]:
        if cost - best_cost >= AMBIGUITY_MARGIN:
            continue
        for col, a, b in zip(cols, best, other):
            if join_texts(a) != join_texts(b) and col not in ("ignore", "reason"):
                out.add(col)
    return out


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
        if not any(c.sep in (LINE, BLANK) for c in cells[1:]):
            continue   # nothing wrapped in this row: it shows no column width
        readings = align_row(cells, columns)
        if len(readings) < 1 or (len(readings) > 1 and readings[1][0] - readings[0][0] < 0.3):
            continue
        for col, group in zip(cols, readings[0][1]):
            wrapped = [group[0]] + [c for c in group[1:] if c.sep in (LINE, BLANK)] if group else []
            if col in ("name", "target", "actual") and len(wrapped) > 1:
                # only a line that wrapped shows the column's width; a short cell shows nothing
                seen[col] = max(seen.get(col, 0.0), max(_width(c.text) for c in wrapped[:-1]))
    return seen
