"""Plain-text reports: bytes → decoded text, with the encoding we decided recorded.

The one decision this module embodies: decode in a fixed, explainable order —
BOM (utf-8-sig, UTF-16) → strict UTF-8 → strict GB18030 → charset-normalizer as the
last resort (never the `gbk` codec: it fails on characters only GB18030 has) — and
refuse, with a Chinese reason, what is not a readable evaluation report: empty or
blank files, binary files, NUL-riddled text, and text without the vocabulary of
budget-performance evaluations.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from loaders.errors import BinaryFileError, EmptyFileError, NotAReportError
from loaders.read import Document

VOCABULARY_CSV = Path(__file__).resolve().parent.parent / "data" / "report_vocabulary.csv"

# Magic numbers of formats that are not text: named so the error says what the file is.
_BINARY_SIGNATURES = (
    (b"%PDF", "PDF 文件"),
    (b"PK\x03\x04", "ZIP 压缩格式文件（如 .docx / .xlsx）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文件（.doc / .xls）"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"\x1f\x8b", "gzip 压缩文件"),
    (b"Rar!", "RAR 压缩文件"),
    (b"7z\xbc\xaf", "7z 压缩文件"),
)

# A few stray NULs in otherwise good text (a bad copy, a padded download) are removed
# with a note; more than this share of the bytes means the file is not text.
MAX_NUL_SHARE = 0.01
# Share of control / replacement / private-use characters above which decoded text is garbage.
MAX_GARBAGE_SHARE = 0.05


def read_text_file(path: Path) -> Document:
    """Read one text report. Raises loaders.errors.InputError subclasses with the reason."""
    data = Path(path).read_bytes()
    text, encoding, notes = decode_report_bytes(data)
    ensure_report_text(text)
    return Document(text=text, source_format="txt", encoding=encoding, notes=notes)


def decode_report_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """bytes → (text with LF line ends, encoding decided, notes on what was repaired)."""
    if not data.strip():
        raise EmptyFileError("文件为空或只有空白（empty file）" if data else "文件为空（empty file）")
    notes: list[str] = []
    bom = _decode_with_bom(data)
    if bom is not None:
        text, encoding = bom
    else:
        _reject_binary_signature(data)
        utf16 = _decode_utf16_without_bom(data)
        if utf16 is not None:
            text, encoding = utf16
            notes.append(f"没有字节序标记，按 NUL 字节的位置判断为 {encoding}")
        else:
            data = _remove_stray_nuls(data, notes)
            text, encoding = _decode_without_bom(data, notes)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _reject_garbage(text)
    if not text.strip():
        raise EmptyFileError("文件只有空白，没有文字（blank file）")
    return text, encoding, notes


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec.replace("-sig", "")), codec
            except UnicodeDecodeError as err:
                raise BinaryFileError(f"文件以 {codec} 字节序标记开头，但内容无法按该编码解码（{err.reason}）") from err
    return None


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: every ASCII character (digits, newlines) puts a NUL on one side only."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # CJK code points like U+4E00 put a NUL on the other side too, but far fewer.
        if zeros / half > 0.05 and other * 4 < zeros:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _reject_binary_signature(data: bytes) -> None:
    for magic, what in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise BinaryFileError(f"这是{what}，不是文本文件（binary file）")


def _remove_stray_nuls(data: bytes, notes: list[str]) -> bytes:
    nuls = data.count(b"\x00")
    if not nuls:
        return data
    if nuls / len(data) > MAX_NUL_SHARE:
        raise BinaryFileError(f"文件含 {nuls} 个 NUL 字节（占 {nuls / len(data):.0%}），不是文本文件（binary / NUL bytes）")
    notes.append(f"删除了 {nuls} 个 NUL 字节（removed {nuls} stray NUL bytes）")
    return data.replace(b"\x00", b"")


def _decode_without_bom(data: bytes, notes: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        if _is_cut_utf8_tail(data, err):
            # A page saved at a byte limit stops inside the last character: keep the rest.
            notes.append("文件末尾是不完整的 UTF-8 字符（文件被截断），已舍去该字符")
            return data[: err.start].decode("utf-8"), "utf-8"
        damaged = _mostly_utf8(data)
        if damaged is not None:
            text, bad = damaged
            notes.append(f"UTF-8 文本中有 {bad} 处损坏的字节，已替换为 �")
            return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _decode_by_detection(data, notes)
    big5 = _big5_instead(data, text)
    if big5 is not None:
        notes.append("按 GB18030 解码不成文，按 Big5（繁体）解码")
        return big5, "big5"
    return text, "gb18030"


def _big5_instead(data: bytes, gb_text: str) -> str | None:
    """Big5 bytes (Traditional pages) are mostly valid GB18030 too, and then decode to nonsense:
    prefer Big5 when only it yields the words of an evaluation report."""
    if _report_words(gb_text):
        return None
    try:
        text = data.decode("big5")
    except UnicodeDecodeError:
        return None
    return text if _report_words(text) else None


def _report_words(text: str) -> int:
    from loaders.parse.characters import simplified_if_traditional  # noqa: PLC0415

    simplified = simplified_if_traditional(text)[0]
    return sum(1 for term in _vocabulary().get("core", ()) if term in simplified)


MAX_DAMAGED_SHARE = 0.001   # of characters: a copy error, not another encoding
MIN_UTF8_CHINESE = 20


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few damaged bytes (text, number of replacements), else None.

    GB18030 bytes are almost never valid UTF-8, so many valid Chinese characters and a handful
    of bad bytes mean a damaged UTF-8 file — decoding it as GB18030 would garble all of it."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    chinese = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if chinese >= MIN_UTF8_CHINESE and bad <= max(3, len(text) * MAX_DAMAGED_SHARE):
        return text, bad
    return None


def _is_cut_utf8_tail(data: bytes, err: UnicodeDecodeError) -> bool:
    """The only error is an incomplete multi-byte sequence in the last 3 bytes."""
    return err.reason == "unexpected end of data" and err.start >= len(data) - 3


def _decode_by_detection(data: bytes, notes: list[str]) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # noqa: PLC0415 — rarely needed, slow import

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BinaryFileError("无法识别文件的文字编码，内容像是二进制数据（binary garbage）")
    notes.append(f"编码不是 UTF-8 或 GB18030，按自动识别结果 {best.encoding} 解码")
    return str(best), best.encoding


def _reject_garbage(text: str) -> None:
    sample = text[:20000]
    bad = sum(1 for ch in sample if _is_garbage_char(ch))
    if sample and bad / len(sample) > MAX_GARBAGE_SHARE:
        raise BinaryFileError(f"解码后有 {bad / len(sample):.0%} 的字符是控制符或乱码，不是文本文件（binary garbage）")


def _is_garbage_char(ch: str) -> bool:
    if ch in "\n\t\f\v":
        return False
    if ch == "\ufffd":
        return True
    return unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, frozenset[str]]:
    """Terms of evaluation reports by group (core / evaluation / money), from data/report_vocabulary.csv."""
    groups: dict[str, set[str]] = {}
    with VOCABULARY_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            groups.setdefault(row["group"], set()).add(row["term"])
    return {k: frozenset(v) for k, v in groups.items()}


# A report on spending performance cannot avoid naming itself (绩效 / 自评), talking about
# assessment (指标, 得分, 评价 …) and about money (预算, 资金, 支出 …). Requiring all three
# keeps out HR appraisals (no money words) and budget tables (no assessment words).
MIN_TERMS = {"core": 1, "evaluation": 1, "money": 1}


def ensure_report_text(text: str) -> None:
    """Raise NotAReportError when the text lacks the vocabulary of performance evaluations."""
    from loaders.parse.characters import simplified_if_traditional  # noqa: PLC0415 — pure helper, light

    compact = re.sub(r"\s+", "", simplified_if_traditional(unicodedata.normalize("NFKC", text))[0])
    found = {group: sorted(t for t in terms if t in compact) for group, terms in _vocabulary().items()}
    short = [g for g, need in MIN_TERMS.items() if len(found.get(g, [])) < need]
    if short:
        shown = "、".join(t for terms in found.values() for t in terms) or "无"
        raise NotAReportError(
            f"不是绩效评价报告：缺少绩效评价报告的常用词（只找到：{shown}）（not an evaluation report）"
        )
