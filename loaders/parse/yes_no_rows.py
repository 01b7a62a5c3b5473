"""Indicator rows of a form flattened onto one run, each row closed by a 是/否 column.

Several provincial forms end every indicator row with a yes/no column (是否核心指标).
A web page's copy of such a form prints the rows glued together:

    财政供养人员控制率%定量指标100%92%100%22否基础信息完善%100%100%100%11否…

The closing 是/否 cuts the rows. Each row is then read from its right end, where the
columns are fixed: 得分系数 (a percent, when the header has it), then 指标权重 and 指标得分
printed as one run of digits, split only where the form's rule holds (得分 = 权重 × 系数,
得分 ≤ 权重). What is left is the name, its unit and 指标性质, then the values: two values
are 年初指标值 and 全年完成值 (调整指标值 left empty, as forms mostly do), three are all
three; one value cannot be placed and is left empty. A target copied as the actual of a
qualitative row (高高, 好好) is read as both. Anything that does not fit leaves the field
empty with a warning; a row cut off by the end of the page (no 是/否) is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.parse.labels import header_field, label_key, table_labels
from loaders.parse.numbers import to_halfwidth
from loaders.parse.targets import qualitative_labels

_OPS = "≥≤≧≦<>=＜＞＝"
_ROW_END = re.compile(r"(?<=[\d%])[是否]")
_PAGE_MARK = re.compile(r"^\d{1,2}、")          # a page number a document site prints: 3、
_NUMBER = r"(?:[1-9]\d*|0)(?:\.\d+)?"


@dataclass
class YesNoRow:
    name: str
    target: str | None
    actual: str | None
    weight: float | None
    score: float | None
    start: int          # offsets of the row in the run
    end: int


def closes_with_yes_no(header_texts: list[str]) -> bool:
    """The header's last column is a yes/no column (是否核心指标)."""
    return bool(header_texts) and label_key(header_texts[-1]) in table_labels()["yes_no_header"]


def read_rows(run: str, header_texts: list[str]) -> tuple[list[YesNoRow], list[str]]:
    """The rows of `run` (the text after the header), and warnings in Chinese."""
    keys = [label_key(h) for h in header_texts]
    has_ratio = any(k in table_labels()["ratio_header"] for k in keys)
    has_adjusted = any(k in table_labels()["adjusted_target_header"] for k in keys)
    weight_first = _weight_before_score(header_texts)
    rows, warnings, start = [], [], 0
    text = to_halfwidth(run)
    for match in _ROW_END.finditer(text):
        piece, offset = _strip_furniture(text[start:match.start()])
        row = _read_row(piece, has_ratio, has_adjusted, weight_first, warnings)
        if row is not None:
            row.start, row.end = start + offset, match.end()
            rows.append(row)
        start = match.end()
    return rows, warnings


def _weight_before_score(header_texts: list[str]) -> bool:
    fields = [header_field(h, "indicator") for h in header_texts]
    if "weight" in fields and "score" in fields:
        return fields.index("weight") < fields.index("score")
    return True


def _strip_furniture(piece: str) -> tuple[str, int]:
    """Drop what a page puts between rows: a page number (3、) and a spanning label (绩效指标)."""
    offset = 0
    while True:
        page = _PAGE_MARK.match(piece)
        label = next((lab for lab in _furniture_labels() if piece.startswith(lab)), None)
        cut = page.end() if page else len(label) if label else 0
        if not cut:
            return piece, offset
        piece, offset = piece[cut:], offset + cut


def _furniture_labels() -> list[str]:
    # only spanning labels: a level label (预算执行) may well be the start of a name (预算执行率)
    return sorted(table_labels().get("spanning_label", ()), key=len, reverse=True)


def _read_row(piece: str, has_ratio: bool, has_adjusted: bool, weight_first: bool,
              warnings: list[str]) -> YesNoRow | None:
    digits = re.search(r"\d[\d.]*$", piece)     # 权重 and 得分 as one run: 22, 107.6, 9.59.5
    if not digits:
        return None
    rest = piece[:digits.start()]
    ratio = None
    if has_ratio:
        found = re.search(rf"({_NUMBER})%$", rest)
        if not found:
            return None
        ratio, rest = float(found.group(1)), rest[:found.start()]
    pair = _split_weight_score(digits.group(), ratio)
    name, target, actual = _name_and_values(rest, has_adjusted)
    if not name:
        return None
    if pair is None:
        warnings.append(f"指标“{name}”的权重和得分连在一起（{digits.group()}），无法唯一拆分，留空。")
    weight, score = pair if pair and weight_first else (pair[::-1] if pair else (None, None))
    if target is None and actual is None and re.search(r"\d", rest):
        warnings.append(f"指标“{name}”的指标值无法确定各属哪一列，留空。")
    return YesNoRow(name, target, actual, weight, score, 0, 0)


def _split_weight_score(run: str, ratio: float | None) -> tuple[float, float] | None:
    """22 → 2 | 2, 1010 → 10 | 10, 107.6 → 10 | 7.6 (with a 76% ratio): the only cut that fits."""
    found = []
    for k in range(1, len(run)):
        left, right = run[:k], run[k:]
        if not (re.fullmatch(_NUMBER, left) and re.fullmatch(_NUMBER, right)):
            continue
        weight, score = float(left), float(right)
        if not 0 < weight <= 100 or score > weight:
            continue
        if ratio is not None and abs(weight * ratio / 100 - score) > 0.051:
            continue
        found.append((weight, score))
    return found[0] if len(found) == 1 else None


def _name_and_values(rest: str, has_adjusted: bool) -> tuple[str, str | None, str | None]:
    first = re.search(rf"[\d{_OPS}]", rest)
    if first is None:
        return _qualitative(rest)
    name = _bare_name(rest[:first.start()])
    values = _value_tokens(rest[first.start():])
    if values is None or len(values) not in ((2, 3) if has_adjusted else (2,)):
        return name, None, None
    return name, values[0], values[-1]


def _qualitative(rest: str) -> tuple[str, str | None, str | None]:
    """管理制度健全性高高: a word copied as target and actual (高 | 高) ends the run."""
    for k in range(len(rest) // 2, 0, -1):
        word = rest[-k:]
        if len(rest) - 2 * k >= 2 and rest[-2 * k:-k] == word and (k >= 2 or word in qualitative_labels()):
            return _bare_name(rest[:-2 * k]), word, word   # one character only when it is a known grade (高, 好)
    return _bare_name(rest), None, None


def _bare_name(text: str) -> str:
    """The name without the unit and 指标性质 cells printed after it (预算完成率% → 预算完成率)."""
    text = text.strip()
    for word in sorted(table_labels()["indicator_nature"], key=len, reverse=True):
        if text.endswith(word) and len(text) - len(word) >= 2:
            text = text[: -len(word)]
            break
    if text.endswith("%"):
        return text[:-1]
    for unit in sorted(table_labels()["unit"], key=len, reverse=True):
        if text.endswith(unit) and len(text) - len(unit) >= 4:   # 培训次数次 → 培训次数; 人次 stays in 接待人次
            return text[: -len(unit)]
    return text


def _value_tokens(text: str) -> list[str] | None:
    """26次12次 → [26次, 12次]; 3%0 → [3%, 0]. Two numbers glued without a unit between
    them (10090%) cannot be told apart: None."""
    units = "|".join(re.escape(u) for u in sorted(table_labels()["unit"], key=len, reverse=True))
    token = re.compile(rf"[{_OPS}]*{_NUMBER}(?:万|亿)?(?:{units})?")
    out, pos = [], 0
    while pos < len(text):
        match = token.match(text, pos)
        if not match:
            return None
        out.append(match.group())
        pos = match.end()
    for value, nxt in zip(out, out[1:]):
        if value[-1].isdigit() and nxt[0].isdigit():
            return None
    return out
