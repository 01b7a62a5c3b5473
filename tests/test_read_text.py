"""loaders.read.text: encodings decided and recorded, and every kind of bad input refused in words."""
from __future__ import annotations

import random

import pytest

from loaders.errors import BinaryFileError, EmptyFileError, NotAReportError
from loaders.read.text import read_text_file

# A made-up report opening, in the shape of a real one (not a corpus document).
REPORT = (
    "某县农业农村局2023年度项目支出绩效自评报告\n"
    "一、项目基本情况\n"
    "项目预算资金12.5万元，全年执行12.5万元，预算执行率100%。\n"
    "二、绩效指标完成情况\n"
    "产出指标：培训农户≥300人次，实际完成312人次，得分20分。\n"
    "自评总分95分，等级为优秀。\n"
)
# 㐀 (U+3400) exists in GB18030 but not in GBK: the reason never to use the gbk codec.
GB18030_ONLY = REPORT + "备注：㐀\n"


def write(tmp_path, data: bytes, name: str = "report.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.encode("utf-16"), "utf-16-le"),              # Python writes a little-endian BOM
        (b"\xfe\xff" + REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("utf-16-le"), "utf-16-le"),           # no BOM: found by the NUL positions
        (GB18030_ONLY.encode("gb18030"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16-no-bom", "gb18030"],
)
def test_decodes_and_records_the_encoding(tmp_path, data, encoding):
    document = read_text_file(write(tmp_path, data))
    assert document.encoding == encoding
    assert document.source_format == "txt"
    assert document.text.startswith("某县农业农村局2023年度")
    assert "预算执行率100%" in document.text


def test_gb18030_keeps_characters_gbk_lacks(tmp_path):
    document = read_text_file(write(tmp_path, GB18030_ONLY.encode("gb18030")))
    assert document.text.rstrip().endswith("备注：㐀")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_ends_become_lf_and_line_count_is_kept(tmp_path, newline):
    document = read_text_file(write(tmp_path, REPORT.replace("\n", newline).encode("utf-8")))
    assert "\r" not in document.text
    assert document.text.split("\n") == REPORT.split("\n")


def test_a_few_nul_bytes_are_removed_with_a_note(tmp_path):
    data = REPORT.encode("utf-8")
    document = read_text_file(write(tmp_path, data[:30] + b"\x00" + data[30:]))
    assert "\x00" not in document.text
    assert document.notes == ["删除了 1 个 NUL 字节（removed 1 stray NUL bytes）"]


def test_utf8_cut_inside_the_last_character_keeps_the_rest(tmp_path):
    cut = REPORT.encode("utf-8").rstrip(b"\n")[:-2]  # stop 1 byte into the last "。" (3 bytes)
    document = read_text_file(write(tmp_path, cut))
    assert document.encoding == "utf-8"
    assert document.text.endswith("等级为优秀")
    assert "被截断" in document.notes[0]


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyFileError, "文件为空"),
        (b" \n\r\n\t  \n", EmptyFileError, "空白"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", BinaryFileError, "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, BinaryFileError, "ZIP"),
        (random.Random(7).randbytes(4000), BinaryFileError, "二进制"),
        (b"\x00".join(REPORT.encode("utf-8")[i:i + 3] for i in range(0, 300, 3)), BinaryFileError, "NUL"),
        ("今天天气晴朗，我们去公园散步，看到很多人在放风筝。".encode("utf-8"), NotAReportError, "不是绩效评价报告"),
        ("员工绩效考核：本季度得分 92 分，考核等级为优秀。".encode("utf-8"), NotAReportError, "不是绩效评价报告"),
    ],
    ids=["empty", "blank", "pdf", "zip", "random-bytes", "nul-riddled", "not-a-report", "hr-appraisal"],
)
def test_bad_input_is_refused_with_a_reason(tmp_path, data, error, words):
    with pytest.raises(error) as caught:
        read_text_file(write(tmp_path, data))
    assert words in str(caught.value)


def test_traditional_report_is_a_report(tmp_path):
    text = "某某縣農業農村局2023年度項目支出績效自評報告\n項目預算資金12.5萬元，預算執行率100%，自評總分95分。\n"
    document = read_text_file(write(tmp_path, text.encode("utf-8")))
    assert document.text == text            # the reader keeps the characters as written


def test_big5_is_not_taken_for_gb18030(tmp_path):
    text = "某某縣農業局2023年度項目支出績效自評報告\n項目預算資金12.5萬元，預算執行率100%，自評總分95分。\n"
    document = read_text_file(write(tmp_path, text.encode("big5")))
    assert document.encoding == "big5"
    assert document.text == text


def test_utf8_with_a_damaged_byte_stays_utf8(tmp_path):
    data = REPORT.encode("utf-8")
    damaged = data[:40] + b"\xff" + data[40:]
    document = read_text_file(write(tmp_path, damaged))
    assert document.encoding == "utf-8"
    assert document.text.startswith("某县农业农村局2023年度")
    assert "损坏" in document.notes[0]
