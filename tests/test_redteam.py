"""The red-team sets (tests/data/redteam/, made-up reports written blind to the extractor) as a
regression floor: for each set, the real scorer (../shared/tools/score_extraction.py) on what
`perfdash extract` writes may not show a lower F1 or more wrong values than baseline.toml records."""
from __future__ import annotations

import json
import tomllib
from argparse import Namespace
from pathlib import Path

import pytest

from loaders.extract import run
from tests.conftest import shared_scorer

SETS_DIR = Path(__file__).parent / "data" / "redteam"
BASELINE = tomllib.loads((SETS_DIR / "baseline.toml").read_text(encoding="utf-8"))
F1_SLACK = 0.002      # the scorer prints three decimals


def test_every_set_has_a_baseline_and_every_baseline_a_set():
    sets = sorted(p.name for p in SETS_DIR.iterdir() if p.is_dir())
    assert sets and sets == sorted(BASELINE)
    for name in sets:
        texts = sorted(p.stem for p in (SETS_DIR / name).glob("*.txt"))
        assert texts and texts == sorted(p.stem for p in (SETS_DIR / name).glob("*.json")), name


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(BASELINE))
def test_a_red_team_set_scores_no_worse_than_its_baseline(name, tmp_path, capsys):
    scorer = shared_scorer()
    folder = SETS_DIR / name
    assert run(Namespace(files=sorted(folder.glob("*.txt")), out=tmp_path)) == 0
    scorer.main(["score_extraction.py", str(folder), str(tmp_path), "--json", str(tmp_path / "score.json")])
    capsys.readouterr()
    score = json.loads((tmp_path / "score.json").read_text())
    floor = BASELINE[name]
    assert score["wrong"] <= floor["wrong"], f"{name}: {score['wrong']} wrong values (baseline {floor['wrong']})"
    assert score["f1"] >= floor["f1"] - F1_SLACK, f"{name}: F1 {score['f1']:.3f} (baseline {floor['f1']})"
