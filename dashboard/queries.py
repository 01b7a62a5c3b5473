"""What each page asks the marts, as small aggregated frames.

The marts (queries/marts/*.sql) are the contract; this module holds the only SQL
text of the dashboard. Every function takes the sidebar Filters, aggregates in
DuckDB and returns a frame of at most a page of rows. Metric names chosen in the
UI are looked up in a fixed dictionary before they reach SQL text.
"""
from __future__ import annotations

import pandas as pd

from dashboard.db import AGENCY_YEAR, FLAGS, FULL, PAGE_SIZE, Filters, Scope, frame, labelled, where_clause

# metric column of mart_agency_year → Chinese label (the only metric names ever put into SQL)
AGENCY_METRICS: dict[str, str] = {
    "execution_rate_pct_computed": "预算执行率（重算，%）",
    "carryover_rate_pct_computed": "结转结余率（重算，%）",
    "mean_score": "平均自评分",
    "share_projects_at_100_pct": "满分项目占比（%）",
    "budget": "预算数（万元）",
    "executed": "执行数（万元）",
}
# The marts with `agency` replaced by a name that is unique per agency key (see db.labelled).
AGENCY_YEAR_REL = labelled("mart_agency_year")
PROJECT = labelled("mart_project")
INDICATOR = labelled("mart_indicator")
FLAG_REL = labelled("mart_flags")
DISTRIBUTION = labelled("mart_score_distribution")
SEVERITY_LABELS = {"high": "高", "medium": "中", "low": "低"}
INDICATOR_CATEGORIES = ("数量指标", "质量指标", "时效指标", "成本指标", "效益指标", "满意度指标")


def _w(filters: Filters, scope: Scope = FULL, alias: str = "") -> tuple[str, list]:
    return where_clause(filters, scope, alias=alias)


# ── sidebar ───────────────────────────────────────────────────────────────────

AGENCY_OPTIONS_LIMIT = 500


def filter_options() -> dict[str, list]:
    """Distinct years, regions and report kinds present in the data (agencies: agency_options)."""
    years = frame("select distinct year from mart_agency_year where year is not null")
    regions = frame("select distinct region from mart_agency_label where region is not null")
    kinds = frame("select distinct report_kind from mart_project where report_kind is not null")
    return {
        "years": sorted(int(y) for y in years["year"]),
        "regions": sorted(regions["region"].tolist()),
        "kinds": sorted(kinds["report_kind"].tolist()),
    }


def agency_options(regions: tuple[str, ...] = (), keep: tuple[str, ...] = ()) -> tuple[list[str], int]:
    """The agencies the sidebar offers — those of the chosen regions, at most AGENCY_OPTIONS_LIMIT
    (a list of thousands helps nobody and costs every page) — plus `keep` (already chosen, or asked
    for by a shared link) when they exist. Returns (names, how many agencies the regions hold)."""
    w, p = where_clause(Filters(regions=regions), Scope(year=None, agency=None, kind=None))
    sql = f"""
        with scoped as (select agency_label from mart_agency_label {w})
        select agency_label, (select count(*) from scoped) as total from scoped
        order by agency_label limit {AGENCY_OPTIONS_LIMIT}
    """
    listed = frame(sql, p)
    total = int(listed["total"].iloc[0]) if len(listed) else 0
    names = listed["agency_label"].tolist()
    missing = [k for k in keep if k not in set(names)]
    if missing:
        found = frame("select agency_label from mart_agency_label where list_contains(?::varchar[], agency_label)",
                      [missing])
        names += sorted(found["agency_label"])
    return names, total


def demo_share() -> float:
    """Share of loaded reports that come from the bundled demo set (data/demo)."""
    df = frame("select avg(case when file_path like '%data/demo/%' then 1.0 else 0.0 end) as share from reports")
    value = df["share"].iloc[0]
    return 0.0 if pd.isna(value) else float(value)


# ── 总览 ──────────────────────────────────────────────────────────────────────

def kpis(filters: Filters) -> dict:
    """The KPI row: agencies, reports, money, weighted execution, medians, perfect share, flags.

    One pass over each mart (three one-row aggregates side by side): scalar subqueries over a
    shared CTE would scan the project mart once per figure."""
    w_ay, p_ay = _w(filters, AGENCY_YEAR)
    w_p, p_p = _w(filters)
    w_f, p_f = _w(filters, FLAGS)
    sql = f"""
        select * from
        (select count(distinct agency) as agencies, sum(budget) as budget, sum(executed) as executed,
                100 * sum(executed) filter (where budget > 0 and executed is not null)
                    / nullif(sum(budget) filter (where budget > 0 and executed is not null), 0)
                    as execution_rate_weighted_pct,
                median(carryover_rate_pct_computed) as carryover_rate_median_pct
         from {AGENCY_YEAR_REL} {w_ay}) as ay,
        (select count(distinct report_id) as reports, count(*) as projects, median(total_score) as score_median,
                100 * avg(case when total_score >= 100 then 1.0 else 0.0 end) filter (where total_score is not null)
                    as perfect_share_pct
         from {PROJECT} {w_p}) as p,
        (select count(*) as flags from {FLAG_REL} {w_f}) as fl
    """
    return frame(sql, p_ay + p_p + p_f).iloc[0].to_dict()


def score_histogram(filters: Filters, *, bin_width: float = 5.0) -> pd.DataFrame:
    """Projects per score bin (score_bin = lower bound); 100 falls in the last bin."""
    w, p = _w(filters)
    sql = f"""
        select least(floor(total_score / ?) * ?, 100 - ?) as score_bin, count(*) as projects
        from {PROJECT} {w} and total_score is not null and total_score between 0 and 100
        group by 1 order by 1
    """
    return frame(sql, [bin_width, bin_width, bin_width] + p)


SCATTER_POINTS = PAGE_SIZE * 5


def execution_vs_score(filters: Filters) -> pd.DataFrame:
    """One point per agency × year: computed execution rate and mean self-score; past SCATTER_POINTS,
    the agency-years with the largest budgets (`points_total` says how many there were)."""
    w, p = _w(filters, AGENCY_YEAR)
    sql = f"""
        select agency, year, execution_rate_pct_computed as execution_rate_pct, mean_score as score_mean, budget,
               count(*) over () as points_total
        from {AGENCY_YEAR_REL} {w}
          and execution_rate_pct_computed is not null and mean_score is not null
        order by budget desc nulls last, agency, year limit {SCATTER_POINTS}
    """
    return frame(sql, p)


def trend_by_year(filters: Filters) -> pd.DataFrame:
    """District totals per year: money, weighted execution rate, mean score, flags."""
    w, p = _w(filters, AGENCY_YEAR)
    sql = f"""
        select year, count(distinct agency) as agencies, sum(budget) as budget, sum(executed) as executed,
               100 * sum(executed) / nullif(sum(budget), 0) as execution_rate_pct,
               avg(mean_score) as score_mean
        from {AGENCY_YEAR_REL} {w} group by year order by year
    """
    return frame(sql, p)


# ── 单位对比 / 年度趋势 ────────────────────────────────────────────────────────

def metric_column(metric: str) -> str:
    if metric not in AGENCY_METRICS:
        raise ValueError(f"未知指标：{metric}")
    return metric


def agency_year_metric(filters: Filters, metric: str, *, rank_year: int | None = None,
                       top: int | None = None) -> pd.DataFrame:
    """agency, year, value of one metric (for the heat-map and trend lines).

    With `top`, only the `top` agencies with the highest value in `rank_year` (a heat-map of
    thousands of rows is unreadable and slow to draw); `agencies` then says how many there were."""
    col = metric_column(metric)
    w, p = _w(filters, AGENCY_YEAR)
    if top is None:
        sql = f"select agency, year, {col} as value from {AGENCY_YEAR_REL} {w} order by agency, year limit 5000"
        return frame(sql, p)
    sql = f"""
        with ay as (select agency_key, agency, year, {col} as value from {AGENCY_YEAR_REL} {w}),
             ranked as (select agency_key, row_number() over (order by value desc nulls last, agency) as r
                        from ay where year = ?)
        select ay.agency, ay.year, ay.value, (select count(*) from ranked) as agencies
        from ay join ranked using (agency_key)
        where ranked.r <= ?
        order by ranked.r, ay.year
    """
    return frame(sql, p + [rank_year, top])


def ranking(filters: Filters, metric: str, year: int, *, ends: tuple[int, int] | None = None) -> pd.DataFrame:
    """Agencies ranked on one metric in one year, with the previous year, the change, the rank and
    how many were ranked. With `ends=(top, bottom)`: only the best `top` and the worst `bottom`
    (for a chart); else the first page of the ranking (for the table)."""
    col = metric_column(metric)
    w, p = _w(filters, AGENCY_YEAR, alias="cur")
    pick = "where rank <= ? or rank > ranked_agencies - ?" if ends else f"where rank <= {PAGE_SIZE}"
    sql = f"""
        with ranked as (
            select cur.agency, cur.{col} as value, prev.{col} as previous, cur.{col} - prev.{col} as change,
                   row_number() over (order by cur.{col} desc, cur.agency) as rank,
                   count(*) over () as ranked_agencies
            from {AGENCY_YEAR_REL} as cur
            left join mart_agency_year as prev on prev.agency_key = cur.agency_key and prev.year = cur.year - 1
            {w} and cur.year = ? and cur.{col} is not null
        )
        select * from ranked {pick} order by rank
    """
    return frame(sql, p + [year] + (list(ends) if ends else []))


def printed_vs_computed(filters: Filters) -> pd.DataFrame:
    """Execution and carry-over rates as printed beside our recomputation, largest disagreement first."""
    w, p = _w(filters, AGENCY_YEAR)
    sql = f"""
        select agency, year, execution_rate_pct, execution_rate_pct_computed,
               carryover_rate_pct, carryover_rate_pct_computed
        from {AGENCY_YEAR_REL} {w}
          and (execution_rate_pct is not null or carryover_rate_pct is not null)
        order by greatest(coalesce(abs(execution_rate_pct - execution_rate_pct_computed), 0),
                          coalesce(abs(carryover_rate_pct - carryover_rate_pct_computed), 0)) desc, agency, year
        limit {PAGE_SIZE}
    """
    return frame(sql, p)


# ── 评分分布 ──────────────────────────────────────────────────────────────────

def grade_bands_by_year(filters: Filters) -> pd.DataFrame:
    """Projects per computed grade band and year."""
    w, p = _w(filters, AGENCY_YEAR)
    sql = f"""
        select year, band, sum(projects) as projects
        from {DISTRIBUTION} {w} group by year, band order by year, band
    """
    return frame(sql, p)


def score_table(filters: Filters) -> pd.DataFrame:
    """Per agency × year: projects, mean / min score, share at 100, printed ≠ recomputed totals."""
    w, p = _w(filters)
    sql = f"""
        select agency, year, count(*) as projects,
               avg(total_score) as score_mean, min(total_score) as score_min,
               100 * avg(case when total_score >= 100 then 1.0 else 0.0 end) as share_100_pct,
               count(*) filter (where abs(total_score - total_score_computed) > 0.5) as total_mismatches
        from {PROJECT} {w} and total_score is not null
        group by agency, year order by agency, year limit {PAGE_SIZE}
    """
    return frame(sql, p)


def printed_vs_recomputed_scores(filters: Filters) -> pd.DataFrame:
    """Projects whose printed total differs from the sum of their parts, largest gap first."""
    w, p = _w(filters)
    sql = f"""
        select project_id, agency, year, name as project, total_score, total_score_computed,
               total_score - total_score_computed as gap
        from {PROJECT} {w} and total_score is not null and total_score_computed is not null
        order by abs(total_score - total_score_computed) desc, project_id limit {PAGE_SIZE}
    """
    return frame(sql, p)


# ── 目标与实际 ────────────────────────────────────────────────────────────────

def target_status_by_category(filters: Filters) -> pd.DataFrame:
    """Indicators per category (二级指标) and status 达成 / 未达成 / 无法判断."""
    w, p = _w(filters)
    sql = f"""
        select coalesce(nullif(level2, ''), '其他') as category, met_status as status, count(*) as indicators
        from {INDICATOR} {w} group by 1, 2 order by 1, 2
    """
    df = frame(sql, p)
    order = {c: i for i, c in enumerate(INDICATOR_CATEGORIES)}
    return df.sort_values("category", key=lambda s: s.map(lambda c: order.get(c, 99))).reset_index(drop=True)


def indicator_list(filters: Filters, *, kind: str, page: int = 0) -> pd.DataFrame:
    """Missed targets (kind='missed') or over-achievement ≥ 130% (kind='over'), one page."""
    condition = {"missed": "met = false", "over": "is_over_achieved"}[kind]
    order = "gap_pct asc" if kind == "missed" else "gap_pct desc"
    w, p = _w(filters)
    sql = f"""
        select indicator_id, project_id, agency, year, project_name, name, target, actual,
               gap_pct, weight, score, deviation_reason, is_corrected
        from {INDICATOR} {w} and {condition}
        order by {order} nulls last, indicator_id limit {PAGE_SIZE} offset ?
    """
    return frame(sql, p + [page * PAGE_SIZE])


def indicator_count(filters: Filters, *, kind: str) -> int:
    condition = {"missed": "met = false", "over": "is_over_achieved"}[kind]
    w, p = _w(filters)
    return int(frame(f"select count(*) as n from {INDICATOR} {w} and {condition}", p)["n"].iloc[0])


# ── 异常识别 ──────────────────────────────────────────────────────────────────

def _flag_where(filters: Filters, rules: list[str], severities: list[str]) -> tuple[str, list]:
    w, p = _w(filters, FLAGS)
    if rules:
        w += " and list_contains(?::varchar[], rule_id)"
        p.append(list(rules))
    if severities:
        w += " and list_contains(?::varchar[], severity)"
        p.append(list(severities))
    return w, p


def flag_counts(filters: Filters) -> pd.DataFrame:
    """Flags per rule and severity."""
    w, p = _w(filters, FLAGS)
    sql = f"""
        select rule_id, any_value(rule_title) as rule_title, severity, any_value(severity_label) as severity_label,
               count(*) as flags
        from {FLAG_REL} {w} group by rule_id, severity order by any_value(severity_order), flags desc
    """
    return frame(sql, p)


def flag_list(filters: Filters, rules: list[str], severities: list[str], *, page: int = 0) -> pd.DataFrame:
    """One page of flags, most severe first."""
    w, p = _flag_where(filters, rules, severities)
    sql = f"""
        select rule_id, rule_title, severity, severity_label, agency_key, agency, year,
               report_id, project_id, indicator_id, explanation
        from {FLAG_REL} {w}
        order by severity_order, agency, year,
                 project_id nulls last, indicator_id nulls last, rule_id
        limit {PAGE_SIZE} offset ?
    """
    return frame(sql, p + [page * PAGE_SIZE])


def flag_total(filters: Filters, rules: list[str], severities: list[str]) -> int:
    w, p = _flag_where(filters, rules, severities)
    return int(frame(f"select count(*) as n from {FLAG_REL} {w}", p)["n"].iloc[0])
