"""Decide what a file really is from its first bytes, not from its name.

Bureaus rename files freely (HTML saved as .doc, a PDF called .txt), so the
extension is only a hint: it is compared with the content to write a note.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from loaders.errors import (
    EmptyFileError,
    NeedsOcrError,
    TruncatedFileError,
    UnsupportedFormatError,
)

# kind → the extensions a file of that kind normally has
EXTENSIONS = {
    "txt": {".txt", ".text", ".csv", ".md", ""},
    "docx": {".docx", ".docm", ".dotx", ".wps"},
    "xlsx": {".xlsx", ".xlsm", ".et"},
    "xls": {".xls", ".et"},
    "pdf": {".pdf"},
    "html": {".htm", ".html", ".xhtml", ".mht", ".mhtml"},
    "mht": {".mht", ".mhtml"},
    "doc": {".doc", ".wps", ".dot"},
    "rtf": {".rtf"},
    "odt": {".odt"},
}
# What an upload may be called (without the dot): every extension above. The dashboard's
# uploader offers exactly these, so readers and uploader cannot drift apart.
UPLOAD_EXTENSIONS = tuple(sorted({ext.lstrip(".") for exts in EXTENSIONS.values() for ext in exts if ext}))
KIND_NAMES = {
    "txt": "纯文本", "docx": "Word(.docx)", "xlsx": "Excel(.xlsx)", "xls": "Excel 97-2003(.xls)",
    "pdf": "PDF", "html": "网页(HTML)", "mht": "单个网页(MHT)", "doc": "Word 97-2003(.doc)",
    "rtf": "RTF", "odt": "OpenDocument 文本(.odt)",
}

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
ARCHIVE_MAGICS = (b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")
# A .docx/.xlsx of a report unpacks to a few MB. Far more is a "zip bomb" that would
# exhaust memory when the XML is read; refuse it before anything is decompressed.
MAX_UNZIPPED_BYTES = 500 * 1024 * 1024
HTML_MARKERS = (b"<html", b"<!doctype html", b"<body", b"<table", b"<meta ", b"<head")


def _ole_stream(data: bytes, name: str) -> bool:
    """OLE2 directory entries store stream names in UTF-16LE; a byte search finds them."""
    return name.encode("utf-16-le") in data


def sniff_ole2(data: bytes) -> str:
    if _ole_stream(data, "EncryptedPackage"):
        raise UnsupportedFormatError(
            "文件已加密（设置了打开密码），无法读取；请去掉密码后另存再上传 (encrypted Office file)"
        )
    if _ole_stream(data, "WordDocument"):
        return "doc"
    if _ole_stream(data, "Workbook") or _ole_stream(data, "Book"):
        return "xls"
    raise UnsupportedFormatError(
        "旧版 Office 复合文档，但不是 Word 或 Excel，无法读取 (OLE2 file that is neither .doc nor .xls)"
    )


def sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError) as err:
        raise TruncatedFileError(
            "文件不完整或已损坏（压缩包无法打开，可能下载/复制被截断），请重新获取原文件 "
            f"(truncated or damaged zip container: {err})"
        ) from err
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise UnsupportedFormatError(
            f"文件解压后超过 {MAX_UNZIPPED_BYTES >> 20} MB，内容异常（可能是恶意构造的压缩包），已拒绝 (zip bomb)"
        )
    names = {info.filename for info in infos}
    if "word/document.xml" in names or any(n.startswith("word/document") and n.endswith(".xml") for n in names):
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        raise UnsupportedFormatError(
            "这是 OFD 版式文件（电子公文格式），暂不支持；请用 OFD 阅读器另存为 PDF 后上传 (OFD not supported)"
        )
    if "content.xml" in names and "mimetype" in names:
        return sniff_opendocument(path)
    if "[Content_Types].xml" in names and "word/document.xml" not in names and any(
        n.startswith("word/") for n in names
    ):
        raise TruncatedFileError("Word 文件缺少正文部分（word/document.xml），文件已损坏 (docx without body)")
    raise UnsupportedFormatError(
        "这是一个压缩包（zip），不是 Word 或 Excel 文档；请解压后逐个上传 (zip archive, not a document)"
    )


def sniff_opendocument(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        mimetype = archive.read("mimetype")[:100]
    if mimetype.endswith(b"opendocument.text"):
        return "odt"
    raise UnsupportedFormatError(
        "OpenDocument 表格/演示文件暂不支持；请另存为 .xlsx 或 .docx 后上传 (OpenDocument other than text)"
    )


def looks_like_html(head: bytes) -> bool:
    lowered = head[:4096].lower().replace(b"\x00", b"")
    return any(marker in lowered for marker in HTML_MARKERS)


def looks_like_mht(head: bytes) -> bool:
    lowered = head[:2048].lower()
    return b"mime-version:" in lowered and b"multipart/related" in lowered


def sniff_kind(path: Path) -> str:
    """txt | docx | xlsx | xls | pdf | html | mht | doc | rtf, by content. Raises InputError."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    if not head:
        raise EmptyFileError("文件为空（0 字节） (empty file)")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return sniff_zip(path)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        return sniff_ole2(path.read_bytes())
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(IMAGE_MAGICS):
        raise NeedsOcrError("这是一张图片，不是文字文档；需要 OCR 识别后才能读取 (image file, needs OCR)")
    if head.startswith(ARCHIVE_MAGICS):
        raise UnsupportedFormatError("这是一个压缩包，不是文档；请解压后逐个上传 (archive, not a document)")
    if looks_like_mht(head):
        return "mht"
    if looks_like_html(head):
        return "html"
    return "txt"


def extension_note(path: Path, kind: str) -> str | None:
    """A note when the file name's extension does not match what the content is."""
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS.get(kind, set()):
        return None
    shown = suffix or "（无扩展名）"
    return f"文件扩展名为 {shown}，但内容是{KIND_NAMES[kind]}，已按{KIND_NAMES[kind]}读取"

