"""The rule set (grade bands, weights, qualitative tiers, thresholds, flag severities) as data.

The rules live in CSV files under queries/rules/ and are copied into `rule_*` tables
before the views are created, so changing a band or a threshold is an edit of a CSV
row, never of code. Every scoped file has `scope_region` (`*` = national default, or
a region prefix such as `湖南省` or `湖南省衡阳市南岳区`) and `scope_year` (empty = every
year); the views pick the most specific row that matches a report (longer region
prefix first, then a year-specific row) — see queries/intermediate/int_scope_*.sql.
"""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from loaders.paths import QUERIES_DIR

RULES_DIR = QUERIES_DIR / "rules"

SCOPE = {"scope_region": "varchar", "scope_year": "integer"}

# file stem → column types, in file order (a `note` column is kept as text everywhere)
RULE_TABLES: dict[str, dict[str, str]] = {
    "grade_bands": {**SCOPE, "band_rank": "integer", "band": "varchar", "lower_bound": "double",
                    "lower_inclusive": "boolean", "upper_bound": "double", "upper_inclusive": "boolean"},
    "grade_words": {"word": "varchar", "band_rank": "integer"},
    "default_weights": {**SCOPE, "level1": "varchar", "weight": "double"},
    "qualitative_tiers": {**SCOPE, "tier": "varchar", "min_share_pct": "double", "max_share_pct": "double"},
    "qualitative_labels": {"label": "varchar", "tier": "varchar"},
    "canned_phrases": {"phrase": "varchar"},
    "params": {**SCOPE, "param": "varchar", "value": "varchar"},
    "flag_rules": {"rule_id": "varchar", "severity": "varchar", "title": "varchar", "description": "varchar"},
}


def read_rule_file(path: Path, columns: dict[str, str]) -> list[tuple]:
    """Rows of one rule CSV as tuples in `columns` order; empty cells become None."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"规则文件 {path.name} 缺少列：{', '.join(missing)}")
        return [tuple(_convert(row[c], t) for c, t in columns.items()) for row in reader]


def _convert(cell: str | None, sql_type: str):
    text = (cell or "").strip()
    if text == "":
        return None
    if sql_type == "integer":
        return int(text)
    if sql_type == "double":
        return float(text)
    if sql_type == "boolean":
        return text.lower() in ("true", "1", "yes", "是")
    return text


def load_rules(con: duckdb.DuckDBPyConnection, rules_dir: Path | None = None) -> dict[str, int]:
    """(Re)create every `rule_<name>` table from the CSV files; returns row counts per table."""
    rules_dir = Path(rules_dir) if rules_dir else RULES_DIR
    counts = {}
    for stem, columns in RULE_TABLES.items():
        rows = read_rule_file(rules_dir / f"{stem}.csv", columns)
        table = f"rule_{stem}"
        column_sql = ", ".join(f"{name} {sql_type}" for name, sql_type in columns.items())
        con.execute(f"create or replace table {table} ({column_sql})")
        if rows:
            marks = ", ".join("?" for _ in columns)
            con.executemany(f"insert into {table} values ({marks})", rows)
        counts[table] = len(rows)
    return counts
