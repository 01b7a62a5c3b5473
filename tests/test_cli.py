"""The `perfdash` command: every subcommand is documented in the README, and the
README's two commands are the ones CI runs."""
from __future__ import annotations

import argparse

from loaders.cli import _build_parser
from tests.conftest import ROOT


def _subcommands() -> list[str]:
    parser = _build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(sub.choices)


def test_every_subcommand_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _subcommands() == ["demo", "export", "extract", "load", "serve"]
    missing = [c for c in _subcommands() if f"perfdash {c}" not in readme]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "uv run pytest" in readme and "uv run perfdash serve" in readme
    assert ci.rstrip().splitlines()[-1] == "uv run pytest"


def test_unknown_subcommand_exits_with_usage(capsys):
    try:
        _build_parser().parse_args(["frobnicate"])
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "invalid choice" in capsys.readouterr().err
