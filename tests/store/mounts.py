"""A small tmpfs mounted for a test (root only): a full disk, or a disk made read-only."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def mounted_tmpfs(folder: Path, size: str, why: str = "mounting needs root") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``folder`` for the test; skip where mounting is not allowed."""
    if os.geteuid() != 0:
        pytest.skip(why)
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True).returncode:
        pytest.skip("no mount rights")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)
