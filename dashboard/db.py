"""The dashboard's only door to the database: a cached read-only connection and
small query functions that return aggregated frames.

Decision: every query aggregates in SQL and returns at most a page of rows, so the
browser never receives raw tables (100 000 projects stay in DuckDB). Filter values
are always bound parameters; only fixed column names of our own are put into SQL
text. Results are cached per (database file version, query, parameters): a load
publishes a new file (loaders.db), its new inode/mtime changes the key, and the
next rerun shows the new data without a restart.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from loaders.paths import default_db_path

PAGE_SIZE = 200


@dataclass(frozen=True)
class Filters:
    """The sidebar selection; an empty tuple means no restriction."""
    years: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scope:
    """Which filter columns a relation has (None = the relation cannot be filtered by it)."""
    year: str | None = "year"
    region: str | None = "region"
    agency: str | None = "agency"
    kind: str | None = "report_kind"


# mart_agency_year, mart_score_distribution and mart_flags have no report kind (an agency-year
# mixes kinds); mart_project and mart_indicator carry all four.
AGENCY_YEAR = Scope(kind=None)
FLAGS = Scope(kind=None)
FULL = Scope()


def database_path() -> Path:
    """`$PERFDASH_DB` (set by `perfdash serve`) or the default database file."""
    return default_db_path()


def file_version(path: Path) -> tuple[str, int, int, int]:
    """Identity of the current database file; changes when a load publishes a new one."""
    st_ = os.stat(path)
    return (str(Path(path).resolve()), st_.st_ino, st_.st_mtime_ns, st_.st_size)


def labelled(relation: str) -> str:
    """`relation` with `agency` replaced by its unique display name, as a parenthesised subquery.

    Until an analyst merges them, the registry may hold two agencies with one name
    (e.g. written with and without the province); charts keyed by name would add
    them up. mart_agency_label gives such names their region (and the key's start if
    that is not enough), computed once per build. `relation` is one of our own mart
    names, never user input.
    """
    return f"""(select m.* replace (coalesce(l.agency_label, m.agency) as agency)
        from {relation} as m
        left join mart_agency_label as l on l.agency_key = m.agency_key)"""


def where_clause(filters: Filters, scope: Scope = FULL, *, alias: str = "") -> tuple[str, list]:
    """`where …` text with `?` placeholders and its parameter list."""
    prefix = f"{alias}." if alias else ""
    parts, params = ["true"], []
    for column, values, sql_type in (
        (scope.year, filters.years, "integer[]"),
        (scope.region, filters.regions, "varchar[]"),
        (scope.agency, filters.agencies, "varchar[]"),
        (scope.kind, filters.kinds, "varchar[]"),
    ):
        if column and values:
            parts.append(f"list_contains(?::{sql_type}, {prefix}{column})")
            params.append(list(values))
    return "where " + " and ".join(parts), params


def _reader(path: str):
    try:
        from loaders.db import reader_cursor
    except ImportError:  # the loader's module is the normal path; this keeps tests independent
        import duckdb
        con = duckdb.connect(":memory:")
        con.execute("attach ? as db (read_only)", [path])
        con.execute("use db")
        return con
    return reader_cursor(Path(path))


@st.cache_data(ttl=3600, max_entries=2000, show_spinner=False)
def _cached_frame(version: tuple, sql: str, params: tuple) -> pd.DataFrame:
    cur = _reader(version[0])
    try:
        return cur.execute(sql, [list(p) if isinstance(p, tuple) else p for p in params]).df()
    finally:
        cur.close()


def frame(sql: str, params: list | tuple = (), *, path: Path | None = None) -> pd.DataFrame:
    """Run a read query (cached) against the current database file."""
    version = file_version(path or database_path())
    frozen = tuple(tuple(p) if isinstance(p, list) else p for p in params)
    return _cached_frame(version, sql, frozen).copy()


def has_relation(name: str, *, path: Path | None = None) -> bool:
    """Whether a table or view exists (marts land while the product is built)."""
    found = frame("select count(*) as n from information_schema.tables where table_name = ?", [name], path=path)
    return bool(found["n"].iloc[0])
