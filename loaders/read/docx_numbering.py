"""Word automatic numbering → the text Word shows ("一、", "（二）", "1.", "①").

Headings of these reports (一、基本情况 … 五、存在问题) are often numbered by Word
itself, and the number is then not in the document text. This renders it from
word/numbering.xml: the paragraph's (or its style's) numId + ilvl pick a level's
lvlText ("%1、") and numFmt (chineseCounting → 一); counters run per abstract list
(per numId for a list restarted with startOverride) and deeper levels restart when
a higher level advances. Bullets render as nothing. Numbered paragraphs inside
table cells are not numbered (rare in these forms).
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHINESE_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (lists rarely go past 99)."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    if n >= 100:
        return str(n)
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[ones] if ones else "")


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def format_counter(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital"):
        return chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return HEAVENLY_STEMS[(n - 1) % 10]
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return roman(n) if fmt == "upperRoman" else roman(n).lower()
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """The lists of one document and the counters while walking its paragraphs."""
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)       # abstractNumId → levels
    num_to_abstract: dict[str, str] = field(default_factory=dict)            # numId → abstractNumId
    restarts: dict[str, dict[int, int]] = field(default_factory=dict)        # numId → {ilvl: startOverride}
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, p) -> str:
        """The number Word shows before paragraph `p` (a <w:p>), or ''."""
        found = self.paragraph_numbering(p)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract = self.num_to_abstract.get(num_id)
        levels = self.levels.get(abstract)
        if not levels or ilvl not in levels or levels[ilvl].fmt in ("bullet", "none"):
            return ""
        # A list that restarts ("重新开始编号") is its own numId with a startOverride.
        restart = self.restarts.get(num_id, {})
        counts = self.counters.setdefault(num_id if restart else abstract, {})
        start = restart.get(ilvl, levels[ilvl].start)
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = levels[ilvl].text
        for k in range(ilvl + 1):
            level = levels.get(k, Level())
            text = text.replace(f"%{k + 1}", format_counter(counts.get(k, level.start), level.fmt))
        return text

    def paragraph_numbering(self, p) -> tuple[str, int] | None:
        ppr = p.find(f"{W}pPr")
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{W}numId"))
            if num_id in (None, "0"):
                return None                       # numbering explicitly removed
            return num_id, int(_val(num_pr.find(f"{W}ilvl")) or 0)
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        return self.style_numbering.get(_val(style)) if style is not None else None


def _val(element) -> str | None:
    return element.get(f"{W}val") if element is not None else None


def parse_numbering(numbering_root, numbered_styles) -> Numbering:
    """numbered_styles: the <w:style> elements that carry a <w:numPr> (see numbered_style_blocks)."""
    numbering = Numbering()
    if numbering_root is not None:
        for abstract in numbering_root.iter(f"{W}abstractNum"):
            numbering.levels[abstract.get(f"{W}abstractNumId")] = {
                int(lvl.get(f"{W}ilvl")): Level(start=int(_val(lvl.find(f"{W}start")) or 1),
                                               fmt=_val(lvl.find(f"{W}numFmt")) or "decimal",
                                               text=_val(lvl.find(f"{W}lvlText")) or "")
                for lvl in abstract.iter(f"{W}lvl")}
        for num in numbering_root.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            numbering.num_to_abstract[num_id] = _val(num.find(f"{W}abstractNumId"))
            for override in num.iter(f"{W}lvlOverride"):
                start = _val(override.find(f"{W}startOverride"))
                if start is not None:
                    numbering.restarts.setdefault(num_id, {})[int(override.get(f"{W}ilvl"))] = int(start)
    for style in numbered_styles:
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None and _val(num_pr.find(f"{W}numId")) not in (None, "0"):
            numbering.style_numbering[style.get(f"{W}styleId")] = (
                _val(num_pr.find(f"{W}numId")), int(_val(num_pr.find(f"{W}ilvl")) or 0))
    return numbering


def numbered_style_blocks(styles_xml: bytes) -> list[bytes]:
    """The <w:style> elements of styles.xml that contain numbering, as standalone XML.

    styles.xml is often hundreds of KB (latent styles) and parsing it all costs more
    than reading the document; only the few numbered styles matter here."""
    blocks, cursor = [], 0
    while (hit := styles_xml.find(b"<w:numPr", cursor)) != -1:
        start = styles_xml.rfind(b"<w:style ", 0, hit)
        end = styles_xml.find(b"</w:style>", hit)
        if start == -1 or end == -1:
            break
        block = styles_xml[start:end + len(b"</w:style>")]
        blocks.append(block.replace(b"<w:style ", b'<w:style xmlns:w="' + W[1:-1].encode() + b'" ', 1))
        cursor = end
    return blocks
