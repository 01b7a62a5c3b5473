"""The five key charts of the annual summary, each with the small frame it was drawn from.

The figures come from the dashboard's own pure builders (dashboard/charts.py), so the Word
report shows exactly what the dashboard shows; this module only shapes the in-scope mart
rows into the frames those builders take. A chart without data is left out (and the
report says so), never drawn empty. The exported data keeps mart column names, so its
XLSX headers say whether a value is printed or recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import charts
from dashboard.exporting.summary import SummaryFrames, pick

SCORE_BIN_WIDTH = 5.0
MET_STATUS = {True: "达成", False: "未达成"}
NOT_MEASURABLE = "无法判断"


@dataclass
class ChartSpec:
    key: str            # file stem in the zip: ascii, stable
    title: str          # Chinese, shown in the chart and as the Word sub-heading
    fig: go.Figure
    data: pd.DataFrame  # exactly the rows drawn, exported beside the image


def _agency_metric(ay: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """agency + the first of `columns` present, one row per agency name, best first.

    An agency can have several mart rows in a year (e.g. its region written two ways);
    their rates are combined weighted by budget — for the execution rate that equals
    Σ executed / Σ budget — and by a plain mean only where no budget is stated."""
    agency, value = pick(ay, "agency", "agency_name"), pick(ay, *columns)
    if agency is None or value is None:
        return pd.DataFrame()
    rows = ay.dropna(subset=[value]).rename(columns={agency: "agency"})
    if rows.empty:
        return pd.DataFrame()
    combined = rows.groupby("agency")[[c for c in (value, "budget") if c in rows.columns]].apply(
        lambda g: _budget_weighted(g, value))
    data = combined.rename(value).reset_index()
    return data.sort_values(value, ascending=False).reset_index(drop=True)


def _budget_weighted(group: pd.DataFrame, value: str) -> float:
    if "budget" in group.columns and group["budget"].notna().all() and group["budget"].sum() > 0:
        return float((group[value] * group["budget"]).sum() / group["budget"].sum())
    return float(group[value].mean())


def _ranking(ay: pd.DataFrame, key: str, title: str, label: str, *columns: str) -> ChartSpec | None:
    data = _agency_metric(ay, *columns)
    if data.empty:
        return None
    value = data.columns[1]
    return ChartSpec(key, title, charts.fig_ranking(data, title=title, value=value, value_label=label), data)


def chart_execution_by_agency(frames: SummaryFrames) -> ChartSpec | None:
    return _ranking(frames.agency_year, "execution_by_agency", "各单位预算执行率", "预算执行率（%）",
                    "execution_rate_pct_computed", "execution_rate_pct")


def chart_carryover(frames: SummaryFrames) -> ChartSpec | None:
    return _ranking(frames.agency_year, "carryover_by_agency", "各单位结转结余率", "结转结余率（%）",
                    "carryover_rate_pct_computed", "carryover_rate_pct")


def score_bins(scores: pd.Series, width: float = SCORE_BIN_WIDTH) -> pd.DataFrame:
    """Projects per score bin (score_bin = lower bound); 100 falls in the last bin, as on the dashboard."""
    valid = scores.dropna()
    valid = valid[(valid >= 0) & (valid <= 100)]
    bins = np.minimum(np.floor(valid / width) * width, 100 - width)
    counts = bins.value_counts().sort_index()
    return pd.DataFrame({"score_bin": counts.index.astype(float), "projects": counts.to_numpy()})


def grade_band_lines(distribution: pd.DataFrame) -> tuple[tuple[float, str], ...] | None:
    """(lower bound, band) lines of the rule set in scope; None when agencies in scope use
    different band tables (one set of lines would be wrong for some of them).
    Without band data the national defaults apply (METRICS.md)."""
    if distribution.empty or not {"band", "lower_bound", "agency_key"} <= set(distribution.columns):
        return charts.DEFAULT_GRADE_BANDS
    tables = {tuple(sorted(zip(group["lower_bound"], group["band"]), reverse=True))
              for _, group in distribution.dropna(subset=["lower_bound"]).groupby(["agency_key", "year"])}
    if len(tables) != 1:
        return None if tables else charts.DEFAULT_GRADE_BANDS
    return tuple((float(bound), str(band)) for bound, band in next(iter(tables)) if bound > 0)


def chart_score_distribution(frames: SummaryFrames) -> ChartSpec | None:
    score = pick(frames.projects, "total_score")
    data = score_bins(frames.projects[score]) if score else pd.DataFrame()
    if data.empty:
        return None
    bands = grade_band_lines(frames.score_distribution)
    title = "项目自评得分分布" + ("" if bands is not None else "（各地区等级划分不同，未标等级线）")
    fig = charts.fig_score_histogram(data, title=title, bands=bands or ())
    return ChartSpec("score_distribution", title, fig, data)


def _agency_scores(frames: SummaryFrames) -> pd.Series | None:
    """Mean self-score per agency name: over its projects, else the mart's own mean."""
    ay, projects = frames.agency_year, frames.projects
    if {"total_score", "agency"} <= set(projects.columns) and projects["total_score"].notna().any():
        return projects.groupby("agency")["total_score"].mean()
    mean = pick(ay, "score_mean", "mean_score", "self_score_mean")
    if mean and "agency" in ay.columns:
        return ay.groupby("agency")[mean].mean()
    return None


def chart_execution_vs_score(frames: SummaryFrames) -> ChartSpec | None:
    rates, scores = _agency_metric(frames.agency_year, "execution_rate_pct_computed"), _agency_scores(frames)
    if rates.empty or scores is None:
        return None
    data = rates.assign(year=frames.scope.year, score_mean=rates["agency"].map(scores)).dropna()
    if data.empty:
        return None
    title = "预算执行率与自评得分"
    drawn = data.rename(columns={"execution_rate_pct_computed": "execution_rate_pct"})
    return ChartSpec("execution_vs_score", title, charts.fig_execution_vs_score(drawn, title=title), data)


def indicator_status(indicators: pd.DataFrame) -> pd.DataFrame:
    """Indicators per category (二级指标) and status 达成 / 未达成 / 无法判断 (met null)."""
    if "met_status" in indicators.columns:
        status = indicators["met_status"].fillna(NOT_MEASURABLE)
    else:
        status = indicators["met"].map(lambda m: MET_STATUS.get(m, NOT_MEASURABLE) if pd.notna(m) else NOT_MEASURABLE)
    level2 = pick(indicators, "category", "level2")
    category = indicators[level2].replace("", None).fillna("其他") if level2 else pd.Series("其他", index=indicators.index)
    counted = pd.DataFrame({"category": category, "status": status}).value_counts().rename("indicators")
    return counted.reset_index().sort_values(["category", "status"], kind="stable").reset_index(drop=True)


def chart_missed_by_category(frames: SummaryFrames) -> ChartSpec | None:
    ind = frames.indicators
    if ind.empty or not {"met", "met_status"} & set(ind.columns):
        return None
    data = indicator_status(ind)
    title = "各类指标完成情况（红色为未达成目标）"
    return ChartSpec("missed_by_category", title, charts.fig_target_gaps(data, title=title), data)


KEY_CHARTS = {
    chart_execution_by_agency: "各单位预算执行率",
    chart_score_distribution: "项目自评得分分布",
    chart_execution_vs_score: "预算执行率与自评得分",
    chart_carryover: "各单位结转结余率",
    chart_missed_by_category: "各类指标完成情况",
}


def key_charts(frames: SummaryFrames) -> tuple[list[ChartSpec], list[str]]:
    """The charts that have data, and a note for each one left out."""
    chosen, notes = [], []
    for builder, title in KEY_CHARTS.items():
        spec = builder(frames)
        if spec is None:
            notes.append(f"缺少数据，未生成图表：{title}")
        else:
            chosen.append(spec)
    return chosen, notes
