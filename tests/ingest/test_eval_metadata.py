"""The evaluation set's gold metadata: every file reads with its gold title, author and date."""

import json
from pathlib import Path

import pytest

from briefing.ingest import read_document

EVAL_DIR = Path(__file__).resolve().parents[1] / "data" / "eval"
EVAL_FILES = sorted(p for p in EVAL_DIR.iterdir() if p.suffix != ".json" and p.with_suffix(".json").is_file())


def test_the_whole_evaluation_set_is_covered():
    assert len(EVAL_FILES) == 15


@pytest.mark.parametrize("path", EVAL_FILES, ids=[p.name for p in EVAL_FILES])
def test_metadata_matches_the_gold_annotation(path):
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    doc = read_document(path)
    assert (doc.title, doc.author, doc.published) == (gold["title"], gold["author"], gold["published"])
    fields = (doc.text, doc.title, doc.author, doc.outlet, doc.path)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for field in fields if field for ch in field)
