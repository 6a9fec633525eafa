"""One writer per workspace: an operating-system lock on ``<workspace>.lock``.

The lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows. The operating system drops it
when the process ends, however it ends (SIGKILL, a crash), so it never goes stale and needs no
clean-up; the file itself stays beside the workspace. Connections of one process share the lock:
the app's worker threads open their own connection to the workspace its window holds.

The lock file's text is also the workspace's clean-close marker: ``open <pid>`` while it is held,
``closed`` once the last connection closed normally. A workspace whose marker is missing (a file
from elsewhere, or never opened here) or still says ``open`` (the last session was killed) gets a
full ``quick_check`` when it is opened, once per process; see ``briefing.store.integrity``.

The lock file sits beside a workspace that may have come from someone else, so it is trusted
no more than the workspace: a symbolic link is never followed (``ln -s ~/.bashrc x.lock`` would
have us write our marker into it), and a file that is not one we make (another kind of file, a
hard link, other text) is refused, never truncated.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.domain import WorkspaceError, WorkspaceLocked

CLOSED, OPEN, MISSING = "closed", "open", "missing"
_LOCK_OFFSET = 1 << 20  # Windows locks are mandatory: lock a byte far from the marker text
_MARKER_TEXT = re.compile(rb"((open \d+|closed)\n?)?")
# no symbolic link followed; a named pipe opened without waiting; not inherited by children
_OPEN_FLAGS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


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

    @property
    def opened(self) -> bool:
        """True once this process opened the workspace (``mark_open``) under this lock."""
        return self._entry is not None and self._entry.marked

    @property
    def check_due(self) -> bool:
        """True until this process opened the workspace once: the full check, when the last
        session did not close it, is for the first open, not for every worker's connection."""
        return self._entry is not None and self._entry.previous != CLOSED and not self._entry.marked

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


LOCK_POLL = 0.05  # seconds between tries while waiting for the lock
# how long a writer (an edit, the window) waits for a lock another Briefing holds before it is
# refused or opens read-only: a command that only reads holds it for well under a second
LOCK_WAIT = 3.0


def acquire(workspace: Path, wait: float = 0.0) -> WorkspaceLock:
    """Take (or share, within this process) the workspace's lock, waiting up to ``wait`` seconds
    for another process to let it go (a command that only reads holds it for a moment).

    Raises WorkspaceLocked when another process holds it, WorkspaceError when the lock file
    is not one Briefing makes, OSError when it cannot be created (a read-only folder).
    """
    key = os.path.realpath(workspace)
    entry = _held.get(key)
    if entry is None:
        entry = _held.setdefault(key, _take(workspace, wait))
    lock = WorkspaceLock(key, entry)
    entry.users.add(id(lock))
    return lock


def in_use(workspace: Path) -> bool:
    """True when this or another process has the workspace open for writing."""
    if os.path.realpath(workspace) in _held:
        return True
    try:
        fd = _open_lock_file(lock_path(workspace), os.O_RDWR)
    except (OSError, WorkspaceError):
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
    return _marker_of(_read_marker(workspace))


def describe_holder(workspace: Path) -> str:
    """ "Briefing process 123", from the pid the holder wrote, else "another Briefing process"."""
    words = _read_marker(workspace).split()
    if len(words) > 1 and words[0] == OPEN and words[1].isdigit():
        return f"Briefing process {words[1]}"
    return "another Briefing process"


def _read_marker(workspace: Path) -> str:
    """The lock file's text, or "" when there is none or it is not one we make."""
    try:
        fd = _open_lock_file(lock_path(workspace), os.O_RDONLY)
    except (OSError, WorkspaceError):
        return ""
    try:
        return _read(fd)
    finally:
        os.close(fd)


def _open_lock_file(path: Path, flags: int) -> int:
    """Open the lock file, refusing a link, another kind of file or someone else's text.

    Raises WorkspaceError for a file we did not make, OSError when it cannot be opened.
    """
    if not hasattr(os, "O_NOFOLLOW") and path.is_symlink():  # Windows: look first
        raise WorkspaceError(f"{path}: is a symbolic link, not a lock file Briefing made; remove it")
    try:
        fd = os.open(path, flags | _OPEN_FLAGS, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symbolic link
            raise WorkspaceError(f"{path}: is a symbolic link, not a lock file Briefing made; remove it") from None
        raise
    try:
        problem = _foreign(fd)
    except BaseException:
        os.close(fd)
        raise
    if problem:
        os.close(fd)
        raise WorkspaceError(f"{path}: {problem}, not a lock file Briefing made; remove it to open the workspace")
    return fd


def _foreign(fd: int) -> str:
    """Why the open file is not a lock file of ours, or "" when it is (or is new and empty)."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file"
    if info.st_nlink > 1:
        return "is a hard link to another file"
    os.lseek(fd, 0, os.SEEK_SET)
    if info.st_size > 64 or not _MARKER_TEXT.fullmatch(os.read(fd, 65)):
        return "holds other text"
    return ""


def _take(workspace: Path, wait: float = 0.0) -> _Entry:
    fd = _open_lock_file(lock_path(workspace), os.O_RDWR | os.O_CREAT)
    try:
        deadline = time.monotonic() + wait
        while not (locked := _try_lock(fd)) and time.monotonic() < deadline:
            time.sleep(LOCK_POLL)
        if not locked:
            raise WorkspaceLocked(
                f"{workspace}: open in {describe_holder(workspace)}; close it there first (commands that "
                "only read, such as search, sources or export, work meanwhile)"
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
