"""A project's money block (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分) from a cell stream.

Decision: values are placed by the header's column order, anchored on the one
cell that says what it is — the percent of 执行率. When a row prints fewer values
than the header has columns, the cell before the rate is the 分值 and the amounts
are right-aligned on 全年执行数 (年初预算数 is the column forms leave empty); a
placement the printed rate contradicts is not used. A row one value short with no
percent (a pipe row drops its empty 执行率 cell) is placed only as the amounts confirm.
Rows under the total that print fewer amounts than the header (其中 / 按支出性质分 parts)
go under the total's columns they equal or add up to, never by guess. A row the line
goes on past in cells we cannot read is not placed at all. Amounts are converted to 万元
from the unit the block names (项目资金（元）, 金额单位：万元); with no unit named, an amount
too large to be 万元 is taken to be 元 and left empty.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import combinations

from loaders.parse.flattened import is_digit_blob, money_consistent, split_money_blob
from loaders.parse.labels import garbled_header_field, header_field, is_label, label_key
from loaders.parse.numbers import PERCENT_IN_WORDS, money_unit, parse_number, parse_percent, to_halfwidth, to_wan
from loaders.parse.tables import BLANK, LINE, Cell, cell_kind, is_placeholder
from loaders.records import MoneyRow

AMOUNT_FIELDS = ("budget_initial", "budget_full_year", "executed")
FISCAL_KEYS = {"budget_initial": "fiscal_appropriation_initial",
               "budget_full_year": "fiscal_appropriation_full_year",
               "executed": "fiscal_appropriation_executed"}
_VALUE_RE = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?\s*(?:%|万元|亿元|元|万|亿|分)?$")


@dataclass
class MoneyBlock:
    columns: list[str]
    unit: str | None
    rows: list[MoneyRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    end: int = 0
    header_cols: list[int] = field(default_factory=list)   # a one-line tab header: each column's tab place


def is_value_cell(text: str) -> bool:
    return bool(_VALUE_RE.match(to_halfwidth(text).strip())) or is_placeholder(text)


def read_money_header(cells: list[Cell], start: int) -> tuple[list[str], int]:
    fields: list[str] = []
    i = start
    while i < len(cells) and (cells[i].text or is_spacer(cells, i)):
        if not cells[i].text:
            fields.append("ignore")   # a spreadsheet's empty spacer column: its cells stay empty in the rows
            i += 1
            continue
        found = header_field(cells[i].text, "money")
        if found is None and fields and i + 1 < len(cells) and header_field(cells[i + 1].text, "money"):
            found = garbled_header_field(cells[i].text, "money")
        if found is None:
            break
        fields.append(found)
        i += 1
    if "execution_rate_pct" not in fields:
        fields = _split_glued_rate_header(fields, [c.text for c in cells[start:i]])
    return fields, i


def is_spacer(cells: list[Cell], i: int) -> bool:
    """An empty tab cell between two money header cells of one line."""
    nxt = cells[i + 1] if i + 1 < len(cells) else None
    return not cells[i].text and cells[i].tab and i > 0 and nxt is not None and nxt.line == cells[i].line \
        and nxt.sep == cells[i].sep and bool(nxt.text) and header_field(nxt.text, "money") is not None


def _split_glued_rate_header(fields: list[str], texts: list[str]) -> list[str]:
    """A money header has a 执行率 column; without one, a cell that reads as two header labels with
    执行率 first (执行率得分, flattened) is those two columns."""
    for k, text in enumerate(texts):
        key = label_key(text)
        for cut in range(2, len(key) - 1):
            head, tail = header_field(key[:cut], "money"), header_field(key[cut:], "money")
            if head == "execution_rate_pct" and tail:
                return fields[:k] + [head, tail] + fields[k + 1:]
    return fields


def find_unit(cells: list[Cell], header_start: int, lookback: int = 30) -> str | None:
    """The money unit named before the header: 项目资金（万元） / 资金情况(万元) close by, or the
    form's 金额单位：元 line above it."""
    for distance, cell in enumerate(reversed(cells[max(0, header_start - lookback):header_start])):
        near = distance < 8 and re.search(r"[(（]\s*(?:万元|元|亿元)\s*[)）]|资金", cell.text)
        if near or re.search(r"(?:金额|资金)?单位\s*[:：]?\s*(?:万元|元|亿元)", cell.text):
            unit = money_unit(cell.text)
            if unit:
                return unit
    return None


def _unit_of_header_cells(header: list[Cell]) -> str | None:
    """The unit the amount columns' own header cells name (年初预算数（元） | 全年预算数（元）), when they agree."""
    units = {money_unit(c.text) for c in header if re.search(r"[(（]\s*(?:万元|元|亿元)\s*[)）]", c.text)
             and header_field(c.text, "money") in AMOUNT_FIELDS}
    return units.pop() if len(units) == 1 else None


def parse_money_block(cells: list[Cell], start: int) -> MoneyBlock:
    """Read the header at cells[start] and the money rows after it."""
    columns, i = read_money_header(cells, start)
    header = cells[start:i]
    block = MoneyBlock(columns=columns, unit=_unit_of_header_cells(header) or find_unit(cells, start))
    if header and all(c.tab and c.col >= 0 for c in header) and len({c.line for c in header}) == 1:
        block.header_cols = [c.col for c in header]
    if block.unit is None:
        block.warnings.append(_NO_UNIT_WARNING)
    label, values = None, []
    # the block's row-group cell (项目资金（万元）) that a spreadsheet repeats in every money row
    group_label = next((c.text for c in reversed(cells[max(0, start - 2):start]) if c.text), None)
    while i < len(cells):
        cell = _rate_in_words_as_percent(cells[i])
        if group_label and cell.text == group_label:
            i += 1
            continue
        kind = cell_kind(cell.text) if cell.text else None
        if kind is None and label_key(cell.text).startswith("其中") and len(label_key(cell.text)) <= 16:
            kind = "money_row"   # 其中：中央财政资金 / 其中:省级补助 — any 其中 row is a part of the total
        if kind == "total" and (block.rows or values) and label_key(cell.text) in _SUM_ROW_LABELS:
            kind = "money_row"   # 基本支出 | … ⏎ 项目支出 | … ⏎ 合计 | …: the parts' sum, printed last
        if kind is None and block.rows and is_label(cell.text, "balance_row"):
            kind = "money_row"   # 结转结余 | | | 58.40 under the department's 年度资金总额
        if kind is None and _source_row_label(cells, i, block.columns):
            kind = "money_row"   # 资金来源 | 预算数 | … ⏎ 兵团财政资金 | 6,480,000.00 | …: a row per source
        if kind == "money_row" and label == label_key(cell.text) and not values:
            pass   # the same label again: a merged label cell printed in each spanned column
        elif kind == "money_row" or (label is None and values == [] and is_label(cell.text, "money_sublabel")):
            _close_row(block, label, values)
            label, values = label_key(cell.text), []
        elif is_label(cell.text, "money_group") or _UNIT_NOTE_RE.match(to_halfwidth(cell.text).strip()):
            _take_unit_of_label(block, cell.text)   # 项目资金（元） | 年度资金总额 | …: the block's label, after its header
        elif is_label(cell.text, "money_sublabel") or cell.text.strip() == "元":
            pass   # 预算数 / 执行数 before their values; 元 wrapped off "20.9万"
        elif cell.text and is_value_cell(cell.text) and cell.flat and len(block.columns) > 1 \
                and not is_placeholder(cell.text) and re.fullmatch(r"\d{4,}", to_halfwidth(cell.text).strip()):
            # 本年财政拨款2020 in a flattened table: one amount or several glued? Not knowable.
            block.warnings.append(f"资金行“{label or ''}”的数字{cell.text}可能由几格连成，未读取。")
        elif cell.text and is_value_cell(cell.text) and _row_number(cells, i):
            pass   # 1 | 年度资金总额 | 45 | …: the row's 序号 before its label
        elif cell.text and is_value_cell(cell.text):
            values.append(cell)
            label = label or "年度资金总额"
        elif cell.text and (is_digit_blob(cell.text) or _noisy_blob(cell, block)):
            blob = _noisy_blob(cell, block) or cell.text
            first = label is None and not values and not block.rows   # right under the header
            pieces = _split_blob(blob, block.columns) if (label or first) and not values else None
            if pieces is None:
                block.warnings.append(f"资金行“{label or ''}”的数字连在一起（{cell.text}），无法唯一拆分，未读取。")
            else:
                if blob != cell.text:
                    block.warnings.append(f"资金行的数字“{cell.text}”带有识别杂字，按“{blob}”读取。")
                values += [Cell(p, cell.line, cell.sep) for p in pieces]
                label = label or "年度资金总额"
        elif not cell.text:
            if cell.boxed and label and values and cell.line == values[-1].line:
                values.append(cell)   # an empty cell of a reader row keeps its column's place
        else:
            if values and cell.line == values[-1].line and _row_goes_on(cell, values, block):
                # 2 8 6.40 3#2.00 … / 1 | 农村公路养护 | 100.00 (a list's 序号 then its name): the row goes on in
                # cells we cannot read, so the values read so far are not known to be its first columns
                block.warnings.append(f"资金行“{label or ''}”在“{cell.text[:12]}”处无法读下去，未读取。")
                values = []
            break
        i += 1
    _close_row(block, label, values)
    _sum_row_first(block)
    place_short_parts(block)
    block.end = i
    return block


MIN_VERTICAL_PAIRS = 3
MAX_BLOCK_LABEL = 10


def parse_vertical_money_block(cells: list[Cell], start: int) -> MoneyBlock | None:
    """A money block printed one label over its value, one per line (a form read without layout):

        年初预算数（万元） ⏎ 860.00 ⏎ 全年预算数（万元） ⏎ 912.50 ⏎ 预算执行率 ⏎ 98.33% …

    At least three such pairs, each naming another column, two of them amounts or the rate; the
    whole block is one row. None when the cells do not fall so."""
    pairs: list[tuple[Cell, str, str]] = []
    i = start
    while i + 1 < len(cells):
        label, value = cells[i], cells[i + 1]
        field_name = header_field(label.text, "money") if label.text else None
        if field_name in (None, "ignore") or label.sep not in (LINE, BLANK) or value.sep not in (LINE, BLANK) \
                or not re.fullmatch(r"\d[\d,]*(?:\.\d+)?%?", to_halfwidth(value.text).strip()) \
                or any(f == field_name for _, f, _ in pairs):
            break
        pairs.append((label, field_name, to_halfwidth(value.text).strip()))
        i += 2
    fields = [f for _, f, _ in pairs]
    if len(pairs) < MIN_VERTICAL_PAIRS or len({"budget_full_year", "executed", "execution_rate_pct"} & set(fields)) < 2:
        return None
    block = MoneyBlock(columns=fields, unit=_unit_of_header_cells([label for label, _, _ in pairs]) or find_unit(cells, start))
    if block.unit is None:
        block.warnings.append(_NO_UNIT_WARNING)
    before = cells[start - 1].text if start else ""
    # the block's own label (资金情况 / 项目资金) names the row; anything else before it does not
    row = MoneyRow(label=before if "资金" in before and len(before) <= MAX_BLOCK_LABEL else "年度资金总额",
                   span=(cells[start].line, cells[i - 1].last_line))
    for _, field_name, value in pairs:
        number = parse_number(value)
        setattr(row, field_name, number if field_name not in AMOUNT_FIELDS else to_wan(number, block.unit or "万元"))
    block.rows, block.end = [row], i
    return block


_UNIT_NOTE_RE = re.compile(r"^\((?:万元|元|亿元)\)$")   # （万元） wrapped off the block's label cell
MAX_PLAUSIBLE_WAN = 500_000   # 50亿元: an amount above it, in a block that names no unit, is taken to be in 元
PART_TOLERANCE = 0.005
_NO_UNIT_WARNING = "资金表未写明金额单位，按万元读取。"


def _take_unit_of_label(block: MoneyBlock, text: str) -> None:
    """The unit a block label printed after the header names (项目资金（元）) holds for the rows after it."""
    unit = money_unit(text) if re.search(r"[(（]\s*(?:万元|元|亿元)\s*[)）]", text) else None
    if unit is None or unit == block.unit:
        return
    if block.rows and any(_amounts(r, list(AMOUNT_FIELDS)) for r in block.rows):
        block.warnings.append(f"资金表的单位“{text}”写在部分金额行之后，已读的行未按其换算，请核对。")
        return
    block.unit = unit
    if _NO_UNIT_WARNING in block.warnings:
        block.warnings.remove(_NO_UNIT_WARNING)


def _source_row_label(cells: list[Cell], i: int, columns: list[str]) -> bool:
    """A short label opening its line, followed on that line by the values of every column."""
    cell = cells[i]
    opens_line = cell.sep in (LINE, BLANK) or (cell.boxed and (i == 0 or cells[i - 1].line != cell.line))
    if not opens_line or not cell.text or len(cell.text) > 16 or re.search(r"\d", cell.text):
        return False
    row = [c for c in cells[i + 1:i + 12] if c.line == cell.line and c.text]
    filled = len([c for c in columns if c != "ignore"])
    return filled > 0 and len(row) >= filled and all(is_value_cell(c.text) for c in row[:filled])


_SUM_ROW_LABELS = frozenset({"合计", "总计", "小计", "支出合计"})


def _sum_row_first(block: MoneyBlock) -> None:
    """The block's total is its first row (年度资金总额) — or the 合计 row printed after its parts."""
    sums = [k for k, row in enumerate(block.rows) if row.label in _SUM_ROW_LABELS]
    if sums and sums[0] > 0:
        block.rows.insert(0, block.rows.pop(sums[0]))


def place_short_parts(block: MoneyBlock) -> None:
    """Rows under the total that print fewer amounts than the header has (财政拨款 | 2034.77 | 1968.05
    under 年初 | 全年 | 执行) were placed from the left, a guess. A row whose amounts are the total's own
    goes under those columns; rows whose amounts add up to the total's (基本支出 + 项目支出) go under the
    columns of the amounts they add up to."""
    if len(block.rows) < 2:
        return
    cols = [c for c in AMOUNT_FIELDS if c in block.columns]
    totals = [getattr(block.rows[0], c) for c in cols]
    short = [r for r in block.rows[1:] if r.execution_rate_pct is None and 0 < len(_amounts(r, cols)) < len(cols)]
    # 基本支出 / 项目支出 add up together, even printed beside the income rows (按收入性质分 | … | 按支出性质分 | …)
    by_nature = [r for r in short if re.search(r"基本支出|项目支出", r.label)]
    if len(by_nature) == 2 and len({len(_amounts(r, cols)) for r in by_nature}) == 1:
        sums = [sum(values) for values in zip(*(_amounts(r, cols) for r in by_nature))]
        where = _columns_matching(sums, totals, cols)
        if where:
            for part in by_nature:
                _move_amounts(part, cols, where)
            short = [r for r in short if r not in by_nature]
    unplaced = []
    for row in short:
        where = _columns_matching(_amounts(row, cols), totals, cols)
        if where:
            _move_amounts(row, cols, where)
        else:
            unplaced.append(row)
    start = 0
    for end in range(len(unplaced)):
        for first in range(end - 1, start - 1, -1):   # the shortest run of parts ending here
            segment = unplaced[first:end + 1]
            if len({len(_amounts(r, cols)) for r in segment}) != 1:
                break
            sums = [sum(values) for values in zip(*(_amounts(r, cols) for r in segment))]
            where = _columns_matching(sums, totals, cols)
            if where:
                for part in segment:
                    _move_amounts(part, cols, where)
                start = end + 1
                break


def _amounts(row: MoneyRow, cols: list[str]) -> list[float]:
    return [getattr(row, c) for c in cols if getattr(row, c) is not None]


def _columns_matching(values: list[float], totals: list[float | None], cols: list[str]) -> list[str] | None:
    """The columns, in order, whose total amounts equal `values` — when exactly one choice does."""
    found = [[cols[k] for k in picked] for picked in combinations(range(len(cols)), len(values))
             if all(totals[k] is not None and abs(totals[k] - v) <= PART_TOLERANCE for k, v in zip(picked, values))]
    return found[0] if len(found) == 1 else None


def _move_amounts(row: MoneyRow, cols: list[str], where: list[str]) -> None:
    values = _amounts(row, cols)
    for c in cols:
        setattr(row, c, None)
    for c, v in zip(where, values):
        setattr(row, c, v)


_RATE_WORDS_RE = re.compile(rf"^{PERCENT_IN_WORDS}$")


def _rate_in_words_as_percent(cell: Cell) -> Cell:
    """A rate written in words in its cell (百分之九十九点四六) reads as the percent it says."""
    if not _RATE_WORDS_RE.match(cell.text.strip()):
        return cell
    value = parse_percent(cell.text)
    return cell if value is None else replace(cell, text=f"{value:g}%")


def _row_goes_on(cell: Cell, values: list[Cell], block: MoneyBlock) -> bool:
    """A cell on the row's line that ends the reading before the row has a value per column (a
    备注 after all of them is the row's note)."""
    filled = len([c for c in block.columns if c != "ignore"])
    return _garbled_number(cell.text) or (len(values) < filled and not cell.flat)


def _garbled_number(text: str) -> bool:
    """A cell of digits with stray marks: no word, not a number (3l2.0O, 98.#%)."""
    text = to_halfwidth(text).strip()
    return bool(re.search(r"\d", text)) and not re.search(r"[\u4e00-\u9fff]", text) and not is_value_cell(text)


_NOISY_BLOB = re.compile(r"^[A-Za-z]?([\d.,%]{4,}?)[\u4e00-\u9fff]{0,4}$")


def _noisy_blob(cell: Cell, block: MoneyBlock) -> str | None:
    """A flattened row's digits between OCR noise: one stray letter before them (O76%107.6),
    the head of the next label after them (…当年绩效目标 cut at its label). None otherwise."""
    if not cell.flat or "execution_rate_pct" not in block.columns:
        return None
    match = _NOISY_BLOB.match(to_halfwidth(cell.text).strip())
    return match.group(1) if match and is_digit_blob(match.group(1)) else None


def _split_blob(blob: str, columns: list[str]) -> list[str] | None:
    """All columns, or — when the blob opens with the rate (76%107.6) — the columns from
    执行率 on: the amount cells were empty."""
    pieces = split_money_blob(blob, columns)
    if pieces is None and "execution_rate_pct" in columns and re.match(r"\d+(?:\.\d+)?%", blob):
        tail = columns[columns.index("execution_rate_pct"):]
        if {"execution_weight", "execution_score"} <= set(tail):   # the rate × 分值 = 得分 check applies
            pieces = split_money_blob(blob, tail)
    return pieces


def _placed_by_tab_columns(values: list[Cell], block: MoneyBlock) -> dict[str, str] | None:
    """中央 | 自治区 | 盟市 | 旗县 | 合计 | 执行数 | …: a tab row with more values than the columns we read,
    under a one-line tab header: each value under the header cell in its own tab place; the source
    columns before 合计 are not read."""
    filled = [v for v in values if v.text.strip()]
    if not block.header_cols or len(filled) <= len(block.columns) or len({v.line for v in filled}) != 1 \
            or any(v.col < 0 or not v.tab for v in filled):
        return None
    at = dict(zip(block.header_cols, block.columns))
    return {at[v.col]: v.text for v in filled if at.get(v.col, "ignore") != "ignore" and not is_placeholder(v.text)}


def _wrapped_number_tails(values: list[Cell]) -> bool:
    """A row's values on two lines, the second holding only digit fragments of one or two characters
    (０ / ２% / ５) under the first's numbers: numbers wrapped in their cells, not a second row."""
    lines = sorted({c.line for c in values})
    if len(lines) != 2:
        return False
    tails = [c.text.strip() for c in values if c.line == lines[1]]
    heads = [c for c in values if c.line == lines[0]]
    return len(heads) >= 3 and 0 < len(tails) < len(heads) and all(
        re.fullmatch(r"[0-9０-９][%％]?", t) for t in tails)


def _row_number(cells: list[Cell], i: int) -> bool:
    """A small whole number opening its line, right before a money row's label, is the row's 序号."""
    following = cells[i + 1] if i + 1 < len(cells) else None
    if any(c.text for c in cells[max(0, i - 40):i] if c.line == cells[i].line):
        return False    # a number after other cells on its line is a value
    return bool(re.fullmatch(r"\d{1,2}", to_halfwidth(cells[i].text).strip())) and following is not None \
        and following.line == cells[i].line and cell_kind(following.text) == "money_row"


def _close_row(block: MoneyBlock, label: str | None, values: list[Cell]) -> None:
    if label is None:
        return
    if _wrapped_number_tails(values):
        # １２０.０ ⏎ ０, ８８.５ ⏎ ２%: the row's numbers wrapped inside narrow cells; read in order they
        # would put a tail (２%) where a rate belongs
        block.warnings.append(f"资金行“{label}”的数字在窄格内折行（{' '.join(c.text for c in values)}），未读取。")
        values = []
    row = MoneyRow(label=label)
    if values:
        row.span = (values[0].line, values[-1].last_line)
    placed = _placed_by_tab_columns(values, block) or \
        place_values([v.text for v in values], block.columns, block.warnings, is_total=not block.rows)
    for name, text in placed.items():
        setattr(row, name, _value(name, text, block.unit))
    if block.unit is None and any((getattr(row, f) or 0) > MAX_PLAUSIBLE_WAN for f in AMOUNT_FIELDS):
        # 600,000.00 with no unit named: 60亿元 for one project is less likely than 元 never stated
        block.warnings.append(f"资金行“{row.label}”的金额过大且未写单位，疑为元，未读取。")
        for f in AMOUNT_FIELDS:
            setattr(row, f, None)
    if "execution_rate_pct" in placed:
        row.execution_rate_pct = checked_rate(row, placed["execution_rate_pct"], block.warnings)
    if not _points_plausible(row):
        block.warnings.append(f"资金行“{row.label}”的分值/得分（{row.execution_weight:g}/{row.execution_score or 0:g}）"
                              "不合常理，疑为列错位，未读取。")
        row.execution_weight = row.execution_score = None
    block.rows.append(row)


def _points_plausible(row: MoneyRow) -> bool:
    """分值 is at most 100 and 得分 at most 分值: otherwise the cells slid into the wrong columns."""
    weight, score = row.execution_weight, row.execution_score
    if weight is None:
        return True
    return weight <= 100 and (score is None or score <= weight)


MAX_PLAUSIBLE_RATE = 200.0


def fraction_rate_confirmed(rate: float, executed: float | None, budget: float | None) -> bool | None:
    """A rate of 0–1.5 printed without %: True when 执行数 / 预算数 gives that fraction (0.9604), False when it
    gives that percent (1.2 %), None when the amounts say neither or are missing."""
    ratio = executed / budget if executed is not None and budget else None
    if ratio is None:
        return None
    if abs(ratio - rate) <= 0.01:
        return True
    return False if abs(ratio * 100 - rate) <= 1.0 else None


def checked_rate(row: MoneyRow, text: str, warnings: list[str]) -> float | None:
    """The printed 执行率 as a percent, or None when it cannot be one.

    A spreadsheet may print the rate as a fraction (0.9604): it is scaled only when
    执行数 / 全年预算数 confirms it. A rate beyond 200 % is a value from another column."""
    rate = row.execution_rate_pct
    if rate is None:
        return None
    if "%" not in to_halfwidth(text) and 0 < rate <= 1.5:
        confirmed = fraction_rate_confirmed(rate, row.executed, row.budget_full_year)
        if confirmed:
            warnings.append(f"资金行“{row.label}”的执行率{text}是小数，按{rate * 100:g}%读取。")
            return round(rate * 100, 6)
        if confirmed is None:
            warnings.append(f"资金行“{row.label}”的执行率{text}无法确定是小数还是百分数，未读取。")
            return None
    if rate > MAX_PLAUSIBLE_RATE:
        warnings.append(f"资金行“{row.label}”的执行率{text}超出合理范围，未读取，请核对。")
        return None
    return rate


def place_values(values: list[str], columns: list[str], warnings: list[str], is_total: bool = True) -> dict[str, str]:
    """Which column each printed value belongs to (placeholders keep their slot, then drop)."""
    cols = list(columns)
    rate_at = _rate_position(values, cols)
    misplaced = "execution_rate_pct" in cols and rate_at is not None and rate_at != cols.index("execution_rate_pct")
    rejoined = _rejoined_split_number(values, cols) if len(cols) < len(values) <= len(cols) + MAX_SPLIT_NUMBERS else None
    if rejoined is not None:
        warnings.append(f"资金行的数字“{' '.join(values)}”中有数被空格拆开，按“{' '.join(rejoined)}”读取。")
        pairs = zip(cols, rejoined)
    elif len(values) > len(cols) or (len(values) == len(cols) and misplaced):
        pairs = _place_long_row(values, cols, rate_at, warnings)
    elif len(values) == len(cols):
        pairs = zip(cols, values)
    else:
        pairs = _place_short_row(values, cols, is_total)
    return {c: v for c, v in pairs if c != "ignore" and v.strip() and not is_placeholder(v)}


def _rate_position(values: list[str], cols: list[str]) -> int | None:
    """Which value is the 执行率: the one with %, or — when the 分值 is printed as a percent too
    (10% | 88.78%) — the percent under the 执行率 column."""
    percents = [k for k, v in enumerate(values) if "%" in to_halfwidth(v)]
    under_rate = cols.index("execution_rate_pct") if "execution_rate_pct" in cols else None
    if len(percents) > 1 and len(values) == len(cols) and under_rate in percents:
        return under_rate
    return percents[0] if percents else None


_SPLIT_HEAD_RE = re.compile(r"^\d{1,3}$")
_SPLIT_TAIL_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")   # (1 2,204.00: the tail keeps its comma)


MAX_SPLIT_NUMBERS = 4     # OCR gaps inside a row's numbers joined back (1 18.35 | 9 3.93% | 2 6 0.00)


def _rejoined_split_number(values: list[str], cols: list[str]) -> list[str] | None:
    """A value or two more than columns: OCR gaps inside numbers (6 80.00, 1 0). The values with as
    many adjacent pairs joined, when exactly one such joining makes the row hold together (执行率 =
    执行数 / 预算数, 得分 ≤ 分值 …)."""
    extra = len(values) - len(cols)
    found = {tuple(joined) for joined in _pairs_joined(values, extra) if _row_holds_together(joined, cols)
             or (extra > 1 and _row_holds_together(joined, cols, strict=False))}
    return list(found.pop()) if len(found) == 1 else None


def _pairs_joined(values: list[str], count: int, start: int = 0) -> list[list[str]]:
    """Every way to join `count` adjacent pairs of number pieces (a head of 1–3 digits and a number after
    it), from `start` on."""
    if count == 0:
        return [values]
    out = []
    for k in range(start, len(values) - 1):
        head, tail = to_halfwidth(values[k]).strip(), to_halfwidth(values[k + 1]).strip()
        if _SPLIT_HEAD_RE.match(head) and _SPLIT_TAIL_RE.match(tail):
            out += _pairs_joined(values[:k] + [head + tail] + values[k + 2:], count - 1, k)   # (2 6 0.00: twice)
    return out


def _row_holds_together(values: list[str], cols: list[str], strict: bool = True) -> bool:
    """The row's values fit its columns and agree (money_consistent). Not strict (several numbers were
    joined): the amounts may differ in decimals (126 | 118.35 | 93.93%), but 执行率 = 执行数 / 预算数 must
    be there to confirm the joining."""
    printed = {c: to_halfwidth(v).strip().replace(",", "") for c, v in zip(cols, values) if c != "ignore"}
    if not strict and not {"budget_full_year", "executed", "execution_rate_pct"} <= set(printed):
        return False
    if any(not is_value_cell(v) or is_placeholder(v) for v in printed.values()):
        return False
    if "execution_rate_pct" in printed and not printed["execution_rate_pct"].endswith("%"):
        return False
    if any(c != "execution_rate_pct" and v.endswith("%") for c, v in printed.items()):
        return False
    return money_consistent(list(printed.values()), list(printed), strict=strict)


RATE_SLACK_PCT = 0.1


def _no_weight_read_as_rate(values: list[str], rate_at: int) -> bool:
    """False when the percent taken for the rate is a 分值 printed as a percent while the row's true rate stands
    beside it as a fraction (356.8 | 348.37 | 10% | 0.9764): that one is 执行数 / 预算数 of two amounts, this not."""
    pieces = [to_halfwidth(v).strip() for v in values[:rate_at] if "%" not in v]
    amounts = [a for a in (parse_number(v) for v in pieces) if a]
    ratios = {round(a / b * 100, 1) for a in amounts for b in amounts if b and a <= b}

    def fits(rate: float | None) -> bool:
        return rate is not None and any(abs(rate - r) <= RATE_SLACK_PCT for r in ratios)
    fractions = [parse_number(to_halfwidth(v)) for v in values[rate_at + 1:] if "%" not in v]
    other_fits = any(f is not None and 0 < f <= 1.5 and fits(f * 100) for f in fractions)
    return fits(parse_percent(to_halfwidth(values[rate_at]))) or not other_fits


def _place_long_row(values: list[str], cols: list[str], rate_at: int | None,
                    warnings: list[str]) -> list[tuple[str, str]]:
    """More values than columns and no joining that holds together: only the rate (by its %) and the
    cells after it are certain; which amount was split is not known."""
    if rate_at is None or "execution_rate_pct" not in cols:
        warnings.append(f"资金行的数字比列多（{' '.join(values)}），无法对应，未读取。")
        return []
    if not _no_weight_read_as_rate(values, rate_at):
        warnings.append(f"资金行的数字比列多（{' '.join(values)}），其中的百分数与金额对不上，未读取。")
        return []
    r = cols.index("execution_rate_pct")
    pairs = [("execution_rate_pct", values[rate_at])]
    after, after_cols = values[rate_at + 1:], cols[r + 1:]
    if len(after) == len(after_cols):
        pairs += list(zip(after_cols, after))
    warnings.append(f"资金行的数字比列多（{' '.join(values)}），金额无法对应，只读取了执行率。")
    return pairs


def _place_short_row(values: list[str], cols: list[str], is_total: bool) -> list[tuple[str, str]]:
    rate = next((k for k, v in enumerate(values) if "%" in to_halfwidth(v)), None)
    if rate is None and "execution_rate_pct" in cols and len(values) == len(cols) - 1:
        held = _placements_that_hold(values, cols)
        left_aligned = list(zip(cols, values))
        if held and not (left_aligned in held and _rate_confirmed(dict(left_aligned))):
            # | 100 | 100 | 95 | 10 | | 9.5 | with the empty 执行率 cell dropped: the one placement that holds
            # together, or of several only what they all agree on
            agreed = set.intersection(*(set(pairs) for pairs in held))
            return [pair for pair in held[0] if pair in agreed]
    if rate is None or "execution_rate_pct" not in cols:
        return list(zip(cols, values))
    r = cols.index("execution_rate_pct")
    before, after = values[:rate], values[rate + 1:]
    pre = cols[:r]
    pairs: list[tuple[str, str]] = [("execution_rate_pct", values[rate])]
    # the 分值 (10, some forms 20) is printed on the 年度资金总额 row only
    if is_total and pre and pre[-1] == "execution_weight" and before and len(before) < len(pre) \
            and (parse_number(before[-1]) or 0) <= 30:
        pairs.append(("execution_weight", before[-1]))
        before, pre = before[:-1], pre[:-1]
    if not is_total and len(before) < len(pre):
        pre = [c for c in pre if c != "execution_weight"]
    pairs += list(zip(pre[len(pre) - len(before):], before)) if len(before) <= len(pre) else []
    pairs += list(zip(cols[r + 1:], after))
    return pairs


def _placements_that_hold(values: list[str], cols: list[str]) -> list[list[tuple[str, str]]]:
    """Each way to leave one column out of a row one value short, kept when the row then holds
    together (执行率 = 执行数 / 预算数, 得分 ≤ 分值 …)."""
    clean = [to_halfwidth(v).strip().replace(",", "") for v in values]
    if any(not _VALUE_RE.match(v) or v.endswith("%") for v in clean):
        return []
    held = []
    for missing in range(len(cols)):
        kept = [c for k, c in enumerate(cols) if k != missing]
        printed = [(c, v) for c, v in zip(kept, clean) if c != "ignore"]
        if money_consistent([v for _, v in printed], [c for c, _ in printed]):
            held.append(list(zip(kept, values)))
    return held


def _rate_confirmed(printed: dict[str, str]) -> bool:
    """The row's bare 执行率 is 执行数 / 全年预算数 (or the row has no rate)."""
    if "execution_rate_pct" not in printed:
        return True
    full, spent = parse_number(printed.get("budget_full_year")), parse_number(printed.get("executed"))
    rate = parse_number(printed["execution_rate_pct"])
    return bool(full) and spent is not None and rate is not None and abs(spent / full * 100 - rate) <= 1.0


def _value(name: str, text: str, unit: str | None) -> float | None:
    """A cell's number; amounts in 万元 from the cell's own unit, else the block's."""
    number = parse_number(text)
    if name in AMOUNT_FIELDS:
        return to_wan(number, money_unit(text) or unit or "万元")
    return number


def rate_contradicts(row: MoneyRow) -> bool:
    """The printed 执行率 disagrees with 执行数 / 全年预算数 by more than rounding."""
    if row.execution_rate_pct is None or not row.budget_full_year or row.executed is None:
        return False
    computed = row.executed / row.budget_full_year * 100
    return abs(computed - row.execution_rate_pct) > 1.0
