"""Refresh tests/golden_known_gaps.toml after an extractor change — on purpose, read as a diff.

    uv run python -m tests.update_golden_gaps            # drop gaps that have become correct
    uv run python -m tests.update_golden_gaps --add-new  # also list new differences, reason "TODO"

Gaps that are still there keep their reason. New differences are added only with
--add-new and get the reason "TODO", which tests/test_golden.py refuses: write the
real reason (why the extractor cannot read it yet) before committing.
"""
from __future__ import annotations

import json
import sys
import tomllib

from loaders.extract import extract_file
from tests.conftest import corpus_documents
from tests.test_golden import GAPS_FILE, _differences, _scorer

HEADER = """\
# Known differences between `perfdash extract` and the corpus truth, one entry per reason.
# tests/test_golden.py ignores exactly these fields and fails on any other difference,
# and also when a field listed here has become correct (then delete it here, or run
# `uv run python -m tests.update_golden_gaps`). Field keys are the scorer's names
# (doc.<field>, dept.<field>, project[<name>].<field>, project[…].ind[i:<name>].<field>).
"""


def current_differences() -> dict[str, dict[str, str]]:
    scorer = _scorer()
    found = {}
    for path in corpus_documents():
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        pred = json.loads(json.dumps(extract_file(path), ensure_ascii=False))
        found[path.stem] = _differences(scorer, truth, pred)
    return found


def render(entries: list[dict]) -> str:
    out = [HEADER]
    for entry in entries:
        out += ["[[gap]]", f"document = {json.dumps(entry['document'], ensure_ascii=False)}", "fields = ["]
        out += [f"  {json.dumps(key, ensure_ascii=False)}," for key in entry["fields"]]
        out += ["]", f"reason = {json.dumps(entry['reason'], ensure_ascii=False)}", ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    add_new = "--add-new" in argv
    old = tomllib.loads(GAPS_FILE.read_text(encoding="utf-8")).get("gap", [])
    now = current_differences()
    entries, listed = [], set()
    for entry in old:
        keep = [k for k in entry["fields"] if k in now.get(entry["document"], {})]
        listed.update((entry["document"], k) for k in entry["fields"])
        if keep:
            entries.append({**entry, "fields": keep})
    new = [(doc, key) for doc, keys in now.items() for key in keys if (doc, key) not in listed]
    if add_new:
        by_doc: dict[str, list[str]] = {}
        for doc, key in new:
            by_doc.setdefault(doc, []).append(key)
        entries += [{"document": doc, "fields": keys, "reason": "TODO"} for doc, keys in by_doc.items()]
    GAPS_FILE.write_text(render(entries), encoding="utf-8")
    dropped = sum(len(e["fields"]) for e in old) - sum(len(e["fields"]) for e in entries if e["reason"] != "TODO")
    print(f"{dropped} gaps now correct and dropped; {len(new)} new differences"
          f"{' added with reason TODO' if add_new else ' not listed (use --add-new)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
