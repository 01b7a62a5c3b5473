"""Department-level money figures: budget, spending, rates, carry-over, basic / project parts.

Decisions (FORMAT.md conventions):
- Only stated figures: a labelled amount with its unit ("全年预算数 794.51 万元") or a
  labelled percent ("预算执行率为 97.64%"); nothing is computed here.
- 收入 is not 预算: "财政拨款收入 X" is kept as `income`, never as `budget`.
- 基本支出 / 项目支出 are budget parts when written as such (基本支出预算数) or when the
  nearest total before them is a budget; spending parts when it is spending or income.
- A figure about another year (2022年度我局实际支出…, a table's other year column), an
  opening balance (年初结转结余), a part's rate (项目支出预算执行率) or a 分别为 list (labels and
  amounts paired by order) is not the department's.
- Labels and their fields live in data/department_labels.csv.
- Matching runs on the text without white space: Word/PDF copies break lines inside
  words ("项\n目支出") and put spaces around numbers ("794.51 万元").
The first statement of each field wins; a later different value is noted as a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.parse.labels import header_field, label_key, without_item_number
from loaders.parse.layout import display_runs
from loaders.parse.narrative import clause_year
from loaders.parse.money import fraction_rate_confirmed
from loaders.parse.numbers import PERCENT_IN_WORDS, parse_number, parse_percent, rounds, table_money_unit, to_wan
from loaders.parse.text import CompactView, TextIndex, alternation, read_rows
from loaders.records import DEPARTMENT_FIELDS, Project, Span

SCORED_FIELDS = DEPARTMENT_FIELDS[:7]
_NUMBER = r"(-?\d[\d,]*(?:\.\d+)?)"
_AMOUNT_GAP = r"\s*(?:\(万元\)|\(元\)|\(调整后\))?\s*(?:为|是|:|达到|共计|合计|总计|安排|批复)?\s*"
_PERCENT_GAP = r"\s*(?:\(%\))?\s*(?:为|是|:|达到|均达到|均为|达)?\s*"
_UNIT = r"\s*(万元|亿元|元)"
# Scoring criteria, not a statement: "预算执行率100%计满分", "每低于5%扣2分".
_CRITERIA_AFTER_RE = re.compile(r"\s*(?:计|得|扣|以上|以下|的)")
# The char before a bare 支出 that makes it a part (基本支出, 项目支出, 其他支出 …) rather than the total.
_FUND_TYPES_RE = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")
_BARE_SPENDING_OK_BEFORE = "、，,。；;：:为和及与"
FIELD_NAMES = {
    "budget": "预算数", "executed": "支出数", "execution_rate_pct": "预算执行率", "carryover": "结转结余",
    "carryover_rate_pct": "结转结余率", "basic_expenditure": "基本支出", "project_expenditure": "项目支出",
    "basic_budget": "基本支出预算", "project_budget": "项目支出预算", "personnel_expenditure": "人员经费",
    "public_expenditure": "公用经费", "budget_final_diff_rate_pct": "预决算差异率", "income": "收入",
}
MAX_RATE_PCT = 200
RATE_TOLERANCE_PCT = 1.0   # printed rates are rounded; a larger gap means the cells were misread
BARE_SPENDING_CONTEXT = 30
CLAUSE_CHARS = 40
SENTENCE_CHARS = 150
NEAR_AMOUNT_CHARS = 60
PART_CONTEXT_CHARS = 200


@dataclass
class Figure:
    field: str
    value: float
    start: int                  # offsets in the compact view (text figures)
    end: int
    span: Span | None = None    # set for table-cell figures, which are read line by line


def parse_department_budget(index: TextIndex, projects: list[Project], *, projects_from_line: int | None = None,
                            year: int | None = None) -> tuple[dict | None, dict[str, Span], list[str]]:
    """(department_budget or None, provenance "department_budget.<key>" → span, warnings).

    projects_from_line: where the document's project evaluations begin; figures from there on
    are the projects'. year: the budget year evaluated; a sentence about another year
    (2023年度我局实际支出为…) gives no figure."""
    view = CompactView(index)
    skip_lines = _table_lines(projects)
    if projects_from_line is not None:
        skip_lines |= set(range(projects_from_line, len(index.lines) + 1))
    # a table with a column per year is read in the year evaluated, never by its first number
    year_rows, year_figures = _year_column_figures(index, year)
    figures = [f for f in _labelled_figures(view) if view.line_of(f.start) not in skip_lines | year_rows
               and not _about_another_year(view.text, f.start, year)]
    figures += _part_figures(view, figures, skip_lines | year_rows)
    for fig in figures:
        fig.span = view.span_of(fig.start, fig.end)
    figures += [f for f in _cell_pair_figures(index) if f.span[0] not in skip_lines | year_rows]
    figures += [f for f in year_figures if f.span[0] not in skip_lines]
    figures += [f for f in _budget_table_figures(index) if f.span[0] not in skip_lines]
    budget: dict[str, float | None] = {}
    provenance: dict[str, Span] = {}
    warnings: list[str] = []
    adjusted_budget = False
    for fig in sorted(figures, key=lambda f: (f.span, f.start)):
        adjusted = fig.field == "budget" and fig.end > fig.start and _ADJUSTED_RE.match(view.text, fig.start)
        if fig.field not in budget or (adjusted and not adjusted_budget):
            # 部门预算批复682.35万元，…调整后预算为705.18万元: the budget said to be adjusted is the year's
            budget[fig.field] = round(fig.value, 6)
            provenance[f"department_budget.{fig.field}"] = fig.span
            adjusted_budget = adjusted_budget or bool(adjusted)
        elif abs(budget[fig.field] - fig.value) > 0.005 and rounds(budget[fig.field], fig.value):
            # 预算执行率96.5% in the prose, 96.48% in the table: the prose rounded the exact figure
            name = FIELD_NAMES.get(fig.field, fig.field)
            warnings.append(f"部门{name}{budget[fig.field]:g}是{fig.value:g}的约数，取{fig.value:g}")
            budget[fig.field] = round(fig.value, 6)
            provenance[f"department_budget.{fig.field}"] = fig.span
        elif abs(budget[fig.field] - fig.value) > 0.005 and not rounds(fig.value, budget[fig.field]):
            name = FIELD_NAMES.get(fig.field, fig.field)
            warnings.append(f"部门{name}有两个不同的数（{budget[fig.field]:g} 与 {fig.value:g}），取了先出现的")
    _copy_department_table(budget, provenance, projects, warnings)
    for fig in _part_cell_figures(index, budget):
        if fig.field not in budget:
            budget[fig.field] = fig.value
            provenance[f"department_budget.{fig.field}"] = fig.span
    _rate_as_a_percent(budget, warnings)
    if not budget:
        return None, {}, warnings
    return {key: budget.get(key) for key in SCORED_FIELDS} | {
        key: value for key, value in budget.items() if key not in SCORED_FIELDS}, provenance, warnings


_ADJUSTED_RE = re.compile(r"(?:全年)?调整(?:后)?(?:的)?(?:部门)?预算|(?:全年)?预算调整|全年(?:部门)?预算(?!执行)")


def _table_lines(projects: list[Project]) -> set[int]:
    """Lines of project table rows (money rows, indicator rows): their 预算数 / 执行率 belong to
    the project (a department table's money rows excepted). (Not a narrative project's spans: a flattened page may hold the department's
    figures on the same line.)"""
    lines: set[int] = set()
    # a department table's money rows are the department's own figures; its indicator rows are not
    spans = [row.span for p in projects if p.subject != "department" for row in p.money_rows if row.span]
    spans += [span for p in projects for ind in p.indicators for span in ind.provenance.values()]
    for first, last in spans:
        lines.update(range(first, last + 1))
    return lines


def _labelled_figures(view: CompactView) -> list[Figure]:
    rows = read_rows("department_labels.csv")
    field_of = {r["term"]: (r["field"], r["kind"]) for r in rows}
    labels = alternation([r["term"] for r in rows])
    pattern = re.compile(rf"({labels})(?:{_AMOUNT_GAP}{_NUMBER}{_UNIT}|{_PERCENT_GAP}{_NUMBER}\s*%"
                         rf"|{_PERCENT_GAP}({PERCENT_IN_WORDS}))")
    figures: list[Figure] = []
    for match in pattern.finditer(view.text):
        if _about_a_project(view.index.text, view.offsets[match.start()]) or _about_a_cost_item(view.text, match.start()):
            continue
        field, kind = field_of[match.group(1)]
        if field in TOTAL_FIELDS and _in_a_sentence_about_a_part(view.index.text, view.offsets[match.start()]):
            continue
        if _not_the_departments(view.text, match.start(), field):
            continue
        figure = _figure(view.text, match, field, kind, figures)
        if figure is not None:
            figures.append(figure)
    return figures


_CELL_SPLIT_RE = re.compile(r"\t|\|")
_CELL_UNIT_RE = re.compile(r"\((万元|元|亿元)\)$")
_UNIT_NOTE_RE = re.compile(r"(?:单位|金额单位)\s*[:：]\s*(万元|元|亿元)|\((万元|元|亿元)\)")
_BARE_NUMBER_RE = re.compile(r"^-?\d[\d,]*(?:\.\d+)?(%)?$")
UNIT_NOTE_LINES = 5


def _cell_pair_figures(index: TextIndex) -> list[Figure]:
    """基础数据表 rows of label | value pairs ("全年预算数 | 1100 | 全年执行数 | 1050"): the label is
    a whole cell, the value the next cell, the unit from the label cell or a 单位：万元 note just above;
    without a unit, no amount is read."""
    field_of = {r["term"]: (r["field"], r["kind"]) for r in read_rows("department_labels.csv")}
    figures = []
    for number, line in index.numbered_lines():
        cells = [c.strip() for c in _CELL_SPLIT_RE.split(line)]
        for k, (label_cell, value_cell) in enumerate(zip(cells, cells[1:])):
            unit_in_label = _CELL_UNIT_RE.search(label_cell)
            label = _CELL_UNIT_RE.sub("", label_cell).replace(" ", "")
            value = _BARE_NUMBER_RE.match(value_cell.replace(" ", ""))
            if label not in field_of or label == "支出" or not value:
                continue
            if k + 2 < len(cells) and _BARE_NUMBER_RE.match(cells[k + 2].replace(" ", "")):
                continue   # 日常公用经费 | 48.30 | 52.00 | 50.26: a row of a table with columns, whose header says which
            field, kind = field_of[label]
            figure = _cell_figure(index, number, field, kind, value, unit_in_label)
            if figure is not None:
                figures.append(figure)
    return figures


_YEAR_CELL_RE = re.compile(r"^((?:19|20)\d{2})年(?:度)?(?:\(.*\))?$")
YEAR_TABLE_ROWS = 8


def _year_column_figures(index: TextIndex, year: int | None) -> tuple[set[int], list[Figure]]:
    """项目 | 2022年 | 2023年 | 增减率, rows 全年预算数 / 全年支出数 / 预算执行率: the column of the year
    evaluated (else the latest) gives the figures; the other years' cells are never read.
    (lines of the table's rows, figures)"""
    field_of = {r["term"]: (r["field"], r["kind"]) for r in read_rows("department_labels.csv")}
    for number, line in index.numbered_lines():
        ruled = "\t" in line or "|" in line
        cells = _table_cells(line) if ruled else _spaced_cells(line)
        years = {k: int(m.group(1)) for k, c in enumerate(cells) if (m := _YEAR_CELL_RE.match(c.replace(" ", "")))}
        if len(years) < 2:
            continue
        wanted = year if year in years.values() else max(years.values())
        column = next(k for k, y in years.items() if y == wanted)
        rows, figures = set(), []
        for row_number in range(number + 1, min(number + 1 + YEAR_TABLE_ROWS, len(index.lines) + 1)):
            text = index.line(row_number)
            row = _table_cells(text) if ruled else _spaced_cells(text)
            if len(row) < 2:
                break
            rows.add(row_number)
            label = re.sub(r"\((?:万元|元|%)\)$", "", row[0].replace(" ", ""))
            # cells apart by spaces drop their empty ones: only a row as long as the header is read
            if label not in field_of or column >= len(row) or (not ruled and len(row) != len(cells)):
                continue
            value = _BARE_NUMBER_RE.match(row[column].replace(" ", ""))
            field, kind = field_of[label]
            if value:
                figure = _cell_figure(index, row_number, field, kind, value, _CELL_UNIT_RE.search(row[0]))
                if figure is not None:
                    figures.append(figure)
        return rows, figures
    return set(), []


_PART_CELL_RE = re.compile(r"^(基本|项目)支出[:：]?$")
PART_SUM_TOLERANCE = 0.05


def _part_cell_figures(index: TextIndex, totals: dict[str, float | None]) -> list[Figure]:
    """基本支出 and 项目支出 given in a form's or a small table's cells — side by side (按支出性质分 |
    基本支出： | 568.32 | 项目支出： | 1,517.87), one row each (基本支出 | 512.3 | 61.98%), or as a
    header over a row of amounts (项目 | 基本支出 | 项目支出 ⏎ 金额（万元） | 380 | 200): parts of the
    budget or of the spending — whichever total they add up to (they are not kept when they match
    neither, so a table of shares or another year's parts gives nothing)."""
    rows = [(number, [c.strip() for c in _CELL_SPLIT_RE.split(line)]) for number, line in index.numbered_lines()]
    for k, (number, cells) in enumerate(rows):
        found = _parts_beside(cells) or _parts_under(cells, rows[k + 1][1] if k + 1 < len(rows) else [])
        found = found or _parts_down(rows[k:k + 2])
        if found is None:
            continue
        parts, last = found
        total = sum(parts.values())
        for whole, field in (("expenditure", "executed"), ("budget", "budget")):
            stated = totals.get(field)
            if stated and abs(stated - total) <= PART_SUM_TOLERANCE:
                return [Figure(f"{part}_{whole}", value, 0, 0, span=(number, number + last))
                        for part, value in parts.items()]
    return []


def _part_amount(label_cell: str, value_cell: str) -> tuple[str, float] | None:
    label = _PART_CELL_RE.match(label_cell.replace(" ", ""))
    value = _BARE_NUMBER_RE.match(value_cell.replace(" ", ""))
    if label and value and not value.group(1):
        return ("basic" if label.group(1) == "基本" else "project"), _to_float(value.group())
    return None


def _parts_beside(cells: list[str]) -> tuple[dict[str, float], int] | None:
    parts = dict(found for a, b in zip(cells, cells[1:]) if (found := _part_amount(a, b)))
    return (parts, 0) if len(parts) == 2 else None


def _parts_down(rows: list[tuple[int, list[str]]]) -> tuple[dict[str, float], int] | None:
    """基本支出 | 512.3 | 61.98% ⏎ 项目支出 | 314.24 | 38.02%: one part per row, its first cell after the label."""
    parts = {}
    for _, cells in rows:
        filled = [c for c in cells if c]
        found = _part_amount(filled[0], filled[1]) if len(filled) >= 2 else None
        if found is None:
            return None
        parts[found[0]] = found[1]
    return (parts, len(rows) - 1) if len(parts) == 2 else None


def _parts_under(header: list[str], values: list[str]) -> tuple[dict[str, float], int] | None:
    """项目 | 基本支出 | 项目支出 | 合计 ⏎ 金额（万元） | 380 | 200 | 580: the amounts under the part labels."""
    if len(header) != len(values):
        return None
    parts = dict(found for label, value in zip(header, values) if (found := _part_amount(label, value)))
    return (parts, 1) if len(parts) == 2 else None


# 部门预算执行情况表: the row label → which department fields its 预算 / 执行 cells give.
_BUDGET_TABLE_ROWS = {
    "合计": ("budget", "executed", "execution_rate_pct"), "总计": ("budget", "executed", "execution_rate_pct"),
    "支出合计": ("budget", "executed", "execution_rate_pct"),
    "年度资金总额": ("budget", "executed", "execution_rate_pct"),
    "部门整体支出": ("budget", "executed", "execution_rate_pct"),
    "基本支出": ("basic_budget", "basic_expenditure", None), "项目支出": ("project_budget", "project_expenditure", None),
}


_CARRYOVER_HEADERS = frozenset({"结转结余", "年末结转结余", "结转结余资金", "年末结转结余资金"})
_HEADER_YEAR_RE = re.compile(r"^((?:19|20)\d{2})年(?:度)?")


def _budget_table_columns(cells: list[str]) -> list[str | None]:
    """The money column each header cell names. Cells may carry a year (2021年决算数 | 2022年预算数 |
    2022年决算数): the latest year is the one evaluated; an earlier year's column is not read."""
    years = [int(m.group(1)) for c in cells if (m := _HEADER_YEAR_RE.match(c.replace(" ", "")))]
    columns = []
    for cell in cells:
        text = cell.replace(" ", "")
        year = _HEADER_YEAR_RE.match(text)
        if year and int(year.group(1)) < max(years):
            columns.append(None)
            continue
        bare = _HEADER_YEAR_RE.sub("", text)
        carryover = re.sub(r"\((?:万元|元)\)$", "", bare) in _CARRYOVER_HEADERS
        columns.append("carryover" if carryover else header_field(bare, "money") if text else None)
    return columns


def _budget_table_figures(index: TextIndex) -> list[Figure]:
    """A 部门预算执行情况 table (项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率, rows 基本支出 /
    项目支出 / 合计), tab or pipe separated: 合计 gives the department's budget, spending and rate,
    基本支出 / 项目支出 the parts of each. Amounts need a unit (in the header or a 单位 line just
    above), like every table amount here."""
    figures: list[Figure] = []
    lines = index.lines
    for number, line in index.numbered_lines():
        cells = _table_cells(line)
        columns = _budget_table_columns(cells)
        if len(cells) < 3 or len({"budget_full_year", "executed"} & set(columns)) < 2:
            continue
        unit = table_money_unit(cells + _lines_above_table(lines, number))
        if unit is None:
            continue
        for row_number in range(number + 1, min(number + 8, len(lines) + 1)):
            row = _table_cells(lines[row_number - 1])
            label = without_item_number(re.sub(r"^其中[:：]?", "", label_key(_row_label(row))))
            fields = _BUDGET_TABLE_ROWS.get(label)
            if len(row) > len(cells) or len(row) < 2 or _another_header(row):
                break    # a part's row may leave its last cells (分值 | 执行率 | 得分) out: shorter rows go on
            if label in _CARRYOVER_HEADERS:
                figures += _carryover_row(row, columns, unit, row_number)
            if fields is None:
                continue
            placed = []
            for column, cell in zip(columns, row):
                whole = fields[0] == "budget"   # the 合计 row, not a part's
                target = {"budget_full_year": fields[0], "executed": fields[1], "execution_rate_pct": fields[2],
                          "budget_initial": "budget_initial" if whole else None,
                          "carryover": "carryover" if whole else None}.get(column or "")
                number = _BARE_NUMBER_RE.match(cell.replace(" ", ""))
                if target and number:
                    placed.append((target, cell, bool(number.group(1))))
            # a percent under an amount column: the row's cells are not in the header's places (a spacer
            # or a merged cell left out) — nothing of it is read
            if any(percent and target != "execution_rate_pct" for target, _, percent in placed):
                continue
            for target, cell, _ in placed:
                value = parse_number(cell)
                value = value if target == "execution_rate_pct" else to_wan(value, unit)
                figures.append(Figure(target, value, 0, 0, span=(row_number, row_number)))
        if figures:
            break    # the first table that gives figures (经费控制情况 | …预算数 | …决算数 above it gives none)
    return figures


def _another_header(row: list[str]) -> bool:
    """The header of the table below (一级指标 | 二级指标 | …): the money table has ended."""
    return sum(1 for cell in row if cell and header_field(cell, "indicator") not in (None, "ignore")) >= 2


def _carryover_row(row: list[str], columns: list[str | None], unit: str, row_number: int) -> list[Figure]:
    """年末结转结余 |  |  |  | 24.29: the row's one amount, under a column of the year evaluated (a rate
    printed beside it is no amount)."""
    amounts = [(column, cell) for column, cell in zip(columns, row)
               if _BARE_NUMBER_RE.match(cell.replace(" ", "")) and not cell.endswith("%")]   # 结转结余率 | 1.70% beside
    if len(amounts) != 1 or amounts[0][0] is None:
        return []
    return [Figure("carryover", to_wan(parse_number(amounts[0][1]), unit), 0, 0, span=(row_number, row_number))]


MAX_TABLE_ABOVE = 15


def _lines_above_table(lines: list[str], number: int) -> list[str]:
    """The lines above line `number`, nearest first: the table rows just above (another block of the
    same table: 经费控制情况 above 部门整体支出) and the three lines before them, where a 单位 note stands."""
    above = []
    at = number - 2     # the line just above, 0-based
    while at >= 0 and len(above) < MAX_TABLE_ABOVE and len(_table_cells(lines[at])) > 1:
        above.append(lines[at])
        at -= 1
    return above + lines[max(0, at - 2):at + 1][::-1]


def _spaced_cells(line: str) -> list[str]:
    """A space-aligned row's cells (runs two or more spaces apart); its empty cells leave no trace."""
    return [text for _, text in display_runs(line)]


def _table_cells(line: str) -> list[str]:
    """A tab or pipe row's cells; a tab row's leading empty cells keep their place, trailing ones go."""
    body = line.strip(" \u3000")
    body = body.strip("|") if body.startswith("|") else body.rstrip("\t")
    cells = [c.strip() for c in _CELL_SPLIT_RE.split(body)]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells


def _row_label(row: list[str]) -> str:
    """The row's label: its last text cell before the first number (| 按支出性质分 | 基本支出 | 2,140.50 |
    — a group cell may stand before it, a spreadsheet's empty cells around it)."""
    label = ""
    for cell in row:
        if _BARE_NUMBER_RE.match(cell.replace(" ", "")):
            break
        label = cell or label
    return label


def _cell_figure(index: TextIndex, number: int, field: str, kind: str, value: re.Match,
                 unit_in_label: re.Match | None) -> Figure | None:
    amount = _to_float(value.group().rstrip("%"))
    if kind.startswith("percent"):
        if not value.group(1) or kind != "percent" or amount > MAX_RATE_PCT:
            return None
        return Figure(field, amount, 0, 0, (number, number))
    if value.group(1):
        return None
    unit = unit_in_label.group(1) if unit_in_label else _unit_note_above(index, number)
    if unit is None:
        return None
    return Figure(field, to_wan(amount, unit), 0, 0, (number, number))


def _unit_note_above(index: TextIndex, number: int) -> str | None:
    for line_number in range(number, max(0, number - UNIT_NOTE_LINES), -1):
        note = _UNIT_NOTE_RE.search(index.line(line_number))
        if note:
            return note.group(1) or note.group(2)
    return None


def _figure(text: str, match: re.Match, field: str, kind: str, before: list[Figure]) -> Figure | None:
    label, amount, unit, percent = match.group(1), match.group(2), match.group(3), match.group(4)
    if kind == "amount" and amount is not None:
        if label == "支出":
            if match.start() > 0 and text[match.start() - 1] not in _BARE_SPENDING_OK_BEFORE:
                return None
            field = _bare_spending_field(text, match.start())
        if text.startswith("预算", match.end(1)):
            return None  # 支出预算数: a budget part, read by _part_figures
        return Figure(field, to_wan(_to_float(amount), unit), match.start(), match.end())
    in_words = match.group(5) if match.re.groups >= 5 else None
    if kind.startswith("percent") and (percent is not None or in_words):
        value = _to_float(percent) if percent is not None else parse_percent(in_words)
        if value is None:
            return None
        if value > MAX_RATE_PCT or _CRITERIA_AFTER_RE.match(text, match.end()):
            return None
        if kind == "percent_near_amount" and not _bare_rate_after_amounts(text, match.start(), before):
            return None
        return Figure(field, value, match.start(), match.end())
    return None


def _about_another_year(text: str, offset: int, year: int | None) -> bool:
    """The sentence names a year before the figure (not a date: 截至2023年2月底), and it is not the
    year evaluated. (上年结转 in the sentence says nothing of the figure's year: words are not read here.)"""
    named = clause_year(text, offset, reach=SENTENCE_CHARS, earlier_words=False) if year else None
    return named is not None and named != year


def _bare_rate_after_amounts(text: str, offset: int, before: list[Figure]) -> bool:
    """"…项目支出 46.25 万元。完成率均达到 100%": a rate with no subject of its own, right after
    the department's amounts (任务完成率 / 目标完成率 name their own subject)."""
    if offset > 0 and "\u4e00" <= text[offset - 1] <= "\u9fff":
        return False
    return any(f.end <= offset <= f.end + NEAR_AMOUNT_CHARS for f in before)


_COST_ITEM_RE = re.compile(r"三公|公务接待|公务用车|因公出国|会议费|培训费")


_OPENING_BALANCE_RE = re.compile(r"(?:年初|期初|上年)[^，,。；;]{0,4}$")
_PART_OF_SPENDING_RE = re.compile(r"(?:基本支出|项目支出|人员经费|公用经费)[^，,。；;]{0,4}$")
_RESPECTIVELY_RE = re.compile(r"分别")
# a sentence about one part of the budget: 2022年基本支出预算868.60万元，实际支出856.92万元
_PART_SENTENCE_RE = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.]?)?(?:\d{4}年度?)?(?:基本支出|项目支出)")
_PART_WORDS = ("基本", "项目")
TOTAL_FIELDS = ("budget", "executed", "budget_initial", "execution_rate_pct")
# a bare 执行率 / 完成率 is the budget's only after these words (政府采购执行率 is another rate)
_BARE_RATE_LABELS = ("执行率", "完成率")
_RATE_OWNER_RE = re.compile(r"(?:全年|本年|年度|总体|整体|部门|单位|综合|平均|[^\u4e00-\u9fff])$")


def _rate_as_a_percent(budget: dict[str, float | None], warnings: list[str]) -> None:
    """执行率 | 0.961163103 (a spreadsheet's fraction): a percent when 执行数 / 预算数 gives that fraction, else,
    when the amounts confirm neither reading, no rate at all (as a money row's, money.checked_rate)."""
    rate = budget.get("execution_rate_pct")
    if rate is None or not 0 < rate <= 1.5:
        return
    confirmed = fraction_rate_confirmed(rate, budget.get("executed"), budget.get("budget"))
    if confirmed:
        budget["execution_rate_pct"] = round(rate * 100, 6)
        warnings.append(f"部门预算执行率{rate:g}是小数，按{rate * 100:g}%读取。")
    elif confirmed is None:
        budget["execution_rate_pct"] = None
        warnings.append(f"部门预算执行率{rate:g}无法确定是小数还是百分数，未读取。")


_CHANGE_WORDS = ("追加", "调增", "调减", "核减", "增加", "减少")


def _not_the_departments(text: str, offset: int, field: str) -> bool:
    """年初结转结余资金45.6万元 is the opening balance (the carry-over is the year-end one); 项目支出预算执行率
    92.3% is a part's rate; 年初预算、调整后预算分别为… pairs labels and amounts in order — not read here."""
    before = text[max(0, offset - 8):offset]
    if field.startswith("carryover") and _OPENING_BALANCE_RE.search(before):
        return True
    if field == "execution_rate_pct" and _PART_OF_SPENDING_RE.search(before):
        return True
    if field == "execution_rate_pct" and text.startswith(_BARE_RATE_LABELS, offset) and before \
            and not _RATE_OWNER_RE.search(before):
        return True
    if field in TOTAL_FIELDS and before.endswith(_PART_WORDS):
        return True     # 基本支出预算 X: a part's budget
    if field == "budget" and before.endswith(_CHANGE_WORDS) and not text.startswith("调整后", offset):
        return True     # 追加调整预算592.71万元: what was added in the year, not the budget (追加调整后预算 is it)
    clause = re.split(r"[。；;，,]", text[offset:offset + CLAUSE_CHARS])[0]
    return bool(_RESPECTIVELY_RE.search(clause))


def _in_a_sentence_about_a_part(text: str, offset: int) -> bool:
    """"2022年基本支出预算868.60万元，实际支出856.92万元": a sentence (or line) opening with a part of the
    budget speaks of that part all along."""
    sentence = re.split(r"[。；;!！?？\n]", text[max(0, offset - SENTENCE_CHARS):offset])[-1]
    return bool(_PART_SENTENCE_RE.match(sentence.strip()))


def _about_a_cost_item(text: str, offset: int) -> bool:
    """"“三公”经费预算数18.50万元，决算数12.36万元": the sentence is about one cost item, not the
    department's whole budget."""
    sentence = re.split(r"[。；;!！?？\n]", text[max(0, offset - CLAUSE_CHARS * 2): offset])[-1]
    return bool(_COST_ITEM_RE.search(sentence))


def _about_a_project(text: str, offset: int) -> bool:
    """"其中XX项目预算100万元，实际支出95万元": the clause is about a project, not the department.
    (项目支出 is the department's spending on projects and does not count.)"""
    clause = re.split(r"[。；;!！?？\n]", text[max(0, offset - CLAUSE_CHARS): offset])[-1]
    about_project = re.search(r"项目(?!支出)", clause)
    if about_project and not re.search(r"部门|整体|单位|全局|本局", clause):
        return True
    # a sentence opening with 该项目 / 本项目 speaks of a project all along (该项目由…实施，预算…，执行率…)
    sentence = re.split(r"[。；;!！?？\n]", text[max(0, offset - SENTENCE_CHARS): offset])[-1]
    return bool(re.match(r"\s*(?:[(（][一二三四五六七八九十\d]+[)）])?[^，,]{0,30}?(?:该项目|本项目|此项目)", sentence))


def _bare_spending_field(text: str, offset: int) -> str:
    """"预算收入 X、支出 Y": the budget's spending side; "财政拨款收入 X、支出 Y": what was spent."""
    clause = re.split(r"[。；;]", text[max(0, offset - BARE_SPENDING_CONTEXT): offset])[-1]
    clause = _FUND_TYPES_RE.sub("", clause)   # 一般公共预算财政拨款收入: a kind of fund, not a budget figure
    if "预算" in clause and not re.search(r"决算|执行|实际|完成", clause):
        return "budget"
    return "executed"


def _part_figures(view: CompactView, totals: list[Figure], skip_lines: set[int]) -> list[Figure]:
    """基本支出 / 项目支出 amounts, classed as budget or spending parts by what they are parts of."""
    pattern = re.compile(rf"(基本|项目)支出(预算数|预算)?{_AMOUNT_GAP}{_NUMBER}{_UNIT}")
    figures = []
    for match in pattern.finditer(view.text):
        if view.line_of(match.start()) in skip_lines:
            continue
        part = "basic" if match.group(1) == "基本" else "project"
        whole = "budget" if match.group(2) else _whole_before(totals, match.start())
        if whole is None:
            continue
        value = to_wan(_to_float(match.group(3)), match.group(4))
        figures.append(Figure(f"{part}_{whole}", value, match.start(), match.end()))
    return figures


def _whole_before(totals: list[Figure], offset: int) -> str | None:
    """"budget" / "expenditure": what the nearest preceding total (within reach) measures."""
    candidates = [f for f in totals if f.field in ("budget", "budget_initial", "executed", "income")
                  and offset - PART_CONTEXT_CHARS <= f.end <= offset]
    if not candidates:
        return None
    nearest = max(candidates, key=lambda f: f.end)
    if nearest.field == "budget_initial":
        return None   # parts of the initial budget: no field holds them
    return "budget" if nearest.field == "budget" else "expenditure"


def _copy_department_table(budget: dict, provenance: dict[str, Span], projects: list[Project],
                           warnings: list[str]) -> None:
    """A department-wide table's own money cells (部门预算执行情况) are the department's stated
    figures — when they hold together; a misread row is not passed on as the department's."""
    table = next((p for p in projects if p.subject == "department"), None)
    if table is None:
        return
    if not _table_money_consistent(table):
        warnings.append("部门整体表的金额读数互相矛盾（执行率与金额对不上），未作为部门数据采用")
        return
    for source, field in (("budget_full_year", "budget"), ("executed", "executed"),
                          ("execution_rate_pct", "execution_rate_pct")):
        value = getattr(table, source)
        if value is not None and field not in budget:
            budget[field] = value
            if source in table.provenance:
                provenance[f"department_budget.{field}"] = table.provenance[source]
    for row in table.money_rows[1:]:
        amounts = [v for v in (row.budget_initial, row.budget_full_year, row.executed) if v is not None]
        if re.sub(r"^(?:其中:)?(?:年末)?", "", row.label) == "结转结余" and len(amounts) == 1 and "carryover" not in budget:
            budget["carryover"] = amounts[0]   # 结转结余 | | | 58.40: the year's closing balance
            if row.span:
                provenance["department_budget.carryover"] = row.span
            continue
        # 其中：基本支出 / 项目支出 rows under the department's 年度资金总额
        part = "basic" if "基本支出" in row.label else "project" if "项目支出" in row.label else None
        for value, field in ((row.executed, f"{part}_expenditure"), (row.budget_full_year, f"{part}_budget")):
            if part and value is not None and field not in budget:
                budget[field] = value
                if row.span:
                    provenance[f"department_budget.{field}"] = row.span


def _table_money_consistent(table: Project) -> bool:
    rate, full, spent = table.execution_rate_pct, table.budget_full_year, table.executed
    if rate is not None and not 0 <= rate <= MAX_RATE_PCT:
        return False
    if rate is not None and full and spent is not None:
        return abs(spent / full * 100 - rate) <= RATE_TOLERANCE_PCT
    return True


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))
