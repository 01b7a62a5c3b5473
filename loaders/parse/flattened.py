"""Tables flattened onto one line without any separator (a web page's copy of a form).

`全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10` is cut
first at the labels it contains, then each run of values is read with the header's
column order: every way of cutting the digits is tried, ways that break a rule of
the form (no leading zeros, 分值 ≤ 100, 得分 ≤ 分值, 执行率 = 执行数 / 预算数) are
dropped, and the reading is used only when exactly one way is left.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.parse.labels import header_aliases, table_labels
from loaders.parse.numbers import to_halfwidth

_SHORT_LABELS = {"分值", "得分", "权重", "总分", "合计", "评分"}
_AMBIGUOUS_ALIASES = {"单位", "符号", "值", "指标", "完成情况", "指标值"}
_QUALIFIER = r"(?:\([A-Za-z/]+\)|\(%\)|\(分\)|\(\d+(?:\.\d+)?分\))?"
_OPS = "≥≤≧≦<>=＜＞＝"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=None)
def _label_pattern() -> re.Pattern[str]:
    labels: set[str] = set()
    for context in header_aliases().values():
        labels |= {a for a in context if a not in _AMBIGUOUS_ALIASES}
    for kind in ("level1", "level2", "money_row", "total", "project_name", "name_stop", "block_end"):
        labels |= set(table_labels().get(kind, ()))
    usable = sorted((l for l in labels if len(l) >= 3 or l in _SHORT_LABELS), key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(l) + _QUALIFIER for l in usable) + r")[:：]?")


def split_at_labels(text: str) -> list[str]:
    """Cut a flattened run at every table label it holds (labels become cells of their own)."""
    half = to_halfwidth(text)
    if len(half) != len(text):
        return [text]
    pieces: list[str] = []
    last = 0
    for match in _label_pattern().finditer(half):
        if match.start() > last:
            pieces.append(text[last:match.start()])
        pieces.append(text[match.start():match.end()])
        last = match.end()
    if last < len(text):
        pieces.append(text[last:])
    return [p for p in pieces if p.strip()]


def label_hits(text: str) -> int:
    return len(_label_pattern().findall(to_halfwidth(text)))


def is_digit_blob(text: str) -> bool:
    """Several numbers printed without a separator (202010100.00%10)."""
    half = to_halfwidth(text).strip()
    return bool(re.fullmatch(r"[\d.,%]+", half)) and len(_NUMBER.findall(half)) >= 1 and len(half) >= 4


def _number_ok(text: str) -> bool:
    return bool(re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", text))


def split_money_blob(blob: str, columns: list[str]) -> list[str] | None:
    """The values of a money row printed as one run of digits, or None when not exactly one reading fits."""
    found = [r for r in _money_splits(to_halfwidth(blob).strip(), tuple(columns)) if _money_consistent(r, columns)]
    return found[0] if len(found) == 1 else None


def _rate_tolerance(printed: str) -> float:
    decimals = len(printed.rstrip("%").partition(".")[2])
    return 0.51 if decimals == 0 else 0.5 * 10 ** -decimals + 0.01


def _money_splits(rest: str, cols: tuple[str, ...]) -> list[list[str]]:
    if not cols:
        return [[]] if not rest else []
    col, out = cols[0], []
    for end in range(1, len(rest) + 1):
        piece = rest[:end]
        if col == "execution_rate_pct":
            if not piece.endswith("%") or not _number_ok(piece[:-1]):
                continue
        elif not _number_ok(piece):
            continue
        for tail in _money_splits(rest[end:], cols[1:]):
            out.append([piece] + tail)
    return out


def _money_consistent(values: list[str], columns: list[str]) -> bool:
    printed = dict(zip(columns, values))
    got = {c: float(v.rstrip("%")) for c, v in printed.items()}
    weight, score = got.get("execution_weight"), got.get("execution_score")
    if weight is not None and not 1 <= weight <= 30:     # the execution row is worth 10 (some forms 20)
        return False
    if weight is not None and score is not None and score > weight:
        return False
    full, executed, rate = got.get("budget_full_year"), got.get("executed"), got.get("execution_rate_pct")
    if rate is not None and rate > 200:
        return False
    if full and executed is not None and rate is not None and \
            abs(executed / full * 100 - rate) > _rate_tolerance(printed["execution_rate_pct"]):
        return False
    if rate is not None and weight is not None and score is not None and \
            abs(min(weight, rate * weight / 100) - score) > 0.6:
        return False
    return True


def split_row_blob(blob: str, columns: list[str], units: frozenset[str] | None = None) -> list[dict[str, str]] | None:
    """Indicator rows flattened into one run (安装坡面水标尺10≥266米≥266米10水标尺宽度10…).

    `columns` are the data columns in order (name, weight, target, actual, score …).
    Returns one dict per row, or None unless exactly one reading consumes the run.
    """
    units = units or table_labels()["unit"]
    cols = tuple(c for c in columns if c not in ("reason", "ignore"))
    if "name" not in cols:
        return None
    readings = _row_splits(to_halfwidth(blob).strip().rstrip("…. "), cols, units, 0)
    readings = [r for r in readings if all(_row_consistent(row) for row in r)]
    if not readings:
        return None
    # fewest values cut out of the middle of a run of digits (735|10 is a cut; 20万元|10 is not)
    # no value cut out of the middle of a run of digits (735|10 could be 73|510): such runs
    # cannot be read with confidence
    best = {repr(r): r for r in readings if sum(row["_cuts"] for row in r) == 0}
    if len(best) != 1:
        return None
    return [{k: v for k, v in row.items() if k != "_cuts"} for row in next(iter(best.values()))]


def _row_splits(rest: str, cols: tuple[str, ...], units: frozenset[str], depth: int) -> list[list[dict[str, str]]]:
    if not rest:
        return [[]] if depth > 0 else []
    out = []
    for row, used in _one_row(rest, cols, units):
        for tail in _row_splits(rest[used:], cols, units, depth + 1):
            out.append([row] + tail)
            if len(out) > 64:
                return out
    return out


def _one_row(rest: str, cols: tuple[str, ...], units: frozenset[str]) -> list[tuple[dict[str, str], int]]:
    results: list[tuple[dict[str, str], int]] = [({}, 0)]
    for col in cols:
        grown = []
        for row, pos in results:
            for piece in _pieces(rest[pos:], col, units):
                end = pos + len(piece)
                cut = col in ("target", "actual") and piece[-1:].isdigit() and end < len(rest) \
                    and rest[end] in "0123456789."
                grown.append(({**row, col: piece, "_cuts": row.get("_cuts", 0) + cut}, end))
        results = grown
        if not results:
            return []
    return results


def _pieces(text: str, col: str, units: frozenset[str]) -> list[str]:
    if col == "name":
        match = re.match(rf"[^\d{_OPS}%]{{2,}}", text)
        return [match.group()] if match else []
    if col in ("weight", "score"):
        return [m for m in (text[:k] for k in range(1, 6)) if _number_ok(m) and float(m) <= 100]
    return _value_pieces(text, units)


def _value_pieces(text: str, units: frozenset[str]) -> list[str]:
    out = []
    match = re.match(rf"[{_OPS}]*\d+(?:\.\d+)?", text)
    if match:
        head = match.group()
        digits = head.lstrip(_OPS)
        if _number_ok(digits):
            out.append(head)
        for unit in sorted(units, key=len, reverse=True):
            if text[len(head):].startswith(unit) and _number_ok(digits):
                out.append(head + unit)
        # the number may also be shorter (the next column's digits follow without a gap)
        for k in range(len(head) - 1, 0, -1):
            shorter = head[:k]
            if shorter.lstrip(_OPS) and _number_ok(shorter.lstrip(_OPS)) and not head[k:].startswith("."):
                out.append(shorter)
    words = re.match(rf"[^\d{_OPS}%]+", text)
    if words:
        run = words.group()
        out.append(run)
        if len(run) % 2 == 0 and run[: len(run) // 2] == run[len(run) // 2:]:
            out.append(run[: len(run) // 2])   # the target copied as the actual: 显著提升显著提升
        canned = _canned_suffix(run)
        if canned:
            out.append(run[: len(run) - len(canned)])   # 有效保障基本达成: target, then a canned actual
    return out


def _canned_suffix(run: str) -> str | None:
    """The longest canned actual (达成预期指标, 基本达成 …) that ends a run of words, leaving a target."""
    for phrase in sorted(table_labels()["canned_actual"], key=len, reverse=True):
        if len(phrase) >= 2 and run.endswith(phrase) and len(run) - len(phrase) >= 2:
            return phrase
    return None


def _row_consistent(row: dict[str, str]) -> bool:
    weight, score = row.get("weight"), row.get("score")
    if weight is not None and score is not None and float(score) > float(weight):
        return False
    if weight is not None and float(weight) == 0:
        return False
    target, actual = row.get("target"), row.get("actual")
    if target and actual and re.search(r"\d", target) and re.search(r"\d", actual):
        # a copied or measured value is written in the target's unit
        return _unit(target) == _unit(actual)
    return True


def _unit(text: str) -> str:
    return re.sub(rf"^[{_OPS}]*\d+(?:\.\d+)?", "", text)
