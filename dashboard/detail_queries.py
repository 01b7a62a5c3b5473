"""Drill-down reads for 明细: agency → report → project → indicator, and where each value came from.

Each level is keyed by the stable id the loader gives it (agency key, report_id,
project_id, indicator_id), which is what the page puts in the URL. Provenance is
read from the raw `provenance` table: the source lines are the evidence an analyst
needs beside every number.
"""
from __future__ import annotations

import pandas as pd

from dashboard.db import PAGE_SIZE, Filters, Scope, frame, labelled, where_clause

PROJECT = labelled("mart_project")


AGENCY_LIST_LIMIT = PAGE_SIZE * 5


def agencies(filters: Filters, *, include: str | None = None) -> pd.DataFrame:
    """One row per agency within the sidebar filters: key, name, region, years covered, reports,
    and `agencies_total` (how many matched; the list stops at AGENCY_LIST_LIMIT). The agency
    `include` (from a shared link) is always in the list, whatever the filters."""
    w, p = where_clause(filters, Scope(kind="report_kind"))
    sql = f"""
        with matched as (
            select agency_key, any_value(agency) as agency, any_value(region) as region,
                   min(year) as first_year, max(year) as last_year, count(distinct report_id) as reports
            from {PROJECT} {w} or agency_key = ?
            group by agency_key
        )
        select *, count(*) over () as agencies_total from matched
        order by agency_key = ? desc, agency limit {AGENCY_LIST_LIMIT}
    """
    return frame(sql, p + [include, include])


def reports_of_agency(agency_key: str) -> pd.DataFrame:
    sql = f"""
        select report_id, any_value(file_name) as file_name, any_value(year) as year,
               any_value(report_kind) as report_kind, count(*) as projects, avg(total_score) as score_mean
        from mart_project where agency_key = ?
        group by report_id order by year desc, file_name limit {PAGE_SIZE}
    """
    return frame(sql, [agency_key])


def report(report_id: str) -> dict | None:
    df = frame("select * from stg_reports where report_id = ?", [report_id])
    return None if df.empty else df.iloc[0].to_dict()


def projects_of_report(report_id: str) -> pd.DataFrame:
    sql = f"""
        select project_id, seq, name, budget_full_year, executed, execution_rate_pct,
               execution_rate_pct_computed, total_score, total_score_computed, grade, is_corrected
        from mart_project where report_id = ? order by seq limit {PAGE_SIZE}
    """
    return frame(sql, [report_id])


def project(project_id: str) -> dict | None:
    df = frame("select * from mart_project where project_id = ?", [project_id])
    return None if df.empty else df.iloc[0].to_dict()


def indicators_of_project(project_id: str) -> pd.DataFrame:
    sql = f"""
        select indicator_id, seq, level1, level2, name, target, actual, weight, score, score_computed,
               met_status, gap_pct, is_corrected
        from mart_indicator where project_id = ? order by seq limit {PAGE_SIZE}
    """
    return frame(sql, [project_id])


def indicator(indicator_id: str) -> dict | None:
    df = frame("select * from mart_indicator where indicator_id = ?", [indicator_id])
    return None if df.empty else df.iloc[0].to_dict()


def provenance(entity_id: str) -> pd.DataFrame:
    """Source lines of every stored value of one entity (a report with its department figures,
    a project with its money rows, an indicator)."""
    sql = f"""
        select field, line_start, line_end, snippet from provenance
        where entity_id = ? or (entity = 'money_row' and starts_with(entity_id, ? || ':'))
        order by line_start nulls last, field limit {PAGE_SIZE}
    """
    return frame(sql, [entity_id, entity_id])


def department(report_id: str) -> dict | None:
    """Department-level money of a report, printed beside recomputed (mart_department)."""
    df = frame("select * from mart_department where report_id = ?", [report_id])
    return None if df.empty else df.iloc[0].to_dict()


def flags_of(entity_column: str, entity_id: str) -> pd.DataFrame:
    """Flags raised on one report / project / indicator."""
    column = {"report": "report_id", "project": "project_id", "indicator": "indicator_id"}[entity_column]
    sql = f"""
        select rule_title as rule, severity_label, explanation, indicator_id from mart_flags
        where {column} = ? order by severity_order, rule_id limit {PAGE_SIZE}
    """
    return frame(sql, [entity_id])


def load_log(*, limit: int = PAGE_SIZE) -> pd.DataFrame:
    sql = """
        select logged_at, file_name, status, report_id, array_to_string(warnings, '；') as warnings, error
        from load_log order by logged_at desc limit ?
    """
    return frame(sql, [limit])
