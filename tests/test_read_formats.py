"""Native formats: the same report as .txt, .docx, .xlsx, .pdf and HTML reads the same.

Two kinds of round trip, both on documents made at test time:
- tests/format_builders.py writes one small 项目支出绩效自评表 in every format; each
  reader's text must equal the .txt text exactly (rows, cells, merged cells);
- the demo generator's renderers (loaders/demo) write realistic documents; every
  format must parse (loaders.parse.parse_report) to the same records as the .txt,
  and the reader's text must carry each indicator row's cells in order.
"""
from __future__ import annotations

import dataclasses
import email.message
import itertools
import stat
from pathlib import Path

import pytest

from loaders.parse import parse_report
from loaders.read import read_document
from loaders.read import legacy_doc
from tests.format_builders import (
    STANDARD_REPORT, to_txt, write_docx, write_html, write_pdf, write_xlsx,
)

EXPECTED = to_txt(STANDARD_REPORT)


def write_mht(blocks, path: Path) -> Path:
    """A Word "single file web page": MIME multipart/related, HTML quoted-printable in gb2312."""
    html_path = write_html(blocks, path.with_suffix(".html.tmp"), encoding="gb2312")
    message = email.message.EmailMessage()
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.add_related(html_path.read_bytes(), maintype="text", subtype="html",
                        cte="quoted-printable", params={"charset": "gb2312"})
    path.write_bytes(message.as_bytes())
    return path


WRITERS = {
    "docx": lambda p: write_docx(STANDARD_REPORT, p / "r.docx"),
    "xlsx_text_cells": lambda p: write_xlsx(STANDARD_REPORT, p / "r.xlsx"),
    "xlsx_number_cells": lambda p: write_xlsx(STANDARD_REPORT, p / "r.xlsx", numeric=True),
    "pdf": lambda p: write_pdf(STANDARD_REPORT, p / "r.pdf"),
    "htm_utf8": lambda p: write_html(STANDARD_REPORT, p / "r.htm"),
    "html_gb2312_as_doc": lambda p: write_html(STANDARD_REPORT, p / "r.doc", encoding="gb2312"),
    "mht": lambda p: write_mht(STANDARD_REPORT, p / "r.mht"),
}
SOURCE_FORMAT = {"docx": "docx", "xlsx_text_cells": "xlsx", "xlsx_number_cells": "xlsx", "pdf": "pdf",
                 "htm_utf8": "html", "html_gb2312_as_doc": "html", "mht": "html"}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_reader_text_equals_the_txt_version(fmt, tmp_path):
    document = read_document(WRITERS[fmt](tmp_path))
    assert document.source_format == SOURCE_FORMAT[fmt]
    assert document.text.splitlines() == EXPECTED.splitlines()


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_format_parses_like_the_txt_version(fmt, tmp_path):
    path = WRITERS[fmt](tmp_path)
    txt = tmp_path / "r.txt"
    txt.write_text(EXPECTED, encoding="utf-8")
    expected = parse_report(read_document(txt).text, "r").to_json()
    got = parse_report(read_document(path).text, "r").to_json()
    assert got == expected
    project = got["projects"][0]       # and the figures are the ones the form states
    money = ("budget_initial", "budget_full_year", "executed", "execution_rate_pct", "execution_score")
    assert [project[k] for k in money] == [120, 150, 142.5, 95.0, 9.5]
    assert [(i["name"], i["target"], i["actual"], i["score"]) for i in project["indicators"]][::5] == [
        ("服务老年人数", "≥500人", "526人", 20), ("老年人满意度", "≥90%", "93%", 20)]
    assert got["total_score"] == 95.5


def test_merged_cells_appear_once_and_vertical_merges_are_empty(tmp_path):
    lines = read_document(write_docx(STANDARD_REPORT, tmp_path / "r.docx")).text.splitlines()
    assert lines[2] == "项目名称\t社区居家养老服务补助"               # spans 7 columns, once
    assert lines[3].split("\t") == ["", "年度资金总额", "120", "150", "142.5", "10", "95.00%", "9.5"][1:] \
        or lines[5].split("\t")[:2] == ["", "年度资金总额"]
    assert lines[14].split("\t")[:4] == ["", "", "成本指标", "人均补助标准"]   # 绩效指标 and 产出指标 merged


def test_pdf_table_across_pages_is_stitched_without_repeated_header_or_page_numbers(tmp_path):
    header = STANDARD_REPORT[2][1][8]
    rows = [header] + [["", "产出指标", "数量指标", f"指标{i}", "≥1项", f"{i}项", "1", "1"] for i in range(70)]
    blocks = [("p", "项目支出绩效自评表（项目资金预算 150 万元）"), ("table", rows), ("p", "填报单位：滨河区民政局")]
    path = write_pdf(blocks, tmp_path / "long.pdf", repeat_rows=1, page_numbers=True)
    import pypdfium2  # noqa: PLC0415
    assert len(pypdfium2.PdfDocument(path)) >= 3
    lines = read_document(path).text.splitlines()
    assert lines == to_txt(blocks).splitlines()
    assert lines.count("\t".join(header)) == 1


def test_pdf_cells_wrapped_inside_a_cell_are_joined_without_spaces(tmp_path):
    lines = read_document(write_pdf(STANDARD_REPORT, tmp_path / "r.pdf")).text.splitlines()
    assert "\t为辖区500名以上老年人提供居家养老服务\t为526名老年人提供居家养老服务" in lines


def test_xlsx_reads_every_visible_sheet_and_notes_hidden_ones(tmp_path):
    import openpyxl  # noqa: PLC0415
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["项目支出绩效自评表", "项目资金", "全年预算数"])
    second = book.create_sheet("指标")
    second.append(["产出指标", "数量指标", "服务老年人数", "≥500人", "526人", 20, 19.5])
    second["A3"] = 0.9764
    second["A3"].number_format = "0.00%"
    hidden = book.create_sheet("下拉选项")
    hidden.append(["隐藏的选项"])
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "multi.xlsx")
    document = read_document(tmp_path / "multi.xlsx")
    assert document.text.splitlines() == ["项目支出绩效自评表\t项目资金\t全年预算数", "",
                                          "产出指标\t数量指标\t服务老年人数\t≥500人\t526人\t20\t19.5", "97.64%"]
    assert document.notes == ["已跳过隐藏的工作表“下拉选项”"]


def test_html_scripts_are_dropped_and_markup_in_text_stays_plain_text(tmp_path):
    page = ("<html><head><title>t</title><style>p{color:red}</style></head><body>"
            "<script>alert('x')</script><p>项目支出绩效自评表</p>"
            "<table><tr><td colspan=2>项目名称</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>"
            "<tr><td rowspan=2>绩效指标</td><td>产出指标</td><td>≥5</td></tr>"
            "<tr><td>效益指标</td><td>好<br>很好</td></tr></table><p>预算 资金 支出 得分</p></body></html>")
    (tmp_path / "p.htm").write_text(page, encoding="utf-8")
    lines = read_document(tmp_path / "p.htm").text.splitlines()
    assert lines == ["项目支出绩效自评表", "项目名称\t<script>alert(1)</script>", "绩效指标\t产出指标\t≥5",
                     "\t效益指标\t好很好", "预算 资金 支出 得分"]


def test_docx_content_named_pdf_is_read_as_docx_with_a_note(tmp_path):
    path = write_docx(STANDARD_REPORT, tmp_path / "r.docx").rename(tmp_path / "report.pdf")
    document = read_document(path)
    assert document.source_format == "docx"
    assert document.notes == ["文件扩展名为 .pdf，但内容是Word(.docx)，已按Word(.docx)读取"]
    assert document.text == EXPECTED


def _stub(name: str) -> bytes:
    from tests.data.make_bad_formats import _zip_with, ole2_stub  # noqa: PLC0415
    if name.endswith(".doc"):
        return ole2_stub("WordDocument")
    if name.endswith(".rtf"):
        return b"{\\rtf1\\ansi report}"
    return _zip_with({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


@pytest.mark.parametrize("name", ["old.doc", "old.rtf", "old.odt"])
def test_legacy_formats_are_converted_by_libreoffice_when_installed(name, tmp_path, monkeypatch):
    """A stand-in `soffice` (a script that copies a .docx into --outdir) checks our
    conversion plumbing; CI has no LibreOffice (259 MB) to run the real one.
    (Checked by hand with the real LibreOffice 7.4: .doc, .rtf and .odt all read back
    to exactly EXPECTED.)"""
    converted = write_docx(STANDARD_REPORT, tmp_path / "converted.docx")
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n# args: -env:... --headless --norestore --convert-to docx --outdir DIR FILE\n"
                    f'out="$7"; name=$(basename "$8"); cp "{converted}" "$out/${{name%.*}}.docx"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(legacy_doc, "find_soffice", lambda: str(fake))
    (tmp_path / name).write_bytes(_stub(name))
    document = read_document(tmp_path / name)
    assert document.text == EXPECTED
    assert "LibreOffice 转换为 .docx" in document.notes[-1]


def test_opendocument_spreadsheet_is_refused_with_what_to_do(tmp_path):
    from loaders.errors import UnsupportedFormatError  # noqa: PLC0415
    from tests.data.make_bad_formats import _zip_with  # noqa: PLC0415
    (tmp_path / "t.ods").write_bytes(_zip_with({"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                                "content.xml": "<x/>"}))
    with pytest.raises(UnsupportedFormatError, match="另存为 .xlsx"):
        read_document(tmp_path / "t.ods")


# --- demo renderers (loaders/demo): realistic documents in every format ---------------

def demo_documents(count: int = 4):
    from loaders.demo.generate import generate  # noqa: PLC0415
    docs = itertools.islice(generate(6, [2023], seed=3, formats=("xlsx",)), 60)
    return [d for d in docs if d.layout == "table" and d.report.report_kind == "project"][:count]


def render_as(doc, fmt: str, folder: Path) -> Path:
    from loaders.demo import render  # noqa: PLC0415
    variant = dataclasses.replace(doc, fmt=fmt, layout="tab" if fmt == "txt" else "table")
    path = folder / f"{doc.stem or 'demo'}.{fmt}"
    path.write_bytes(render(variant))
    return path


def comparable(report) -> dict:
    out = report.to_json()
    out.pop("file")
    return out


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_demo_report_reads_with_every_indicator_row_intact(fmt, tmp_path):
    for doc in demo_documents():
        rows = [line.split("\t") for line in read_document(render_as(doc, fmt, tmp_path)).text.splitlines()]
        for indicator in doc.report.projects[0].indicators:
            wanted = [indicator.name, indicator.target, indicator.actual]
            assert any(_in_order(row, wanted) for row in rows), (fmt, wanted)


def _in_order(row: list[str], cells: list[str]) -> bool:
    """The cells are whole cells of the row, in this order (some forms put 分值 between them)."""
    rest = iter(row)
    return all(any(cell == wanted for cell in rest) for wanted in cells)


DOCUMENT_FIELDS = ("agency", "region", "year", "report_kind", "evaluation_type", "total_score", "grade")


def test_demo_report_gives_the_same_document_fields_in_every_format(tmp_path):
    for doc in demo_documents():
        truth = doc.report.to_json()
        for fmt in ("txt", "docx", "xlsx", "pdf"):
            got = parse_report(read_document(render_as(doc, fmt, tmp_path)).text, "d").to_json()
            assert {k: got[k] for k in ("agency", "year", "total_score")} == \
                {k: truth[k] for k in ("agency", "year", "total_score")}, fmt
            if fmt == "txt":
                expected = {k: got[k] for k in DOCUMENT_FIELDS}
            assert {k: got[k] for k in DOCUMENT_FIELDS} == expected, fmt


def test_demo_report_gives_the_same_projects_in_every_format(tmp_path):
    """Money fields and indicators parsed from .docx, .xlsx and .pdf equal the .txt ones."""
    for doc in demo_documents():
        parsed = {fmt: comparable(parse_report(read_document(render_as(doc, fmt, tmp_path)).text, "d"))
                  for fmt in ("txt", "docx", "xlsx", "pdf")}
        for fmt in ("docx", "xlsx", "pdf"):
            assert parsed[fmt] == parsed["txt"], fmt
        truth = doc.report.to_json()["projects"]
        assert [core(p) for p in parsed["txt"]["projects"]] == [core(p) for p in truth]


PROJECT_CORE = ("name", "budget_initial", "budget_full_year", "executed", "execution_rate_pct",
                "execution_weight", "execution_score", "total_score", "indicators")


def core(project: dict) -> dict:
    """The money fields and indicators the generator wrote (its truth has no extras)."""
    return {k: project.get(k) for k in PROJECT_CORE}


# --- real reports (../shared/corpus): their text put into Word, Excel and HTML tables --------

def normalised_lines(text: str) -> list[str]:
    """Non-blank lines, cells trimmed and inner spaces collapsed, trailing empty cells dropped."""
    out = []
    for line in text.splitlines():
        cells = [" ".join(c.replace("\u3000", " ").split()) for c in line.split("\t")]
        line = "\t".join(cells).rstrip("\t")
        if line.replace("\t", ""):
            out.append(line)
    return out


def as_blocks(lines: list[str]):
    """Runs of tab lines become one table (a row's last cell spans the rest); others paragraphs."""
    blocks, rows = [], []
    for line in lines:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            blocks.append(("table", rows))
            rows = []
        blocks.append(("p", line))
    if rows:
        blocks.append(("table", rows))
    return blocks


@pytest.mark.corpus
@pytest.mark.parametrize("writer", ["docx", "htm", "xlsx"])
def test_corpus_reports_survive_a_trip_through_word_excel_and_html_tables(writer, corpus_dir, tmp_path):
    from tests.conftest import corpus_documents  # noqa: PLC0415
    documents = corpus_documents()
    assert len(documents) >= 10
    for source in documents:
        lines = normalised_lines(read_document(source).text)
        blocks = as_blocks(lines)
        grid = max([len(r) for kind, rows in blocks if kind == "table" for r in rows] + [1])
        write = {"docx": write_docx, "htm": write_html, "xlsx": write_xlsx}[writer]
        path = write(blocks, tmp_path / f"{source.stem}.{writer}", grid=grid)
        text = read_document(path).text
        assert normalised_lines(text) == lines, source.name
        expected = comparable(parse_report("\n".join(lines), "d"))
        assert comparable(parse_report(text, "d")) == expected, source.name


def test_pdf_of_prose_only_is_read_by_its_text_layer(tmp_path):
    blocks = [("p", "项目支出绩效自评报告"), ("p", "本项目全年预算数150万元，全年执行数142.5万元，执行率95%。"),
              ("p", "绩效指标完成情况良好，自评得分95.5分。")]
    document = read_document(write_pdf(blocks, tmp_path / "prose.pdf"))
    assert document.text.splitlines() == [text for _, text in blocks]


def test_pdf_with_one_scanned_page_reads_the_rest_and_names_the_page(tmp_path):
    import io  # noqa: PLC0415

    from reportlab.lib.utils import ImageReader  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    from tests.data.make_bad_formats import png_bytes  # noqa: PLC0415
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(tmp_path / "mixed.pdf"))
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 720, "项目支出绩效自评表 全年预算数150万元 执行数142.5万元 得分95.5")
    pdf.showPage()
    pdf.drawImage(ImageReader(io.BytesIO(png_bytes())), 50, 400, width=500, height=250)
    pdf.save()
    document = read_document(tmp_path / "mixed.pdf")
    assert document.text.strip() == "项目支出绩效自评表 全年预算数150万元 执行数142.5万元 得分95.5"
    assert document.notes == ["第 2 页没有文字层（可能是扫描页），这些页的内容未读取，需要 OCR"]


@pytest.mark.parametrize("rotation", [90, 270])
def test_pdf_landscape_form_on_a_rotated_page_reads_upright(rotation, tmp_path):
    from tests.format_builders import write_rotated_pdf  # noqa: PLC0415
    rows = STANDARD_REPORT[2][1]
    document = read_document(write_rotated_pdf(rows, tmp_path / "rot.pdf", rotation))
    assert document.text.splitlines() == ["项目支出绩效自评表", *to_txt([("table", rows)]).splitlines()]
    assert document.notes == []


def test_pdf_page_whose_tables_do_not_line_up_falls_back_to_plain_text(tmp_path, monkeypatch):
    from loaders.read import pdf as pdf_reader  # noqa: PLC0415
    path = write_pdf(STANDARD_REPORT, tmp_path / "r.pdf")
    # Simulate a page geometry we cannot map: every text band comes back empty.
    monkeypatch.setattr(pdf_reader, "band_in_pdf_space",
                        lambda page, top, bottom: {"left": 0, "bottom": 0, "right": 0, "top": 0})
    document = read_document(path)
    assert document.notes == ["第 1 页的表格无法与文字对齐，已按纯文字读取"]
    assert "项目支出绩效自评表" in document.text and "填报单位：滨河区民政局" in document.text
    assert "年度资金总额 120 150 142.5 10 95.00% 9.5" in document.text


def test_docx_nested_table_is_flattened_into_its_cell(tmp_path):
    import docx  # noqa: PLC0415
    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表 项目资金 全年预算数 得分")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "社区养老"
    table.cell(1, 0).text = "备注"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "甲", "乙"
    document.save(tmp_path / "nested.docx")
    lines = read_document(tmp_path / "nested.docx").text.splitlines()
    assert lines == ["项目支出绩效自评表 项目资金 全年预算数 得分", "项目名称\t社区养老", "备注\t甲乙"]


def test_html_saved_as_xls_is_read_as_html_with_a_note(tmp_path):
    document = read_document(write_html(STANDARD_REPORT, tmp_path / "自评表.xls", encoding="gb2312"))
    assert document.source_format == "html"
    assert document.notes == ["文件扩展名为 .xls，但内容是网页(HTML)，已按网页(HTML)读取"]
    assert document.text == EXPECTED


def test_csv_export_of_the_form_reads_as_tab_rows(tmp_path):
    import csv  # noqa: PLC0415
    rows = [["项目支出绩效自评表"], ["项目资金（万元）", "全年预算数", "全年执行数", "执行率", "得分"],
            ["年度资金总额", "150", "142.5", "95.00%", "9.5"], ["绩效指标", "服务老年人数", "≥500人", '526人, 超额']]
    with (tmp_path / "form.csv").open("w", encoding="gb18030", newline="") as handle:
        csv.writer(handle).writerows(rows)
    document = read_document(tmp_path / "form.csv")
    assert document.text.splitlines() == ["\t".join(row) for row in rows]
    assert document.notes[-1] == "CSV 文件：逗号分隔的单元格已转为表格行"


NUMBERING_XML = """
<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM_XML = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="{num}">
  <w:abstractNumId w:val="90"/>{override}</w:num>"""
RESTART = ('<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride>')


def test_word_automatic_numbering_is_rendered_like_word_shows_it(tmp_path):
    import docx  # noqa: PLC0415
    from docx.oxml import parse_xml  # noqa: PLC0415
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING_XML))
    numbering.append(parse_xml(NUM_XML.format(num=91, override="")))
    numbering.append(parse_xml(NUM_XML.format(num=92, override=RESTART)))

    def add(text: str, level: int | None, num: int = 91) -> None:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))

    add("项目支出绩效自评报告", None)
    add("基本情况", 0)
    add("项目资金预算执行情况", 1)
    add("全年预算数150万元", 2)
    add("全年执行数142.5万元", 2)
    add("绩效目标", 1)
    add("指标得分", 2, num=92)            # a list restarted in Word: counts from 1 again
    add("存在问题", 0)
    add("改进措施", 0)
    from docx.enum.style import WD_STYLE_TYPE  # noqa: PLC0415
    heading = document.styles.add_style("编号标题", WD_STYLE_TYPE.PARAGRAPH)   # numbering set on a style
    heading.element.get_or_add_pPr().append(parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))
    document.add_paragraph("评价结论", style="编号标题")
    document.save(tmp_path / "numbered.docx")
    lines = read_document(tmp_path / "numbered.docx").text.splitlines()
    assert lines == ["项目支出绩效自评报告", "一、基本情况", "（一）项目资金预算执行情况", "1.全年预算数150万元",
                     "2.全年执行数142.5万元", "（二）绩效目标", "1.指标得分", "二、存在问题", "三、改进措施",
                     "四、评价结论"]


@pytest.mark.parametrize(("n", "fmt", "shown"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (21, "chineseCounting", "二十一"), (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"),
    (4, "upperRoman", "IV"), (3, "lowerLetter", "c"), (7, "decimalFullWidth", "７"), (5, "decimal", "5")])
def test_list_counters_are_formatted_as_word_does(n, fmt, shown):
    from loaders.read.docx_numbering import format_counter  # noqa: PLC0415
    assert format_counter(n, fmt) == shown


def test_word_symbol_characters_are_kept(tmp_path):
    import docx  # noqa: PLC0415
    from docx.oxml import parse_xml  # noqa: PLC0415
    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表 项目资金 全年预算数 得分")
    paragraph = document.add_paragraph("服务合格率\t")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for xml in (f'<w:r {ns}><w:sym w:font="Symbol" w:char="F0B3"/></w:r>', f'<w:r {ns}><w:t>95%</w:t></w:r>',
                f'<w:r {ns}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'):
        paragraph._p.append(parse_xml(xml))
    document.save(tmp_path / "sym.docx")
    lines = read_document(tmp_path / "sym.docx").text.splitlines()
    assert lines[1] == "服务合格率 ≥95%\ufffd"      # an unknown glyph stays visible as unknown


def test_pdf_text_layer_of_undecodable_glyphs_is_refused_as_needing_ocr(tmp_path, monkeypatch):
    from loaders.errors import NeedsOcrError  # noqa: PLC0415
    from loaders.read import pdf as pdf_reader  # noqa: PLC0415
    assert pdf_reader.garbled_share("项目(cid:12)(cid:13)\ufffd\ue001支出") == pytest.approx(4 / 8)
    assert pdf_reader.garbled_share(EXPECTED) == 0
    path = write_pdf(STANDARD_REPORT, tmp_path / "r.pdf")
    real_render = pdf_reader.render
    monkeypatch.setattr(pdf_reader, "render",          # as if the font had no Unicode map
                        lambda blocks: "".join("\ue000" if "\u4e00" <= ch <= "\u9fff" else ch
                                               for ch in real_render(blocks)))
    with pytest.raises(NeedsOcrError, match="文字层是乱码"):
        read_document(path)


def test_xlsx_percent_format_is_found_when_the_sheet_starts_away_from_a1(tmp_path):
    import openpyxl  # noqa: PLC0415
    from loaders.read.xlsx import read_workbook  # noqa: PLC0415
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C5"], sheet["D5"], sheet["E7"] = "执行率", 0.9544, 3
    sheet["D5"].number_format = "0.00%"
    sheet["E6"], sheet["E6"].number_format = 0.5, '0.0"元"'       # not a percent
    book.save(tmp_path / "offset.xlsx")
    assert read_workbook(tmp_path / "offset.xlsx").text.splitlines() == ["执行率\t95.44%", "\t\t0.5", "\t\t3"]


def test_html_page_laid_out_in_a_table_reads_the_inner_form_as_the_table(tmp_path):
    page = ("<html><body><table width=100%><tr><td colspan=2><h2>滨河区民政局</h2></td></tr>"
            "<tr><td>导航</td><td><p>项目支出绩效自评表</p><p>（2024年度）</p>"
            "<table border=1><tr><td>项目资金（万元）</td><td>全年预算数</td><td>全年执行数</td></tr>"
            "<tr><td>年度资金总额</td><td>150</td><td>142.5</td></tr></table>"
            "<p>填报单位：滨河区民政局 得分</p></td></tr></table></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    lines = read_document(tmp_path / "page.html").text.splitlines()
    assert lines == ["滨河区民政局", "导航", "项目支出绩效自评表", "（2024年度）", "项目资金（万元）\t全年预算数\t全年执行数",
                     "年度资金总额\t150\t142.5", "填报单位：滨河区民政局 得分"]


def test_docx_whose_main_part_has_another_name_is_read(tmp_path):
    import zipfile  # noqa: PLC0415
    source = write_docx(STANDARD_REPORT, tmp_path / "r.docx")
    renamed = tmp_path / "renamed.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(renamed, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            name = item.filename
            if name == "word/document.xml":
                name = "word/document2.xml"
            elif name in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", b"word/document2.xml")
            elif name == "word/_rels/document.xml.rels":
                name = "word/_rels/document2.xml.rels"
            new.writestr(name, data)
    assert read_document(renamed).text == EXPECTED


def test_legacy_xls_reads_with_its_percent_cells(tmp_path):
    import xlwt  # noqa: PLC0415
    book = xlwt.Workbook()
    sheet = book.add_sheet("自评表")
    rows = [["项目支出绩效自评表"], ["项目资金（万元）", "全年预算数", "全年执行数", "执行率", "得分"],
            ["年度资金总额", 150, 142.5, 0.9544, 9.5]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value == 0.9544:
                sheet.write(r, c, value, xlwt.easyxf(num_format_str="0.00%"))
            else:
                sheet.write(r, c, value)
    book.save(str(tmp_path / "form.xls"))
    document = read_document(tmp_path / "form.xls")
    assert document.source_format == "xlsx"
    assert document.notes == []
    assert document.text.splitlines() == ["项目支出绩效自评表", "项目资金（万元）\t全年预算数\t全年执行数\t执行率\t得分",
                                          "年度资金总额\t150\t142.5\t95.44%\t9.5"]


def test_unreadable_cell_formats_leave_a_warning_about_percent_cells(tmp_path, monkeypatch):
    from loaders.read import xlsx as xlsx_reader  # noqa: PLC0415

    def broken(_path):
        raise ValueError("odd styles.xml")
    monkeypatch.setattr(xlsx_reader, "scan_workbook", broken)
    document = read_document(write_xlsx(STANDARD_REPORT, tmp_path / "r.xlsx", numeric=True))
    assert document.notes == ["无法读取单元格格式：百分比单元格可能显示为小数（如 0.95 即 95%）"]
    assert "\t年度资金总额\t120\t150\t142.5\t10\t0.95\t9.5" in document.text.splitlines()


def test_demo_narrative_reports_parse_the_same_from_docx_and_pdf(tmp_path):
    """Department reports and prose-only project reports: long paragraphs wrap in the PDF."""
    from loaders.demo import render  # noqa: PLC0415
    from loaders.demo.generate import generate  # noqa: PLC0415
    docs = [d for d in itertools.islice(generate(8, [2023], seed=5, formats=("docx",)), 80)
            if d.layout == "narrative"][:3]
    assert any(d.report.report_kind == "department" for d in docs)
    for n, doc in enumerate(docs):
        parsed = {}
        for fmt in ("txt", "docx", "pdf"):
            path = tmp_path / f"n{n}.{fmt}"
            path.write_bytes(render(dataclasses.replace(doc, fmt=fmt)))
            parsed[fmt] = comparable(parse_report(read_document(path).text, "d"))
        assert parsed["txt"]["agency"] == doc.report.agency
        assert parsed["docx"] == parsed["txt"] and parsed["pdf"] == parsed["txt"]
