"""Golden tests: `perfdash extract` on every corpus document against its hand-read truth.

One test per document compares the extractor's JSON with NAME.json field by field,
with the equality rules of ../shared/tools/score_extraction.py (imported, not copied).
The differences we know of are listed, each with a reason, in ONE file:
tests/golden_known_gaps.toml. A test fails on any difference not listed there, and
also when a listed gap has become correct — so the list stays honest. Update the
list on purpose (`uv run python -m tests.update_golden_gaps`), and read it as a diff.

A second test runs the real scorer over the whole corpus and holds the line:
F1 at least the level reached (a regression floor) and no wrong value on the seeds.
"""
from __future__ import annotations

import json
import re
import shutil
import tomllib
from argparse import Namespace
from pathlib import Path

import pytest

from loaders.extract import extract_file, run
from tests.conftest import CORPUS_DIR, corpus_documents, require, shared_scorer

GAPS_FILE = Path(__file__).with_name("golden_known_gaps.toml")
# The whole-corpus F1 reached when this floor was last raised; never lower it to pass.
F1_FLOOR = 0.95
_NOTE_RE = re.compile(r"^(missed|WRONG|spurious)\s+(.+?\.\w+): ")


def _known_gaps() -> dict[str, dict[str, str]]:
    """document stem → {field key as the scorer names it → reason}."""
    data = tomllib.loads(GAPS_FILE.read_text(encoding="utf-8"))
    gaps: dict[str, dict[str, str]] = {}
    for entry in data.get("gap", []):
        for key in entry["fields"]:
            gaps.setdefault(entry["document"], {})[key] = entry["reason"]
    return gaps


def _differences(scorer, truth: dict, pred: dict) -> dict[str, str]:
    """field key → the scorer's note, for every field where extract and truth disagree."""
    notes = [note for tally in scorer.score_doc(truth, pred).values() for note in tally.notes]
    found = {}
    for note in notes:
        match = _NOTE_RE.match(note)
        assert match, f"unexpected scorer note format: {note}"
        found[match.group(2)] = note
    return found


def test_corpus_is_present():
    require(bool(corpus_documents()), f"../shared/corpus not found beside this clone ({CORPUS_DIR})")


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_documents() or [None], ids=lambda p: p.stem if p else "no-corpus")
def test_golden_document(path: Path | None):
    require(path is not None, f"../shared/corpus not found beside this clone ({CORPUS_DIR})")
    scorer = shared_scorer()
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    pred = json.loads(json.dumps(extract_file(path), ensure_ascii=False))   # exactly what extract writes
    differences = _differences(scorer, truth, pred)
    known = _known_gaps().get(path.stem, {})
    unexpected = [note for key, note in differences.items() if key not in known]
    now_correct = [f"{key} ({reason})" for key, reason in known.items() if key not in differences]
    assert not unexpected, "differences not listed in golden_known_gaps.toml:\n" + "\n".join(unexpected)
    assert not now_correct, "listed gaps are now correct — remove them from golden_known_gaps.toml:\n" + "\n".join(now_correct)


def test_known_gaps_name_real_documents_and_give_reasons():
    stems = {p.stem for p in corpus_documents()}
    require(bool(stems), f"../shared/corpus not found beside this clone ({CORPUS_DIR})")
    data = tomllib.loads(GAPS_FILE.read_text(encoding="utf-8"))
    for entry in data.get("gap", []):
        assert entry["document"] in stems, entry["document"]
        assert entry["fields"], entry
        assert len(entry["reason"].strip()) >= 10 and "TODO" not in entry["reason"], entry


@pytest.mark.corpus
def test_scorer_on_the_whole_corpus(tmp_path, capsys):
    scorer = shared_scorer()
    documents = corpus_documents()
    require(bool(documents), f"../shared/corpus not found beside this clone ({CORPUS_DIR})")
    pred_dir = tmp_path / "pred"
    assert run(Namespace(files=documents, out=pred_dir)) == 0
    assert sorted(p.stem for p in pred_dir.glob("*.json")) == sorted(p.stem for p in documents)

    all_truth, seed_truth = tmp_path / "truth", tmp_path / "seed_truth"
    all_truth.mkdir()
    seed_truth.mkdir()
    for doc in documents:
        shutil.copy(doc.with_suffix(".json"), all_truth)
        if doc.parent.name == "seeds":
            shutil.copy(doc.with_suffix(".json"), seed_truth)

    whole = _score(scorer, all_truth, pred_dir, tmp_path / "whole.json")
    seeds = _score(scorer, seed_truth, pred_dir, tmp_path / "seeds.json")
    capsys.readouterr()
    assert seeds["docs"] == 5
    assert seeds["wrong"] == 0, f"wrong values on the seeds: {seeds}"
    assert whole["f1"] >= F1_FLOOR, f"extraction F1 {whole['f1']:.3f} fell below the floor {F1_FLOOR}"


def _score(scorer, truth_dir: Path, pred_dir: Path, out: Path) -> dict:
    scorer.main(["score_extraction.py", str(truth_dir), str(pred_dir), "--json", str(out)])
    return json.loads(out.read_text())


GOOD_REPORT = "某某县水利局2023年度项目支出绩效自评报告\n项目资金20万元，执行率100%。\n自评总分95分，等级为优秀。\n"


def test_extract_writes_one_json_per_file_and_names_each_failure(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_REPORT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    status = run(Namespace(files=[empty, good, missing], out=out))
    errors = capsys.readouterr().err.splitlines()
    assert status == 1
    assert [p.name for p in out.iterdir()] == ["good.json"]
    record = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert list(record) == ["file", "source_url", "agency", "region", "year", "report_kind", "evaluation_type",
                            "total_score", "grade", "department_budget", "projects"]
    assert (record["file"], record["agency"], record["year"], record["total_score"]) == ("good.txt", "某某县水利局", 2023, 95)
    assert any(line.startswith(f"{empty}: ") and "文件为空" in line for line in errors)
    assert f"{missing}: 文件不存在（file not found）" in errors
    assert errors[-1] == "1 extracted, 2 failed"


def test_extract_output_is_utf8_json_not_escaped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_REPORT, encoding="utf-8")
    assert run(Namespace(files=[good], out=tmp_path)) == 0
    raw = (tmp_path / "good.json").read_text(encoding="utf-8")
    assert '"agency": "某某县水利局"' in raw          # ensure_ascii=False, indent=1


def test_extract_says_when_two_inputs_share_a_stem(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt"
    first.write_text(GOOD_REPORT, encoding="utf-8")
    second.write_text(GOOD_REPORT.replace("95分", "91分"), encoding="utf-8")
    assert run(Namespace(files=[first, second], out=tmp_path / "out")) == 0
    assert any("同名" in line and str(second) in line for line in capsys.readouterr().err.splitlines())
    assert json.loads((tmp_path / "out" / "same.json").read_text(encoding="utf-8"))["total_score"] == 91
