"""The version lives in briefing/__init__.py; the CHANGELOG and the AppStream releases follow it."""

import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from briefing import __version__

ROOT = Path(__file__).resolve().parents[2]
METAINFO = ROOT / "packaging" / "linux" / "org.example.Briefing.metainfo.xml"


def changelog_versions() -> list[tuple[str, str]]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", text, flags=re.MULTILINE)


def test_the_wheel_reads_the_version_from_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "briefing/__init__.py"


def test_the_latest_changelog_release_is_this_version():
    versions = changelog_versions()
    assert versions, "CHANGELOG.md has no '## [x.y.z] - YYYY-MM-DD' section"
    assert versions[0][0] == __version__


def test_the_latest_appstream_release_is_the_changelog_release():
    releases = ET.parse(METAINFO).getroot().findall("./releases/release")
    assert [(r.get("version"), r.get("date")) for r in releases] == changelog_versions()


def test_briefing_version_prints_it():
    result = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"Briefing {__version__}"
