"""The numbers behind the annual summary, read from the marts for one year and scope.

One decision: we read marts only (never raw tables) and filter on the scope columns a
mart actually has, so the export keeps working while the metrics views grow columns.
Values we cannot find stay missing and are shown as 「—」, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

MARTS = ("mart_agency_year", "mart_project", "mart_indicator", "mart_score_distribution", "mart_flags")
SEVERITY_ORDER = {"high": 0, "高": 0, "严重": 0, "medium": 1, "中": 1, "警告": 1, "low": 2, "低": 2, "提示": 2}


@dataclass(frozen=True)
class Scope:
    """What the report covers: a year, optionally one region and/or one agency."""

    year: int
    region: str | None = None
    agency: str | None = None

    def as_filters(self) -> dict:
        return {"year": self.year, "region": self.region, "agency": self.agency}


@dataclass
class SummaryFrames:
    """Mart rows in scope (pandas frames; an absent mart is an empty frame)."""

    scope: Scope
    data_date: date | None
    agency_year: pd.DataFrame
    projects: pd.DataFrame
    indicators: pd.DataFrame
    score_distribution: pd.DataFrame
    flags: pd.DataFrame
    warnings: list[str] = field(default_factory=list)


def pick(df: pd.DataFrame, *candidates: str) -> str | None:
    """The first candidate column the frame has (marts may name a column either way)."""
    return next((c for c in candidates if c in df.columns), None)


def open_marts(db_path: Path):
    """A read-only cursor of the loader's cached reader (safe in any thread: the dashboard's
    download callables run on their own thread); plain read-only duckdb if that is absent."""
    try:
        from loaders.db import reader_cursor
    except ImportError:
        return duckdb.connect(str(db_path), read_only=True)
    return reader_cursor(Path(db_path))


def _relation_names(con) -> set[str]:
    rows = con.sql("select table_name from information_schema.tables").fetchall()
    return {r[0] for r in rows}


def _columns(con, name: str) -> list[str]:
    return [r[0] for r in con.sql(f"describe {name}").fetchall()]


# Only these columns of mart_indicator are used (a year can hold ~1M indicators; the
# report needs counts per category and status, not the rows' text).
INDICATOR_COLUMNS = ("indicator_id", "agency", "year", "level2", "category", "met", "met_status")


def read_mart(con, name: str, scope: Scope, *, only: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Rows of mart `name` in scope, filtering on year/region/agency where the mart has them;
    `only` limits the columns read to those listed (the ones the mart has)."""
    columns = _columns(con, name)
    selected = (", ".join(f'"{c}"' for c in columns if c in only) if only else "") or "*"
    clauses, params = [], []
    for column, value in (("year", scope.year), ("region", scope.region), ("agency", scope.agency)):
        if value is not None and column in columns:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = (" where " + " and ".join(clauses)) if clauses else ""
    # `name` and the column names come from constants checked against the mart; values are bound.
    return con.sql(f"select {selected} from {name}{where}", params=params).df()


def _data_date(con, names: set[str]) -> date | None:
    # The data date is when the newest report was loaded: what the numbers reflect.
    if "reports" not in names:
        return None
    row = con.sql("select max(loaded_at) from reports").fetchall()[0][0]
    return row.date() if row is not None else None


def data_date_of(db_path: Path) -> date | None:
    """The data date of a database file (None when it has no loaded report or cannot be read)."""
    try:
        con = open_marts(db_path)
        return _data_date(con, _relation_names(con))
    except (duckdb.Error, OSError):
        return None


def read_summary(con, scope: Scope) -> SummaryFrames:
    """Every mart the report needs, in scope; missing marts become empty frames plus a warning."""
    names = _relation_names(con)
    frames, notes = {}, []
    for name in MARTS:
        if name in names:
            frames[name] = read_mart(con, name, scope,
                                     only=INDICATOR_COLUMNS if name == "mart_indicator" else None)
        else:
            frames[name] = pd.DataFrame()
            notes.append(f"数据库中没有视图 {name}，相关内容留空")
    if frames["mart_agency_year"].empty and frames["mart_project"].empty:
        notes.append(f"{scope.year}年度在所选范围内没有数据")
    return SummaryFrames(
        scope=scope, data_date=_data_date(con, names),
        agency_year=frames["mart_agency_year"], projects=frames["mart_project"],
        indicators=frames["mart_indicator"], score_distribution=frames["mart_score_distribution"],
        flags=frames["mart_flags"], warnings=notes,
    )


def most_serious_flags(flags: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    """Flags ordered by severity (high first), then agency and project, at most `limit` rows."""
    if flags.empty:
        return flags
    if "severity_order" in flags.columns:
        rank = flags["severity_order"].fillna(9)
    elif "severity" in flags.columns:
        rank = flags["severity"].map(SEVERITY_ORDER).fillna(9)
    else:
        rank = pd.Series(9, index=flags.index)
    order = ["_rank"] + [c for c in ("agency", "project_id", "rule_id") if c in flags.columns]
    ranked = flags.assign(_rank=rank).sort_values(order, kind="stable", na_position="last")
    return ranked.drop(columns="_rank").head(limit)
