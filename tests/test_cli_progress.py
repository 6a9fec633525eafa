"""The command line's progress bar on a real terminal (a pseudo-terminal of a given width)."""

import fcntl
import os
import struct
import termios

import pytest

from briefing.cli_output import progress_printer


@pytest.fixture
def terminal():
    """A pseudo-terminal 60 columns wide: (the stream a command writes to, what it shows)."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    stream = os.fdopen(follower, "w", encoding="utf-8")

    def shown() -> str:
        stream.flush()
        chunks = []
        os.set_blocking(leader, False)
        try:
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)
        except BlockingIOError:
            pass
        return b"".join(chunks).decode("utf-8")

    yield stream, shown
    stream.close()
    os.close(leader)


def _lines_drawn(written: str) -> list[str]:
    return [part for part in written.split("\r") if part]


def test_the_bar_fits_a_narrow_terminal_so_it_redraws_in_place(terminal):
    """On an 80-column terminal a bar of 840 files was 81 columns wide: every redraw wrapped and
    the import scrolled one line per file."""
    stream, shown = terminal
    bar = progress_printer(stream)
    for done in range(3):
        bar(done, 840, f"Reading breitbart_2016-03-15_the-latest-story-number-{done}.txt")
    written = shown()
    assert "\n" not in written
    drawn = _lines_drawn(written)
    assert len(drawn) == 3 and all(len(line) <= 57 for line in drawn)
    assert drawn[0].startswith("[") and "0/840 Reading breitbart" in drawn[0]


def test_wide_characters_count_two_columns(terminal):
    stream, shown = terminal
    progress_printer(stream)(1, 9, "Analysing " + "罗森伯格" * 20)
    (line,) = _lines_drawn(shown())
    wide = sum(c == "罗" or c == "森" or c == "伯" or c == "格" for c in line)
    assert 55 <= len(line) + wide <= 57


def test_clearing_blanks_the_bar_so_a_message_starts_at_the_left_edge(terminal):
    stream, shown = terminal
    bar = progress_printer(stream)
    bar(5, 840, "Reading a.txt")
    shown()
    bar.clear()
    assert shown().strip(" \r") == ""
    bar.clear()  # nothing drawn: nothing written
    assert shown() == ""


def test_fitted_cuts_by_columns():
    from briefing.cli_output import fitted

    assert fitted("abc", 2) == "ab"
    assert fitted("罗森伯", 5) == "罗森"
    assert fitted("e\u0301te\u0301", 3) == "e\u0301te\u0301"
