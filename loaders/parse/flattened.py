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
from loaders.parse.targets import qualitative_labels

_SHORT_LABELS = {"分值", "得分", "权重", "总分", "合计", "评分"}
# words that are also the end of an indicator name or a sentence (年度任务完成率): no cut point in a run
_AMBIGUOUS_ALIASES = {"单位", "符号", "值", "指标", "完成情况", "指标值", "完成率", "指标完成率", "完成比例"}
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
    for match in _table_labels_in(half):
        if match.start() > last:
            pieces.append(text[last:match.start()])
        pieces.append(text[match.start():match.end()])
        last = match.end()
    if last < len(text):
        pieces.append(text[last:])
    return [p for p in pieces if p.strip()]


def label_hits(text: str) -> int:
    return len(_table_labels_in(to_halfwidth(text)))


def _table_labels_in(half: str) -> list[re.Match[str]]:
    """Labels standing as table cells; a label inside a formula (得分=预算执行率×5分) is a word
    of a sentence, not a cell."""
    formula = "=＝×*/"
    return [m for m in _label_pattern().finditer(half)
            if not (m.end() < len(half) and half[m.end()] in formula)
            and not (m.start() > 0 and half[m.start() - 1] in formula)]


def is_digit_blob(text: str) -> bool:
    """Several numbers printed without a separator (202010100.00%10)."""
    half = to_halfwidth(text).strip()
    return bool(re.fullmatch(r"[\d.,%]+", half)) and len(_NUMBER.findall(half)) >= 1 and len(half) >= 4


def _number_ok(text: str) -> bool:
    return bool(re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", text))


def split_money_blob(blob: str, columns: list[str]) -> list[str] | None:
    """The values of a money row printed as one run of digits, or None when not exactly one reading fits.
    When no reading fits all the checks, a reading whose amounts and rate agree (执行数 / 预算数 = 执行率)
    is taken if it is the only one: a form may print 5420.8 beside 5366.59, or score its rate by bands."""
    splits = _money_splits(to_halfwidth(blob).strip(), tuple(columns))
    found = [r for r in splits if money_consistent(r, columns)]
    if not found and {"budget_full_year", "executed", "execution_rate_pct"} <= set(columns):
        found = [r for r in splits if money_consistent(r, columns, strict=False)]
    return found[0] if len(found) == 1 else None


def _rate_tolerance(printed: str) -> float:
    decimals = len(printed.rstrip("%").partition(".")[2])
    return 0.51 if decimals == 0 else 0.5 * 10 ** -decimals + 0.01


_AMOUNT_COLUMNS = ("budget_initial", "budget_full_year", "executed")
_THOUSANDS_OK = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")   # 1,250.00 in an amount cell


def _money_splits(rest: str, cols: tuple[str, ...]) -> list[list[str]]:
    if not cols:
        return [[]] if not rest else []
    col, out = cols[0], []
    for end in range(1, len(rest) + 1):
        piece = rest[:end]
        if col == "execution_rate_pct":
            if not piece.endswith("%") or not _number_ok(piece[:-1]):
                continue
        elif not (_number_ok(piece) or (col in _AMOUNT_COLUMNS and _THOUSANDS_OK.fullmatch(piece))):
            continue
        for tail in _money_splits(rest[end:], cols[1:]):
            out.append([piece] + tail)
    return out


def money_consistent(values: list[str], columns: list[str], strict: bool = True) -> bool:
    """The printed values of a money row hold together (分值 1–30, 得分 ≤ 分值, 执行率 = 执行数 / 预算数 …).
    Not strict: amounts may differ in decimals and the score need not follow the rate."""
    printed = dict(zip(columns, values))
    got = {c: float(v.rstrip("%").replace(",", "")) for c, v in printed.items()}
    weight, score = got.get("execution_weight"), got.get("execution_score")
    if weight is not None and not 1 <= weight <= 30:     # the execution row is worth 10 (some forms 20)
        return False
    if weight is not None and score is not None and score > weight:
        return False
    full, executed, rate = got.get("budget_full_year"), got.get("executed"), got.get("execution_rate_pct")
    if rate is not None and rate > 200:
        return False
    if full == 0 and executed:
        return False     # nothing budgeted yet something spent: the digits were cut in the wrong place
    amounts = [printed[c] for c in ("budget_initial", "budget_full_year", "executed") if c in printed]
    if strict and len({len(v.partition(".")[2]) for v in amounts}) > 1:
        return False     # a form prints its amounts with the same number of decimals
    if full and executed is not None and rate is not None and \
            abs(executed / full * 100 - rate) > _rate_tolerance(printed["execution_rate_pct"]):
        return False
    if strict and rate is not None and weight is not None and score is not None and \
            abs(min(weight, rate * weight / 100) - score) > 0.6:
        return False
    return True


def split_row_blob(blob: str, columns: list[str], units: frozenset[str] | None = None) -> list[dict[str, str]] | None:
    """Indicator rows flattened into one run (安装坡面水标尺10≥266米≥266米10水标尺宽度10…).

    `columns` are the data columns in order (name, weight, target, actual, score …).
    Returns one dict per row, or None unless exactly one reading consumes the run.
    """
    units = (units or table_labels()["unit"]) | _repeated_units(to_halfwidth(blob))
    cols = tuple(c for c in columns if c not in ("reason", "ignore", "adjusted"))
    if "name" not in cols:
        return None
    original = blob.strip()
    text = to_halfwidth(original).rstrip("…. ")    # same length as `original` up to the strip
    found = _unique_reading(text, cols, units)
    if found is None and _reason_closes_row(columns):
        found = _reading_before_reason(text, cols, units)
        if found is not None:    # the reason is kept as written (full-width punctuation)
            found[-1]["reason"] = original[len(text) - len(found[-1]["reason"]):]
    return found


_REPEATED_UNIT_RE = re.compile(rf"[{_OPS}]\d+(?:\.\d+)?([\u4e00-\u9fff]{{1,2}})\d+(?:\.\d+)?\1")


def _repeated_units(text: str) -> frozenset[str]:
    """Units our list lacks, seen in the run itself: the same word after a target's number and
    right after the actual's (≥15架15架: 架 is the row's unit)."""
    return frozenset(m.group(1) for m in _REPEATED_UNIT_RE.finditer(text))


def _unique_reading(text: str, cols: tuple[str, ...], units: frozenset[str]) -> list[dict[str, str]] | None:
    readings = _row_splits(text, cols, units)
    return readings[0] if len(readings) == 1 else None


def _reason_closes_row(columns: list[str]) -> bool:
    """偏差原因 is the row's last column, right after 得分."""
    data = [c for c in columns if c not in ("ignore", "adjusted")]
    return "reason" in data and data.index("reason") == len(data) - 1 and "score" in data \
        and data.index("score") == len(data) - 2


def _reading_before_reason(text: str, cols: tuple[str, ...], units: frozenset[str]) -> list[dict[str, str]] | None:
    """The last row's 偏差原因 trails the run (…完成9.2受客观因素影响，部分任务未完成): the reason starts
    where the last score's digits meet words; the latest such place that leaves a unique reading wins."""
    starts = [m.end() for m in re.finditer(r"\d(?=[^\d.%" + _OPS + r"])", text)]
    starts = [s for s in starts if not any(text[s:].startswith(u) for u in units)]
    for k, start in enumerate(reversed(starts)):
        if k > 0 and re.search(r"\d", text[start:]):
            return None      # an earlier cut would put a whole row (its numbers) into the reason
        found = _unique_reading(text[:start], cols, units)
        if found is not None:
            found[-1]["reason"] = text[start:]
            return found
    return None


def _row_splits(text: str, cols: tuple[str, ...], units: frozenset[str]) -> list[list[dict[str, str]]]:
    """Every reading of the run as whole rows (at most two: one is an answer, two are a doubt).

    Rows that cut a value out of a run of digits (735|10 could be 73|510) or break a rule of
    the form are dropped as they are built, so the search stays small."""
    @lru_cache(maxsize=None)
    def readings_from(pos: int) -> tuple[tuple[tuple[tuple[str, str], ...], ...], ...]:
        if pos == len(text):
            return ((),)
        found: dict[str, tuple] = {}
        for row, end in _one_row(text, pos, cols, units):
            for tail in readings_from(end):
                reading = (tuple(row.items()),) + tail
                found.setdefault(repr(reading), reading)
                if len(found) > 1:
                    return tuple(found.values())
        return tuple(found.values())

    if not text:
        return []
    return [[dict(row) for row in reading] for reading in readings_from(0)]


def _one_row(text: str, start: int, cols: tuple[str, ...], units: frozenset[str]) -> list[tuple[dict[str, str], int]]:
    results: list[tuple[dict[str, str], int]] = [({}, start)]
    for col in cols:
        grown = []
        for row, pos in results:
            for piece in _longest_values(_pieces(text[pos:], col, units)):
                if col in ("target", "actual") and _unit_left_behind(text, pos, piece, units):
                    continue
                end = pos + len(piece)
                if col in ("target", "actual") and piece[-1:].isdigit() and end < len(text) \
                        and text[end] in "0123456789.":
                    continue
                grown.append(({**row, col: piece}, end))
        results = grown
        if not results:
            return []
    return [(row, end) for row, end in results if _row_consistent(row)]


def _longest_values(pieces: list[str]) -> list[str]:
    """Drop a number whose unit or closing word was left for the next cell (≥8|个达到, 12月31日|前):
    what is written right after a number belongs to it."""
    unique = list(dict.fromkeys(pieces))
    return [p for p in unique if not (p[:1].isdigit() or p[:1] in _OPS) or not any(
        q.startswith(p) and len(q) > len(p) and not (q[len(p)].isdigit() or q[len(p)] == ".") for q in unique)]


def _unit_left_behind(rest: str, pos: int, piece: str, units: frozenset[str]) -> bool:
    """A cell that starts with a unit right after a number (≥8|个达到): the unit belongs to the number."""
    if pos == 0 or not rest[pos - 1].isdigit() or piece[:1].isdigit():
        return False
    return any(piece.startswith(unit) for unit in units if unit != "%")


def _pieces(text: str, col: str, units: frozenset[str]) -> list[str]:
    if col == "name":
        # a name may start with a number and its counting word (65岁及以上老年人…, 3个乡镇…);
        # never with 0, never a bare number before other words (13保障… is a score and a name)
        match = re.match(rf"[^\d{_OPS}%]{{2,}}", text) or _number_led_name(text, units)
        return [match.group()] if match else []
    if col in ("weight", "score"):
        return [m for m in (text[:k] for k in range(1, 6)) if _number_ok(m) and float(m) <= 100]
    return _value_pieces(text, units)


def _number_led_name(text: str, units: frozenset[str]) -> re.Match[str] | None:
    match = re.match(rf"[1-9]\d*([^\d{_OPS}%]{{2,}})", text)
    if not match:
        return None
    words = match.group(1)
    counting = units | table_labels()["counting_word"]
    return match if any(words.startswith(w) for w in counting if w != "%") else None


def _value_pieces(text: str, units: frozenset[str]) -> list[str]:
    out = []
    match = re.match(rf"[{_OPS}]*\d+(?:\.\d+)?", text)
    if match:
        head = match.group()
        digits = head.lstrip(_OPS)
        if _number_ok(digits):
            out.append(head)
        for unit in sorted(units, key=len, reverse=True):
            for scaled in (unit, "万" + unit, "亿" + unit):     # 470万平方米
                if text[len(head):].startswith(scaled) and _number_ok(digits):
                    out.append(head + scaled)
        out += [value + suffix for value in list(out) for suffix in table_labels()["value_suffix"]
                if text[len(value):].startswith(suffix)]   # 8小时内, 95%以上
        date = re.match(r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底|初|末|上旬|中旬|下旬)?", text)
        if date:
            out += [date.group()] + [date.group() + suffix for suffix in table_labels()["value_suffix"]
                                     if text[date.end():].startswith(suffix)]   # 12月31日前
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
    """The fixed actual phrase (达成预期指标, 部分完成, 效果明显 …) that ends a run of words, leaving a target.

    The longest outcome phrase wins (部分完成, not 完成); when the word before it could still
    belong to the actual (大部分完成, 未按期完成) the cut is not certain and nothing is returned."""
    phrases = _outcome_phrases()
    found = [p for p in phrases if len(p) >= 2 and run.endswith(p) and len(run) - len(p) >= 2]
    if not found:
        return None
    phrase = max(found, key=len)
    if run[: len(run) - len(phrase)][-1] in table_labels()["outcome_modifier"]:
        return None
    return phrase


@lru_cache(maxsize=None)
def _outcome_phrases() -> frozenset[str]:
    """Every fixed phrase an actual is written in (达成预期指标, 部分完成, 效果明显 …)."""
    return frozenset(set(qualitative_labels()) | table_labels()["canned_actual"])


def _row_consistent(row: dict[str, str]) -> bool:
    weight, score = row.get("weight"), row.get("score")
    if weight is not None and score is not None and float(score) > float(weight):
        return False
    if weight is not None and float(weight) == 0:
        return False
    target, actual = row.get("target"), row.get("actual")
    if target and actual and re.search(r"\d", target) and len(actual) <= 2 and not re.search(r"\d", actual) \
            and actual not in _outcome_phrases():
        return False   # ≥15 | 架: a unit cut off its number is no actual
    if target and actual and re.fullmatch(r"\d+(?:\.\d+)?", target) and not re.search(r"\d", actual) \
            and actual not in _outcome_phrases():
        return False   # 33 | 立项程序规范性: a bare number is no target beside words that state no outcome (the
                       # row's points, 3 | 3, before the next row's name)
    if target and actual and re.search(r"\d", target) and re.search(r"\d", actual):
        if "月" in target and "月" in actual:
            return True     # two dates (2020年11月底前 | 2020年11月20日)
        # a copied or measured value is written in the target's unit
        return _unit(target) == _unit(actual)
    return True


def _unit(text: str) -> str:
    unit = re.sub(rf"^[{_OPS}]*\d+(?:\.\d+)?", "", text)
    for suffix in sorted(table_labels()["value_suffix"], key=len, reverse=True):
        if unit.endswith(suffix):
            return unit[: -len(suffix)]
    return unit
