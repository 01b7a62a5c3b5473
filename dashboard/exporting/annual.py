"""Annual summary end to end: marts in scope → content → .docx bytes (and zip members).

Shared by `perfdash export` and the dashboard's 年度汇总 button. The renderer (one
browser for the whole report) is opened here once and used for every chart.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

from dashboard.exporting.bundle import bundle_members
from dashboard.exporting.evidence import source_lines
from dashboard.exporting.figures import key_charts
from dashboard.exporting.images import ChartRenderer
from dashboard.exporting.kpis import kpi_rows
from dashboard.exporting.report import ReportContent, build_report
from dashboard.exporting.summary import Scope, SummaryFrames, most_serious_flags, pick, read_summary

FLAG_LIMIT = 20


def projects_by_agency(projects: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """One frame per agency, agencies in name order; projects without an agency under 「未识别单位」."""
    agency = pick(projects, "agency", "agency_name")
    if projects.empty or agency is None:
        return {}
    named = projects.assign(_agency=projects[agency].fillna("未识别单位"))
    return {name: group.drop(columns="_agency") for name, group in sorted(named.groupby("_agency"))}


def with_project_names(flags: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """Flags with `project_name` filled from mart_project when the flag mart has only the id."""
    name = pick(projects, "project_name", "name")
    if flags.empty or "project_id" not in flags.columns or name is None or "project_id" not in projects.columns:
        return flags
    names = projects.drop_duplicates("project_id").set_index("project_id")[name]
    looked_up = flags["project_id"].map(names)
    if "project_name" in flags.columns:
        looked_up = flags["project_name"].fillna(looked_up)
    return flags.assign(project_name=looked_up)


def assemble_content(frames: SummaryFrames, con=None) -> ReportContent:
    """Everything the report shows; with `con`, each flag also carries its source line."""
    charts, chart_notes = key_charts(frames)
    flags = with_project_names(most_serious_flags(frames.flags, FLAG_LIMIT), frames.projects)
    if con is not None and not flags.empty:
        flags = flags.assign(source_line=source_lines(con, flags))
    return ReportContent(
        scope=frames.scope, data_date=frames.data_date, kpis=kpi_rows(frames), charts=charts,
        flags=flags,
        projects_by_agency=projects_by_agency(frames.projects),
        notes=frames.warnings + chart_notes,
    )


def report_tables(frames: SummaryFrames) -> dict[str, pd.DataFrame]:
    """The full tables behind the report, for the zip (names are file stems)."""
    return {
        "agency_year": frames.agency_year, "projects": frames.projects,
        "score_distribution": frames.score_distribution, "flags": frames.flags,
    }


@dataclass
class AnnualExport:
    docx: bytes
    zip_members: dict[str, bytes] | None
    content: ReportContent
    images_rendered: int


def export_annual(con, scope: Scope, *, with_bundle: bool = False) -> AnnualExport:
    """Build the Word report (and the zip members when asked) through one renderer."""
    frames = read_summary(con, scope)
    content = assemble_content(frames, con)
    with ChartRenderer() as renderer:
        doc = build_report(content, renderer)
        members = (bundle_members(content.charts, report_tables(frames), renderer, content.caption)
                   if with_bundle else None)
    buf = io.BytesIO()
    doc.save(buf)
    return AnnualExport(buf.getvalue(), members, content, renderer.renders)
