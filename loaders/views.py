"""Create the SQL models of queries/ in a database: rules first, then staging, intermediate, flags, marts.

`apply_views(con)` loads the rule set (queries/rules/*.csv) into `rule_*` tables and
creates every model in an explicit dependency order (one model per .sql file; the file
name is the model name). The dashboard reads only the `mart_*` models.

The one decision: staging models stay views, every model after them is stored as a
table (`materialize=True`, the default). The chain is deep — a flag reads marts that
read marts that read staging — and DuckDB plans a view by inlining all of it, which
costs seconds per query even on empty tables; stored tables make each dashboard query a
scan of a small pre-computed table. So the models must be rebuilt after anything
changes the raw tables: the loader calls `apply_views(con)` after every load (inside the
same publish), and whoever writes a correction calls it after writing.
`apply_views(con, materialize=False)` creates plain views (to read the SQL as one chain).
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from loaders.paths import QUERIES_DIR
from loaders.rules import load_rules

# Dependency order. Each name is queries/<folder>/<name>.sql.
VIEW_ORDER: tuple[tuple[str, str], ...] = (
    ("staging", "stg_corrections"),
    ("staging", "stg_reports"),
    ("staging", "stg_department_budgets"),
    ("staging", "stg_projects"),
    ("staging", "stg_money_rows"),
    ("staging", "stg_indicators"),
    ("intermediate", "int_scope_rules"),
    ("intermediate", "int_scope_grade_bands"),
    ("intermediate", "int_scope_qualitative_tiers"),
    ("marts", "mart_indicator"),
    ("marts", "mart_project"),
    ("marts", "mart_department"),
    ("marts", "mart_score_distribution"),
    ("intermediate", "int_agency_year"),
    ("flags", "flag_indicator"),
    ("flags", "flag_project"),
    ("flags", "flag_report"),
    ("flags", "flag_agency_year"),
    ("flags", "flag_copied_report"),
    ("flags", "flag_duplicate_indicator_table"),
    ("marts", "mart_flags"),
    ("marts", "mart_agency_year"),
    ("marts", "mart_agency_label"),
)

# What the dashboard reads: the column contract of issue 3 (tests/test_views_contract.py checks it).
DASHBOARD_MARTS = ("mart_agency_year", "mart_project", "mart_indicator", "mart_score_distribution", "mart_flags")

# Stored as tables when materializing: everything after staging.
MATERIALIZED = frozenset(name for folder, name in VIEW_ORDER if folder != "staging")

# Stored tables written in this order, so the dashboard's year / agency filters skip whole row groups
# (DuckDB keeps min/max per row group). mart_flags is the one listed page by page with a sort.
SORT_KEYS = {"mart_flags": "year, agency_key, severity_order, rule_id"}


def view_sql(folder: str, name: str, queries_dir: Path = QUERIES_DIR) -> str:
    """The select statement of one view file."""
    return (queries_dir / folder / f"{name}.sql").read_text(encoding="utf-8")


def _existing_objects(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """name → 'view' | 'table' for what the current schema holds (a previous run may have made either)."""
    found = con.execute(
        "select table_name, table_type from information_schema.tables where table_schema = current_schema()"
    ).fetchall()
    return {name: ("view" if kind == "VIEW" else "table") for name, kind in found}


def apply_views(con: duckdb.DuckDBPyConnection, *, rules_dir: Path | None = None,
                materialize: bool = True) -> list[str]:
    """Load the rule set and create every model (tables after staging unless materialize=False). Returns the names."""
    # rebuilding big marts takes seconds: keep DuckDB's progress bar out of the loader's output
    con.execute("set enable_progress_bar = false")
    load_rules(con, rules_dir)
    con.execute((QUERIES_DIR / "macros.sql").read_text(encoding="utf-8"))
    existing = _existing_objects(con)
    created = []
    for folder, name in VIEW_ORDER:
        sql = view_sql(folder, name)
        if name in existing:
            con.execute(f"drop {existing[name]} {name}")
        if materialize and name in MATERIALIZED:
            order = f" order by {SORT_KEYS[name]}" if name in SORT_KEYS else ""
            con.execute(f"create table {name} as select * from ({sql}){order}")
        else:
            con.execute(f"create view {name} as {sql}")
        created.append(name)
    return created


def materialize_marts(con: duckdb.DuckDBPyConnection, *, rules_dir: Path | None = None) -> list[str]:
    """Rebuild every model with the marts stored as tables (the same as apply_views' default)."""
    return apply_views(con, rules_dir=rules_dir, materialize=True)


def correction_key(entity: str, file_name: str, project_seq: int | None = None,
                   indicator_seq: int | None = None) -> str:
    """The `corrections.entity_key` for a row: stable across re-loads (see queries/staging/stg_corrections.sql)."""
    if "/" in file_name:
        raise ValueError("file_name must be a bare file name (no '/')")
    if entity in ("report", "department"):
        return file_name
    if entity == "project" and project_seq is not None:
        return f"{file_name}/{int(project_seq)}"
    if entity == "indicator" and project_seq is not None and indicator_seq is not None:
        return f"{file_name}/{int(project_seq)}/{int(indicator_seq)}"
    raise ValueError(f"cannot build a correction key for entity {entity!r} with these sequence numbers")


def mart_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Column names of each dashboard mart, as the database sees them."""
    out = {}
    for name in DASHBOARD_MARTS:
        rel = con.sql(f"select * from {name} limit 0")
        out[name] = list(rel.columns)
    return out
