"""Target / actual texts → (operator, value, unit, label): a table of real cell texts."""
from __future__ import annotations

import csv

import pytest

from loaders.parse.targets import LABELS_CSV, label_outcome, parse_target_text

# (cell text as reports write it, expected op, value, unit, label)
CASES = [
    ("≥95%", ">=", 95.0, "%", None),
    (">= 98 %(百分比)", ">=", 98.0, "%", None),
    ("=0起", "=", 0.0, "起", None),
    ("≤90万元", "<=", 90.0, "万元", None),
    ("8小时内", "<=", 8.0, "小时", None),
    ("8小时内及时回应", "<=", 8.0, "小时", None),
    ("不低于95%", ">=", 95.0, "%", None),
    ("95%以上", ">=", 95.0, "%", None),
    ("满意度90%以上", ">=", 90.0, "%", None),
    ("服务对象满意度≥80%", ">=", 80.0, "%", None),
    ("基础业务规范化水平达到90%以上。", ">=", 90.0, "%", None),
    ("开展法律素养专业培训不少于4次。", ">=", 4.0, "次", None),
    ("≧735人次", ">=", 735.0, "人次", None),
    ("≦0%", "<=", 0.0, "%", None),
    ("═100%", "=", 100.0, "%", None),
    ("＞＝９５％", ">=", 95.0, "%", None),
    ("98.00百分比", None, 98.0, "%", None),
    ("≥98.00", ">=", 98.0, None, None),
    ("100", None, 100.0, None, None),
    ("95%", None, 95.0, "%", None),
    ("1,234.56元", None, 1234.56, "元", None),
    ("2.48万元", None, 2.48, "万元", None),
    ("全覆盖", None, None, None, "全覆盖"),
    ("有效", None, None, None, "有效"),
    ("显著提升", None, None, None, "显著提升"),
    ("完成", None, None, None, "完成"),
    ("完成指标", None, None, None, "完成"),
    ("已完成", None, None, None, "完成"),
    ("按工作计划完成。", None, None, None, "完成"),
    ("达成预期指标", None, None, None, "达成预期指标"),
    ("达到", None, None, None, "达成预期指标"),
    ("部分达成", None, None, None, "部分达成"),
    ("未达成", None, None, None, "未达成"),
]

# Shapes we refuse to read: every field must stay null.
UNREADABLE = [
    "实现及时受理率、按期办结率均在95%以上，初信初访化解率90%以上。",  # two figures
    "一个季度开展工作督导一次,共4次",                                   # a sentence with punctuation
    "90%-100%",                                                          # a range
    "2024年12月",
    "在2024年底前完成",
    "不低于95%以下",                                                     # contradictory operators
    "年度督办案件数量",                                                  # no figure, no known label
    "工作",                                                              # 工 not before a number
    "",
    "   ",
    None,
]


@pytest.mark.parametrize(("text", "op", "value", "unit", "label"), CASES)
def test_reads_target_text(text, op, value, unit, label):
    parsed = parse_target_text(text)
    assert (parsed.op, parsed.value, parsed.unit, parsed.label) == (op, value, unit, label)


@pytest.mark.parametrize("text", UNREADABLE)
def test_leaves_unclear_text_null(text):
    parsed = parse_target_text(text)
    assert (parsed.op, parsed.value, parsed.unit, parsed.label) == (None, None, None, None)


@pytest.mark.parametrize(("text", "symbol"), [("工95%", "工"), ("^90%", "^")])
def test_ocr_symbol_read_as_ge_with_a_note(text, symbol):
    parsed = parse_target_text(text)
    assert parsed.op == ">="
    assert parsed.value == float(text[1:3])
    assert symbol in parsed.note and "≥" in parsed.note


def test_ocr_symbol_inside_text_is_not_an_operator():
    # 工 in the middle of a phrase is a word, not a misread ≥
    assert parse_target_text("完成工95%").op is None


@pytest.mark.parametrize(("label", "outcome"), [("完成", "met"), ("达成预期指标", "met"),
                                                 ("部分达成", "partial"), ("未达成", "unmet"), ("全覆盖", None)])
def test_label_outcomes(label, outcome):
    assert label_outcome(label) == outcome


def test_vocabulary_file_is_consistent():
    with LABELS_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    phrases = [r["phrase"] for r in rows]
    assert len(phrases) == len(set(phrases)), "a phrase is listed twice"
    assert {r["outcome"] for r in rows} <= {"met", "partial", "unmet", ""}
    # every label is itself a phrase that reads back to the same label
    for label in {r["label"] for r in rows}:
        assert parse_target_text(label).label == label
