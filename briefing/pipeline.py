"""Operations that span packages: files through the importers into the store.

Core operations are synchronous; long ones take a ``progress(done, total, label)``
callable and a ``cancelled()`` callable so the CLI and the app can drive them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing import ingest, paths
from briefing.domain import BriefingError, ImportReport, IngestError
from briefing.store import Workspace, open_workspace
from briefing.store.sources import add_document

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def _no_progress(done: int, total: int, label: str) -> None:
    pass


def _never() -> bool:
    return False


def import_paths(
    ws: Workspace,
    targets: Iterable[str | Path],
    progress: Progress = _no_progress,
    cancelled: Cancelled = _never,
) -> ImportReport:
    """Import files and folders; one transaction per source, failures listed per file."""
    files, problems = ingest.collect_files(targets)
    report = ImportReport(failed=list(problems))
    for done, path in enumerate(files):
        if cancelled():
            report.cancelled = True
            break
        progress(done, len(files), path.name)
        _import_one(ws, path, report)
    else:
        progress(len(files), len(files), "")
    return report


def _import_one(ws: Workspace, path: Path, report: ImportReport) -> None:
    try:
        doc = ingest.read_document(path)
        _, created = add_document(ws, doc)
    except IngestError as exc:
        report.failed.append((exc.path, exc.reason))
        return
    except BriefingError as exc:
        report.failed.append((str(path), str(exc)))
        return
    (report.imported if created else report.unchanged).append(str(path))


def open_default_workspace(path: str | Path | None = None) -> Workspace:
    """Open ``path``, or the user's default workspace, made from the demo corpus on first use."""
    if path is not None:
        return open_workspace(Path(path).expanduser())
    target = paths.default_workspace()
    if not target.exists():
        create_demo_workspace(target)
    return open_workspace(target)


def create_demo_workspace(target: Path) -> None:
    """Build the demo workspace beside ``target`` and move it into place only when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    draft = target.with_name(target.name + ".draft")
    for leftover in (draft, Path(f"{draft}-wal"), Path(f"{draft}-shm")):
        leftover.unlink(missing_ok=True)
    with open_workspace(draft) as ws:
        import_paths(ws, [paths.demo_dir()])
    os.replace(draft, target)
