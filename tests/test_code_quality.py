"""Lint, complexity cap and types are part of the suite, so they hold after many hands."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = _run(ruff, "check", "briefing", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout[-4000:]


def test_the_code_is_formatted_as_ruff_formats_it():
    """One layout for every file, so a diff shows changes, not another hand's formatting."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = _run(ruff, "format", "--check", "briefing", "tests", "tools", "bench")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


@pytest.mark.slow
def test_mypy_finds_nothing_in_the_package():
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout[-4000:]
