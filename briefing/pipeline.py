"""Operations that span packages: files through the importers into the store.

Core operations are synchronous; long ones take a ``progress(done, total, label)``
callable and a ``cancelled()`` callable so the CLI and the app can drive them.
"""

from __future__ import annotations

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
    """Open ``path``, or the user's default workspace, seeding a new one with the demo corpus."""
    target = Path(path).expanduser() if path else paths.default_workspace()
    is_new = not target.exists() or target.stat().st_size == 0
    if path is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    ws = open_workspace(target)
    if is_new and path is None:
        import_paths(ws, [paths.demo_dir()])
    return ws
