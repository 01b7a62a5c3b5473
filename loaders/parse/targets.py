"""Target / actual cell texts → (operator, number, unit, qualitative label).

Pure and conservative. The JSON keeps the words (FORMAT.md); the database adds
this reading of them so views can compare a target with its actual. The one
decision: a text is read only when its *whole* shape is understood — one number
with an operator and a unit, or a known qualitative phrase. Anything else
(two numbers, ranges, sentences with punctuation) gives nulls, because a wrong
operator or number shown with confidence is worse than none.

    parse_target_text("≥95%")            → ParsedValue(">=", 95.0, "%", None)
    parse_target_text(">= 98 %(百分比)")  → ParsedValue(">=", 98.0, "%", None)
    parse_target_text("8小时内")          → ParsedValue("<=", 8.0, "小时", None)
    parse_target_text("完成指标")         → ParsedValue(None, None, None, "完成")

The qualitative vocabulary (phrase → label, outcome) lives in
loaders/data/qualitative_labels.csv.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LABELS_CSV = Path(__file__).resolve().parent.parent / "data" / "qualitative_labels.csv"


@dataclass(frozen=True)
class ParsedValue:
    op: str | None = None       # >= <= = > < or None (a plain stated value)
    value: float | None = None
    unit: str | None = None     # "%" for percent (百分比 too), else the unit as written
    label: str | None = None    # canonical qualitative label (完成 / 达成预期指标 / 全覆盖 …)
    note: str | None = None     # a reading worth a warning (e.g. an OCR symbol taken as ≥)


EMPTY = ParsedValue()

# Symbol spellings seen in reports (full-width, slanted ≧≦, box-drawing ═ from OCR/Word).
_SYMBOLS = (
    (">=", (">=", "≥", "≧", "⩾", "＞＝", "大于等于", "大于或等于", "不低于", "不少于", "不小于", "至少")),
    ("<=", ("<=", "≤", "≦", "⩽", "＜＝", "小于等于", "小于或等于", "不高于", "不超过", "不多于", "不大于", "最多")),
    (">", (">", "＞", "大于", "高于", "超过", "多于")),
    ("<", ("<", "＜", "小于", "低于", "少于")),
    ("=", ("=", "＝", "═", "等于")),
)
_PREFIX_OPS = sorted(((w, op) for op, words in _SYMBOLS for w in words), key=lambda p: -len(p[0]))
# Words after the number: 95%以上, 8小时内, 3天以内.
_SUFFIX_OPS = (("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="), ("内", "<="))
# 达到 before a number only says "reaches": 达到90%以上 is read from its suffix; 达到90% alone is ≥.
_REACH_WORDS = ("达到", "达")
_PERCENT_UNITS = ("%(百分比)", "%(百分率)", "百分比", "百分率", "%", "％")
# OCR reads ≥ as 工 or ^ — trusted only at the very start directly before a number.
_OCR_GE = ("工", "^")

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CJK = r"[\u4e00-\u9fff]"
_SUBJECT_MAX = 12   # 服务对象满意度 / 组织全区信访干部业务培训: a short subject before the figure
_TAIL_MAX = 8       # 8小时内及时回应: a short phrase after an explicit suffix operator

_UNIT_RE = re.compile(rf"(%|‰|{_CJK}{{1,3}}|[a-zA-Z]{{1,4}})")


@lru_cache(maxsize=1)
def qualitative_labels() -> dict[str, tuple[str, str | None]]:
    """phrase → (label, outcome) from loaders/data/qualitative_labels.csv."""
    with LABELS_CSV.open(encoding="utf-8", newline="") as fh:
        return {row["phrase"]: (row["label"], row["outcome"] or None) for row in csv.DictReader(fh)}


def label_outcome(label: str | None) -> str | None:
    """met / partial / unmet for an achievement label, None for descriptive ones (全覆盖, 有效)."""
    for lab, outcome in qualitative_labels().values():
        if lab == label:
            return outcome
    return None


def parse_target_text(text: str | None) -> ParsedValue:
    """Read a 年度指标值 or 实际完成值 cell. Unknown shapes give EMPTY (all None)."""
    norm = _normalise(text)
    if not norm:
        return EMPTY
    known = qualitative_labels().get(norm)
    if known:
        return ParsedValue(label=known[0])
    return _parse_quantity(norm) or EMPTY


def _normalise(text: str | None) -> str:
    """NFKC (full-width → ASCII), no white space, no trailing full stop or semicolon."""
    if text is None:
        return ""
    norm = unicodedata.normalize("NFKC", str(text))
    norm = re.sub(r"\s+", "", norm)
    return norm.rstrip("。.;；,，")


def _parse_quantity(norm: str) -> ParsedValue | None:
    """[subject][operator]number[unit][suffix operator][tail] with exactly one number."""
    if len(re.findall(_NUMBER, norm)) != 1:
        return None
    head, number, rest = _split_on_number(norm)
    op, note = _prefix_operator(head)
    if op is _INVALID:
        return None
    unit, rest = _take_unit(rest)
    suffix_op, rest = _take_suffix_operator(rest)
    if rest and (suffix_op is None or not re.fullmatch(rf"{_CJK}{{1,{_TAIL_MAX}}}", rest)):
        return None
    if op and suffix_op and op != suffix_op and op != "reach":
        return None  # 不低于95%以下: contradictory, refuse
    final = suffix_op or (">=" if op == "reach" else op)
    return ParsedValue(op=final, value=float(number.replace(",", "")), unit=unit, note=note)


_INVALID = object()


def _split_on_number(norm: str) -> tuple[str, str, str]:
    match = re.search(_NUMBER, norm)
    return norm[: match.start()], match.group(), norm[match.end():]


def _prefix_operator(head: str):
    """Operator before the number, after an optional short subject (满意度 / 服务对象满意度)."""
    if head in _OCR_GE:
        return ">=", f"OCR 符号“{head}”按 ≥ 读取"
    for word, op in _PREFIX_OPS:
        if head.endswith(word):
            return (op, None) if _is_subject(head[: -len(word)]) else (_INVALID, None)
    for word in _REACH_WORDS:
        if head.endswith(word) and _is_subject(head[: -len(word)]):
            return "reach", None
    return (None, None) if _is_subject(head) else (_INVALID, None)


def _is_subject(text: str) -> bool:
    return text == "" or re.fullmatch(rf"{_CJK}{{1,{_SUBJECT_MAX}}}", text) is not None


def _take_unit(rest: str) -> tuple[str | None, str]:
    for spelling in _PERCENT_UNITS:
        if rest.startswith(spelling):
            return "%", rest[len(spelling):]
    # A unit stops where a suffix operator starts (8小时内 → 小时 + 内), else runs to the end.
    splits = [(rest[:end], rest[end:]) for end in range(min(len(rest), 4), 0, -1)]
    units = [(u, after) for u, after in splits if _UNIT_RE.fullmatch(u) and not _starts_with_suffix(u)]
    for unit, after in units:
        if _starts_with_suffix(after):
            return unit, after
    for unit, after in units:
        if after == "":
            return unit, after
    return None, rest


def _starts_with_suffix(text: str) -> bool:
    return any(text.startswith(word) for word, _ in _SUFFIX_OPS)


def _take_suffix_operator(rest: str) -> tuple[str | None, str]:
    for word, op in _SUFFIX_OPS:
        if rest.startswith(word):
            return op, rest[len(word):]
    return None, rest
