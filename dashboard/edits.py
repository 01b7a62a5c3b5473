"""Analyst writes from the dashboard: value corrections and agency merge / split.

Decision: the dashboard never opens the live database for writing. Every write goes
through the loader's writer (loaders.db.open_writer: flock, private copy, atomic
publish), so a write made while others read or load can neither block them nor
corrupt the file, and the reader cache picks the new file up on the next rerun.
Corrections go to the `corrections` table only (who, when, old, new, reason); the
staging views overlay them on the extracted values, so a re-load keeps them.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from loaders.db import open_writer

# Fields an analyst may correct, per entity (the columns the staging views overlay).
CORRECTABLE: dict[str, dict[str, str]] = {
    "indicator": {"target": "年度指标值", "actual": "实际完成值", "weight": "分值", "score": "得分",
                  "name": "三级指标名称", "deviation_reason": "偏差原因"},
    "project": {"name": "项目名称", "budget_initial": "年初预算数（万元）", "budget_full_year": "全年预算数（万元）",
                "executed": "全年执行数（万元）", "execution_rate_pct": "执行率（%）", "execution_score": "执行率得分",
                "total_score": "总分", "grade": "等级"},
    "report": {"agency": "单位名称", "region": "地区", "year": "年度", "total_score": "总分", "grade": "等级"},
}
NUMERIC_FIELDS = {"weight", "score", "budget_initial", "budget_full_year", "executed", "execution_rate_pct",
                  "execution_score", "total_score", "year"}
# A corrected target / actual text must carry its parsed reading too (stg_indicators does not parse).
PARSED_COMPANIONS = {"target": "target", "actual": "actual"}


class CorrectionError(ValueError):
    """A correction refused before writing; str() is the Chinese message to show."""


def correction_key(entity: str, file_name: str, project_seq: int | None = None,
                   indicator_seq: int | None = None) -> str:
    """corrections.entity_key as the views resolve it (loaders.views.correction_key)."""
    from loaders.views import correction_key as key

    return key(entity, file_name, project_seq, indicator_seq)


def validate(entity: str, field: str, new_value: str, reason: str, author: str) -> str:
    """Check a correction; returns the new value normalised. Raises CorrectionError."""
    if field not in CORRECTABLE.get(entity, {}):
        raise CorrectionError(f"不能更正该字段：{field}")
    if not reason.strip():
        raise CorrectionError("请填写更正理由")
    if not author.strip():
        raise CorrectionError("请填写更正人")
    value = new_value.strip()
    if field in NUMERIC_FIELDS:
        try:
            number = float(value.replace(",", "").replace("，", ""))
        except ValueError as err:
            raise CorrectionError(f"“{CORRECTABLE[entity][field]}”应为数字：{value}") from err
        value = str(int(number)) if field == "year" else f"{number:g}"
    return value


def _parsed_rows(entity: str, field: str, value: str) -> list[tuple[str, str | None]]:
    """For a target / actual text, the parsed fields to correct alongside it."""
    if entity != "indicator" or field not in PARSED_COMPANIONS:
        return []
    from loaders.parse.targets import parse_target_text

    parsed = parse_target_text(value)
    prefix = PARSED_COMPANIONS[field]
    return [(f"{prefix}_op", parsed.op), (f"{prefix}_value", None if parsed.value is None else f"{parsed.value:g}"),
            (f"{prefix}_unit", parsed.unit), (f"{prefix}_label", parsed.label)]


def save_correction(db_path: Path, *, entity: str, entity_key: str, field: str, old_value: str | None,
                    new_value: str, reason: str, author: str) -> int:
    """Store one correction (plus parsed companions); returns its correction_id."""
    value = validate(entity, field, new_value, reason, author)
    rows = [(field, old_value, value), *((f, None, v) for f, v in _parsed_rows(entity, field, value))]
    now = datetime.now()
    with open_writer(db_path) as con:
        first = con.execute("select coalesce(max(correction_id), 0) + 1 from corrections").fetchall()[0][0]
        for offset, (name, old, new) in enumerate(rows):
            con.execute(
                "insert into corrections (correction_id, entity, entity_key, field, old_value, new_value, reason,"
                " author, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [first + offset, entity, entity_key, name, old, new, reason.strip(), author.strip(), now])
        _refresh_views(con)
    return first


def merge_agencies(db_path: Path, keep_id: str, merge_ids: list[str]) -> int:
    """Fold agencies into one (loaders.agencies.merge_agencies, written safely); reports moved."""
    from loaders.agencies import merge_agencies as merge

    with open_writer(db_path) as con:
        moved = merge(con, keep_id, merge_ids)
        _refresh_views(con)
    return moved


def split_agency(db_path: Path, agency_id: str, aliases: list[str], new_name: str | None = None) -> str:
    """Move the reports written under `aliases` to a new agency; returns its id."""
    from loaders.agencies import split_agency as split

    with open_writer(db_path) as con:
        new_id = split(con, agency_id, aliases, new_name=new_name or None)
        _refresh_views(con)
    return new_id


def dismiss_review(db_path: Path, alias: str, agency_id: str, candidate_id: str) -> None:
    from loaders.agencies import dismiss_review as dismiss

    with open_writer(db_path) as con:
        dismiss(con, alias, agency_id, candidate_id)


def _refresh_views(con) -> None:
    """Marts may be stored as tables: rebuild them the way a load does, so the change shows at once."""
    from loaders.load import apply_views_if_available

    error = apply_views_if_available(con)
    if error and "尚不存在" not in error:
        raise RuntimeError(error)
