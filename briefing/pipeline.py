"""Operations that span packages: files through the importers into the store.

Core operations are synchronous; long ones take a ``progress(done, total, label)``
callable and a ``cancelled()`` callable so the CLI and the app can drive them. An import
also takes ``call(fn, *args)``, which runs its CPU-heavy steps (reading one file, analysing
one text); the app's runs them in a child process that Cancel stops, and raises
``Cancelled`` when it does. By default they run in place, as the CLI wants.

Entities, quotes, claims and summaries come from an English model and English rules: a source
whose language is known and not English is imported and searchable but not analysed (an
empty analysis is saved, so it is not queued again and no English-model output is left on
it); its ``language`` says why, and ``analysis_withheld`` says it in words.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.demo import add_demo_briefing
from briefing.domain import Analysis, BriefingError, ImportReport, IngestError, WorkspaceError
from briefing.languages import analysis_withheld, withheld_note
from briefing.nlp.model import ModelUnavailable
from briefing.store import Workspace, open_workspace
from briefing.store.analysis import AnalysisRun, analysis_run, characters_to_analyse, save_analysis
from briefing.store.backup import maybe_back_up
from briefing.store.postgres import describe, is_postgres
from briefing.store.source_versions import import_document
from briefing.store.sources import all_source_ids, get_source, not_analysed_ids
from briefing.suggesting import suggest_related_passages
from briefing.workers import AnalysisPool, Cancelled, analyse_batch

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
Call = Callable[..., Any]
MIN_CHARACTERS_PER_WORKER = 100_000  # about 15,000 words: several times a model load's worth
FILE_BYTES_PER_TEXT_CHARACTER = 3  # a page's or document's size on disk against its text, roughly
NOT_ANALYSED = Analysis(entities=(), quotes=(), claims=(), sentences=(), summary="")


def _no_progress(done: int, total: int, label: str) -> None:
    pass


def _never() -> bool:
    return False


def _in_place(fn: Callable[..., Any], *args: Any) -> Any:
    return fn(*args)


def import_paths(
    ws: Workspace,
    targets: Iterable[str | Path],
    progress: Progress = _no_progress,
    cancelled: IsCancelled = _never,
    analyse: bool = True,
    call: Call | None = None,
    jobs: int = 1,
) -> ImportReport:
    """Import files and folders, then analyse what is new; one transaction per source.

    ``jobs`` > 1 analyses in that many worker processes (``briefing.workers.AnalysisPool``)
    while this process reads the files and saves the analyses, the one writer."""
    with ws.bulk():
        report = ImportReport()
        try:
            _import_and_analyse(ws, targets, progress, cancelled, analyse, call, report, jobs)
        except Cancelled:
            report.cancelled = True
        return report


def _import_and_analyse(
    ws: Workspace,
    targets,
    progress: Progress,
    cancelled: IsCancelled,
    analyse: bool,
    call: Call | None,
    report: ImportReport,
    jobs: int = 1,
) -> None:
    from briefing import ingest  # the importers' libraries load with the first import, not at start

    targets = list(targets)
    files, problems = ingest.collect_files(targets)
    report.failed.extend(problems)
    report.failed.extend(_folders_without_sources(targets, files + [Path(path) for path, _ in problems]))
    before = set(all_source_ids(ws))  # what the import adds is what the related passages must look at
    run = call or _in_place
    read = lambda p: run(ingest.read_document, p)  # noqa: E731 - a short local that names the step
    workers = _workers_for_files(files, jobs) if analyse else 1
    with AnalysisPool(workers, cancelled) if workers > 1 else nullcontext() as pool:
        # one pool for the whole import: analysis while reading, what is left, related passages
        pooled = _import_while_analysing(ws, files, read, progress, cancelled, report, pool) if pool else 0
        for done, path in enumerate(files if pool is None else []):
            if cancelled():
                raise Cancelled()
            progress(done, len(files), f"Reading {path.name}")
            _import_one(ws, path, report, read)
        if analyse:
            _analyse_the_rest(ws, progress, cancelled, call, report, jobs, pool, pooled, before)
    if cancelled():
        raise Cancelled()
    progress(1, 1, "")


RANKING_LABEL = "Finding related passages in other sources"
ANALYSING_LABEL = "Analysing the sources read"  # the files are read, the workers still analyse
SKIPPED_SHOWN = 4  # the commonest other types named when a folder held nothing to import
COMPRESSED = frozenset({".gz", ".bz2", ".xz", ".zst"})


def _folders_without_sources(targets: list[str | Path], found: list[Path]) -> list[tuple[str, str]]:
    """A folder given to import that held no file of a type Briefing reads, with what it held
    instead: the import said '0 imported, 0 already there, 0 failed' and nothing else (a folder
    of saved pages gzipped as .html.gz, of .doc or .rtf files). ``found``: the files to import
    and those already reported (a link out of the folder), which say enough."""
    from briefing.ingest import SUPPORTED_SUFFIXES

    empty = []
    for target in targets:
        folder = Path(target)
        if not folder.is_dir() or any(f.is_relative_to(folder) for f in found):
            continue
        skipped = _other_types(folder)
        held = ", ".join(f"{count} {suffix}" for suffix, count in skipped[:SKIPPED_SHOWN])
        held = f"{held}, …" if len(skipped) > SKIPPED_SHOWN else held
        known = ", ".join(sorted(SUPPORTED_SUFFIXES))
        reason = f"nothing to import: it holds {held}; Briefing reads {known}" if held else "the folder is empty"
        empty.append((str(target), reason))
    return empty


def _shown_suffix(name: str) -> str:
    """'.pdf', '.html.gz' (a compressed file by what it holds), '(no suffix)'."""
    parts = [part.lower() for part in Path(name).suffixes]
    if len(parts) > 1 and parts[-1] in COMPRESSED and parts[-2][1:].isalnum() and len(parts[-2]) <= 6:
        return parts[-2] + parts[-1]
    return parts[-1] if parts else "(no suffix)"


def _other_types(folder: Path, limit: int = 10_000) -> list[tuple[str, int]]:
    """How many visible files of each suffix lie under ``folder`` (the first ``limit`` looked at),
    commonest first."""
    counts: dict[str, int] = {}
    seen = 0
    for _root, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                suffix = _shown_suffix(name)
                counts[suffix] = counts.get(suffix, 0) + 1
                seen += 1
        if seen >= limit:
            break
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _analyse_the_rest(
    ws: Workspace,
    progress: Progress,
    cancelled: IsCancelled,
    call: Call | None,
    report: ImportReport,
    jobs: int,
    pool: AnalysisPool | None,
    pooled: int,
    before: set[int],
) -> None:
    """After the reading: analyse what the pool did not (older waiting sources, after a cancel)
    and rank related passages once for all: for the claims the sources not ``before`` can change."""
    withheld: list[str] = []
    try:
        leftover = analyse_sources(ws, None, progress, cancelled, call, withheld, jobs, pool)
        report.analysed = pooled + leftover
        if pooled and not leftover and not cancelled():
            # analyse_sources ranks them only when it analysed some
            progress(pooled, pooled + 1, RANKING_LABEL)
            suggest_related_passages(ws, pool, changed=set(all_source_ids(ws)) - before)
    except ModelUnavailable as exc:
        report.analysed = pooled
        report.notes.append(f"imported without analysis: {exc}")
    except Cancelled:
        return  # the suggestions are left for the next run
    if withheld:
        report.notes.append(withheld_note(withheld))


def _workers_for_files(files: list[Path], jobs: int) -> int:
    """Analysis processes worth starting for ``files`` before they are read: by their size on
    disk, which is at least their text (pages and documents carry markup besides)."""
    if jobs <= 1 or len(files) <= 1:
        return 1
    size = 0
    for path in files:
        try:
            size += path.stat().st_size
        except OSError:
            continue
    return max(1, min(jobs, len(files), size // (FILE_BYTES_PER_TEXT_CHARACTER * MIN_CHARACTERS_PER_WORKER)))


def _import_while_analysing(
    ws: Workspace,
    files: list[Path],
    read: Callable[[Path], Any],
    progress: Progress,
    cancelled: IsCancelled,
    report: ImportReport,
    pool: AnalysisPool,
) -> int:
    """Read the files here while the ``pool`` analyses the sources already stored: each
    new source goes to the pool as soon as it is saved, so no process waits for the reading to
    end. What the pool has not analysed (a cancel, a missing model) is left for analyse_sources;
    related passages too. Returns how many sources the pool analysed."""
    analysed = 0
    sent: list[int] = []  # the sources given to the pool; when the reading is over, the bar counts them
    read_all: list[bool] = []  # [True] once the last file is read

    unread = iter(files)  # read in order; what the pool stopped before is read below

    def new_sources():
        done = 0
        while not cancelled() and (path := next(unread, None)) is not None:  # a cancel reads no more
            progress(done, len(files), f"Reading {path.name}")
            done += 1
            source_id = _import_one(ws, path, report, read)
            if source_id is not None:
                source = get_source(ws, source_id)
                if analysis_withheld(source.language) is None:
                    sent.append(source_id)
                    yield source_id, source.text, source.title
        if not cancelled() and sent:  # not 'Reading <the last file>' while the pool still works
            read_all.append(True)
            progress(analysed, len(sent), ANALYSING_LABEL)

    with ws.bulk(), analysis_run(ws) as run:
        try:
            for source_id, analysis in pool.analyse(new_sources()):
                save_analysis(ws, source_id, analysis, run)
                analysed += 1
                if read_all and analysed < len(sent):
                    progress(analysed, len(sent), ANALYSING_LABEL)
        except (Cancelled, ModelUnavailable):
            pass  # the sources stay waiting; the files not read yet are read below
    _read_the_rest(ws, unread, read, cancelled, report)
    return analysed


def _read_the_rest(ws: Workspace, unread, read: Callable[[Path], Any], cancelled: IsCancelled, report) -> None:
    """The files the pool stopped before (a cancel, a missing model): read and stored, not analysed."""
    for path in unread:
        if cancelled():
            raise Cancelled()
        _import_one(ws, path, report, read)


def analyse_sources(
    ws: Workspace,
    source_ids: list[int] | None = None,
    progress: Progress = _no_progress,
    cancelled: IsCancelled = _never,
    call: Call | None = None,
    withheld: list[str] | None = None,
    jobs: int = 1,
    pool: AnalysisPool | None = None,
) -> int:
    """Analyse the given sources (default: those not analysed by this version); returns the count.

    Sources in a language the analysis is not written for get an empty analysis instead and
    are not counted; their languages are appended to ``withheld``, one per source.
    A cancelled run keeps the analyses saved so far and leaves the suggestions for the next run.
    """
    ids = not_analysed_ids(ws) if source_ids is None else list(source_ids)
    if not ids:
        return 0
    with ws.bulk(), analysis_run(ws) as run:
        ids = _withhold_other_languages(ws, ids, run, [] if withheld is None else withheld)
        if not ids:
            return 0
        jobs = workers_for(ws, ids, jobs)
        if jobs > 1 and pool is not None:  # the caller's pool, its processes already started
            return _analyse(ws, ids, progress, cancelled, None, run, pool)
        if jobs > 1:
            with AnalysisPool(jobs, cancelled) as own:
                return _analyse(ws, ids, progress, cancelled, None, run, own)
        return _analyse(ws, ids, progress, cancelled, call, run, ranking=pool)


def workers_for(ws: Workspace, ids: list[int], jobs: int) -> int:
    """How many worker processes are worth starting for ``ids``: each loads the model (a second
    or two), so each gets at least MIN_CHARACTERS_PER_WORKER of text; 1 means no pool."""
    if jobs <= 1 or len(ids) <= 1:
        return 1
    return max(1, min(jobs, len(ids), characters_to_analyse(ws, ids) // MIN_CHARACTERS_PER_WORKER))


def _withhold_other_languages(ws: Workspace, ids: list[int], run: AnalysisRun, withheld: list[str]) -> list[int]:
    """The ids to analyse; the others get an empty analysis, which also clears older machine output."""
    analysed = []
    for source_id in ids:
        language = get_source(ws, source_id).language
        if analysis_withheld(language) is None:
            analysed.append(source_id)
        else:
            save_analysis(ws, source_id, NOT_ANALYSED, run)
            withheld.append(str(language))
    return analysed


def _analyse(
    ws: Workspace,
    ids: list[int],
    progress: Progress,
    cancelled: IsCancelled,
    call: Call | None,
    run: AnalysisRun,
    pool: AnalysisPool | None = None,
    ranking: AnalysisPool | None = None,
) -> int:
    """``ranking``: a pool that only ranks related passages (the analysis runs here or in ``call``)."""
    done = 0
    try:
        for source_id, analysis in _analyses(ws, ids, progress, call, pool):
            if cancelled():
                break
            save_analysis(ws, source_id, analysis, run)
            done += 1
        if not cancelled():
            progress(len(ids), len(ids) + 1, RANKING_LABEL)  # the bar would stand still on the last file
            suggest_related_passages(ws, pool or ranking, changed=ids)
    except Cancelled:
        return done
    return done


def _analyses(
    ws: Workspace, ids: list[int], progress: Progress, call: Call | None, pool: AnalysisPool | None = None
) -> Iterator:
    """(source id, Analysis) in order: through worker processes, streamed through spaCy in
    batches here, or one ``call`` each."""

    def items():
        for index, source_id in enumerate(ids):
            source = get_source(ws, source_id)
            # an untitled source by the name of its file, as the source list shows it
            name = source.title or (source.path or "").replace("\\", "/").rsplit("/", 1)[-1] or f"source {source_id}"
            progress(index, len(ids), f"Analysing {name}")
            yield source_id, source.text, source.title

    if pool is not None:  # this process never loads the model
        yield from pool.analyse(items())
        return
    if call is None:
        from briefing.nlp.analyse import analyse_texts  # spaCy loads on first use, never at start

        yield from zip(ids, analyse_texts((text, title) for _, text, title in items()), strict=False)
        return
    for source_id, text, title in items():  # the model loads where ``call`` runs, never here
        yield source_id, call(analyse_batch, [(text, title)])[0]


def _import_one(ws: Workspace, path: Path, report: ImportReport, read_document) -> int | None:
    """Read and store one file, its outcome in ``report``; the id of the source it made or
    updated to a new version (None when it failed or was there already)."""
    try:
        doc = read_document(path)
        stored = import_document(ws, doc)
    except IngestError as exc:
        report.failed.append((exc.path, exc.reason))
        return None
    except WorkspaceError:
        raise  # disk full, a read-only or damaged file: the next files would fail the same way
    except BriefingError as exc:
        report.failed.append((str(path), str(exc)))
        return None
    if stored.status != "unchanged":
        report.left_out.extend((str(path), remark) for remark in doc.left_out)
    if stored.status == "version":
        report.versions.append(str(path))
        report.notes.append(stored.describe(path.name))
        for state, count in stored.counts().items():
            report.carried[state] = report.carried.get(state, 0) + count
        return stored.source_id
    (report.imported if stored.status == "created" else report.unchanged).append(str(path))
    return stored.source_id if stored.status == "created" else None


def open_default_workspace(
    path: str | Path | None = None,
    *,
    fallback_read_only: bool = False,
    backup: bool = True,
    create: bool = True,
    wait: float = 0.0,
) -> Workspace:
    """Open ``path``, or the user's default workspace, made from the demo corpus on first use.

    Opening for writing also makes a backup (unless ``backup`` is False) when the newest is
    more than ten minutes old and the workspace changed since, and again as edits commit
    (``ws.auto_backup``; a failed backup is kept in ``ws.backup_problem``). With ``fallback_read_only`` a
    workspace another process is writing (or a read-only file) opens read-only instead of
    raising WorkspaceLocked; check ``ws.read_only`` and ``ws.read_only_reason``. Without
    ``create`` an empty PostgreSQL database is refused rather than made a workspace.
    """
    if isinstance(path, str) and is_postgres(path):
        return open_workspace(path, create=create)  # the server keeps it: no lock file, no backups here
    target = workspace_path(path)
    if path is None and not target.exists():
        create_demo_workspace(target)
    ws = open_workspace(target, fallback_read_only=fallback_read_only, wait=wait)
    if backup and not ws.read_only:
        try:
            maybe_back_up(ws)
        except WorkspaceError as exc:  # the workspace itself is fine: work goes on, the problem is shown
            ws.backup_problem = str(exc)
        ws.auto_backup = True  # and every ten minutes while edits are made
    return ws


def workspace_path(path: str | Path | None = None) -> Path:
    """``path`` as given, or the user's default workspace; a PostgreSQL workspace has no file
    (WorkspaceError: backups and restores are the server's business there)."""
    if isinstance(path, str) and is_postgres(path):
        raise WorkspaceError(
            f"{describe(path)}: a PostgreSQL workspace is backed up by its server (pg_dump); "
            "briefing copy makes a file of it"
        )
    return Path(path).expanduser() if path is not None else paths.default_workspace()


def create_demo_workspace(target: Path) -> None:
    """Build the demo workspace beside ``target`` and move it into place only when complete."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only home, a file where the folder goes: the window must say it
        reason = (exc.strerror or type(exc).__name__).lower()
        raise WorkspaceError(
            f"{target.parent}: cannot make the folder for your workspace ({reason}); "
            "briefing --workspace FILE.briefing keeps one elsewhere"
        ) from None
    draft = target.with_name(target.name + ".draft")
    for leftover in (draft, Path(f"{draft}-wal"), Path(f"{draft}-shm")):
        leftover.unlink(missing_ok=True)
    with open_workspace(draft) as ws:
        import_paths(ws, [paths.demo_dir()])
        add_demo_briefing(ws)
    os.replace(draft, target)
    Path(f"{draft}.lock").unlink(missing_ok=True)
