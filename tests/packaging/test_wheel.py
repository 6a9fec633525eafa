"""The wheel as an analyst gets it: built, installed into a fresh virtual environment, run there.

Needs the package registry for the wheel's dependencies (pip's cache makes later runs quicker);
skipped with the reason when the registry cannot be reached.
"""

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from briefing import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = "Scripts" if sys.platform == "win32" else "bin"
OFFLINE = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "No matching distribution found",
)

pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    # Nothing of the checkout may leak in: no PYTHONPATH, and the working folder is outside it.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", out, ROOT, cwd=out)
    if result.returncode and any(sign in result.stderr for sign in OFFLINE):
        pytest.skip("the package registry cannot be reached to build the wheel")
    assert result.returncode == 0, result.stderr[-3000:]
    (found,) = out.glob("briefing-*.whl")
    return found


@pytest.fixture(scope="module")
def fresh(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with the wheel and its dependencies installed from the registry."""
    home = tmp_path_factory.mktemp("fresh")
    venv.create(home / "venv", with_pip=True)
    python = home / "venv" / SCRIPTS / "python"
    result = _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, cwd=home)
    if result.returncode and any(sign in result.stderr for sign in OFFLINE):
        pytest.skip("the package registry cannot be reached to install the wheel's dependencies")
    assert result.returncode == 0, result.stderr[-3000:]
    return home / "venv"


def test_the_wheel_holds_the_package_resources_and_demo_corpus(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    demo = [n for n in names if n.startswith("briefing/resources/demo/")]
    assert len(demo) == len(list((ROOT / "resources" / "demo").iterdir()))
    for needed in ("briefing/cli.py", "briefing/resources/icons/briefing.svg", "briefing/resources/demo-briefing.json"):
        assert needed in names
    assert not [n for n in names if n.startswith(("tests/", "bench/", "packaging/"))]
    assert wheel.name.startswith(f"briefing-{__version__}-")


def test_the_installed_command_runs_from_the_wheel(fresh, tmp_path):
    briefing = fresh / SCRIPTS / "briefing"
    result = _run(briefing, "--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"Briefing {__version__}", result.stderr

    located = _run(
        fresh / SCRIPTS / "python", "-c", "from briefing import paths; print(paths.demo_dir())", cwd=tmp_path
    )
    demo = Path(located.stdout.strip())
    assert demo.is_dir() and ROOT not in demo.parents, located.stderr  # the wheel's copy, not the checkout's

    workspace = tmp_path / "w.briefing"
    result = _run(briefing, "import", "--workspace", workspace, demo, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("11 imported"), result.stdout  # without the model: "imported without analysis"
    counts = json.loads(_run(briefing, "info", "--json", "--workspace", workspace, cwd=tmp_path).stdout)["counts"]
    assert counts["sources"] == 11 and counts["briefings"] == 0

    result = _run(briefing, workspace, "--screenshot", tmp_path / "shot.png", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shot.png").stat().st_size > 10_000
