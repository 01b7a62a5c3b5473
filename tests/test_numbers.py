"""loaders.parse.numbers: numbers, Chinese numerals, percents and money units as reports write them."""
import pytest

from loaders.parse.numbers import (
    chinese_numeral, find_numbers, is_numeric_cell, money_unit, parse_money, parse_number, parse_percent,
    to_halfwidth, to_wan,
)


@pytest.mark.parametrize("text, expected", [
    ("1,234.56元", 0.123456),
    ("1328960.00元", 132.896),
    ("20.9万元", 20.9),
    ("20.9万", 20.9),
    ("1.5亿元", 15000.0),
    ("500元/人", 0.05),
    ("４．８万元", 4.8),
    ("387664.62", 387664.62),   # no unit in the cell and none given: kept as 万元 by default
    ("—", None),
    ("", None),
])
def test_parse_money(text, expected):
    assert parse_money(text) == pytest.approx(expected) if expected is not None else parse_money(text) is None


@pytest.mark.parametrize("text, default_unit, expected", [
    ("387664.62", "元", 38.766462),     # the table header said 项目资金（元）
    ("12", "万元", 12.0),
    ("3元", "万元", 0.0003),           # the cell's own unit wins over the header's
    ("2亿元", "元", 20000.0),
])
def test_parse_money_with_header_unit(text, default_unit, expected):
    assert parse_money(text, default_unit=default_unit) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("一百零五", 105),
    ("两千三百", 2300), ("三万五千", 35000), ("壹佰", 100), ("〇", 0), ("九十九", 99),
    ("abc", None), ("", None), ("二十a", None),
])
def test_chinese_numeral(text, expected):
    assert chinese_numeral(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("95%", 95.0), ("９５％", 95.0), ("100.00%", 100.0), ("百分之九十五", 95.0),
    ("百分之九十五点五", 95.5), (">= 98 %(百分比)", 98.0), ("≥９０％", 90.0), ("95", 95.0),
    ("满意度", None), (None, None),
])
def test_parse_percent(text, expected):
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("二十", 20.0), ("约１，２３４．５", 1234.5), ("-3", -3.0), ("共4次", 4.0), ("无", None),
    ("≥266米", 266.0), (".5", 0.5),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_find_numbers_reads_every_number_in_order():
    assert find_numbers("全年预算数20，执行19.5，执行率97.50%，１２人") == [20.0, 19.5, 97.5, 12.0]


@pytest.mark.parametrize("text, expected", [
    ("（５０分）", "(50分)"), ("ＡＢＣ：１", "ABC:1"), ("年度　资金", "年度 资金"), ("≥95%", "≥95%"),
])
def test_to_halfwidth(text, expected):
    assert to_halfwidth(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("项目资金（万元）", "万元"), ("项目资金 (元)", "元"), ("金额单位：亿元", "亿元"),
    ("20.9万元", "万元"), ("1,328,960.00元", "元"), ("12万人次", None), ("分值", None),
])
def test_money_unit(text, expected):
    assert money_unit(text) == expected


@pytest.mark.parametrize("value, unit, expected", [
    (10000, "元", 1.0), (2, "亿元", 20000), (3.5, "万元", 3.5), (3.5, None, 3.5), (None, "元", None),
])
def test_to_wan(value, unit, expected):
    assert to_wan(value, unit) == expected


@pytest.mark.parametrize("text, expected", [
    ("95", True), ("100.00%", True), ("1,234元", True), ("20万元", True), ("≥95%", False),
    ("完成", False), ("", False), (None, False),
])
def test_is_numeric_cell(text, expected):
    assert is_numeric_cell(text) is expected
