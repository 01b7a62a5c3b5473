"""Evaluated projects in a report: money block, total score, indicator table.

Entry point `parse_projects(lines)` is called by loaders.parse.report.parse_report.
The document's lines become one cell stream (loaders.parse.tables); a 项目名称
cell opens a project, a money header opens its money block (loaders.parse.money),
an indicator header its indicator table (loaders.parse.indicators, aligned by
loaders.parse.align; glued tables split by loaders.parse.flattened). A document
without tables gets its projects from the prose (loaders.parse.narrative).
Unnamed tables of a department report are the department's own (subject
"department", name left to parse_report); an unnamed table repeating a named
one is dropped as the same project shown twice.
"""
from __future__ import annotations

import difflib
import re

from loaders.parse import narrative
from loaders.parse.indicator_header import read_header
from loaders.parse.indicators import IndicatorTable, parse_indicator_table
from loaders.parse.labels import header_field, is_label, label_key, table_labels, without_item_number
from loaders.parse.label_lines import (label_ends_below_joined, labels_joined_on_lines, level_points_in_labels,
                                      scored_level_rows_as_tabs, short_level_headers_in_full)
from loaders.parse.layout import layout_tables_as_tabs
from loaders.parse.ruled import ruled_continuations_joined
from loaders.parse.money import (FISCAL_KEYS, MoneyBlock, is_spacer, parse_money_block, parse_vertical_money_block,
                                 rate_contradicts)
from loaders.parse.numbers import to_halfwidth
from loaders.parse.project_list import read_project_list
from loaders.parse.tables import CELL, SPACE, Cell, cell_kind, cell_number, is_number_cell, tokenize
from loaders.records import PROJECT_MONEY_FIELDS, MoneyRow, Project

STOP_KINDS = frozenset({"project_name", "money_row", "block_end"})
_AMOUNT_OR_RATE = {"budget_initial", "budget_full_year", "executed", "execution_rate_pct"}
_INDICATOR_CORE = {"level1", "level2", "name"}
_INDICATOR_VALUES = {"target", "actual", "weight", "score", "target_value", "target_op"}


def parse_projects(lines: list[str], reviewed: bool = False,
                   projects_from_line: int | None = None) -> tuple[list[Project], list[str]]:
    """lines = the document's normalised lines (lines[0] is line 1); `reviewed`: the document reviews
    a self-evaluation (its 复核得分 columns are the result); `projects_from_line`: a department report's
    heading of its section on its projects' results (四、重点项目绩效情况), if any.

    Returns the evaluated projects (money fields, money rows, indicators, provenance
    spans as 1-based inclusive line numbers) and warnings (Chinese, one sentence each).
    """
    warnings: list[str] = []
    lines_as_rows = scored_level_rows_as_tabs(level_points_in_labels(short_level_headers_in_full(
        label_ends_below_joined(layout_tables_as_tabs(ruled_continuations_joined(labels_joined_on_lines(lines)))))))
    projects = read_tables(tokenize(lines_as_rows), warnings, reviewed)
    projects = drop_repeated_tables(projects, warnings)
    listed, list_notes = read_project_list(lines)
    if listed and not any(p.indicators for p in projects):
        # a summary table of several projects (one per row) and no project's own table: the list is
        # what the document says; a money header inside it is no project's money block
        projects = listed
        warnings += list_notes
    elif listed and _tables_of_listed_projects(projects, listed, lines):
        projects = listed     # a notice's list, and the scoring table of some of them attached below it
        warnings += list_notes
    department = narrative.is_department_document(lines)
    if not projects:
        projects = narrative.section_projects(lines)
    if not projects:
        projects = narrative.listed_projects(lines)
    if department and not any(p.indicators for p in projects):
        projects += narrative.scored_projects(lines)   # beside a department money table, if any
    if not projects and not department:
        projects = narrative.parenthetical_projects(lines)
    if not projects and not department:
        projects = [Project()]
    name_from_section_headings(projects, lines)
    if department and projects_from_line is not None:
        projects = _key_projects_under_headings(projects, lines, projects_from_line)
    name_unnamed_projects(projects, lines, department)
    if len(projects) == 1 and not (department and projects[0].subject == "project" and projects[0].money_rows):
        # in a department report with one project table, the prose's money and score are the department's
        complete_from_prose(projects[0], lines, warnings)
    projects = [p for p in projects if has_content(p)]
    return projects, warnings


def read_tables(cells: list[Cell], warnings: list[str], reviewed: bool = False) -> list[Project]:
    """Walk the cell stream: 项目名称 opens a project; a money block or an indicator table
    belongs to the open project, or opens a new (unnamed) one when that part is taken."""
    projects: list[Project] = []
    current: Project | None = None
    i = 0
    while i < len(cells):
        if is_label(cells[i].text, "project_name") or _INLINE_NAME.match(cells[i].text):
            current = Project()
            projects.append(current)
            i = read_project_name(cells, i, current)
            continue
        if current is not None and current.total_score is None:
            read_head_total(cells, i, current)   # 自评总分: 95 in the form's head
        vertical = parse_vertical_money_block(cells, i) if not (current and current.money_rows) else None
        if vertical is not None:
            if current is None:
                current = Project()
                projects.append(current)
            apply_money(current, vertical, warnings)
            i = vertical.end
        elif starts_money_header(cells, i):
            block = parse_money_block(cells, i)
            if current is not None and current.money_rows and not current.indicators and _parts_only(block):
                # 按收入性质分 / 按支出性质分 under the 年度资金总额 row, with their own header: the parts of the
                # block above, not another project's money
                current.money_rows = current.money_rows + block.rows
                warnings += block.warnings
                i = max(block.end, i + 1)
                continue
            if current is None or current.money_rows or current.indicators:
                current = Project()    # (a form prints its money above its indicators: after them, it is the next's)
                projects.append(current)
            apply_money(current, block, warnings, reviewed)
            i = max(block.end, i + 1)
        elif starts_indicator_header(cells, i):
            if current is None or current.indicators:
                current = Project()
                projects.append(current)
            table = parse_indicator_table(cells, i, STOP_KINDS, reviewed)
            apply_indicators(current, table, warnings)
            i = max(table.end, i + 1)
        else:
            i += 1
    return projects


_WHOLE_AMOUNT_RE = re.compile(r"总额|合计|总计")


def _parts_only(block: MoneyBlock) -> bool:
    """Every row of the block a part of the money (fund sources, 基本支出 / 项目支出), none a whole."""
    labels = [re.sub(r"^其中[:：]?", "", label_key(row.label or "")) for row in block.rows]
    return bool(labels) and all(is_label(label, "money_row") and not _WHOLE_AMOUNT_RE.search(label) for label in labels)


_INLINE_NAME = re.compile(r"^项目名称\s*[:：]\s*(\S.{1,60})$")


_INLINE_TOTAL = re.compile(r"^(?:自评总分|总分|综合得分|总得分)(?:\(分\))?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分?$")


def read_head_total(cells: list[Cell], i: int, project: Project) -> None:
    """A total written beside the form's head: a 自评总分 cell and its number, or both in one cell."""
    text = to_halfwidth(cells[i].text)
    inline = _INLINE_TOTAL.match(text)
    if inline and float(inline.group(1)) <= 100:
        project.total_score = float(inline.group(1))
        project.provenance["total_score"] = (cells[i].line, cells[i].line)
    elif cell_kind(cells[i].text) == "total" and i + 1 < len(cells) and _is_score(cells[i + 1].text):
        k = i + 1   # 总分 | 100 | 99.6: the last number is the score (the first may be the 分值)
        while k + 1 < len(cells) and _is_score(cells[k + 1].text) and cells[k + 1].sep in (CELL, SPACE):
            k += 1
        if k + 1 < len(cells) and _is_score(cells[k + 1].text):
            return   # 总分 / 100 / 88.1 one per line: which is the score is the table's to say
        project.total_score = cell_number(cells[k].text)
        project.provenance["total_score"] = (cells[k].line, cells[k].line)


def _is_score(text: str) -> bool:
    return is_number_cell(text) and cell_number(text) <= 100


def read_project_name(cells: list[Cell], i: int, project: Project) -> int:
    """The name after a 项目名称 cell (up to the next label), or inside it (项目名称：…)."""
    inline = _INLINE_NAME.match(cells[i].text)
    if inline:
        project.name = _up_to_the_sentence_end(inline.group(1))
        project.provenance["name"] = (cells[i].line, cells[i].last_line)
        return i + 1
    i += 1
    while i < len(cells) and not cells[i].text and cells[i].boxed and cells[i].line == cells[i - 1].line:
        i += 1   # 项目名称 | | 某某工程: the label cell is merged over two columns
    parts: list[Cell] = []
    label_line = cells[i - 1].line
    while i < len(cells) and cells[i].text and not cell_kind(cells[i].text) \
            and not _opens_with_a_label(cells[i].text) and len(parts) < 4 \
            and not _labels_a_header(cells, i, label_line):
        parts.append(cells[i])
        i += 1
    name = _up_to_the_sentence_end("".join(c.text for c in parts))
    if name and not is_label(name, "name_stop"):   # 项目主管单 / 位: the next label, broken by the page
        project.name = name
        project.provenance["name"] = (parts[0].line, parts[-1].last_line)
    return i


def _up_to_the_sentence_end(name: str) -> str:
    """项目名称：2022年度高标准农田建设项目。该项目年初预算… — a name ends where its sentence does."""
    return re.split(r"[。；;]", name, maxsplit=1)[0].strip()


def _opens_with_a_label(text: str) -> bool:
    """主管部门 / 主管部门及代码 / 实施单位（盖章）: the next label of the form, not more of the name."""
    key = label_key(text)
    return is_label(text, "name_stop") or any(key.startswith(label) and len(key) - len(label) <= 6
                                               for label in table_labels()["name_stop"] if len(label) >= 4)


def _labels_a_header(cells: list[Cell], i: int, label_line: int) -> bool:
    """资金情况（万元） before 预算数 | 执行数 | …: the row label of the header that follows — not the
    name beside 项目名称 on its line when the header starts on a line of its own."""
    if cells[i].line == label_line and i + 1 < len(cells) and cells[i + 1].line != cells[i].line:
        return False
    if not _BLOCK_LABEL_WORDS_RE.search(cells[i].text):
        return False   # 项目名称 ⏎ 农村供水工程 ⏎ 一级指标…: one cell per line, a name before the header
    return i + 1 < len(cells) and (starts_money_header(cells, i + 1) or starts_indicator_header(cells, i + 1))


_BLOCK_LABEL_WORDS_RE = re.compile(r"资金|预算|指标|绩效|金额|万元|[(（]元[)）]")


def _header_run(cells: list[Cell], i: int, context: str) -> list[str]:
    fields = []
    while i < len(cells) and cells[i].text and header_field(cells[i].text, context):
        fields.append(header_field(cells[i].text, context))
        i += 1
        if context == "money" and i < len(cells) and is_spacer(cells, i):
            i += 1   # a spreadsheet's empty spacer column inside the header
    return fields


def starts_money_header(cells: list[Cell], i: int) -> bool:
    before = i - 2 if i > 1 and is_spacer(cells, i - 1) else i - 1
    if before >= 0 and cells[before].text and header_field(cells[before].text, "money"):
        return False
    fields = _header_run(cells, i, "money")
    return len(fields) >= 3 and len(_AMOUNT_OR_RATE & set(fields)) >= 2


def starts_indicator_header(cells: list[Cell], i: int) -> bool:
    if i > 0 and cells[i - 1].text and header_field(cells[i - 1].text, "indicator"):
        return False
    columns, _ = read_header(cells, i)
    fields = set(columns)
    if len(columns) < 2:
        return False
    return bool(fields & _INDICATOR_CORE) and bool(fields & _INDICATOR_VALUES) or \
        ("target_value" in fields and "target_unit" in fields)


_INCOME_TOTAL_RE = re.compile(r"收入(?:合计|总计)?$")
_SPENDING_TOTAL_RE = re.compile(r"支出(?:合计|总计)$|^(?:合计|总计)支出$")


def _total_row(rows: list[MoneyRow]) -> MoneyRow | None:
    """The block's total row: its first — unless that is income (一、收入合计): then the spending total
    printed after it (二、支出合计), else none (income is no budget and no spending)."""
    if not _INCOME_TOTAL_RE.search(without_item_number(rows[0].label or "")):
        return rows[0]
    return next((row for row in rows[1:] if _SPENDING_TOTAL_RE.search(without_item_number(row.label or ""))), None)


def apply_money(project: Project, block: MoneyBlock, warnings: list[str], reviewed: bool = False) -> None:
    """The block's total row gives the project's money; in a document reviewing a self-evaluation the
    row's 复核得分 is its execution score."""
    warnings += block.warnings
    project.money_rows = block.rows
    if not block.rows:
        return
    total = _total_row(block.rows)
    if total is None:
        warnings.append(f"资金表首行“{block.rows[0].label}”是收入，不是预算或支出，未作为项目资金。")
        return
    for key in PROJECT_MONEY_FIELDS:
        setattr(project, key, getattr(total, key))
        if getattr(total, key) is not None and total.span:
            project.provenance[key] = total.span
    if reviewed and total.review_score is not None and total.execution_weight is not None \
            and total.review_score <= total.execution_weight:
        project.execution_score = total.review_score
    if rate_contradicts(total):
        warnings.append(f"项目“{project.name or ''}”的执行率与执行数/预算数不符，请核对。")
    for row in block.rows[1:]:
        if "财政拨款" in row.label:
            for key, extra in FISCAL_KEYS.items():
                if getattr(row, key) is not None:
                    project.extras[extra] = getattr(row, key)


def apply_indicators(project: Project, table: IndicatorTable, warnings: list[str]) -> None:
    warnings += table.warnings
    project.indicators = table.indicators
    for key, value in table.execution.items():
        if getattr(project, key) is None:
            setattr(project, key, value)
            project.provenance[key] = (table.execution_line, table.execution_line)
    if len(table.total) >= 2 and table.total[-1] <= table.total[0] < 100:
        # 总分 | 90 | 87: the indicators' own subtotal of fewer than the 100 points (the 执行率 points of
        # the money block, or a total stated elsewhere, make the score) — never the project's score.
        # 合计 | 90 | 98.86 is the project's score: more than the indicators' points, it holds the 执行率 ones
        warnings.append(f"指标表合计（{table.total[0]:g} 分中得 {table.total[-1]:g} 分）不足100分，为指标小计，未作为项目总分。")
        return
    if table.total == [100.0] and _scores_fall_short(project, table):
        warnings.append("指标表合计行只有 100（为分值合计，得分缺失或无法识别），未作为项目总分。")
        return
    if table.total:
        project.total_score = table.total[-1]
        if table.total_span:
            project.provenance["total_score"] = table.total_span


def _scores_fall_short(project: Project, table: IndicatorTable) -> bool:
    """总分 | 100 alone, while the rows' scores (and the execution row's) add up to less: the 100 is the
    分值 column's total and the 得分 cell was lost."""
    scores = [i.score for i in table.indicators]
    if not scores or any(s is None for s in scores):
        return False
    return sum(scores) + (project.execution_score or 0) < 100 - 0.5


def drop_repeated_tables(projects: list[Project], warnings: list[str]) -> list[Project]:
    """An unnamed table repeating a named project's indicators is that project shown twice."""
    named = [p for p in projects if p.name]
    out = []
    for project in projects:
        if not project.name and project.indicators and any(_same_indicators(project, p) for p in named):
            warnings.append("一张未写项目名称的指标表与已读项目的指标表相同，按重复表处理。")
            continue
        out.append(project)
    return out


def _same_indicators(a: Project, b: Project) -> bool:
    names_a = [i.name or "" for i in a.indicators]
    names_b = [i.name or "" for i in b.indicators]
    alike = sum(1 for x in names_a if any(difflib.SequenceMatcher(None, x, y).ratio() >= 0.8 for y in names_b))
    return bool(names_a) and alike >= 0.8 * len(names_a)


def _key_projects_under_headings(projects: list[Project], lines: list[str], section_line: int) -> list[Project]:
    """A department report's section on its key projects, one heading each ((一)2020年高标准农田建设项目
    ⏎ table, (二)重大动物疫病防控经费 ⏎ prose): a table under a project's heading is that project's, not
    the department's; the sections after it that state a project's money or score in prose are projects too."""
    named = []
    for project, _, heading in _headings_above(projects, lines, after=section_line):
        if heading and not heading[0].endswith("部门整体支出"):
            project.name, project.provenance["name"] = heading[0], (heading[1], heading[1])
            named.append(heading[1])
    if not named:
        return projects
    have = {p.name for p in projects}
    more = [p for p in narrative.section_projects(lines)
            if p.name not in have and p.subject == "project" and p.provenance["name"][0] > min(named)]
    return projects + more


def name_unnamed_projects(projects: list[Project], lines: list[str], department: bool) -> None:
    unnamed = [p for p in projects if not p.name]
    if department:
        for project in unnamed:
            project.subject = "department"   # the department's name is filled in by parse_report
        return
    if len(projects) == 1 and unnamed:
        found = narrative.title_project_name(lines)
        if found:
            unnamed[0].name = found[0]
            unnamed[0].provenance["name"] = (found[1], found[1])


def first_line(project: Project) -> int | None:
    spans = [row.span for row in project.money_rows if row.span]
    spans += [span for ind in project.indicators for span in ind.provenance.values()]
    return min((span[0] for span in spans), default=None)


def name_from_section_headings(projects: list[Project], lines: list[str]) -> None:
    """Several unnamed tables, each under its own project heading ((一)XX经费 ⏎ 该项目全年预算数… ⏎ table):
    the heading names the table, and the money its section states is that project's."""
    unnamed = [p for p in projects if not p.name and p.subject == "project"]
    if len(unnamed) < 2:
        return
    for project, start, heading in _headings_above(projects, lines):
        if heading:
            project.name, project.provenance["name"] = heading[0], (heading[1], heading[1])
            if not project.money_rows:
                section = [""] * heading[1] + lines[heading[1]:start - 1]   # keep line numbers
                for key, stated in narrative.stated_money(section).items():
                    if getattr(project, key) is None:
                        setattr(project, key, stated.value)
                        project.provenance[key] = (stated.line, stated.line)


CAPTION_LINES = 3


def _tables_of_listed_projects(projects: list[Project], listed: list[Project], lines: list[str]) -> bool:
    """Every indicator table sits under a caption naming one listed project (附件：X中心Y经费部门评价评分表):
    its indicators join that project. True when they did (the tables add nothing else of their own)."""
    tables = [p for p in projects if p.indicators]
    if not tables or any(p.money_rows for p in tables):
        return False    # a project's own form (its money block, its indicators) says more than the list's row
    if any(p.name and not any(l.name and l.name in p.name for l in listed) for p in tables):
        return False
    owners = []
    for table in tables:
        start = first_line(table) or 1
        caption = " ".join(lines[max(0, start - 1 - CAPTION_LINES):start - 1])
        named = [l for l in listed if l.name and l.name in caption and not l.indicators]
        if len(named) != 1:
            return False
        owners.append(named[0])
    if len(set(map(id, owners))) != len(owners):
        return False
    for table, owner in zip(tables, owners):
        owner.indicators = table.indicators
        if owner.total_score is None and table.total_score is not None:
            owner.total_score = table.total_score
            owner.provenance["total_score"] = table.provenance.get("total_score")
    return True


def _headings_above(projects: list[Project], lines: list[str], after: int = 0):
    """(project, its first line, the project heading between the table before it and it — None for a
    named project or none found) for each table starting at `after` or below."""
    previous_end = after
    for project in projects:
        start = first_line(project)
        if start is None or start < after:
            continue
        heading = narrative.project_heading_before(lines, start, previous_end) if not project.name else None
        yield project, start, heading
        previous_end = max((span[1] for ind in project.indicators for span in ind.provenance.values()), default=start)


def complete_from_prose(project: Project, lines: list[str], warnings: list[str]) -> None:
    """A single project whose table lacks money, score or actuals: take what the prose states."""
    read_nothing = all(getattr(project, k) is None for k in ("budget_full_year", "executed", "execution_rate_pct"))
    if project.subject == "project" and (not project.money_rows or read_nothing):
        # no money block, or one whose row could not be read (年度资金总额：23525024 6.8…): the prose's
        stated = narrative.stated_money(lines)
        if project.name is None and "budget_full_year" in stated:
            subject = narrative.money_sentence_subject(lines, stated["budget_full_year"].line)
            if subject:
                project.name = subject
                project.provenance["name"] = (stated["budget_full_year"].line,) * 2
        for key in ("budget_initial", "budget_full_year", "executed", "execution_rate_pct", "execution_weight",
                    "execution_score", "total_score"):
            if key in stated and getattr(project, key) is None:
                setattr(project, key, stated[key].value)
                project.provenance[key] = (stated[key].line, stated[key].line)
    elif project.total_score is None:
        score = narrative.stated_money(lines).get("total_score")
        if score is not None:
            project.total_score = score.value
            project.provenance["total_score"] = (score.line, score.line)
    if not project.indicators and project.subject == "project":
        project.indicators = narrative.narrative_indicators(lines)
    elif project.indicators and any(i.actual is None for i in project.indicators):
        last = max((i.provenance.get("row", (1, 1))[1] for i in project.indicators), default=1)
        narrative.tie_narrative_actuals(project.indicators, lines, last + 1)


def has_content(project: Project) -> bool:
    """A name, money or a total — or indicators that state something: an unnamed table whose rows hold
    no value at all (a note below the form, 指标方向为“定性”的，目标值填写…, read as a header) is none."""
    valued = any(getattr(i, k) is not None for i in project.indicators for k in ("target", "actual", "weight", "score"))
    return bool(project.name or valued or project.money_rows
                or any(getattr(project, k) is not None for k in (*PROJECT_MONEY_FIELDS, "total_score")))
