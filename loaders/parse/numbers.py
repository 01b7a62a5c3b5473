"""Numbers as reports write them → Python floats, in perfdash's units.

Shared helper for every parser (projects, indicators, document fields). Stable API:

    to_halfwidth(text) -> str                 full-width digits/letters/punctuation → ASCII, 　→ space
    chinese_numeral(text) -> int | None       一 / 十二 / 二十 / 一百零五 / 两千 … → int
    parse_number(text) -> float | None        first number in the text: "1,234.56" "９５" "-3" "二十"
    find_numbers(text) -> list[float]         every ASCII/full-width number in the text, in order
    parse_percent(text) -> float | None       "95%" "９５％" "100.00%" "百分之九十五" "95" → 95.0
    money_unit(text) -> str | None            "元" | "万元" | "亿元" named in the text (header or cell)
    to_wan(value, unit) -> float | None       value in unit → 万元 (元 ÷ 10000, 亿元 × 10000)
    parse_money(text, default_unit="万元")    "1,234.56元" → 0.123456; "20.9万元" → 20.9; unit from the
                                              cell when present, else default_unit
    is_numeric_cell(text) -> bool             the cell is a bare number / percent / money amount

Nothing here guesses: a text without a readable number gives None.
"""
from __future__ import annotations

import re

_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF[0x3000] = 0x20  # ideographic space

_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
           "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

_NUMBER_RE = re.compile(r"(?<![\d.])-?\d+(?:,\d{3})*(?:\.\d+)?|(?<![\d.])-?\d*\.\d+")
_CN_NUMBER_RE = re.compile(f"[{_CN_CHARS}]+")
# a percent in words (百分之九十七点五二), for patterns elsewhere to embed
PERCENT_IN_WORDS = "百分之[零〇一二两三四五六七八九十百点]+"
_PERCENT_WORD_RE = re.compile(f"百分之([{_CN_CHARS}点]+)")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (０-９, Ａ-Ｚ, （）％：，．) → their ASCII twins; 　 → space."""
    return text.translate(_FULL_TO_HALF)


def chinese_numeral(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 两千三百 → 2300, 三万五千 → 35000."""
    text = text.strip()
    if not text or any(ch not in _CN_CHARS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            total = (total + section) * _BIG_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def cn_with_point(text: str) -> float | None:
    """九十五点五 → 95.5 (百分之…, a score written out: 九十六点五分)."""
    whole, _, frac = text.partition("点")
    base = chinese_numeral(whole)
    if base is None:
        return None
    if not frac:
        return float(base)
    if any(ch not in _DIGITS for ch in frac):
        return None
    return float(f"{base}." + "".join(str(_DIGITS[ch]) for ch in frac))


def find_numbers(text: str) -> list[float]:
    """Every Arabic number (ASCII or full-width, thousands commas allowed) in order."""
    half = to_halfwidth(text)
    return [float(m.group().replace(",", "")) for m in _NUMBER_RE.finditer(half)]


def parse_number(text: str | None) -> float | None:
    """The first number in the text, Arabic or (when there is none) a Chinese numeral."""
    if text is None:
        return None
    nums = find_numbers(text)
    if nums:
        return nums[0]
    match = _CN_NUMBER_RE.search(text)
    if match:
        value = chinese_numeral(match.group())
        return float(value) if value is not None else None
    return None


def parse_percent(text: str | None) -> float | None:
    """A percent as a percent number: "95%" / "９５％" / "100.00%" / "百分之九十五" / "95" → 95.0."""
    if text is None:
        return None
    words = _PERCENT_WORD_RE.search(text)
    if words:
        return cn_with_point(words.group(1))
    nums = find_numbers(text)
    return nums[0] if nums else None


def money_unit(text: str | None) -> str | None:
    """The money unit the text names: 亿元 / 万元 / 元, else None ("元/人" still counts as 元)."""
    if not text:
        return None
    if "亿元" in text:
        return "亿元"
    if "万元" in text or re.search(r"\d\s*万(?!人|次|户|个|平|亩|册|份|件|株|米|吨)", to_halfwidth(text)):
        return "万元"
    if "元" in text:
        return "元"
    return None


_TABLE_UNIT_RE = re.compile(r"万元|亿元|[(（]元[)）]|单位[:：]\s*元")


def table_money_unit(texts: list[str]) -> str | None:
    """The money unit the first of `texts` states for a table — a header cell's (万元) / (元), or a
    单位：元 line — else None. A bare 元 in other words (元/人) says nothing about the table."""
    return next((money_unit(t) for t in texts if _TABLE_UNIT_RE.search(t)), None)


def to_wan(value: float | None, unit: str | None) -> float | None:
    """A money amount in `unit` → 万元. Unknown unit → the value as is (万元 assumed by the caller)."""
    if value is None:
        return None
    if unit == "元":
        return round(value / 10_000, 8)     # 1,386,254.60元 → 138.62546; no float dust (…000002)
    if unit == "亿元":
        return round(value * 10_000, 6)
    return value


def parse_money(text: str | None, default_unit: str | None = "万元") -> float | None:
    """A money cell → 万元. The unit in the cell wins over `default_unit` (the table's header unit)."""
    if text is None:
        return None
    value = parse_number(text)
    unit = money_unit(text) or default_unit
    return to_wan(value, unit)


_NUMERIC_CELL_RE = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?\s*(?:%|万元|亿元|元|万|分)?$")


def is_numeric_cell(text: str | None) -> bool:
    """True for a bare number, percent or money amount ("95", "100.00%", "1,234元", "20万元")."""
    if text is None:
        return False
    return bool(_NUMERIC_CELL_RE.match(to_halfwidth(text).strip()))


def rounds(rounded: float, exact: float) -> bool:
    """`rounded` is `exact` said with fewer decimals (96.5 for 96.48, 97 for 96.77)."""
    return rounded != exact and any(round(exact, digits) == rounded for digits in (0, 1))
