"""The vocabulary of evaluation tables, read from loaders/data/*.csv.

Decision: every label is compared by a *key* (full-width folded, white space and
trailing colons dropped, a trailing "(50分)" / "(A)" qualifier removed), so the
same CSV row serves every layout and every way of writing the label. New synonyms
are added to the CSV files, not to the code.
"""
from __future__ import annotations

import csv
import difflib
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from loaders.parse.numbers import to_halfwidth
from loaders.parse.text import read_rows

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_QUALIFIER_RE = re.compile(r"\((?:[A-Za-z/]+|%|分|万元|元|\d+(?:\.\d+)?分?)\)$")
_SPACES_RE = re.compile(r"\s+")
# a level label's points: 产出指标(50分), 产出指标50分, 决策(20)
_POINTS_RE = re.compile(r"\((\d+(?:\.\d+)?)分?\)$|(\d+(?:\.\d+)?)分$")


_ITEM_NUMBER_RE = re.compile(r"^[一二三四五六七八九十]+[、.．]")


def without_item_number(text: str) -> str:
    """二、支出合计 → 支出合计: a row label's list number is no part of it."""
    return _ITEM_NUMBER_RE.sub("", text)


def completes_level_label(head: str, tail: str) -> bool:
    """A level label broken over two cells (产出 ⏎ 指标, 社会 ⏎ 效益指标, 服务对象 ⏎ 满意度指标): together
    they make a known label, and they are not two labels of their own."""
    return level_kind(head + tail, fuzzy=False) is not None and not (
        level_kind(head, fuzzy=False) and level_kind(tail, fuzzy=False))


def begins_level_label(text: str) -> bool:
    """The first part of a known level label broken over lines (服务对象 ⏎ 满意度指 ⏎ 标)."""
    key = label_key(text)
    return len(key) >= 2 and any(label.startswith(key) and label != key
                                 for kind in ("level1", "level2") for label in table_labels()[kind])


@lru_cache(maxsize=65536)
def label_key(text: str) -> str:
    """Comparable form of a label: ASCII forms, no spaces, no trailing ':' or qualifier."""
    key = _SPACES_RE.sub("", to_halfwidth(text)).rstrip(":：")
    key = key.replace("：", ":")
    return _QUALIFIER_RE.sub("", key).rstrip(":")


def label_points(text: str) -> float | None:
    """The points a level label carries: 产出指标(50分) → 50."""
    match = _POINTS_RE.search(re.sub(r"\s+", "", to_halfwidth(text)))
    if not match:
        return None
    return float(match.group(1) or match.group(2))


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=None)
def table_labels() -> dict[str, frozenset[str]]:
    """kind → set of label keys (level1, level2, money_row, total, canned_actual, unit, …)."""
    out: dict[str, set[str]] = {}
    for row in _rows("table_labels.csv"):
        out.setdefault(row["kind"], set()).add(label_key(row["label"]))
    return {kind: frozenset(keys) for kind, keys in out.items()}


@lru_cache(maxsize=None)
def header_aliases() -> dict[str, dict[str, str]]:
    """context (money | indicator) → {label key: field}."""
    out: dict[str, dict[str, str]] = {"money": {}, "indicator": {}}
    for row in _rows("header_aliases.csv"):
        for context in (("money", "indicator") if row["context"] == "any" else (row["context"],)):
            out[context][label_key(row["alias"])] = row["field"]
    return out


def is_label(text: str, kind: str) -> bool:
    return label_key(text) in table_labels().get(kind, frozenset())


def is_sign_off(text: str) -> bool:
    """填报人：刘洋 / 审核人:陈立新 / 填报日期：2022年3月8日 — a cell of the form's sign-off line."""
    if ":" not in text and "：" not in text:
        return False
    head = label_key(text).partition(":")[0]
    return head in table_labels().get("sign_off", frozenset())


@lru_cache(maxsize=65536)
def level_kind(text: str, fuzzy: bool = True) -> str | None:
    """'level1' | 'level2' | 'both' when the cell is an indicator category label, else None.

    A label one character away from a known one (a typo like 服务对象满意度标) counts too:
    such labels are long enough that a near miss is not another word.
    """
    key = _POINTS_RE.sub("", label_key(text)) if len(label_key(text)) > 2 else label_key(text)
    key = key.rstrip("(（)）")
    in1 = key in table_labels()["level1"]
    in2 = key in table_labels()["level2"]
    if in1 and in2:
        return "both"
    if in1 or in2:
        return "level1" if in1 else "level2"
    if fuzzy and len(key) >= 6 and ("指标" in key[-4:] or key.endswith("标")) and not re.search(r"\d", key):
        # a digit is no typo: 8 + 生态效益指标 is a score glued to the next row's label
        close = difflib.get_close_matches(key, table_labels()["level2"], n=1, cutoff=0.88)
        if close:
            return "level2"
    return None


@lru_cache(maxsize=65536)
def header_field(text: str, context: str) -> str | None:
    """The column a header cell names in `context`, else None."""
    key = label_key(text)
    aliases = header_aliases()[context]
    if key in aliases:
        return aliases[key]
    stripped = re.sub(r"\(.*?\)$", "", key)
    if stripped in aliases or "/" not in stripped:
        return aliases.get(stripped)
    # 评价标准/目标值: a cell naming two things, one of them a column we read (评价标准 is a note)
    named = {aliases[part] for part in stripped.split("/") if aliases.get(part, "ignore") != "ignore"}
    return named.pop() if len(named) == 1 else None


@lru_cache(maxsize=65536)
def garbled_header_field(text: str, context: str) -> str | None:
    """A header cell a PDF or OCR reader garbled, read as the one alias it can only be:
    its two printed lines interleaved (全年完成值 → 年成值全完值: every character of the
    alias in any order, plus at most one extra) or a character misread (全年(调整)预算数 →
    全年(If整)预算数: nearly the same text). Aliases of four characters or more only; used
    only for a cell between two header cells."""
    key = label_key(text)
    aliases = [(alias, field) for alias, field in header_aliases()[context].items() if len(alias) >= 4]
    found = {field for alias, field in aliases
             if 0 <= len(key) - len(alias) <= 1 and not Counter(alias) - Counter(key)}
    if not found:
        found = {field for alias, field in aliases if difflib.SequenceMatcher(None, alias, key).ratio() >= 0.8}
    return found.pop() if len(found) == 1 else None


def is_canned_actual(text: str) -> bool:
    return label_key(text) in table_labels()["canned_actual"]


def is_indicator_nature(text: str) -> bool:
    """定量指标 / 定性指标: what a 指标性质 cell says of the row."""
    return label_key(text) in table_labels()["indicator_nature"]


def is_unit(text: str) -> bool:
    """A unit word: 户, 万元 — and any listed unit under a magnitude prefix (万户, 千人次, 亿立方米)."""
    key = label_key(text)
    units = table_labels()["unit"]
    return key in units or (len(key) > 1 and key[0] in "万千亿" and key[1:] in units and key[1:] != "%")


_GLUED_LEVEL_RE = re.compile(r"^([\u4e00-\u9fff]{2,12}?指标)([\u4e00-\u9fffA-Za-z0-9].+)$")


def glued_level_label(text: str) -> tuple[str, str] | None:
    """服务对象满意度指标村民满意度 → (服务对象满意度指标, 村民满意度): a whole known level label ending in
    指标 with more text run into it (a label too long for its column), else None."""
    glued = _GLUED_LEVEL_RE.match(text)
    if glued is None or not level_kind(glued.group(1), fuzzy=False):
        return None
    return glued.group(1), glued.group(2)


def level_family(label: str | None, level: str) -> str | None:
    """产出 / 效益 / 满意度: the group a category label belongs to (data/level_families.csv), when one."""
    found = {row["family"] for row in read_rows("level_families.csv")
             if row["level"] == level and label and row["word"] in label}
    return found.pop() if len(found) == 1 else None
