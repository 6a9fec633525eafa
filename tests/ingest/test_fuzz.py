"""1,500 mutated files across every format: each read or refused in one line, in bounded time and memory.

The fuzzing itself is tests/ingest/fuzz.py, run in a child process under a 3 GB address-space
cap so that its peak memory is its own; see that module for the mutations.
"""

import json
import subprocess
import sys

import pytest

from tests.processes import ROOT, child_env

EXAMPLES_PER_FORMAT = 250
FORMATS = ("txt", "md", "html", "pdf", "docx", "eml")


@pytest.mark.slow
def test_every_importer_reads_or_refuses_mutated_files():
    result = subprocess.run(
        [sys.executable, "-m", "tests.ingest.fuzz", "--examples", str(EXAMPLES_PER_FORMAT)],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-8000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["cases"] == dict.fromkeys(FORMATS, EXAMPLES_PER_FORMAT)
    assert report["total"] >= 1000
    assert report["outcomes"]["read"] > 100 and report["outcomes"]["refused"] > 100  # both paths exercised
    assert report["slowest_seconds"] < 5 and report["peak_mb"] < 500, report
