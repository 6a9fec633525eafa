"""Smoke test of the desktop bundle that `make dist` builds: it starts, imports and draws, offscreen.

Runs when dist/Briefing/Briefing exists or BRIEFING_BUNDLE names the bundle's executable
(`make dist` sets it); otherwise skipped: building takes minutes and is not part of `make test`.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__

ROOT = Path(__file__).resolve().parents[2]
# On Windows Briefing.exe is windowed and cannot print: the console twin answers for it.
EXECUTABLE = "briefing-cli.exe" if sys.platform == "win32" else "Briefing"


def _bundle() -> Path | None:
    named = os.environ.get("BRIEFING_BUNDLE")
    candidate = Path(named) if named else ROOT / "dist" / "Briefing" / EXECUTABLE
    return candidate.resolve() if candidate.is_file() else None


BUNDLE = _bundle()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(BUNDLE is None, reason="no bundle: build it with `make dist` (or set BRIEFING_BUNDLE)"),
]


@pytest.fixture
def run(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }

    def run(*args: str) -> subprocess.CompletedProcess:
        assert BUNDLE is not None
        return subprocess.run([str(BUNDLE), *args], capture_output=True, text=True, env=env, timeout=300)

    return run


def _bundled_demo() -> Path:
    """The demo corpus inside the bundle, where briefing/paths.py finds it (_internal/ on Linux and Windows)."""
    assert BUNDLE is not None
    found = [p for p in BUNDLE.parent.parent.rglob("demo") if p.parent.name == "resources"]
    assert found, "the bundle has no briefing/resources/demo"
    return found[0]


def test_the_bundle_says_its_version(run):
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Briefing {__version__}"


def test_the_bundle_imports_and_analyses_the_demo_corpus_and_draws_the_window(run, tmp_path):
    workspace = tmp_path / "demo.briefing"
    result = run("import", "--workspace", str(workspace), str(_bundled_demo()))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("11 imported"), result.stdout
    assert "without analysis" not in result.stderr  # the language model is in the bundle
    counts = json.loads(run("info", "--json", "--workspace", str(workspace)).stdout)["counts"]
    assert counts["sources"] == 11 and counts["entities"] > 20 and counts["quotes"] > 20 and counts["claims"] > 20

    shot = tmp_path / "window.png"
    result = run(str(workspace), "--screenshot", str(shot))  # as the file manager opens a workspace
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


@pytest.mark.skipif(sys.platform == "win32", reason="Windows' user data folder cannot be moved for a test")
def test_the_bundle_makes_the_demo_workspace_and_exports_its_note(run, tmp_path):
    result = run("--screenshot", str(tmp_path / "first-start.png"))
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.rglob("workspace.briefing"))  # XDG_DATA_HOME on Linux, HOME/Library on macOS
    # The demo workspace's example note, in the formats that need bundled parts: Qt's PDF writer
    # and python-docx's template.
    for fmt, magic in (("pdf", b"%PDF-"), ("docx", b"PK\x03\x04")):
        result = run("export", "--briefing", "1", "--format", fmt, "-o", str(tmp_path / f"note.{fmt}"))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"note.{fmt}").read_bytes().startswith(magic)
