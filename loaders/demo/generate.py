"""Pure generation: (agencies, years, seed) → DemoDocuments. No files, no printing.

One `random.Random(seed)` drives everything in a fixed order, so the same
arguments give byte-identical output. The world is built first (districts →
units → projects per year, with their money and indicators), then anomalies are
planted at realistic rates, then units' reports are grouped into documents.
Truth values are what the printed document states: a renderer prints exactly
the record, so the two cannot drift apart.
"""
from __future__ import annotations

import copy
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.demo import catalog as cat
from loaders.demo.model import DemoDocument, PrintStyle
from loaders.records import Indicator, MoneyRow, Project, Report

# Share of units / projects / reports carrying each anomaly (roughly what reviewers
# report finding in county-level self-evaluations; tuned so every flag shows up in a
# 40-unit district over 4 years, without drowning the normal reports).
RATE_ALWAYS_100 = 0.12
RATE_CANNED_HABIT = 0.15
RATE_CANNED = 0.08
RATE_MISSED_FULL = 0.07
RATE_MIDYEAR_CUT = 0.05
RATE_HIGH_CARRYOVER = 0.10
RATE_COPIED = 0.06
RATE_SUM_MISMATCH = 0.04
RATE_RATE_MISMATCH = 0.03
RATE_COMPONENTS_MISMATCH = 0.04

LAYOUT_WEIGHTS = {"tab": 30, "cells": 18, "broken": 14, "flat": 8, "pipe": 12, "narrative": 18}
GRADE_WORDS = (("优秀", "良好", "中", "差"), ("优", "良", "中", "差"), ("优秀", "良好", "一般", "较差"))


@dataclass
class Unit:
    name: str
    sector: str
    region: str
    district: str
    habit: str                         # separate | mixed | projects_only
    always_100: bool
    canned: bool
    grade_words: tuple[str, ...]
    stems: list[tuple[str, tuple[float, float]]] = field(default_factory=list)


def generate(agencies: int, years: list[int], seed: int = 0, formats: tuple[str, ...] = ("txt",)) -> Iterator[DemoDocument]:
    """Every document of a made-up set of districts, in a stable order."""
    rng = random.Random(seed)
    serial = 0
    for unit in build_units(rng, agencies):
        last_year_docs: list[DemoDocument] | None = None
        for year in years:
            docs = build_unit_year(rng, unit, year, last_year_docs, formats)
            for doc in docs:
                serial += 1
                doc.stem = f"{serial:06d}_{year}_{doc.report.report_kind}_{doc.layout}"
            last_year_docs = docs
            yield from docs


# ---------------------------------------------------------------- districts and units

def build_units(rng: random.Random, n: int) -> list[Unit]:
    """n units spread over as many districts as needed (about 40 per district)."""
    units: list[Unit] = []
    district_no = 0
    while len(units) < n:
        units.extend(build_district(rng, district_no, min(n - len(units), 40)))
        district_no += 1
    return units


def build_district(rng: random.Random, number: int, size: int) -> list[Unit]:
    province = cat.PROVINCES[number % len(cat.PROVINCES)]
    city = cat.CITIES[(number // len(cat.PROVINCES)) % len(cat.CITIES)]
    district = district_name(number)
    region = province + city + district
    candidates = unit_patterns()
    chosen = sorted(rng.sample(range(len(candidates)), min(size, len(candidates))))
    return [make_unit(rng, candidates[i][0].format(d=district), candidates[i][1], region, district) for i in chosen]


def district_name(number: int) -> str:
    """The listed districts first, then made-up two-character names (青河区, 临山县 …), all unique."""
    if number < len(cat.DISTRICTS):
        return cat.DISTRICTS[number]
    return _more_districts()[(number - len(cat.DISTRICTS)) % len(_more_districts())]


@lru_cache(maxsize=1)
def _more_districts() -> tuple[str, ...]:
    listed = {d[:-1] for d in cat.DISTRICTS}
    names = [a + b for b in cat.PLACE_SECOND for a in cat.PLACE_FIRST if a + b not in listed]
    return tuple(name + suffix for suffix in ("区", "县") for name in names)


def unit_patterns() -> list[tuple[str, str]]:
    """(name pattern, sector) of every unit a district can have; {t} patterns once per town."""
    out = []
    for sector, patterns in cat.SECTOR_UNITS.items():
        for pattern in patterns:
            names = [pattern.replace("{t}", town) for town in cat.TOWNS] if "{t}" in pattern else [pattern]
            out += [(name, sector) for name in names]
    return out


def make_unit(rng: random.Random, name: str, sector: str, region: str, district: str) -> Unit:
    habit = rng.choices(("separate", "mixed", "projects_only"), weights=(45, 25, 30))[0]
    pool = list(cat.SECTOR_PROJECTS[sector])
    stems = rng.sample(pool, rng.randint(1, min(4, len(pool))))
    return Unit(name=name, sector=sector, region=region, district=district, habit=habit,
                always_100=rng.random() < RATE_ALWAYS_100, canned=rng.random() < RATE_CANNED_HABIT,
                grade_words=rng.choice(GRADE_WORDS), stems=stems)


# ---------------------------------------------------------------- one unit, one year

def build_unit_year(rng: random.Random, unit: Unit, year: int, last_docs: list[DemoDocument] | None,
                    formats: tuple[str, ...]) -> list[DemoDocument]:
    if last_docs and rng.random() < RATE_COPIED:
        return [copy_to_year(doc, year) for doc in last_docs]
    projects = [make_project(rng, unit, year, stem, rng_range) for stem, rng_range in unit.stems]
    department = make_department(rng, unit, year, projects) if unit.habit != "projects_only" else None
    return group_documents(rng, unit, year, projects, department, formats)


def copy_to_year(doc: DemoDocument, year: int) -> DemoDocument:
    """The previous year's report with only the year changed: numbers, actuals and all."""
    new = copy.deepcopy(doc)
    old = doc.report.year
    new.report.year = year
    for project in new.report.projects:
        project.name = project.name.replace(f"{old}年", f"{year}年")
    new.goals = {k.replace(f"{old}年", f"{year}年"): v for k, v in new.goals.items()}
    new.report_date = doc.report_date.replace(str(old + 1), str(year + 1), 1)
    new.plants = sorted(set(new.plants) | {"copied_previous_year"})
    new.copied_from = doc.stem
    return new


def make_project(rng: random.Random, unit: Unit, year: int, stem: str, budget_range: tuple[float, float]) -> tuple[Project, list[str]]:
    """A project with its money block and indicator table; returns (project, plants)."""
    plants: list[str] = []
    project = Project(name=f"{year}年{stem}")
    cut = not unit.always_100 and rng.random() < RATE_MIDYEAR_CUT
    set_project_money(rng, project, budget_range, full_execution=unit.always_100 or cut, cut=cut)
    if cut:
        plants.append("midyear_cut_full_execution")
    canned = unit.canned or rng.random() < RATE_CANNED
    missed_full = not unit.always_100 and rng.random() < RATE_MISSED_FULL
    project.indicators = make_indicators(rng, unit, project, perfect=unit.always_100, canned=canned,
                                         missed_full_marks=missed_full)
    if canned:
        plants.append("canned_actuals")
    if missed_full and any(i.deviation_reason == "" for i in project.indicators):
        plants.append("missed_target_full_marks")
    for ind in project.indicators:
        if ind.deviation_reason == "":
            ind.deviation_reason = None
    project.total_score = round(sum(i.score for i in project.indicators) + project.execution_score, 2)
    if not unit.always_100 and rng.random() < RATE_SUM_MISMATCH:
        project.total_score = round(min(100.0, project.total_score + rng.choice((2, 3, 5, 8))), 2)
        if project.total_score != round(sum(i.score for i in project.indicators) + project.execution_score, 2):
            plants.append("sum_mismatch")
    if not unit.always_100 and not cut and project.execution_rate_pct < 100 and rng.random() < RATE_RATE_MISMATCH:
        project.execution_rate_pct = 100.0
        project.execution_score = project.execution_weight
        plants.append("rate_mismatch")
    if unit.always_100:
        plants.append("always_100")
    project.grade = grade_of(project.total_score, unit.grade_words)
    return project, plants


def set_project_money(rng: random.Random, project: Project, budget_range: tuple[float, float],
                      *, full_execution: bool, cut: bool) -> None:
    low, high = budget_range
    initial = round(math.exp(rng.uniform(math.log(low), math.log(high))), rng.choice((0, 1, 2)))
    adjust = rng.random()
    if cut:
        full_year = initial * rng.uniform(0.4, 0.75)
    elif adjust < 0.72:
        full_year = initial
    elif adjust < 0.88:
        full_year = initial * rng.uniform(1.02, 1.3)     # mid-year addition
    else:
        full_year = initial * rng.uniform(0.85, 0.98)
    full_year = round(full_year, 2)
    rate = 100.0 if full_execution else draw_execution_rate(rng)
    executed = round(full_year * rate / 100, 2)
    project.budget_initial, project.budget_full_year, project.executed = float(initial), full_year, executed
    project.execution_rate_pct = round(executed / full_year * 100, 2)
    project.execution_weight = 10.0
    project.execution_score = round(min(10.0, project.execution_rate_pct / 10), 2)
    project.money_rows = [MoneyRow("年度资金总额", project.budget_initial, full_year, executed,
                                   project.execution_rate_pct, 10.0, project.execution_score),
                          MoneyRow("其中：本年财政拨款", project.budget_initial, full_year, executed,
                                   project.execution_rate_pct),
                          MoneyRow("上年结转资金"), MoneyRow("其他资金")]


def draw_execution_rate(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.55:
        return 100.0
    if r < 0.90:
        return rng.uniform(90, 99.9)
    if r < 0.98:
        return rng.uniform(75, 90)
    return rng.uniform(50, 75)


# ---------------------------------------------------------------- indicators

def make_indicators(rng: random.Random, unit: Unit, project: Project, *, perfect: bool, canned: bool,
                    missed_full_marks: bool) -> list[Indicator]:
    specs = pick_indicator_specs(rng, unit.sector, project.budget_full_year)
    weights = split_weights(rng, specs)
    out = []
    for (level1, spec), weight in zip(specs, weights):
        # the planted 'missed target, full marks' sits in an otherwise perfect table: a top grade
        out.append(make_indicator(rng, level1, spec, weight, perfect=perfect or missed_full_marks, canned=canned))
    if missed_full_marks:
        plant_missed_full_marks(rng, out, specs)
    return out


def pick_indicator_specs(rng: random.Random, sector: str, budget: float) -> list[tuple[str, tuple]]:
    outputs = rng.sample(cat.SECTOR_OUTPUTS[sector], rng.randint(2, 3))
    benefits, subject = cat.SECTOR_BENEFITS[sector]
    specs = [("产出指标", scale_spec(rng, s)) for s in outputs]
    specs.append(("产出指标", rng.choice(cat.TIMELINESS)))
    specs.append(("产出指标", ("成本指标", "项目总成本控制在预算内", "le", budget, "万元")))
    specs += [("效益指标", s) for s in benefits[: rng.randint(1, 2)]]
    specs.append(("满意度指标", ("服务对象满意度指标", f"{subject}满意度", "ge", rng.choice(cat.SATISFACTION_TARGETS), "%")))
    return specs


def scale_spec(rng: random.Random, spec: tuple) -> tuple:
    """Counts vary with the unit's size; rates and zero-targets do not."""
    level2, name, kind, value, unit = spec
    if kind == "ge" and unit != "%" and value >= 10:
        value = int(round(value * rng.uniform(0.5, 1.6), -1 if value >= 100 else 0))
    return level2, name, kind, value, unit


def split_weights(rng: random.Random, specs: list[tuple[str, tuple]]) -> list[float]:
    """产出 50, 效益 30, 满意度 10 (+ 预算执行率 10): the national default."""
    totals = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
    out = []
    for level1, total in totals.items():
        n = sum(1 for l1, _ in specs if l1 == level1)
        base, extra = divmod(total, n)
        out += [float(base + (1 if i < extra else 0)) for i in range(n)]
    return out


def target_text(kind: str, value, unit: str) -> str:
    if kind == "ge":
        return f"≥{fmt_num(value)}{unit}"
    if kind == "le":
        return f"≤{fmt_num(value)}{unit}"
    if kind == "eq":
        return f"={fmt_num(value)}{unit}"
    if kind == "pct":
        return f"{fmt_num(value)}%"
    return str(value)


def fmt_num(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value)) if isinstance(value, float) else str(value)


def make_indicator(rng: random.Random, level1: str, spec: tuple, weight: float, *, perfect: bool, canned: bool) -> Indicator:
    level2, name, kind, value, unit = spec
    target = target_text(kind, value, unit)
    met = perfect or rng.random() < 0.9
    actual, ratio = achieved_actual(rng, kind, value, unit) if met else missed_actual(rng, kind, value, unit)
    score = weight if met else round(weight * ratio, 1)
    if canned and rng.random() < 0.7:
        actual = rng.choice(cat.CANNED_ACTUALS) if rng.random() < 0.6 else target
    ind = Indicator(level1=level1, level2=level2, name=name, target=target, actual=actual,
                    weight=weight, score=score)
    if not met:
        ind.deviation_reason = "受客观因素影响，部分任务未完成，下一步将加快推进。"
    return ind


def achieved_actual(rng: random.Random, kind: str, value, unit: str) -> tuple[str, float]:
    if kind == "ge" and unit == "%":
        return f"{fmt_num(round(min(100.0, value + rng.uniform(0, 6)), 1))}%", 1.0
    if kind == "ge":
        got = value * rng.uniform(1.0, 1.15)
        got = round(got, 2) if isinstance(value, float) else int(round(got))
        return f"{fmt_num(got)}{unit}", 1.0
    if kind == "le":
        return f"{fmt_num(round(value * rng.uniform(0.9, 1.0), 2))}{unit}", 1.0
    if kind in ("eq", "pct"):
        return f"{fmt_num(value)}{unit}" if kind == "eq" else f"{fmt_num(value)}%", 1.0
    if kind == "time":
        return rng.choice(("按期完成", "12月底前完成", value)), 1.0
    return rng.choice(cat.QUAL_ACHIEVED + (value,)), 1.0


def missed_actual(rng: random.Random, kind: str, value, unit: str) -> tuple[str, float]:
    """An honest shortfall; the ratio drives the deducted score."""
    if kind == "ge" and unit == "%":
        got = round(value - rng.uniform(1, 9), 1)
        return f"{fmt_num(got)}%", got / value
    if kind == "ge":
        ratio = rng.uniform(0.72, 0.96)
        got = round(value * ratio, 2) if isinstance(value, float) else int(value * ratio)
        return f"{fmt_num(got)}{unit}", got / value
    if kind == "pct":
        got = round(value - rng.uniform(1, 6), 1)
        return f"{fmt_num(got)}%", got / value
    if kind == "eq":
        return f"{rng.randint(1, 2)}{unit}", 0.0
    if kind == "le":
        got = round(value * rng.uniform(1.02, 1.1), 2)
        return f"{fmt_num(got)}{unit}", max(0.0, 1 - (got - value) / value)
    return "部分完成", 0.7


def plant_missed_full_marks(rng: random.Random, indicators: list[Indicator], specs: list[tuple[str, tuple]]) -> None:
    """A quantitative ≥ target visibly missed, yet scored full marks (marked by deviation_reason == "")."""
    choices = [i for i, (_, s) in enumerate(specs) if s[2] == "ge" and indicators[i].score == indicators[i].weight]
    if not choices:
        return
    i = rng.choice(choices)
    _, (level2, name, kind, value, unit) = specs[i]
    indicators[i].actual = missed_actual(rng, kind, value, unit)[0]
    indicators[i].score = indicators[i].weight
    indicators[i].deviation_reason = ""


def grade_of(score: float, words: tuple[str, ...]) -> str:
    """Default bands 90 / 80 / 60 (METRICS.md)."""
    for floor, word in zip((90, 80, 60), words):
        if score >= floor:
            return word
    return words[3]


# ---------------------------------------------------------------- department money

def make_department(rng: random.Random, unit: Unit, year: int, projects: list[tuple[Project, list[str]]]) -> tuple[dict, list[str]]:
    """Department budget figures as a 部门整体支出 report states them; returns (figures, plants)."""
    plants = []
    project_budget = round(sum(p.budget_full_year for p, _ in projects) * rng.uniform(1.0, 1.8), 2)
    basic_budget = round(project_budget * rng.uniform(0.8, 5.0), 2)
    budget = round(basic_budget + project_budget, 2)
    basic_exp = round(basic_budget * rng.uniform(0.97, 1.0), 2)
    project_exp = round(project_budget * (1.0 if unit.always_100 else rng.uniform(0.86, 1.0)), 2)
    if not unit.always_100 and rng.random() < RATE_HIGH_CARRYOVER:
        # a fifth to a third of the budget left unspent: projects first, then basic spending
        unspent = budget * rng.uniform(0.21, 0.35)
        project_exp = round(max(project_budget * 0.1, project_budget - unspent), 2)
        basic_exp = round(min(basic_exp, budget - unspent - project_exp), 2)
    executed = round(basic_exp + project_exp, 2)
    carryover = round(budget - executed + budget * rng.uniform(0, 0.02), 2)
    figures = {
        "budget": budget, "executed": executed, "execution_rate_pct": round(executed / budget * 100, 2),
        "carryover": carryover, "carryover_rate_pct": round(carryover / budget * 100, 2),
        "basic_budget": basic_budget, "project_budget": project_budget,
        "basic_expenditure": basic_exp, "project_expenditure": project_exp,
    }
    if figures["carryover_rate_pct"] > 20:
        plants.append("high_carryover")
    if not unit.always_100 and rng.random() < RATE_COMPONENTS_MISMATCH:
        figures["basic_expenditure"] = round(basic_exp + rng.choice((10, 20, 50, 100)), 2)
        plants.append("components_mismatch")
    return figures, plants


# ---------------------------------------------------------------- documents

def group_documents(rng: random.Random, unit: Unit, year: int, projects: list[tuple[Project, list[str]]],
                    department: tuple[dict, list[str]] | None, formats: tuple[str, ...]) -> list[DemoDocument]:
    docs = []
    if unit.habit == "mixed" and department:
        docs.append(new_document(rng, unit, year, "mixed", projects, department, formats))
        return docs
    if department:
        docs.append(new_document(rng, unit, year, "department", [], department, formats))
    for project in projects:
        docs.append(new_document(rng, unit, year, "project", [project], None, formats))
    return docs


def new_document(rng: random.Random, unit: Unit, year: int, kind: str, projects: list[tuple[Project, list[str]]],
                 department: tuple[dict, list[str]] | None, formats: tuple[str, ...]) -> DemoDocument:
    fmt = choose_format(rng, kind, formats)
    layout = choose_layout(rng, fmt) if kind != "department" else "narrative"   # no table to lay out
    style = choose_style(rng, layout, fmt)
    report = Report(file="", agency=unit.name, region=unit.region, year=year, report_kind=kind,
                    evaluation_type="self", projects=[copy.deepcopy(p) for p, _ in projects])
    plants = sorted({code for _, codes in projects for code in codes})
    if department:
        figures, dept_plants = department
        report.department_budget = dict(figures)
        plants = sorted(set(plants) | set(dept_plants) | ({"always_100"} if unit.always_100 else set()))
        report.total_score = 100.0 if unit.always_100 else float(rng.choice((92, 94, 95, 96, 97, 98, 99)))
        report.grade = grade_of(report.total_score, unit.grade_words)
    elif len(report.projects) == 1:
        report.total_score = report.projects[0].total_score
        report.grade = report.projects[0].grade
    apply_style_to_truth(report, style, layout)
    plants = [p for p in plants if is_visible(p, report, layout)]
    goals = {p.name: (rng.choice(cat.OVERALL_GOALS).format(p=p.name), rng.choice(cat.OVERALL_RESULTS).format(p=p.name))
             for p in report.projects}
    date = f"{year + 1}年{rng.randint(2, 6)}月{rng.randint(1, 28)}日"
    return DemoDocument(stem="", fmt=fmt, layout=layout, report=report, style=style, sector=unit.sector,
                        report_date=date, goals=goals, plants=plants)


def choose_format(rng: random.Random, kind: str, formats: tuple[str, ...]) -> str:
    fmt = rng.choice(formats)
    if fmt == "xlsx" and kind != "project":       # a workbook holds the one-project table only
        others = [f for f in formats if f != "xlsx"]
        fmt = others[0] if others else "txt"
    return fmt


def choose_layout(rng: random.Random, fmt: str) -> str:
    if fmt == "txt":
        return rng.choices(list(LAYOUT_WEIGHTS), weights=list(LAYOUT_WEIGHTS.values()))[0]
    if fmt == "xlsx":
        return "table"
    return "narrative" if rng.random() < 0.15 else "table"


def choose_style(rng: random.Random, layout: str, fmt: str) -> PrintStyle:
    flat = layout == "flat"      # run-together cells stay decodable only with fixed decimals and a % sign
    return PrintStyle(
        money_unit="元" if layout in ("tab", "table") and rng.random() < 0.06 else "万元",
        money_decimals=2 if flat else rng.choice((2, 2, 0)),
        rate_style="pct2" if flat else rng.choice(("pct2", "pct", "pct", "bare")),
        header="ab" if layout == "flat" or rng.random() < 0.12 else "standard",
        furniture=fmt == "txt" and rng.random() < 0.3,
        grade_in_table=rng.random() < 0.7,
    )


def is_visible(plant: str, report: Report, layout: str) -> bool:
    """A flag belongs in the truth only if the printed document shows its evidence."""
    if plant == "midyear_cut_full_execution":
        return any(p.budget_initial is not None for p in report.projects)
    if plant == "sum_mismatch":
        return layout != "narrative"
    return True


def apply_style_to_truth(report: Report, style: PrintStyle, layout: str) -> None:
    """Drop from the truth what this print style does not state."""
    for project in report.projects:
        if style.header == "ab":                 # the (A)/(B) form has no 年初预算数 column
            project.budget_initial = None
            for row in project.money_rows:
                row.budget_initial = None
        if layout == "narrative":                # prose states no weights, scores or execution score
            project.execution_weight = project.execution_score = None
            for ind in project.indicators:
                ind.weight = ind.score = None
                ind.deviation_reason = None
        if not style.grade_in_table and layout != "narrative" and report.report_kind == "project":
            report.grade = None
        project.grade = None if report.report_kind != "project" else project.grade
