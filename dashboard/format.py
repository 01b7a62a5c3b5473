"""Numbers and text as Chinese finance users read them.

Money is stored in 万元 everywhere; it is shown in 万元 with two decimals, and in
亿元 once it reaches 1 亿 (10 000 万元) so that a district total does not become a
nine-digit number. Percentages are percent numbers (97.64) shown with one decimal.
A missing value is shown as an em dash, never as 0.
"""
from __future__ import annotations

import math
import re

MISSING = "—"
WAN_PER_YI = 10_000.0

# Characters that Markdown would interpret; report text shown in headings is escaped
# so that a name like `*xx*` or `[a](b)` is shown literally.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def fmt_wan(value) -> str:
    """万元 amount → '794.51 万元', or '1.23 亿元' from 1 亿 up."""
    if _is_missing(value):
        return MISSING
    value = float(value)
    if abs(value) >= WAN_PER_YI:
        return f"{value / WAN_PER_YI:,.2f} 亿元"
    return f"{value:,.2f} 万元"


def fmt_pct(value) -> str:
    """Percent number → '97.6%'."""
    if _is_missing(value):
        return MISSING
    return f"{float(value):.1f}%"


def fmt_pct_change(value) -> str:
    """Change in percentage points → '+2.3 个百分点'."""
    if _is_missing(value):
        return MISSING
    return f"{float(value):+.1f} 个百分点"


def fmt_score(value) -> str:
    """A score out of 100 (or a weight) → '95.5'; whole numbers without decimals."""
    if _is_missing(value):
        return MISSING
    value = float(value)
    return f"{value:.0f}" if value.is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def fmt_count(value) -> str:
    """A count → '1,234'."""
    if _is_missing(value):
        return MISSING
    return f"{int(value):,}"


def escape_markdown(text) -> str:
    """Report text (agency or project names) made safe to put inside a Markdown heading."""
    if text is None:
        return MISSING
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
