"""Time every mart query the dashboard runs, with a typical sidebar filter (one year, one region).

Two views of the same thing: (1) each mart read directly with the filter, and (2)
each function of dashboard/queries.py — the dashboard's only SQL — called with
the filter, its `frame` pointed at a plain read-only connection so Streamlit's
result cache cannot hide the query time. A dashboard function added later that
this list does not call is reported as "not timed".
"""
from __future__ import annotations

import inspect
import statistics
import time
from collections.abc import Callable

import duckdb

REPEAT = 5


def median_ms(work: Callable[[], object]) -> float:
    work()                                        # warm-up: first run pays for planning and the OS cache
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def typical_filter(con: duckdb.DuckDBPyConnection) -> tuple[int | None, str | None]:
    """The latest year and the region with most reports in it: what an analyst opens first."""
    row = con.sql("""select year, region, count(*) as n from reports where year is not null and region is not null
                     group by all order by year desc, n desc, region limit 1""").fetchall()
    return (row[0][0], row[0][1]) if row else (None, None)


def mart_reads(con: duckdb.DuckDBPyConnection, year: int | None, region: str | None) -> dict[str, float]:
    marts = [r[0] for r in con.sql("""select table_name from information_schema.tables
                                       where table_name like 'mart_%' order by 1""").fetchall()]
    out = {}
    for mart in marts:
        cols = {r[0] for r in con.sql(f"describe {mart}").fetchall()}
        where, params = [], []
        if "year" in cols and year is not None:
            where.append("year = ?"), params.append(year)
        if "region" in cols and region is not None:
            where.append("region = ?"), params.append(region)
        sql = f"select * from {mart}" + (" where " + " and ".join(where) if where else "")
        out[f"{mart} (筛选后全部行)"] = median_ms(lambda: con.sql(sql, params=params).fetchall())
    return out


def dashboard_calls(year: int | None, region: str | None) -> dict[str, Callable[[], object]]:
    from dashboard import queries as q  # noqa: PLC0415
    from dashboard.db import Filters  # noqa: PLC0415

    f = Filters(years=(year,) if year else (), regions=(region,) if region else ())
    metric = next(iter(q.AGENCY_METRICS))
    return {
        "filter_options": q.filter_options, "kpis": lambda: q.kpis(f),
        "score_histogram": lambda: q.score_histogram(f), "execution_vs_score": lambda: q.execution_vs_score(f),
        "trend_by_year": lambda: q.trend_by_year(f), "agency_year_metric": lambda: q.agency_year_metric(f, metric),
        "ranking": lambda: q.ranking(f, metric, year), "printed_vs_computed": lambda: q.printed_vs_computed(f),
        "grade_bands_by_year": lambda: q.grade_bands_by_year(f), "score_table": lambda: q.score_table(f),
        "printed_vs_recomputed_scores": lambda: q.printed_vs_recomputed_scores(f),
        "target_status_by_category": lambda: q.target_status_by_category(f),
        "indicator_list": lambda: q.indicator_list(f, kind="missed"),
        "indicator_count": lambda: q.indicator_count(f, kind="missed"),
        "flag_counts": lambda: q.flag_counts(f), "flag_list": lambda: q.flag_list(f, [], []),
        "flag_total": lambda: q.flag_total(f, [], []), "demo_share": q.demo_share,
    }


def dashboard_reads(db_path: str, year: int | None, region: str | None) -> tuple[dict[str, float], dict[str, str], list[str]]:
    """(ms per dashboard query, errors, public query functions not timed)."""
    from dashboard import queries as q  # noqa: PLC0415

    con = duckdb.connect(db_path, read_only=True)
    original = q.frame
    q.frame = lambda sql, params=(), **_: con.sql(sql, params=list(params)).df()
    times, errors = {}, {}
    try:
        calls = dashboard_calls(year, region)
        for name, call in calls.items():
            try:
                times[name] = median_ms(call)
            except Exception as err:  # noqa: BLE001 — recorded in the report, the bench goes on
                errors[name] = f"{type(err).__name__}: {str(err)[:160]}"
    finally:
        q.frame = original
        con.close()
    public = [n for n, fn in inspect.getmembers(q, inspect.isfunction)
              if fn.__module__ == q.__name__ and not n.startswith("_") and n != "metric_column"]
    return times, errors, sorted(set(public) - set(calls))
