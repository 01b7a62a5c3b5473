"""The pandas baseline: the same aggregations computed in DuckDB SQL and in pandas, from the same raw tables.

Both sides start from the raw tables written by `perfdash load` (reports, projects,
indicators, department_budgets), apply the same typical filter (one year, one
region) and return the same numbers — checked before any time is reported, so the
ratio compares equal work. pandas gets its frames read in beforehand (that read is
timed separately): the ratio is aggregation against aggregation.
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import duckdb
import pandas as pd

CANNED = ("完成", "完成指标", "已完成", "达成预期指标", "达到", "达标")

SQL = {
    "agency_year": """
        select r.agency, r.year, count(*) as n_projects, sum(p.budget_full_year) as budget,
               sum(p.executed) as executed, 100 * sum(p.executed) / nullif(sum(p.budget_full_year), 0) as rate,
               avg(p.total_score) as mean_score, 100 * avg(case when p.total_score = 100 then 1.0 else 0.0 end) as share_100
        from projects p join reports r using (report_id)
        where r.year = ? and r.region = ?
        group by r.agency, r.year order by r.agency""",
    "score_bands": """
        select r.year, case when p.total_score >= 90 then '优' when p.total_score >= 80 then '良'
                            when p.total_score >= 60 then '中' else '差' end as band, count(*) as n
        from projects p join reports r using (report_id)
        where r.region = ? and p.total_score is not null
        group by 1, 2 order by 1, 2""",
    "indicator_categories": """
        select i.level2, count(*) as n,
               sum(case when i.actual in (select unnest(?::varchar[])) or i.actual = i.target then 1 else 0 end) as n_canned,
               sum(case when i.score = i.weight then 1 else 0 end) as n_full
        from indicators i join reports r using (report_id)
        where r.year = ? and r.region = ?
        group by 1 order by 1""",
    "department_carryover": """
        select r.agency, 100 * (d.budget - d.executed) / nullif(d.budget, 0) as unspent_pct
        from department_budgets d join reports r using (report_id)
        where r.year = ? and d.budget is not null
        order by unspent_pct desc, r.agency limit 50""",
}


def duckdb_queries(year: int, region: str) -> dict[str, tuple[str, list]]:
    return {"agency_year": (SQL["agency_year"], [year, region]),
            "score_bands": (SQL["score_bands"], [region]),
            "indicator_categories": (SQL["indicator_categories"], [list(CANNED), year, region]),
            "department_carryover": (SQL["department_carryover"], [year])}


def read_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    cols = {"reports": "report_id, agency, region, year",
            "projects": "report_id, budget_full_year, executed, total_score",
            "indicators": "report_id, level2, target, actual, weight, score",
            "department_budgets": "report_id, budget, executed"}
    return {t: con.sql(f"select {c} from {t}").df() for t, c in cols.items()}


def pandas_agency_year(f: dict[str, pd.DataFrame], year: int, region: str) -> pd.DataFrame:
    r = f["reports"]
    p = f["projects"].merge(r[(r.year == year) & (r.region == region)], on="report_id")
    p = p.assign(is100=(p.total_score == 100).astype(float))
    g = p.groupby(["agency", "year"], as_index=False).agg(
        n_projects=("report_id", "size"), budget=("budget_full_year", "sum"), executed=("executed", "sum"),
        mean_score=("total_score", "mean"), share_100=("is100", "mean"))
    g["rate"] = 100 * g.executed / g.budget.where(g.budget != 0)
    g["share_100"] *= 100
    return g[["agency", "year", "n_projects", "budget", "executed", "rate", "mean_score", "share_100"]]


def pandas_score_bands(f: dict[str, pd.DataFrame], year: int, region: str) -> pd.DataFrame:
    r = f["reports"]
    p = f["projects"].merge(r[r.region == region], on="report_id")
    p = p[p.total_score.notna()]
    band = pd.cut(p.total_score, [-float("inf"), 60, 80, 90, float("inf")], right=False, labels=["差", "中", "良", "优"])
    out = p.assign(band=band.astype(str)).groupby(["year", "band"], as_index=False).size()
    return out.rename(columns={"size": "n"}).sort_values(["year", "band"]).reset_index(drop=True)


def pandas_indicator_categories(f: dict[str, pd.DataFrame], year: int, region: str) -> pd.DataFrame:
    r = f["reports"]
    i = f["indicators"].merge(r[(r.year == year) & (r.region == region)], on="report_id")
    i = i.assign(canned=(i.actual.isin(CANNED) | (i.actual == i.target)).astype(int),
                 full=(i.score == i.weight).astype(int))
    return i.groupby("level2", as_index=False).agg(n=("report_id", "size"), n_canned=("canned", "sum"),
                                                   n_full=("full", "sum"))


def pandas_department_carryover(f: dict[str, pd.DataFrame], year: int, region: str) -> pd.DataFrame:
    r = f["reports"]
    d = f["department_budgets"].merge(r[r.year == year], on="report_id")
    d = d[d.budget.notna()]
    d = d.assign(unspent_pct=100 * (d.budget - d.executed) / d.budget.where(d.budget != 0))
    return d.sort_values(["unspent_pct", "agency"], ascending=[False, True]).head(50)[["agency", "unspent_pct"]]


PANDAS: dict[str, Callable] = {"agency_year": pandas_agency_year, "score_bands": pandas_score_bands,
                               "indicator_categories": pandas_indicator_categories,
                               "department_carryover": pandas_department_carryover}


def median_ms(work: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def same_numbers(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Equal row count and equal numeric column sums (to 1e-6 relative): the same aggregation."""
    if len(a) != len(b):
        return False
    for col in a.select_dtypes("number").columns:
        x, y = float(a[col].fillna(0).sum()), float(pd.to_numeric(b[col]).fillna(0).sum())
        if abs(x - y) > 1e-6 * max(1.0, abs(x)):
            return False
    return True


def compare(db_path: str, year: int, region: str) -> dict:
    """Per aggregation: DuckDB ms, pandas ms, ratio, equal results; plus the pandas read time."""
    con = duckdb.connect(db_path, read_only=True)
    try:
        start = time.perf_counter()
        frames = read_frames(con)
        read_ms = (time.perf_counter() - start) * 1000
        rows = {}
        for name, (sql, params) in duckdb_queries(year, region).items():
            duck_ms, duck = median_ms(lambda: con.sql(sql, params=params).df())
            pd_ms, pdf = median_ms(lambda: PANDAS[name](frames, year, region))
            rows[name] = {"duckdb_ms": duck_ms, "pandas_ms": pd_ms, "ratio": pd_ms / duck_ms if duck_ms else None,
                          "same": same_numbers(duck, pdf), "rows": len(duck)}
        return {"pandas_read_ms": read_ms, "aggregations": rows}
    finally:
        con.close()
