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


def one_cell_per_line(rows):
    return "\n".join(cell for row in rows for cell in row) + "\n"


def test_one_cell_per_line_names_wrapped_onto_a_second_line_are_joined():
    # a PDF read without layout: 农村公路养护 ⏎ 资金 — the row has a line more than the header's cells
    rows = [["1", "农村公路养护", "资金", "某某区交通运输局", "320.00", "318.50", "99.53%", "96.5", "优"],
            ["2", "城乡居民医保补助", "某某区医疗保障局", "1,250.00", "1,180.40", "94.43%", "91", "优"],
            ["3", "学生营养餐", "补助资金", "某某区教育局", "86.40", "70.10", "81.13%", "84", "良"]]
    projects, _ = read_project_list(split_lines(TITLE + one_cell_per_line([HEADER, *rows]) + "特此通报。\n"))
    assert got(projects) == [("农村公路养护资金", 320, 318.5, 99.53, 96.5, "优"), EXPECTED[1],
                             ("学生营养餐补助资金", 86.4, 70.1, 81.13, 84, "良")]


def test_one_cell_per_line_a_wrapped_unit_name_stays_out_of_the_project_name():
    rows = [["1", "农村公路养护资金", "某某区交通运", "输局", "320.00", "318.50", "99.53%", "96.5", "优"],
            ROWS[1], ROWS[2]]
    projects, _ = read_project_list(split_lines(TITLE + one_cell_per_line([HEADER, *rows])))
    assert got(projects) == EXPECTED


def test_one_cell_per_line_a_wrap_that_could_be_either_cell_leaves_the_list_unread():
    # 农村公路 ⏎ 养护 ⏎ 某某区交通运输局: neither split gives a name ending as project names do
    rows = [["1", "农村公路", "养护", "某某区交通运输局", "320.00", "318.50", "99.53%", "96.5", "优"], ROWS[1], ROWS[2]]
    projects, _ = read_project_list(split_lines(TITLE + one_cell_per_line([HEADER, *rows])))
    assert projects == []


LAYOUT_LIST = """某某区交通运输局2022年度项目支出绩效自评工作总结

  序号  项目名称                    全年预算数    全年执行数    执行率  自评得分  自评等级
                                      （万元）      （万元）
  1     2022年农村公路养护            1,260.00      1,198.45    95.12%      94.5  优
        工程
  2     2022年危桥改造项目              880.00        702.36    79.81%      82.0  良


  序号  项目名称                    全年预算数    全年执行数    执行率  自评得分  自评等级
                                      （万元）      （万元）
  3     2022年农村客运站点              238.00        161.84    68.00%      73.5  中
        提升改造项目

    三、存在问题
"""


def test_a_layout_list_with_the_unit_under_its_header_and_the_header_again_after_a_page_break():
    projects, _ = read_project_list(split_lines(LAYOUT_LIST))
    assert got(projects) == [("2022年农村公路养护工程", 1260, 1198.45, 95.12, 94.5, "优"),
                             ("2022年危桥改造项目", 880, 702.36, 79.81, 82, "良"),
                             ("2022年农村客运站点提升改造项目", 238, 161.84, 68, 73.5, "中")]


def test_a_layout_list_row_whose_name_is_centred_starts_its_name_above_its_serial():
    text = "\n".join([
        "  序号  项目名称                          主管部门                资金规模（万元）  评价得分    评价等级",
        "  1     某某区2024年养老服务体系建设      某某区民政局            736.80            83.40       良",
        "        补助资金",
        "        某某区2024年稻麦绿色高质高效",
        "  2     创建项目                          某某区农业农村局        420.00            76.50       中",
        "  3     某某区2024年公共就业服务专项      某某区人社局            318.60            90.30       优",
        "        资金",
    ])
    projects, _ = read_project_list(split_lines(text))
    assert [p.name for p in projects] == ["某某区2024年养老服务体系建设补助资金", "某某区2024年稻麦绿色高质高效创建项目",
                                          "某某区2024年公共就业服务专项资金"]


def test_a_markdown_rule_under_the_header_is_no_project():
    rule = ["---"] * len(HEADER)
    projects, _ = read_project_list(split_lines(TITLE + table([HEADER, rule, *ROWS], "pipe")))
    assert got(projects) == EXPECTED
