"""Linux desktop integration: .desktop file, AppStream metainfo, MIME type and icons, validated."""

import configparser
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "packaging" / "icons"
APP_ID = "org.example.Briefing"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-briefing-workspace"
PROJECT_URL = "https://example.org/briefing"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; .ci/run installs it)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates():
    result = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates():
    result = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert not problems, result.stdout


def test_mime_database_accepts_the_workspace_type(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / MIME.name)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}  # else it notes that tmp_path is not searched
    result = subprocess.run(
        [_tool("update-mime-database", "shared-mime-info"), str(tmp_path / "mime")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    assert f"{MIME_TYPE}:*.briefing" in (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")


def test_the_files_name_one_app_one_type_and_one_project():
    entry = _desktop_entry()
    assert entry["Exec"] == "briefing %f" and entry["TryExec"] == "briefing"  # %f: the file manager's file
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == f"{MIME_TYPE};"
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "briefing"
    assert root.findtext("url[@type='homepage']") == PROJECT_URL
    mime = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    assert mime is not None and mime.get("type") == MIME_TYPE
    assert mime.find("m:glob", MIME_NS).get("pattern") == "*.briefing"  # type: ignore[union-attr]
    ui_app = (ROOT / "briefing" / "ui" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in ui_app  # Wayland finds the window's .desktop file by it


def test_metainfo_screenshots_are_the_readme_screenshots():
    images = [e.text or "" for e in ET.parse(METAINFO).getroot().iter("image")]
    assert images
    for url in images:
        assert url.startswith(f"{PROJECT_URL}/docs/screenshots/")
        assert (ROOT / url.removeprefix(f"{PROJECT_URL}/")).is_file(), url


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256, 512])
def test_png_icons_have_their_size(size):
    assert _png_size(ICONS / f"briefing-{size}.png") == (size, size)


def test_windows_and_macos_icons_are_there():
    assert (ICONS / "briefing.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "briefing.icns").read_bytes()[:4] == b"icns"
    assert (ROOT / "resources" / "icons" / "briefing.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_make_install_desktop_puts_everything_under_prefix_and_uninstall_removes_it(tmp_path):
    make = _tool("make", "make")
    prefix = tmp_path / "prefix"
    bundle = "/opt/Briefing/Briefing"
    result = subprocess.run(
        [make, "-s", "-C", str(ROOT), "install-desktop", f"PREFIX={prefix}", f"EXEC={bundle}"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    share = prefix / "share"
    installed = sorted(str(p.relative_to(share)) for p in share.rglob("*") if p.is_file() and APP_ID in p.name)
    assert installed == sorted(
        [
            f"applications/{APP_ID}.desktop",
            f"metainfo/{APP_ID}.metainfo.xml",
            f"mime/packages/{APP_ID}.xml",
            f"icons/hicolor/scalable/apps/{APP_ID}.svg",
            *(f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in (16, 32, 48, 64, 128, 256, 512)),
        ]
    )
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"\nExec={bundle} %f\n" in desktop and f"\nTryExec={bundle}\n" in desktop

    result = subprocess.run(
        [make, "-s", "-C", str(ROOT), "uninstall-desktop", f"PREFIX={prefix}"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert not [p for p in share.rglob("*") if p.is_file() and APP_ID in p.name]
