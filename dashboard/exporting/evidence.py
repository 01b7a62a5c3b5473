"""The source line behind a flag: the sentence or table row of the report it points at.

One decision: a flag points at an indicator, a project or a whole report (mart_flags'
indicator_id / project_id / report_id), and the provenance table stores where each
value came from. We take, for the most specific entity, the line of the field the rule
is about (RULE_FIELDS), else the entity's first recorded line. No provenance → no line.
"""
from __future__ import annotations

import pandas as pd

SNIPPET_CHARS = 160
# rule_id → the fields whose source line best shows the problem, most telling first.
RULE_FIELDS = {
    "rate_mismatch": ("carryover_rate_pct", "execution_rate_pct"),
    "components_mismatch": ("carryover", "executed", "budget"),
    "low_execution": ("execution_rate_pct", "executed"),
    "unspent_over_20pct": ("executed", "budget_full_year", "budget"),
    "midyear_cut_full_execution": ("budget_full_year", "execution_rate_pct"),
    "total_mismatch": ("total_score",),
    "grade_band_mismatch": ("grade", "total_score"),
    "missed_target_top_grade": ("actual", "grade"),
    "missed_target_full_marks": ("actual", "score"),
    "canned_actual": ("actual",),
    "score_over_weight": ("score", "weight"),
}


def flag_entity(flag: dict) -> tuple[str, str] | None:
    """(provenance entity, entity_id) of the most specific thing a flag points at."""
    for column, entity in (("indicator_id", "indicator"), ("project_id", "project"), ("report_id", "department")):
        value = flag.get(column)
        if isinstance(value, str) and value:
            return entity, value
    return None


def read_provenance(con, entity_ids: list[str]) -> pd.DataFrame:
    """Provenance rows of the given entities (empty frame when the table is absent)."""
    names = {r[0] for r in con.sql("select table_name from information_schema.tables").fetchall()}
    if "provenance" not in names or not entity_ids:
        return pd.DataFrame(columns=["entity", "entity_id", "field", "line_start", "snippet"])
    sql = ("select entity, entity_id, field, line_start, snippet from provenance "
           "where list_contains(?::varchar[], entity_id) and snippet is not null order by line_start")
    return con.sql(sql, params=[sorted(set(entity_ids))]).df()


def _best_line(rows: pd.DataFrame, rule_id: str) -> str | None:
    if rows.empty:
        return None
    for field in RULE_FIELDS.get(rule_id, ()):
        match = rows[rows["field"] == field]
        if len(match):
            return str(match["snippet"].iloc[0])
    return str(rows["snippet"].iloc[0])


def source_lines(con, flags: pd.DataFrame) -> list[str | None]:
    """One source line (trimmed) per flag row, in order; None where nothing was recorded."""
    records = flags.to_dict("records")
    targets = [flag_entity(f) for f in records]
    provenance = read_provenance(con, [t[1] for t in targets if t])
    grouped = {key: rows for key, rows in provenance.groupby(["entity", "entity_id"])} if len(provenance) else {}
    lines = []
    for flag, target in zip(records, targets):
        line = _best_line(grouped.get(target, pd.DataFrame()), flag.get("rule_id") or "") if target else None
        lines.append(" ".join(line.split())[:SNIPPET_CHARS] if line else None)
    return lines
