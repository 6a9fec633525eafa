"""One writer per workspace: an operating-system lock on ``<workspace>.lock``.

The lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows. The operating system drops it
when the process ends, however it ends (SIGKILL, a crash), so it never goes stale and needs no
clean-up; the file itself stays beside the workspace. Connections of one process share the lock:
the app's worker threads open their own connection to the workspace its window holds.

The lock file's text is also the workspace's clean-close marker: ``open <pid>`` while it is held,
``closed`` once the last connection closed normally. A workspace whose marker is missing (a file
from elsewhere, or never opened here) or still says ``open`` (the last session was killed) gets a
full ``quick_check`` when it is opened; see ``briefing.store.integrity``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.domain import WorkspaceLocked

CLOSED, OPEN, MISSING = "closed", "open", "missing"
_LOCK_OFFSET = 1 << 20  # Windows locks are mandatory: lock a byte far from the marker text


@dataclass
class _Entry:
    fd: int
    previous: str  # the marker found when this process took the lock
    users: set[int] = field(default_factory=set)  # ids of the WorkspaceLocks sharing it
    marked: bool = False


_held: dict[str, _Entry] = {}


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


class WorkspaceLock:
    """This process's share of the lock on one workspace; ``release`` it once."""

    def __init__(self, key: str, entry: _Entry):
        self._key = key
        self._entry: _Entry | None = entry

    @property
    def previous(self) -> str:
        """How the last session left the workspace: ``closed``, ``open`` (killed) or ``missing``."""
        return self._entry.previous if self._entry else MISSING

    def mark_open(self) -> None:
        """Record that the workspace is in use; called once it opened successfully."""
        if self._entry and not self._entry.marked:
            _write_marker(self._entry.fd, f"{OPEN} {os.getpid()}\n")
            self._entry.marked = True

    def release(self) -> None:
        entry, self._entry = self._entry, None
        if entry is None:
            return
        # set.discard and dict.pop are single steps under the GIL, so worker threads opening
        # and closing their connections cannot miscount; only the one that pops closes
        entry.users.discard(id(self))
        if entry.users or _held.pop(self._key, None) is not entry:
            return
        try:
            if entry.marked:
                _write_marker(entry.fd, f"{CLOSED}\n")
        finally:
            os.close(entry.fd)  # closing the descriptor drops the lock


def acquire(workspace: Path) -> WorkspaceLock:
    """Take (or share, within this process) the workspace's lock.

    Raises WorkspaceLocked when another process holds it, OSError when the lock file cannot
    be created (a read-only folder).
    """
    key = os.path.realpath(workspace)
    entry = _held.get(key)
    if entry is None:
        entry = _held.setdefault(key, _take(workspace))
    lock = WorkspaceLock(key, entry)
    entry.users.add(id(lock))
    return lock


def in_use(workspace: Path) -> bool:
    """True when this or another process has the workspace open for writing."""
    if os.path.realpath(workspace) in _held:
        return True
    try:
        fd = os.open(lock_path(workspace), os.O_RDWR)
    except OSError:
        return False
    try:
        if _try_lock(fd):
            _unlock(fd)
            return False
        return True
    finally:
        os.close(fd)


def marker(workspace: Path) -> str:
    """The clean-close marker as last written: ``closed``, ``open`` or ``missing``."""
    try:
        text = lock_path(workspace).read_text(encoding="ascii", errors="replace")
    except OSError:
        return MISSING
    return _marker_of(text)


def describe_holder(workspace: Path) -> str:
    """"Briefing process 123", from the pid the holder wrote, else "another Briefing process"."""
    try:
        words = lock_path(workspace).read_text(encoding="ascii", errors="replace").split()
    except OSError:
        words = []
    if len(words) > 1 and words[0] == OPEN and words[1].isdigit():
        return f"Briefing process {words[1]}"
    return "another Briefing process"


def _take(workspace: Path) -> _Entry:
    fd = os.open(lock_path(workspace), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            raise WorkspaceLocked(
                f"{workspace}: open in {describe_holder(workspace)}; close it there first, "
                "or open the workspace read-only"
            )
        return _Entry(fd, _marker_of(_read(fd)))
    except BaseException:
        os.close(fd)
        raise


def _marker_of(text: str) -> str:
    word = (text.split() or [MISSING])[0]
    return word if word in (OPEN, CLOSED) else MISSING


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 64).decode("ascii", "replace")


def _write_marker(fd: int, text: str) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text.encode("ascii"))
    os.fsync(fd)  # a marker lost to a power cut would skip the check that the cut calls for


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
