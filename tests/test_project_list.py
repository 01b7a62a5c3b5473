"""Summary tables listing several projects, one per row (loaders/parse/project_list.py)."""
import pytest

from loaders.parse.project_list import read_project_list
from loaders.parse.projects import parse_projects
from loaders.parse.text import split_lines

HEADER = ["序号", "项目名称", "主管部门", "全年预算数（万元）", "全年执行数（万元）", "执行率", "自评得分", "自评等级"]
ROWS = [["1", "农村公路养护资金", "某某区交通运输局", "320.00", "318.50", "99.53%", "96.5", "优"],
        ["2", "城乡居民医保补助", "某某区医疗保障局", "1,250.00", "1,180.40", "94.43%", "91", "优"],
        ["3", "学生营养餐补助", "某某区教育局", "86.40", "70.10", "81.13%", "84", "良"],
        ["", "合计", "", "1,656.40", "1,569.00", "94.72%", "", ""]]
EXPECTED = [("农村公路养护资金", 320, 318.5, 99.53, 96.5, "优"), ("城乡居民医保补助", 1250, 1180.4, 94.43, 91, "优"),
            ("学生营养餐补助", 86.4, 70.1, 81.13, 84, "良")]
TITLE = "某某区财政局关于2023年度项目支出绩效自评结果的通报\n2023年度共有3个项目开展绩效自评，结果如下：\n"


def table(rows, how):
    if how == "tab":
        return "\n".join("\t".join(r) for r in rows) + "\n"
    return "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n"


def got(projects):
    return [(p.name, p.budget_full_year, p.executed, p.execution_rate_pct, p.total_score, p.grade) for p in projects]


@pytest.mark.parametrize("how", ["tab", "pipe"])
def test_each_row_is_a_project_and_the_total_row_is_not(how):
    projects, _ = parse_projects(split_lines(TITLE + table([HEADER, *ROWS], how) + "\n特此通报。\n"))
    assert got(projects) == EXPECTED
    assert projects[0].provenance["total_score"] == (4, 4)


def test_amounts_in_yuan_become_wan():
    header = [h.replace("（万元）", "（元）") for h in HEADER]
    rows = [[c.replace("320.00", "3,200,000.00").replace("318.50", "3,185,000.00") for c in r] for r in ROWS[:2]]
    projects, _ = read_project_list(split_lines(TITLE + table([header, *rows], "tab")))
    assert (projects[0].budget_full_year, projects[0].executed) == (320, 318.5)


def test_a_row_that_does_not_fit_the_header_is_skipped_with_a_warning():
    rows = [ROWS[0], ROWS[1][:-2], ROWS[2]]
    projects, warnings = read_project_list(split_lines(TITLE + table([HEADER, *rows], "tab")))
    assert [p.name for p in projects] == ["农村公路养护资金", "学生营养餐补助"]
    assert any("第5行" in w for w in warnings)


def test_a_header_with_one_value_column_is_no_project_list():
    header = ["序号", "项目名称", "主管部门", "备注"]
    assert read_project_list(split_lines(table([header, ["1", "甲项目", "某局", "无"], ["2", "乙项目", "某局", "无"]],
                                               "tab"))) == ([], [])


def test_without_a_list_the_issuer_in_the_title_is_no_project_name():
    projects, _ = parse_projects(split_lines("某某区财政局关于2023年某某专项资金的绩效评价报告\n项目预算资金200万元。\n"))
    assert [p.name for p in projects] == ["2023年某某专项资金"]
