"""Summary tables that list several projects, one per row.

A finance bureau's 通报 of self-evaluation results, or the appendix of a department report,
often gives only this: 序号 | 项目名称 | 全年预算数 | 全年执行数 | 执行率 | 自评得分 | 自评等级.
Decision: read such a table from rows with explicit separators (tab or |), one cell per line,
space-aligned columns, or words apart by single spaces, under a header that names 项目名称 and
at least two of budget / executed / rate / score (column names are data:
loaders/data/project_list_columns.csv), and only rows with as many cells as the header — a row
that does not fit is skipped with a warning (without separators: the list is not read), never
guessed. Amounts go to 万元 from the unit the
header or a 单位 line names.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from loaders.parse.labels import DATA_DIR, label_key
from loaders.parse.layout import display_runs
from loaders.parse.narrative import PROJECT_WORDS
from loaders.parse.text import alternation, read_rows
from loaders.parse.numbers import money_unit, parse_number, table_money_unit, to_halfwidth, to_wan
from loaders.records import Project

_VALUES = {"budget_full_year", "budget_initial", "executed", "execution_rate_pct", "total_score"}
_MONEY = {"budget_full_year", "budget_initial", "executed"}


@lru_cache(maxsize=1)
def _columns() -> dict[str, str]:
    with open(DATA_DIR / "project_list_columns.csv", encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if line.strip() and not line.startswith("#"))
        return {label_key(r["alias"]): r["field"] for r in rows}


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        return [c.strip() for c in line.strip("\n").split("\t")]
    if line.strip().startswith("|") and line.count("|") >= 3:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def _header(cells: list[str]) -> list[str] | None:
    fields = [_columns().get(label_key(c)) for c in cells]
    if "name" not in fields:
        # 序号 | 单位名称 | 全年预算数 | … with no 项目名称: one department-wide evaluation per row
        fields = ["department_name" if f == "unit_name" else f for f in fields]
    fields = ["ignore" if f == "unit_name" else f for f in fields]
    if None in fields or not {"name", "department_name"} & set(fields) or len(_VALUES & set(fields)) < 2:
        return None
    return fields


def read_project_list(lines: list[str]) -> tuple[list[Project], list[str]]:
    """Projects of the first summary table in `lines` (lines[0] is line 1), and warnings."""
    for number, line in enumerate(lines, start=1):
        cells = _cells(line)
        fields = _header(cells) if cells else None
        if fields:
            unit = _unit(cells, lines[max(0, number - 4):number])
            return _rows(lines, number, fields, unit)
    return _cell_per_line_list(lines) or _layout_list(lines) or _word_list(lines), []


def _cell_per_line_list(lines: list[str]) -> list[Project]:
    """The same table printed one cell per line: its header cells on consecutive lines, then each row's
    cells, as many per row as the header has — every row opening with its 序号 and its numbers in
    number columns, else nothing is read."""
    texts = [line.strip() for line in lines]
    for start in range(len(texts)):
        if label_key(texts[start]) != "序号":
            continue
        header, end = _stacked_header(texts, start)
        width = len(header)
        fields = _header(header) if width >= 3 else None
        if not fields or fields[0] != "ignore":
            continue
        unit = _unit(header, texts[max(0, start - 3):start])
        body = [(k + 1, text) for k, text in enumerate(texts[end:], start=end) if text]
        projects = []
        for chunk in _rows_by_serial(body, fields):
            cells = _row_cells([c for _, c in chunk], fields)
            # trailing columns we do not read (备注) may be left out of a row
            if cells is None or len(cells) < width and any(f != "ignore" for f in fields[len(cells):]):
                break
            if not _numbers_fit(fields, cells):
                break
            project = _project(dict(zip(fields, cells)), unit)
            if project is not None:
                project.provenance = {"name": (chunk[0][0], chunk[-1][0])}
                projects.append(project)
        return projects if len(projects) >= 2 else []
    return []


_QUALIFIER_LINE_RE = re.compile(r"^[（(][^()（）]{1,8}[)）]$")


def _stacked_header(texts: list[str], start: int) -> tuple[list[str], int]:
    """The header cells one per line from `start` (序号), and the line after them. A cell's qualifier
    wrapped onto a line of its own (预算数 / （万元）) belongs to it."""
    header, k = [], start
    while k < len(texts) and texts[k]:
        if header and _QUALIFIER_LINE_RE.match(texts[k]):
            header[-1] += texts[k]
        elif _columns().get(label_key(texts[k])):
            header.append(texts[k])
        else:
            break
        k += 1
    return header, k


def _rows_by_serial(body: list[tuple[int, str]], fields: list[str]) -> list[list[tuple[int, str]]]:
    """Rows of a one-cell-per-line list: each opens with its 序号 (1, 2, 3 …) and runs to the next one,
    a few lines longer than the header when a name wrapped; the last row is as long as its numbers fit."""
    width = len(fields)
    rows: list[list[tuple[int, str]]] = []
    serial = 1
    k = 0
    while k < len(body) and body[k][1] == str(serial):
        end = k + 1
        while end < len(body) and end - k < width + MAX_WRAPPED_LINES and body[end][1] != str(serial + 1):
            end += 1
        if end == len(body) or body[end][1] != str(serial + 1):
            end = _last_row_end(body, k, fields)
        rows.append(body[k:end])
        k, serial = end, serial + 1
    return rows


MAX_WRAPPED_LINES = 3


def _last_row_end(body: list[tuple[int, str]], k: int, fields: list[str]) -> int:
    """The last row has no next 序号 to end it: the shortest run of lines whose numbers fit the columns."""
    for extra in range(MAX_WRAPPED_LINES + 1):
        end = min(len(body), k + len(fields) + extra)
        cells = _row_cells([text for _, text in body[k:end]], fields)
        if cells is not None and len(cells) == len(fields) and _numbers_fit(fields, cells):
            return end
    return min(len(body), k + len(fields))


def _row_cells(cells: list[str], fields: list[str]) -> list[str] | None:
    """A row's cells, one per column. More lines than columns: a text cell before the numbers wrapped.
    With one text column there it takes them all; with two (项目名称 and 主管部门) the split must be
    the only one where the name ends as project names do (…工程 / …资金) and the other cell as a unit's
    name does (…局 / …中心) — else None (the row is not placed)."""
    if len(cells) <= len(fields):
        return cells
    first_value = next((n for n, f in enumerate(fields) if n and f in _VALUES), None)
    if first_value is None:
        return None
    tail = len(fields) - first_value
    texts, values = cells[1:len(cells) - tail], cells[len(cells) - tail:]
    text_fields = fields[1:first_value]
    if len(text_fields) == 1:
        return [cells[0], "".join(texts), *values]
    if len(text_fields) != 2 or not {"name", "department_name"} & set(text_fields):
        return None
    name_first = text_fields[0] in ("name", "department_name")
    splits = []
    for n in range(1, len(texts)):
        first, second = "".join(texts[:n]), "".join(texts[n:])
        name, unit = (first, second) if name_first else (second, first)
        if _PROJECT_NAME_END.search(name) and _unit_name_end().search(unit):
            splits.append([cells[0], first, second, *values])
    return splits[0] if len(splits) == 1 else None


_PROJECT_NAME_END = re.compile(rf"(?:{PROJECT_WORDS})$")


@lru_cache(maxsize=1)
def _unit_name_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation([r['term'] for r in read_rows('org_suffixes.csv') if r['strength'] == 'strong'])})$")


_WRAPPING_COLUMNS = {"name", "department_name", "ignore"}


def _layout_list(lines: list[str]) -> list[Project]:
    """The table space-aligned (pdftotext -layout): the header's runs fix the columns; a line opening
    with a 序号 starts a row, the lines after it without one continue its cells (a name wrapped onto
    the next line in its own column)."""
    for number, line in enumerate(lines):
        runs = display_runs(line)
        fields = _header([text for _, text in runs]) if len(runs) >= 3 else None
        if not fields or label_key(runs[0][1]) != "序号":
            continue
        starts = [start for start, _ in runs]
        header = [text for _, text in runs]
        k = _after_header(lines, number, header)
        unit = _unit(header, lines[max(0, number - 3):number])
        rows: list[tuple[int, dict[int, str]]] = []
        above: dict[int, str] = {}
        while k < len(lines):
            again = _header_again(lines, k, header)
            if again is not None:
                k = _after_header(lines, again, header)   # the table goes on after a page break
                continue
            cells = {}
            for start, text in display_runs(lines[k]):
                column = max((n for n, s in enumerate(starts) if start + 2 >= s), default=None)
                if column is None or column in cells:
                    cells = {}
                    break
                cells[column] = text
            if not cells:
                break
            if 0 in cells and re.fullmatch(r"\d{1,3}", cells[0]):
                for column, text in above.items():
                    cells[column] = text + cells.get(column, "")
                rows.append((k + 1, cells))
                above = {}
            elif rows and 0 not in cells and all(fields[c] in _WRAPPING_COLUMNS for c in cells):
                opens_a_name = any(_opens_like(text, rows[-1][1].get(column, "")) for column, text in cells.items())
                for column, text in cells.items():   # a name or unit wrapped; numbers never wrap
                    if opens_a_name or above:
                        above[column] = above.get(column, "") + text   # the top of the next row's centred cell
                    else:
                        rows[-1][1][column] = rows[-1][1].get(column, "") + text
            else:
                break
            k += 1
        projects = []
        for row_line, cells in rows:
            if not _numbers_fit(fields, [cells.get(n, "") for n in range(len(fields))]):
                return []
            project = _project({f: cells.get(n, "") for n, f in enumerate(fields)}, unit)
            if project is not None:
                project.provenance = {"name": (row_line, row_line)}
                projects.append(project)
        return projects if len(projects) >= 2 else []
    return []


NAME_OPENING = 5


def _opens_like(text: str, name: str) -> bool:
    """淮阴区2024年稻麦… under 淮阴区2024年养老…补助资金: a line that opens as the name above opened is the
    next name's first line (a cell centred in its row puts it above its 序号), never this name's tail."""
    return len(text) >= NAME_OPENING and len(name) >= NAME_OPENING and text[:NAME_OPENING] == name[:NAME_OPENING]


def _after_header(lines: list[str], at: int, header: list[str]) -> int:
    """The line after a layout header, and after the line of its columns' units (全年预算数 ⏎ （万元）),
    whose cells join the header's (`header` grows)."""
    below = display_runs(lines[at + 1]) if at + 1 < len(lines) else []
    if below and all(_QUALIFIER_LINE_RE.match(text) for _, text in below):
        header += [text for _, text in below if text not in header]
        return at + 2
    return at + 1


def _header_again(lines: list[str], k: int, header: list[str]) -> int | None:
    """The line of the same header printed again after empty lines (a page break), else None."""
    if lines[k].strip():
        return None
    while k < len(lines) and not lines[k].strip():
        k += 1
    texts = [text for _, text in display_runs(lines[k])] if k < len(lines) else []
    return k if texts and texts == header[:len(texts)] and len(texts) >= 3 else None


def _word_list(lines: list[str]) -> list[Project]:
    """The table with its cells apart by single spaces (a PDF's text without layout): the header a
    line of known column words opening with 序号, and each row a line opening with its 序号 with as
    many words as the header (trailing columns we do not read may be left out). A row with more or
    fewer words (a name holding a space, an empty cell) cannot be placed: the list is not read."""
    for number, line in enumerate(lines):
        words = line.split()
        fields = _header(words) if len(words) >= 3 else None
        if not fields or label_key(words[0]) != "序号":
            continue
        unit = _unit(words, lines[max(0, number - 3):number])
        projects = []
        for k in range(number + 1, len(lines)):
            cells = lines[k].split()
            if not cells or cells[0] != str(len(projects) + 1):
                break
            fits = len(cells) == len(fields) or (
                len(cells) < len(fields) and all(f == "ignore" for f in fields[len(cells):]))
            if not fits or not _numbers_fit(fields, cells):
                return []
            project = _project(dict(zip(fields, cells)), unit)
            if project is not None:
                project.provenance = {"name": (k + 1, k + 1)}
                projects.append(project)
        return projects if len(projects) >= 2 else []
    return []


def _numbers_fit(fields: list[str], cells: list[str]) -> bool:
    return all(re.search(r"\d", to_halfwidth(cell)) for field, cell in zip(fields, cells)
               if field in _VALUES and cell.strip() not in ("", "-", "—", "/"))


def _unit(header: list[str], above: list[str]) -> str:
    return table_money_unit(header + list(reversed(above))) or "万元"


def _rows(lines: list[str], header_line: int, fields: list[str], unit: str) -> tuple[list[Project], list[str]]:
    projects, warnings = [], []
    for number in range(header_line + 1, len(lines) + 1):
        cells = _cells(lines[number - 1])
        if cells is None:
            if lines[number - 1].strip():
                break                    # the table is over where prose resumes
            continue
        if len(cells) != len(fields):
            warnings.append(f"项目汇总表第{number}行的格数与表头不同，未读取。")
            continue
        project = _project(dict(zip(fields, cells)), unit)
        if project is None:
            continue
        project.provenance = {k: (number, number) for k in ("name", *_VALUES) if getattr(project, k) is not None}
        projects.append(project)
    return (projects, warnings) if len(projects) >= 2 else ([], [])


def _project(row: dict[str, str], unit: str) -> Project | None:
    name = (row.get("name") or row.get("department_name") or "").strip()
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", name) or re.fullmatch(r"合计|小计|总计|平均", name):
        return None    # | --- | under a markdown header, a 序号 alone, a total row: no project
    project = Project(name=name, subject="department" if "department_name" in row else "project")
    for field in _VALUES & set(row):
        text = to_halfwidth(row[field]).strip()
        if not re.search(r"\d", text):
            continue
        value = parse_number(text)
        setattr(project, field, to_wan(value, money_unit(text) or unit) if field in _MONEY else value)
    review = parse_number(to_halfwidth(row.get("review_score", "")).strip()) if re.search(r"\d", row.get("review_score", "")) else None
    if review is not None:
        project.total_score = review    # 自评得分 98 | 复核得分 95: the review's score is the result
    grade = row.get("grade", "").strip()
    if grade:
        project.grade = grade
    return project
