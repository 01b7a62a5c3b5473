"""Normalised views of a document's text for the document-level parsers.

Decision: the lines handed to every parser are the decoded lines as written (only
line ends unified), so line numbers in provenance are the reader's line numbers.
Matching happens on a second view, `TextIndex.text`: each line NFKC-normalised
(full-width digits, （）％： become ASCII) and joined with "\n", so a pattern may run
across the line breaks that PDFs and Word copies put inside sentences, and every
match maps back to its 1-based line span.
"""
from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from loaders.records import Span

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def split_lines(text: str) -> list[str]:
    """Decoded text → lines as written (CRLF / CR unified, BOM dropped); lines[0] is line 1."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


MENU_ITEM_CHARS = 6
_MENU_WORDS_RE = re.compile(r"\d|绩效|评价|报告")


def site_menu_length(texts: list[str]) -> int:
    """How many of the written lines `texts` open with a site's menu (首页 ⏎ 要闻动态 ⏎ 政务公开 …,
    登录 | 注册): short items before the title, no part of it. 0 when fewer than two."""
    def menu_item(text: str) -> bool:
        parts = [part.strip() for part in re.split(r"[|｜]", text.strip())]
        return all(0 < len(part) <= MENU_ITEM_CHARS and not _MENU_WORDS_RE.search(part) for part in parts)
    k = 0
    while k < len(texts) and menu_item(texts[k]):
        k += 1
    return k if k >= 2 else 0


# a letter's addressee on a line of its own (县财政局： / 局属各单位、机关各科室：)
SALUTATION_RE = re.compile(r"^\s*[\u4e00-\u9fff、]{2,24}[：:]\s*$")
# words naming a department's own units (局属单位 / 所属各单位 / 各直属单位)
OWN_UNITS = r"(?:局属|所属|下属|直属|委属|厅属)"
_OWN_UNITS_RE = re.compile(OWN_UNITS)


def addressed_to_own_units(lines: list[str]) -> bool:
    """One of `lines` (the document's opening lines) is a salutation to the department's own units (a notice of
    its evaluation of them)."""
    return any(SALUTATION_RE.match(line) and _OWN_UNITS_RE.search(line) for line in lines)


def normalise(text: str) -> str:
    """NFKC: full-width forms → ASCII, compatibility ideographs → standard ones."""
    return unicodedata.normalize("NFKC", text)


_WHITE_SPACE_RE = re.compile(r"\s+")


def compact(text: str) -> str:
    """Without any white space: undoes line-wrap spaces inside words ("优 秀", "2022 年")."""
    return _WHITE_SPACE_RE.sub("", text)


@dataclass
class TextIndex:
    """The normalised document (lines joined by "\n") and the offset of each line start."""
    lines: list[str]
    text: str = ""
    starts: list[int] = field(default_factory=list)
    _numbered: list[tuple[int, str]] = field(default_factory=list, repr=False)
    memo: dict[str, object] = field(default_factory=dict, repr=False)   # views computed once per document

    def __post_init__(self) -> None:
        normalised = [normalise(line) for line in self.lines]
        offset = 0
        for line in normalised:
            self.starts.append(offset)
            offset += len(line) + 1
        self.text = "\n".join(normalised)

    def line_of(self, offset: int) -> int:
        """1-based line number holding the character at `offset`."""
        return bisect.bisect_right(self.starts, offset)

    def span_of(self, start: int, end: int) -> Span:
        """1-based inclusive line span of text[start:end]."""
        return (self.line_of(start), self.line_of(max(start, end - 1)))

    def line(self, number: int) -> str:
        """The normalised text of 1-based line `number`."""
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end]

    def numbered_lines(self) -> list[tuple[int, str]]:
        """(1-based line number, normalised line) for every line."""
        if not self._numbered:
            self._numbered = [(i + 1, line) for i, line in enumerate(self.text.split("\n"))]
        return self._numbered


@lru_cache(maxsize=None)
def read_terms(csv_name: str, column: str = "term") -> tuple[str, ...]:
    """One column of a vocabulary CSV in loaders/data, in file order."""
    with (DATA_DIR / csv_name).open(encoding="utf-8") as fh:
        return tuple(row[column] for row in csv.DictReader(fh) if row[column])


@lru_cache(maxsize=None)
def read_rows(csv_name: str) -> tuple[dict[str, str], ...]:
    """All rows of a vocabulary CSV in loaders/data, in file order."""
    with (DATA_DIR / csv_name).open(encoding="utf-8") as fh:
        return tuple(dict(row) for row in csv.DictReader(line for line in fh if not line.startswith("#")))


def alternation(terms: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal terms, longest first (so 部门预算总金额 beats 预算)."""
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


class Offsets:
    """Maps an offset in a compacted text back to the original: runs of kept characters
    keep their order, so a bisect over the run starts is enough (no per-character list)."""

    def __init__(self, run_starts: list[int], compact_starts: list[int]) -> None:
        self.run_starts, self.compact_starts = run_starts, compact_starts

    def __getitem__(self, offset: int) -> int:
        i = max(0, bisect.bisect_right(self.compact_starts, offset) - 1)
        return self.run_starts[i] + offset - self.compact_starts[i]


ALL_WHITE_SPACE = r"\s+"
SPACES_AND_TABS = r"[^\S\n]+"           # a cell at the end of a line stays apart from the next line
LINE_BREAKS = r"[^\S\n]*\n\s*"        # a cell broken over lines is rejoined; cells on a line stay apart


def compact_with_offsets(text: str, *, keep_newlines: bool = False,
                         removed: str | None = None) -> tuple[str, Offsets]:
    """`compact(text)` plus a map from its offsets to offsets in `text` (to map matches back).

    keep_newlines=True drops only spaces and tabs; `removed` names another pattern to drop."""
    removed = removed or (SPACES_AND_TABS if keep_newlines else ALL_WHITE_SPACE)
    runs = list(re.finditer(removed, text))
    pieces, run_starts, compact_starts, position, length = [], [], [], 0, 0
    for gap in runs + [None]:
        end = gap.start() if gap else len(text)
        if end > position:
            pieces.append(text[position:end])
            run_starts.append(position)
            compact_starts.append(length)
            length += end - position
        position = gap.end() if gap else position
    return "".join(pieces), Offsets(run_starts or [0], compact_starts or [0])


class CompactView:
    """The document without white space, for prose that Word/PDF copies break inside words
    ("项\\n目支出 2919.81 万元"); offsets map back to lines of the TextIndex."""

    def __init__(self, index: TextIndex, removed: str = ALL_WHITE_SPACE) -> None:
        self.index = index
        self.text, self.offsets = compact_with_offsets(index.text, removed=removed)

    def line_of(self, offset: int) -> int:
        return self.index.line_of(self.offsets[min(offset, max(len(self.text) - 1, 0))])

    def span_of(self, start: int, end: int) -> Span:
        return self.index.span_of(self.offsets[start], self.offsets[max(start, end - 1)] + 1)
