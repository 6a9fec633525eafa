"""Child Python processes for tests that need a second process: another app, a process to kill."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child that imports this checkout of Briefing."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.update(extra)
    return env


def spawn_python(code: str, *args: str, **popen) -> subprocess.Popen:
    """Start ``python -c code args``; its stdout is a text pipe read line by line."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=ROOT,
        **popen,
    )


def run_python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=timeout,
    )


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m briefing args`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=timeout,
    )


HOLD_WORKSPACE = """
import sys
from briefing.store import open_workspace
ws = open_workspace(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()  # until the test kills it, or ends and its end of the pipe closes: no clock involved
"""


def hold_workspace(path: Path) -> subprocess.Popen:
    """A second Briefing process that opens ``path`` for writing and keeps it open until killed
    (or until the test process is gone), however long the test takes."""
    child = spawn_python(HOLD_WORKSPACE, str(path), stdin=subprocess.PIPE)
    line = child.stdout.readline() if child.stdout else ""
    if line.strip() != "ready":
        child.kill()
        raise AssertionError(f"the holder did not start: {line!r} {child.stderr.read() if child.stderr else ''}")
    return child
