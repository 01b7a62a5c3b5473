"""The parser never fails on damaged text: lines cut off, dropped, de-tabbed, or odd rows inserted.

Seeded mutations of the bundled demo reports (every layout); a failure names the mutation so it can
be turned into its own test. A crash here would lose a whole report at load time.
"""
import random
from pathlib import Path

import pytest

from loaders.parse.report import parse_report

DEMO = sorted((Path(__file__).resolve().parent.parent / "data" / "demo").glob("*.txt"))
ODD_ROWS = ["合计\t1,234.56", "总分\t\t", "| |", "得分\t100\t1,000", "执行率\t%", "≥", "—", "总分10099.3", "否"]


def mutate(text: str, rng: random.Random) -> tuple[str, str]:
    lines = text.split("\n")
    k = rng.randrange(len(lines))
    op = rng.randrange(5)
    if op == 0:
        return "\n".join(lines[:k]), f"cut after line {k}"
    if op == 1:
        return "\n".join(lines[:k] + lines[k + 1:]), f"line {k + 1} dropped"
    if op == 2:
        lines[k] = lines[k].replace("\t", " ")
        return "\n".join(lines), f"line {k + 1} without tabs"
    if op == 3:
        cut = rng.randrange(len(lines[k]) + 1)
        lines[k] = lines[k][:cut]
        return "\n".join(lines), f"line {k + 1} cut at {cut}"
    row = rng.choice(ODD_ROWS)
    lines.insert(k, row)
    return "\n".join(lines), f"{row!r} inserted before line {k + 1}"


@pytest.mark.parametrize("seed", range(6))
def test_damaged_reports_parse_without_error(seed):
    assert DEMO, "the bundled demo data (data/demo) is missing"
    rng = random.Random(seed)
    for _ in range(50):
        path = rng.choice(DEMO)
        text, how = mutate(path.read_text(encoding="utf-8"), rng)
        try:
            report = parse_report(text, path.name)
        except Exception as err:  # noqa: BLE001 — the test reports which damage broke the parser
            pytest.fail(f"{path.name}, {how}: {type(err).__name__}: {err}")
        for project in report.projects:
            for indicator in project.indicators:
                assert indicator.weight is None or 0 <= indicator.weight <= 1000, (path.name, how)
