"""Operations that span packages: files through the importers into the store.

Core operations are synchronous; long ones take a ``progress(done, total, label)``
callable and a ``cancelled()`` callable so the CLI and the app can drive them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing import paths
from briefing.demo import add_demo_briefing
from briefing.domain import BriefingError, ImportReport, IngestError, WorkspaceError
from briefing.nlp.model import ModelUnavailable
from briefing.store import Workspace, open_workspace
from briefing.store.analysis import AnalysisRun, replace_all_suggestions, save_analysis, sources_needing_analysis
from briefing.store.backup import maybe_back_up
from briefing.store.passages import iter_passages, list_claim_texts
from briefing.store.sources import add_document, get_source

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
    analyse: bool = True,
) -> ImportReport:
    """Import files and folders, then analyse what is new; one transaction per source."""
    with ws.bulk():
        return _import_and_analyse(ws, targets, progress, cancelled, analyse)


def _import_and_analyse(ws: Workspace, targets, progress: Progress, cancelled: Cancelled,
                        analyse: bool) -> ImportReport:
    from briefing import ingest  # the importers' libraries load with the first import, not at start

    files, problems = ingest.collect_files(targets)
    report = ImportReport(failed=list(problems))
    for done, path in enumerate(files):
        if cancelled():
            report.cancelled = True
            return report
        progress(done, len(files), f"Reading {path.name}")
        _import_one(ws, path, report, ingest.read_document)
    if analyse:
        try:
            report.analysed = analyse_sources(ws, None, progress, cancelled)
        except ModelUnavailable as exc:
            report.notes.append(f"imported without analysis: {exc}")
    progress(1, 1, "")
    return report


def analyse_sources(
    ws: Workspace,
    source_ids: list[int] | None = None,
    progress: Progress = _no_progress,
    cancelled: Cancelled = _never,
) -> int:
    """Analyse the given sources (default: those not analysed by this version); returns the count."""
    ids = sources_needing_analysis(ws) if source_ids is None else list(source_ids)
    if not ids:
        return 0
    with ws.bulk():
        return _analyse(ws, ids, progress, cancelled)


def _analyse(ws: Workspace, ids: list[int], progress: Progress, cancelled: Cancelled) -> int:
    from briefing.nlp.analyse import analyse_texts  # spaCy loads on first use, never at start

    titles: dict[int, str | None] = {}

    def items():
        for source_id in ids:
            source = get_source(ws, source_id)
            titles[source_id] = source.title
            yield source.text, source.title

    done, run = 0, AnalysisRun()
    for source_id, analysis in zip(ids, analyse_texts(items()), strict=False):
        if cancelled():
            break
        progress(done, len(ids), f"Analysing {titles.pop(source_id, None) or source_id}")
        save_analysis(ws, source_id, analysis, run)
        done += 1
    suggest_related_passages(ws)
    return done


def suggest_related_passages(ws: Workspace) -> None:
    """Refresh every claim's open suggestions from the sentences of other sources."""
    from briefing.nlp.related import Passage, PassageIndex

    index = PassageIndex(Passage(*row) for row in iter_passages(ws))

    def suggestions():
        for claim_id, source_id, text in list_claim_texts(ws):
            found = index.related(text, exclude_source=source_id)
            yield claim_id, [(s.passage.source_id, s.passage.start, s.passage.end, s.score, s.relation) for s in found]

    replace_all_suggestions(ws, suggestions())  # one commit for all claims, not one per claim


def _import_one(ws: Workspace, path: Path, report: ImportReport, read_document) -> None:
    try:
        doc = read_document(path)
        _, created = add_document(ws, doc)
    except IngestError as exc:
        report.failed.append((exc.path, exc.reason))
        return
    except WorkspaceError:
        raise  # disk full, a read-only or damaged file: the next files would fail the same way
    except BriefingError as exc:
        report.failed.append((str(path), str(exc)))
        return
    (report.imported if created else report.unchanged).append(str(path))


def open_default_workspace(
    path: str | Path | None = None, *, fallback_read_only: bool = False, backup: bool = True
) -> Workspace:
    """Open ``path``, or the user's default workspace, made from the demo corpus on first use.

    Opening for writing also makes a backup (unless ``backup`` is False) when the newest is
    more than ten minutes old and the workspace changed since, and again as edits commit
    (``ws.auto_backup``; a failed backup is kept in ``ws.backup_problem``). With ``fallback_read_only`` a
    workspace another process is writing (or a read-only file) opens read-only instead of
    raising WorkspaceLocked; check ``ws.read_only`` and ``ws.read_only_reason``.
    """
    target = workspace_path(path)
    if path is None and not target.exists():
        create_demo_workspace(target)
    ws = open_workspace(target, fallback_read_only=fallback_read_only)
    if backup and not ws.read_only:
        try:
            maybe_back_up(ws)
        except WorkspaceError as exc:  # the workspace itself is fine: work goes on, the problem is shown
            ws.backup_problem = str(exc)
        ws.auto_backup = True  # and every ten minutes while edits are made
    return ws


def workspace_path(path: str | Path | None = None) -> Path:
    """``path`` as given, or the user's default workspace."""
    return Path(path).expanduser() if path is not None else paths.default_workspace()


def create_demo_workspace(target: Path) -> None:
    """Build the demo workspace beside ``target`` and move it into place only when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    draft = target.with_name(target.name + ".draft")
    for leftover in (draft, Path(f"{draft}-wal"), Path(f"{draft}-shm")):
        leftover.unlink(missing_ok=True)
    with open_workspace(draft) as ws:
        import_paths(ws, [paths.demo_dir()])
        add_demo_briefing(ws)
    os.replace(draft, target)
    Path(f"{draft}.lock").unlink(missing_ok=True)
