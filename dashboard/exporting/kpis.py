"""The KPI table at the top of the annual summary, computed from the in-scope mart rows.

Rates over several agencies are recomputed from summed money (a weighted rate), so they
are labelled 重算; a figure we cannot compute is shown as 「—」 rather than as zero.
"""
from __future__ import annotations

import math

import pandas as pd

from dashboard.exporting.summary import SummaryFrames, pick

MISSING = "—"


def format_wan(value) -> str:
    """万元 with two decimals; 亿元 (two decimals) from 10,000 万元 up, as finance readers expect."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if abs(value) >= 10_000:
        return f"{value / 10_000:,.2f} 亿元"
    return f"{value:,.2f} 万元"


def format_pct(value) -> str:
    """Percent numbers (97.64) with one decimal: '97.6%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return f"{value:.1f}%"


def format_number(value, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return f"{value:,.{digits}f}"


def _sum(df: pd.DataFrame, *names: str):
    column = pick(df, *names)
    if column is None or df[column].notna().sum() == 0:
        return None
    return float(df[column].sum())


def _median(df: pd.DataFrame, *names: str):
    column = pick(df, *names)
    if column is None or df[column].notna().sum() == 0:
        return None
    return float(df[column].median())


def _count_distinct(df: pd.DataFrame, *names: str):
    column = pick(df, *names)
    return int(df[column].nunique()) if column else None


def _share_perfect(projects: pd.DataFrame):
    column = pick(projects, "total_score")
    scored = projects[column].dropna() if column else pd.Series(dtype=float)
    return float((scored >= 100).mean() * 100) if len(scored) else None


def weighted_execution_rate(ay: pd.DataFrame) -> float | None:
    """Σ executed / Σ budget × 100 over agencies that state both (a missing figure is not a zero)."""
    if not {"budget", "executed"} <= set(ay.columns):
        return None
    both = ay[(ay["budget"] > 0) & ay["executed"].notna()]
    return float(both["executed"].sum() / both["budget"].sum() * 100) if len(both) else None


def kpi_rows(frames: SummaryFrames) -> list[tuple[str, str]]:
    """(指标, 数值) pairs for the KPI table, formatted for reading."""
    ay, projects = frames.agency_year, frames.projects
    budget = _sum(ay, "budget")
    executed = _sum(ay, "executed")
    weighted_rate = weighted_execution_rate(ay)
    reports = _sum(ay, "reports", "n_reports")
    if reports is None:
        reports = _count_distinct(projects, "report_id")
    return [
        ("单位数", format_number(_count_distinct(ay, "agency", "agency_key"))),
        ("报告数", format_number(reports)),
        ("项目数", format_number(len(projects) if not projects.empty else None)),
        ("预算总额", format_wan(budget)),
        ("执行总额", format_wan(executed)),
        ("加权预算执行率（重算）", format_pct(weighted_rate)),
        ("结转结余率中位数（重算）", format_pct(_median(ay, "carryover_rate_pct_computed", "carryover_rate_pct"))),
        ("自评得分中位数", format_number(_median(projects, "total_score"), 1)),
        ("满分（100分）项目占比", format_pct(_share_perfect(projects))),
        ("异常提示数", format_number(len(frames.flags) if not frames.flags.empty else 0)),
    ]
