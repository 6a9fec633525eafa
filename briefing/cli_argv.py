"""The command line's words before argparse reads them, and its argument types.

A file manager opens a workspace by passing its path as the first word (``with_workspace_option``);
Qt's own options ('-platform xcb', '-reverse') go to the window, not to argparse (``qt_options``);
``positive``, ``window_size`` and ``page_size`` turn a word into a value or a usage error (exit 2).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

from briefing.domain import SEARCH_PAGE_MAX
from briefing.paths import SQLITE_HEADER, WORKSPACE_SUFFIX

# Top-level options whose value is the next argument: that value is never a command or a workspace.
_OPTIONS_WITH_VALUES = ("--workspace", "--screenshot", "--view", "--palette", "--size")


def window_size(value: str) -> tuple[int, int]:
    """--size WxH: the screenshot's width and height."""
    match = re.fullmatch(r"(\d{3,4})x(\d{3,4})", value.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, not {value!r}")
    return int(match[1]), int(match[2])


def positive(value: str) -> int:
    """--jobs N, --concurrency N: a whole number of 1 or more."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {value!r}")
    return int(value)


def count_or_all(value: str) -> int:
    """--limit N on a listing: how many rows to print, 0 for all of them."""
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 for all, not {value!r}")
    return int(value)


def with_workspace_option(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """``briefing case.briefing ...`` as ``briefing --workspace case.briefing ...``.

    A file manager opens a workspace by passing its path as the first argument. Only the first
    bare word before a command counts; a word that is neither a command nor a workspace is a
    usage error naming both.
    """
    argv = list(argv)
    index = _first_bare_word(argv)
    if index is None or argv[index] in _command_names(parser):
        return argv
    word = argv[index]
    if not _is_workspace_file(word):
        parser.error(
            f"'{word}' is neither a command ({', '.join(_command_names(parser))}) "
            f"nor a workspace file (*{WORKSPACE_SUFFIX})"
        )
    if any(a == "--workspace" or a.startswith("--workspace=") for a in argv):
        parser.error(f"give the workspace once: '{word}' or --workspace, not both")
    return ["--workspace", word, *argv[:index], *argv[index + 1 :]]


def _first_bare_word(argv: list[str]) -> int | None:
    skip_next = False
    for index, arg in enumerate(argv):
        if skip_next:
            skip_next = False
        elif arg == "--":
            return None
        elif arg.startswith("-"):
            skip_next = arg in _OPTIONS_WITH_VALUES
        else:
            return index
    return None


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(commands.choices)


def _is_workspace_file(word: str) -> bool:
    """A ``*.briefing`` path (made when missing, as with --workspace), or any SQLite file."""
    path = Path(word).expanduser()
    if path.suffix.lower() == WORKSPACE_SUFFIX:
        return True
    if not path.is_file():  # a pipe or a device would block the read below
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def page_size(text: str) -> int:
    """--limit N: a usage error (exit 2) unless 1 <= N <= SEARCH_PAGE_MAX."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= SEARCH_PAGE_MAX:
        raise argparse.ArgumentTypeError(f"must be between 1 and {SEARCH_PAGE_MAX}, not {value}")
    return value


# Qt's own options, as every Qt application takes them ('briefing -platform xcb', '-reverse')
_QT_OPTIONS_WITH_VALUES = frozenset(
    "-platform -platformpluginpath -platformtheme -plugin -qwindowgeometry -qwindowicon -qwindowtitle "
    "-style -stylesheet -display -session".split()
)
_QT_FLAGS = frozenset("-reverse -nograb -dograb -sync".split())


def qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """``argv`` without Qt's own options, and those options, for the window's QApplication."""
    rest: list[str] = []
    qt: list[str] = []
    words = iter(argv)
    for word in words:
        if word in _QT_OPTIONS_WITH_VALUES:
            qt += [word, next(words, "")]
        elif word in _QT_FLAGS:
            qt.append(word)
        else:
            rest.append(word)
    return rest, qt
