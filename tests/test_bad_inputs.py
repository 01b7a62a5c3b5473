"""Every file in tests/data/bad_formats/ is refused (or read) with the reason in words.

Files are named for what is wrong with them (tests/data/make_bad_formats.py writes
them). The huge file is made here, sparse, instead of being committed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders import errors
from loaders.read import MAX_DOCUMENT_BYTES, read_document
from loaders.read import legacy_doc

BAD = Path(__file__).parent / "data" / "bad_formats"

REFUSED = [
    ("zero_bytes.docx", errors.EmptyFileError, "文件为空"),
    ("blank.txt", errors.EmptyFileError, "只有空白"),
    ("binary.txt", errors.BinaryFileError, "二进制"),
    ("empty.docx", errors.EmptyFileError, "Word 文档中没有任何文字"),
    ("truncated.docx", errors.TruncatedFileError, "文件不完整或已损坏"),
    ("images_only.docx", errors.NeedsOcrError, "只有图片"),
    ("not_a_report.docx", errors.NotAReportError, "不是绩效评价报告"),
    ("encrypted.pdf", errors.UnsupportedFormatError, "PDF 已加密"),
    ("scanned.pdf", errors.NeedsOcrError, "扫描件，无文字层，需要 OCR"),
    ("formulas_no_cache.xlsx", errors.InputError, "公式单元格没有计算结果"),
    ("picture_named.pdf", errors.NeedsOcrError, "这是一张图片"),
    ("zip_not_office.docx", errors.UnsupportedFormatError, "压缩包"),
    ("password_protected.docx", errors.UnsupportedFormatError, "已加密"),
    ("ofd_document.ofd", errors.UnsupportedFormatError, "OFD 版式文件"),
]


@pytest.mark.parametrize(("name", "error", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_bad_file_is_refused_with_its_reason(name, error, words):
    with pytest.raises(error) as caught:
        read_document(BAD / name)
    assert words in str(caught.value)


def test_every_bad_file_has_a_test():
    tested = {r[0] for r in REFUSED} | {"html_renamed.doc", "wrong_extension.pdf", "legacy_binary.doc"}
    on_disk = {p.name for p in BAD.iterdir()}
    assert on_disk == tested


def test_uncached_formulas_are_named_by_sheet_and_cell():
    with pytest.raises(errors.InputError) as caught:
        read_document(BAD / "formulas_no_cache.xlsx")
    message = str(caught.value)
    assert "2 个公式单元格" in message
    assert "自评表!D3" in message and "自评表!B4" in message


def test_html_renamed_doc_is_read_as_html_with_a_note():
    document = read_document(BAD / "html_renamed.doc")
    assert document.source_format == "html"
    assert document.notes[0] == "文件扩展名为 .doc，但内容是网页(HTML)，已按网页(HTML)读取"
    assert "\t年度资金总额\t120\t150\t142.5\t10\t95.00%\t9.5" in document.text.splitlines()
    assert document.encoding == "gb18030"      # declared gb2312, decoded with its superset


def test_text_with_pdf_extension_is_read_as_text_with_a_note():
    document = read_document(BAD / "wrong_extension.pdf")
    assert document.source_format == "txt"
    assert "扩展名为 .pdf，但内容是纯文本" in document.notes[0]
    assert document.text.splitlines()[0] == "项目支出绩效自评表"


def test_legacy_doc_without_libreoffice_says_what_to_install(monkeypatch):
    monkeypatch.setattr(legacy_doc, "find_soffice", lambda: None)
    with pytest.raises(errors.UnsupportedFormatError) as caught:
        read_document(BAD / "legacy_binary.doc")
    assert "libreoffice-writer-nogui" in str(caught.value)
    assert "ODT" in str(caught.value)
    assert "另存为 .docx" in str(caught.value)


def test_huge_file_is_refused_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:          # sparse: no disk space, no time
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(errors.InputError) as caught:
        read_document(huge)
    assert "文件太大" in str(caught.value)


def test_truncated_pdf_is_refused_or_read_never_silently_empty(tmp_path):
    from tests.format_builders import STANDARD_REPORT, write_pdf  # noqa: PLC0415

    whole = write_pdf(STANDARD_REPORT, tmp_path / "whole.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    try:
        document = read_document(cut)
    except errors.InputError as err:
        assert any(w in str(err) for w in ("不完整或已损坏", "扫描件")), str(err)
    else:
        assert "项目支出绩效自评表" in document.text


def test_zip_that_unpacks_too_large_is_refused_before_decompressing(tmp_path, monkeypatch):
    import zipfile  # noqa: PLC0415

    from loaders.read import sniff  # noqa: PLC0415
    monkeypatch.setattr(sniff, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (2 * 1024 * 1024))
    assert bomb.stat().st_size < 20 * 1024
    with pytest.raises(errors.UnsupportedFormatError) as caught:
        read_document(bomb)
    assert "解压后超过 1 MB" in str(caught.value)
