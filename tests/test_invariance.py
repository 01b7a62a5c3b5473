"""The same report written another way reads the same.

Real files differ in ways that carry no meaning: full-width digits, no-break spaces, a page
number between two rows of a table, the title repeated atop each page, double spacing, indented
paragraphs, letter spacing, CRLF. Each variant of
a made-up report below must give exactly the JSON of the plain text (FORMAT.md contract).
"""
from __future__ import annotations

import re

import pytest

from loaders.parse import parse_report

REPORT = "\n".join([
    "某某县农业农村局",
    "2023年度项目支出绩效自评报告",
    "一、项目基本情况",
    "高标准农田建设项目由县农业农村局实施，全年预算数1,250.00万元，全年执行数1,186.40万元，预算执行率94.91%。",
    "二、自评结论",
    "经自评，该项目2023年度绩效自评得分为93.5分，评价等级为“优”。",
    "三、存在问题",
    "部分乡镇项目进度偏慢，资金支付滞后。",
    "附件：项目支出绩效自评表",
    "项目名称\t高标准农田建设项目",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t1,200.00\t1,250.00\t1,186.40\t10\t94.91%\t9.49",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t新建高标准农田面积\t≥1.5万亩\t1.52万亩\t20\t20\t",
    "\t\t配套灌溉渠道长度\t≥30公里\t27.6公里\t10\t9\t部分渠段受汛期影响顺延",
    "\t质量指标\t工程验收合格率\t100%\t100%\t10\t10\t",
    "\t时效指标\t项目完工及时率\t≥95%\t92%\t10\t9\t",
    "效益指标\t经济效益指标\t亩均粮食增产\t≥50公斤\t56公斤\t15\t15\t",
    "\t可持续影响指标\t工程管护机制\t建立\t已建立\t15\t15\t",
    "满意度指标\t服务对象满意度指标\t受益农户满意度\t≥90%\t95.2%\t10\t9.01\t",
    "总分\t100\t93.5",
])

# a finance bureau's notice, its table one cell per line (a PDF's text without layout)
NOTICE = "\n".join([
    "某某市财政局关于2023年度市级重点绩效评价结果的公告",
    "按照预算绩效管理工作安排，市财政局对3个市级重点支出项目开展了绩效评价。评价结果如下：",
    "序号", "项目名称", "主管部门", "项目资金（万元）", "评价得分", "评价等级",
    "1", "城市生活垃圾无害化处理项目", "某某市城市管理局", "2180.00", "88.6", "良好",
    "2", "农村义务教育学生营养改善计划", "某某市教育局", "5426.35", "94.2", "优秀",
    "3", "汉江水质监测能力建设项目", "某某市生态环境局", "846.90", "85.3", "良好",
    "对评价等级为“中”及以下的项目，市财政局将在下年度预算安排中予以压减。",
])
DOCUMENTS = {"report": (REPORT, "\t质量指标"), "notice": (NOTICE, "2")}


def as_read(text: str) -> dict:
    out = parse_report(text, "example.txt").to_json()
    out.pop("warnings", None)
    return out


def full_width_digits(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%"})


def no_break_spaces(text: str) -> str:
    return text.replace(" ", "\u00a0") + "\u00a0"


def page_break_inside_the_table(text: str) -> str:
    lines = text.split("\n")
    row = next(row for document, row in DOCUMENTS.values() if document == text)
    at = next(k for k, line in enumerate(lines) if line.startswith(row)) + 1
    return "\n".join(lines[:at] + ["— 2 —", "\f第 3 页 共 5 页"] + lines[at:])


def running_head_on_each_page(text: str) -> str:
    """A PDF's pages, each opening with the report's title again, cut inside the table."""
    lines = text.split("\n")
    row = next(row for document, row in DOCUMENTS.values() if document == text)
    at = next(k for k, line in enumerate(lines) if line.startswith(row)) + 1
    title = lines[0] if len(lines[0]) >= 6 else lines[1]
    return "\n".join(lines[:4] + ["- 1 -", "\f" + title] + lines[4:at] + ["- 2 -", "\f" + title] + lines[at:])


def double_spaced(text: str) -> str:
    return text.replace("\n", "\n\n")


def indented_paragraphs(text: str) -> str:
    return "\n".join("\u3000\u3000" + line if re.search("[。，]", line) and "\t" not in line else line
                     for line in text.split("\n"))


def letter_spaced(text: str) -> str:
    """A PDF set with letter spacing: a space between every two Chinese characters."""
    return re.sub(r"(?<=[\u4e00-\u9fff，。：；、（）])(?=[\u4e00-\u9fff，。：；、（）])", " ", text)


def tabs_as_pipes(text: str) -> str:
    """The table exported as markdown: | cell | cell |, empty cells kept."""
    return "\n".join("| " + " | ".join(c.strip() for c in line.split("\t")) + " |" if "\t" in line else line
                     for line in text.split("\n"))


def tabs_as_two_spaces(text: str) -> str:
    """The table saved as plain text: cells two spaces apart, empty cells gone."""
    return "\n".join(re.sub(r"\t+", "  ", line.strip("\t")) if "\t" in line else line for line in text.split("\n"))


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize("variant", [tabs_as_pipes, tabs_as_two_spaces], ids=lambda f: f.__name__)
def test_the_report_table_written_another_way_reads_the_same(variant):
    assert as_read(variant(REPORT)) == as_read(REPORT)


def test_the_plain_texts_read_as_written():
    report, notice = as_read(REPORT), as_read(NOTICE)
    assert report["total_score"] == 93.5 and len(report["projects"][0]["indicators"]) == 7
    assert report["projects"][0]["indicators"][1]["score"] == 9
    assert [(p["name"], p["budget_full_year"], p["total_score"]) for p in notice["projects"]] == [
        ("城市生活垃圾无害化处理项目", 2180.0, 88.6), ("农村义务教育学生营养改善计划", 5426.35, 94.2),
        ("汉江水质监测能力建设项目", 846.9, 85.3)]


@pytest.mark.parametrize("document", DOCUMENTS)
@pytest.mark.parametrize("variant", [full_width_digits, no_break_spaces, page_break_inside_the_table,
                                     running_head_on_each_page, double_spaced, indented_paragraphs, letter_spaced,
                                     crlf],
                         ids=lambda f: f.__name__)
def test_a_variant_without_meaning_reads_the_same(variant, document):
    text = DOCUMENTS[document][0]
    assert as_read(variant(text)) == as_read(text)
