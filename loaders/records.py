"""The record types: the JSON contract of ../shared/corpus/FORMAT.md, plus provenance.

`Report.to_json()` writes exactly the FORMAT.md shape (what `perfdash extract`
emits and the scorer reads). Provenance and warnings travel beside the record for
the database and never enter the JSON contract.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# (first line, last line), 1-based and inclusive, in the decoded text of the document.
Span = tuple[int, int]

REPORT_KINDS = ("project", "department", "mixed")
EVALUATION_TYPES = ("self", "department", "third_party", "unknown")

DEPARTMENT_FIELDS = (
    "budget", "executed", "execution_rate_pct", "carryover", "carryover_rate_pct",
    "basic_expenditure", "project_expenditure",
    # informative extras allowed by FORMAT.md
    "basic_budget", "project_budget", "personnel_expenditure", "public_expenditure",
    "budget_final_diff_rate_pct", "income", "budget_initial",
)

PROJECT_MONEY_FIELDS = (
    "budget_initial", "budget_full_year", "executed", "execution_rate_pct",
    "execution_weight", "execution_score",
)


@dataclass
class Indicator:
    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    target: str | None = None
    actual: str | None = None
    weight: float | None = None
    score: float | None = None
    deviation_reason: str | None = None
    provenance: dict[str, Span] = field(default_factory=dict)
    # 折算得分 / 复核分 as printed beside the 得分: parsing reads them to tell a 100-point score column or a
    # review's scores (loaders.parse.indicators.scores_from_second_columns); they are neither written nor stored
    scaled_score: float | None = None
    review_score: float | None = None

    def to_json(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("level1", "level2", "name", "target", "actual", "weight", "score")}
        if self.deviation_reason:
            out["deviation_reason"] = self.deviation_reason
        return out


@dataclass
class MoneyRow:
    """One row of a project's money block (年度资金总额 / 其中:本年财政拨款 / 上年结转 / 其他资金)."""
    label: str
    budget_initial: float | None = None
    budget_full_year: float | None = None
    executed: float | None = None
    execution_rate_pct: float | None = None
    execution_weight: float | None = None
    execution_score: float | None = None
    review_score: float | None = None     # a review's 复核得分 of the execution row (parse only)
    span: Span | None = None


@dataclass
class Project:
    name: str | None = None
    subject: str = "project"  # "department" for a whole-department indicator table
    budget_initial: float | None = None
    budget_full_year: float | None = None
    executed: float | None = None
    execution_rate_pct: float | None = None
    execution_weight: float | None = None
    execution_score: float | None = None
    total_score: float | None = None
    grade: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    money_rows: list[MoneyRow] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # fiscal_appropriation_* etc.
    provenance: dict[str, Span] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.subject != "project":
            out["subject"] = self.subject
        for k in (*PROJECT_MONEY_FIELDS, "total_score"):
            out[k] = getattr(self, k)
        out.update(self.extras)
        out["indicators"] = [i.to_json() for i in self.indicators]
        return out


@dataclass
class Finding:
    """存在问题 / 改进措施 text found in the narrative."""
    kind: str  # "problem" | "measure"
    text: str
    span: Span | None = None


@dataclass
class Report:
    file: str
    source_url: str | None = None
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    report_kind: str | None = None
    evaluation_type: str | None = None
    total_score: float | None = None
    grade: str | None = None
    department_budget: dict[str, float | None] | None = None
    projects: list[Project] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    provenance: dict[str, Span] = field(default_factory=dict)  # report + "department_budget.<key>"
    # a Traditional-character copy is read in Simplified (the vocabularies are); the JSON gives its
    # names and cells as the document writes them: Simplified character → the document's
    written_as: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = {
            "file": self.file,
            "source_url": self.source_url,
            "agency": self.agency,
            "region": self.region,
            "year": self.year,
            "report_kind": self.report_kind,
            "evaluation_type": self.evaluation_type,
            "total_score": self.total_score,
            "grade": self.grade,
            "department_budget": self.department_budget,
            "projects": [p.to_json() for p in self.projects],
        }
        return _as_written(out, str.maketrans(self.written_as)) if self.written_as else out


_WRITTEN_TEXT_KEYS = {"agency", "region", "grade", "name", "level1", "level2", "target", "actual", "deviation_reason"}


def _as_written(value: Any, table: dict[int, str], key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _as_written(v, table, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_written(v, table, key) for v in value]
    return value.translate(table) if isinstance(value, str) and key in _WRITTEN_TEXT_KEYS else value
