"""The generated world: one document's truth record plus how it is to be printed.

A `DemoDocument` holds the FORMAT.md truth (`report`, built with loaders.records
types, so the truth JSON is exactly `report.to_json()`), the layout and print style
its renderer must follow, and what was planted in it. Renderers print only what
the truth states: a field that is None is a blank cell or an unsaid sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loaders.records import Report

TXT_LAYOUTS = ("tab", "cells", "broken", "flat", "pipe", "narrative")
FORMATS = ("txt", "docx", "xlsx", "pdf")

# Planted anomaly codes (also written to manifest.csv) → what an analyst would say.
PLANTS = {
    "always_100": "单位所有项目自评均为满分100分，各指标均得满分",
    "canned_actuals": "实际完成值为套话（完成指标/已完成等）或照抄指标值，不能作为完成证据",
    "missed_target_full_marks": "有定量指标未达到年度指标值，仍得满分且评为优秀",
    "midyear_cut_full_execution": "年中调减预算超过20%后报告执行率100%",
    "high_carryover": "部门结转结余率超过20%",
    "copied_previous_year": "报告内容与上一年度报告雷同（指标、完成值、金额照抄）",
    "sum_mismatch": "各项得分合计与报告总分不一致",
    "rate_mismatch": "报告执行率与执行数/全年预算数不符",
    "components_mismatch": "基本支出与项目支出之和不等于支出总额",
}


@dataclass
class PrintStyle:
    """How numbers and labels look in one document (agencies differ; so do their clerks)."""
    money_unit: str = "万元"          # 万元 | 元 (truth stays 万元; 元 is printed ×10000)
    money_decimals: int = 2           # 2 → "4.00"; 0 → as short as possible ("4", "20.9")
    rate_style: str = "pct2"          # pct2 "100.00%" | pct "100%" | bare "100"
    header: str = "standard"          # standard (年初/全年/执行) | ab (全年预算数(A)/全年执行数(B))
    furniture: bool = False           # 发布日期 / 索引号 lines on top, as on government sites
    grade_in_table: bool = True


@dataclass
class DemoDocument:
    stem: str
    fmt: str                           # txt | docx | xlsx | pdf
    layout: str                        # one of TXT_LAYOUTS (docx/pdf: "table" or "narrative")
    report: Report
    style: PrintStyle
    sector: str
    report_date: str                   # written at the end; its year differs from the budget year
    goals: dict[str, tuple[str, str]] = field(default_factory=dict)   # project name → (预期目标, 实际完成)
    plants: list[str] = field(default_factory=list)
    copied_from: str | None = None

    def truth_json(self) -> dict[str, Any]:
        """FORMAT.md record plus the truth-only keys (flags a human would raise, notes)."""
        out = self.report.to_json()
        out["flags_a_human_would_raise"] = [PLANTS[p] for p in self.plants]
        note = f"demo data (perfdash demo): format={self.fmt} layout={self.layout}"
        if self.copied_from:
            note += f"; copied from {self.copied_from}"
        out["notes"] = note
        return out
