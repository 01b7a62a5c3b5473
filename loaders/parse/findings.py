"""存在问题 / 改进措施 text: what the report admits and what it promises.

Decision: findings are the items under a heading that names problems or measures
(data/finding_headings.csv), up to the next heading of the same or a higher level.
Lines broken inside a sentence are joined; an enumeration marker (1、 / （2） / ①)
or a sentence end starts a new item. "无" is no finding.
"""
from __future__ import annotations

import re

from loaders.parse.header import unit_name_prefix
from loaders.parse.text import TextIndex, compact, normalise, read_rows
from loaders.records import Finding

_LEVEL_MARKERS = (
    (1, re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")),
    (2, re.compile(r"^[(（][一二三四五六七八九十]+[)）]")),
    (3, re.compile(r"^\d+\s*[、.．](?!\d)")),
)
_ITEM_START_RE = re.compile(r"^(?:\d+\s*[、.．)）](?!\d)|[(（]\d+[)）]|[①-⑩]|[一二三四五六七八九十]是)")
_SENTENCE_END = "。；;!！?？．"
MAX_HEADING_CHARS = 40
MAX_PLAIN_HEADING_CHARS = 20   # a heading without 一、 / （一） / 1. marker
_NOTHING_RE = re.compile(r"^(无|暂无|没有)[。.]?$")


def heading_level(line: str) -> int | None:
    """1 for 一、, 2 for （一）, 3 for 1. — None when the line has no heading marker."""
    for level, pattern in _LEVEL_MARKERS:
        if pattern.match(line):
            return level
    return None


def _finding_kind(line: str) -> str | None:
    """problem / measure when a short line is a heading that names them, else None."""
    text = compact(line)
    numbered = heading_level(text) is not None
    if len(text) > (MAX_HEADING_CHARS if numbered else MAX_PLAIN_HEADING_CHARS):
        return None
    if not numbered and re.search(r"[。，,；;]", text):
        return None  # a sentence that happens to mention 建议 / 问题
    kinds = [row["kind"] for row in read_rows("finding_headings.csv") if row["term"] in text]
    if not kinds or "exclude" in kinds:
        return None
    return "problem" if "problem" in kinds else "measure"


_DATE_LINE_RE = re.compile(r"^\d{4}年\d{1,2}月(\d{1,2}日)?$")


def _is_signature(line: str) -> bool:
    """The closing unit name or date of the report ends the last section."""
    return bool(_DATE_LINE_RE.match(line)) or unit_name_prefix(line, whole=True) is not None


def _is_table_row(line: str) -> bool:
    """Cells side by side (tabs, pipes): a header cell there ("偏差原因分析及改进措施") is no heading."""
    return "\t" in line.strip() or line.count("|") >= 2


def parse_findings(index: TextIndex) -> list[Finding]:
    """Every problem / measure item under its heading, in document order."""
    findings: list[Finding] = []
    kind, level, item = None, 0, None
    previous = ""
    for number, raw in index.numbered_lines():
        line = compact(raw)
        if not line:
            continue
        in_table = _is_table_row(raw) or _is_table_row(previous)
        previous = raw
        new_kind = None if in_table and heading_level(line) is None else _finding_kind(line)
        this_level = heading_level(line) or 4
        if new_kind is not None:
            item = _close(item, findings)
            kind, level = new_kind, min(this_level, level) if kind else this_level
            continue
        if kind is None:
            continue
        if (heading_level(line) is not None and heading_level(line) <= min(level, 2)) or _is_signature(line):
            item = _close(item, findings)
            kind = None
            continue
        item = _extend(item, findings, kind, index.lines[number - 1].strip(), number)
    _close(item, findings)
    return findings


def _extend(item: Finding | None, findings: list[Finding], kind: str, line: str, number: int) -> Finding:
    starts_new = (item is None or item.kind != kind or _ITEM_START_RE.match(normalise(line))
                  or item.text.endswith(tuple(_SENTENCE_END)))
    if starts_new:
        _close(item, findings)
        return Finding(kind=kind, text=line, span=(number, number))
    joiner = "：" if len(item.text) <= 15 and not item.text.endswith(("：", ":")) else ""
    item.text += joiner + line
    item.span = (item.span[0], number)
    return item


def _close(item: Finding | None, findings: list[Finding]) -> None:
    if item is not None and not _NOTHING_RE.match(item.text):
        findings.append(item)
    return None
