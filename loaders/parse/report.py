"""One decoded report → loaders.records.Report (pure: no I/O, no database).

The order of work: clean the characters (loaders.parse.characters: Traditional → Simplified, odd and
letter spacing, full-width digits, a number apart from its unit, OCR's letters in numbers), give the
readers the document's lines without what a PDF or an export added (loaders.parse.page_lines: page
marks, running heads, double spacing, paragraphs broken at the page width), let parse_projects read
the project and department tables, then read the document-level fields — agency, region, year,
report kind, evaluation type, total score, grade, department figures, findings —
each with its line span in `Report.provenance` and its doubts in `Report.warnings`.
Department figures are read only in department or mixed reports: in a project
report the money in the prose is the project's.
"""
from __future__ import annotations

from loaders.parse.characters import (halfwidth_numbers, written_characters, letter_spacing_closed, ocr_digits_fixed, plain_spaces,
                                      simplified_if_traditional, units_joined)
from loaders.parse.classify import find_evaluation_type, find_report_kind, is_review, project_section_line
from loaders.parse.department import parse_department_budget
from loaders.parse.findings import parse_findings
from loaders.parse.header import Found, find_agency, find_region, find_year
from loaders.parse.page_lines import lines_to_read
from loaders.parse.projects import parse_projects
from loaders.parse.scores import find_grade, find_total_score
from loaders.parse.text import TextIndex, split_lines
from loaders.records import Project, Report


def parse_report(text: str, file_name: str) -> Report:
    """Parse the whole document text of `file_name` into a Report."""
    original = text
    text, converted = simplified_if_traditional(text)
    text, ocr_fixed = ocr_digits_fixed(units_joined(halfwidth_numbers(letter_spacing_closed(plain_spaces(text)))))
    lines, origins = lines_to_read(split_lines(text))
    index = TextIndex(lines)
    section_line = project_section_line(index)
    projects, warnings = parse_projects(lines, reviewed=is_review(index), projects_from_line=section_line)
    report = Report(file=file_name, projects=projects, warnings=list(warnings))
    if converted:
        report.written_as = written_characters(original, text)
        report.warnings.insert(0, "文本为繁体字，已逐字转为简体后识别（库中名称以简体记录，导出的 JSON 按原文）")
    if ocr_fixed:
        report.warnings.append("数字中有识别错字（如 l、O 代 1、0，》代 ≥），已按数字读取")

    evaluation_type = find_evaluation_type(index)
    agency = find_agency(index, third_party=evaluation_type is not None and evaluation_type.value == "third_party")
    _set(report, "agency", agency)
    _set(report, "region", find_region(index, agency))
    _set(report, "year", find_year(index))
    _set(report, "report_kind", find_report_kind(index, projects))
    _set(report, "evaluation_type", evaluation_type)
    _set(report, "total_score", find_total_score(index, projects, report.report_kind, report.year))
    _set(report, "grade", find_grade(index, projects, report.report_kind, report.year))
    # a notice listing several departments' evaluations has no department figures of its own
    several_departments = sum(1 for p in projects if p.subject == "department") > 1
    if report.report_kind in ("department", "mixed") and not several_departments:
        budget, provenance, notes = parse_department_budget(
            index, projects, projects_from_line=section_line, year=report.year)
        report.department_budget = budget
        report.provenance.update(provenance)
        report.warnings.extend(notes)
    _name_department_tables(report.projects, report.agency)
    _drop_department_money_without_indicators(report)
    _fill_department_table_money(report)
    _give_department_table_the_total(report)
    _give_single_project_the_total(report)
    report.findings = parse_findings(index)
    if any(origin != (k, k) for k, origin in enumerate(origins, start=1)):
        _spans_in_document_lines(report, origins)
    return report


def _spans_in_document_lines(report: Report, origins: list[tuple[int, int]]) -> None:
    """Spans were counted in the lines the readers saw (page marks dropped, wrapped paragraphs
    joined); give them back in the document's own lines, where the loader reads their snippets."""
    def moved(span):
        return None if span is None else (origins[span[0] - 1][0], origins[span[1] - 1][1])

    def moved_all(provenance: dict) -> None:
        provenance.update({key: moved(span) for key, span in provenance.items()})

    moved_all(report.provenance)
    for finding in report.findings:
        finding.span = moved(finding.span)
    for project in report.projects:
        moved_all(project.provenance)
        for row in project.money_rows:
            row.span = moved(row.span)
        for indicator in project.indicators:
            moved_all(indicator.provenance)


def _set(report: Report, field: str, found: Found | None) -> None:
    """Store a decided value with its span; a doubt goes to the warnings."""
    if found is None:
        return
    if found.warning:
        report.warnings.append(found.warning)
    if found.value is None:
        return
    setattr(report, field, found.value)
    if found.span is not None:
        report.provenance[field] = found.span


def _drop_department_money_without_indicators(report: Report) -> None:
    """A department money table without an indicator table (a 基础数据表's 部门整体支出 | 年初预算数 …)
    is the department's figures, already read into department_budget; it is no evaluated subject."""
    kept = [p for p in report.projects if p.subject != "department" or p.indicators or not p.money_rows]
    if len(kept) < len(report.projects):
        report.projects = kept


def _name_department_tables(projects: list[Project], agency: str | None) -> None:
    """A department-wide indicator table without a title is named after the department (FORMAT.md)."""
    for project in projects:
        if project.subject == "department" and not project.name:
            project.name = f"{agency or ''}部门整体支出"


# department_budget key → the same quantity on a department-wide table (subject "department").
_DEPARTMENT_TABLE_MONEY = (("budget", "budget_full_year"), ("budget_initial", "budget_initial"),
                           ("executed", "executed"), ("execution_rate_pct", "execution_rate_pct"))


def _fill_department_table_money(report: Report) -> None:
    """A department-wide table is the department's own evaluation: the money the report states
    for the department (FORMAT.md) fills the table's empty money fields, with their spans."""
    if not report.department_budget:
        return
    for project in report.projects:
        if project.subject != "department":
            continue
        for source, target in _DEPARTMENT_TABLE_MONEY:
            value = report.department_budget.get(source)
            if value is not None and getattr(project, target) is None:
                setattr(project, target, value)
                span = report.provenance.get(f"department_budget.{source}")
                if span:
                    project.provenance[target] = span


def _give_single_project_the_total(report: Report) -> None:
    """A report about one project whose table printed no total of its own: the document's total is
    that project's score."""
    if report.report_kind != "project" or len(report.projects) != 1 or report.total_score is None:
        return
    project = report.projects[0]
    if project.total_score is None:
        project.total_score = report.total_score
        if "total_score" in report.provenance:
            project.provenance["total_score"] = report.provenance["total_score"]


def _give_department_table_the_total(report: Report) -> None:
    """A department report whose one department-wide table prints no total of its own: the
    report's total score is that table's (the table is the department's own evaluation).
    (Its money goes the other way in parse_department_budget, checked there.)"""
    tables = [p for p in report.projects if p.subject == "department"]
    if report.report_kind != "department" or len(tables) != 1:
        return
    table = tables[0]
    if table.total_score is None and report.total_score is not None:
        table.total_score = report.total_score
        if "total_score" in report.provenance:
            table.provenance["total_score"] = report.provenance["total_score"]
