"""Which files an import run reads: supported suffixes, the size limit, folder expansion."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

# suffix -> the Document.format it becomes
FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".pdf": "pdf",
    ".docx": "docx",
    ".eml": "eml",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(FORMAT_BY_SUFFIX)
MAX_FILE_BYTES = 50 * 1024 * 1024
# Extracted text, whatever the format: about 8,000 pages, and ~400 MB at most while it is cleaned.
MAX_TEXT_CHARS = 16_000_000


PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# a browser's "Web Page, complete": the page's name, a separator and one word for "files"
RESOURCE_FOLDER = re.compile(r"(?P<page>.+)[_-][^\W\d_]+")


def suffix_of(path: Path) -> str:
    return path.suffix.lower()


def describe_unsupported(path: Path) -> str:
    suffix = suffix_of(path) or "(no suffix)"
    known = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return f"unsupported file type {suffix}; supported: {known}"


def describe_oversize(size: int, limit: int) -> str:
    return f"file too large ({size / 1048576:.1f} MB; the limit is {limit // 1048576} MB)"


def describe_too_long(length: int, limit: int) -> str:
    return f"text too long ({length / 1e6:.1f} million characters; the limit is {limit // 1_000_000} million)"


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders into the supported files to import, plus (path, reason) problems.

    Folders are walked recursively in sorted order; inside them hidden entries, Office lock
    files, unsupported suffixes and the resource folders of saved web pages are skipped
    silently, because a folder of sources usually carries such strays. A file named explicitly
    with an unsupported suffix is reported.
    """
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for given in paths:
        path = Path(given)
        try:
            is_folder, exists = path.is_dir(), path.exists()
        except OSError as error:  # inside a folder this user may not enter
            problems.append((str(given), f"could not be read ({error.strerror or error})"))
            continue
        if is_folder:
            files.extend(walk_folder(path, problems))
        elif not exists:
            if path.is_symlink():
                problems.append((str(given), f"broken link: {path.name} -> {os.readlink(path)}"))
                continue
            problems.append((str(given), "no such file or folder"))
        elif suffix_of(path) not in SUPPORTED_SUFFIXES:
            problems.append((str(given), describe_unsupported(path)))
        else:
            files.append(path)
    return drop_duplicates(files), problems


def walk_folder(root: Path, problems: list[tuple[str, str]]) -> list[Path]:
    """Supported, visible files under ``root``, sorted by their path inside it.

    Links are never followed out of ``root``: each one that would have been read is reported
    as a skipped link. A link to a file inside ``root`` is read unless its target already is;
    links to folders are not walked (one inside ``root`` adds nothing, and none can loop).
    """
    found: list[Path] = []
    linked: list[Path] = []
    base = root.resolve()

    def note_error(error: OSError) -> None:
        problems.append((str(error.filename or root), f"folder could not be read ({error.strerror})"))

    for folder, dirnames, filenames in os.walk(root, onerror=note_error):
        pages = {Path(name).stem for name in filenames if suffix_of(Path(name)) in PAGE_SUFFIXES}
        dirnames[:] = sorted(name for name in dirnames if not is_hidden(name) and not is_page_resources(name, pages))
        for name in [name for name in dirnames if (Path(folder) / name).is_symlink()]:
            dirnames.remove(name)
            check_link(Path(folder) / name, base, problems)
        for name in sorted(filenames):
            path = Path(folder) / name
            if is_hidden(name) or suffix_of(path) not in SUPPORTED_SUFFIXES:
                continue
            if path.is_symlink():
                if check_link(path, base, problems) and path.is_file():
                    linked.append(path)
            elif path.is_file():
                found.append(path)

    def order(paths: list[Path]) -> list[Path]:
        return sorted(paths, key=lambda p: p.relative_to(root).parts)

    return order(found) + order(linked)  # a real file beats a link to it when duplicates go


def check_link(path: Path, base: Path, problems: list[tuple[str, str]]) -> bool:
    """True when the link ``path`` points inside ``base``; otherwise reported as skipped, or
    as broken when it points nowhere."""
    if not path.exists():
        problems.append((str(path), f"broken link: {path.name} -> {os.readlink(path)}"))
        return False
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        target = None
    if target is not None and target.is_relative_to(base):
        return True
    problems.append((str(path), f"skipped link: {path.name} -> outside the folder"))
    return False


def is_page_resources(name: str, pages: set[str]) -> bool:
    """Whether folder ``name`` holds the pictures, scripts and embedded frames (ads, posts, each
    an .html file) a browser saved with the page beside it: "Article_files" beside "Article.html"
    ("Article-Dateien", "Article_fichiers" ... in other languages)."""
    match = RESOURCE_FOLDER.fullmatch(name)
    return match is not None and match["page"] in pages


def is_hidden(name: str) -> bool:
    # "~$" marks the lock files Word and Excel leave next to an open document
    return name.startswith(".") or name.startswith("~$")


def drop_duplicates(files: list[Path]) -> list[Path]:
    """Keep the first mention of each file, so naming a file and its folder reads it once."""
    seen: set[str] = set()
    unique = []
    for path in files:
        try:
            key = str(path.resolve())
        except OSError:
            key = str(path.absolute())
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
