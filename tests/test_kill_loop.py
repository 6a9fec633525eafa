"""Nothing acknowledged is lost: children edit or import, are killed with SIGKILL at random moments.

A moment is counted in acknowledgements, never in seconds: a child is killed once it has
acknowledged a random number of changes (or right after it says it is opening the workspace),
so the test does the same work on a fast machine and on a loaded one.

An edit child makes analyst edits through the store (claim marks with reasons, notes with
tags, entities, reliability grades, briefing items, now and then a backup) and prints
``ack ...`` to a file after each store call has returned, which is when the app shows an edit
as done. An import child runs ``pipeline.import_paths`` over a fresh corpus and acknowledges
every file the progress callback reports finished. After each kill the workspace must pass
``PRAGMA integrity_check`` and ``foreign_key_check`` and hold every acknowledged change, and
the newest acknowledged backup must be a sound workspace. The seed is printed on failure;
``KILL_LOOP_SEED`` replays one.

The same loop runs against a team workspace on PostgreSQL (the private test server), with fewer
kills: there the server checks the foreign keys, and backups are the server's, so the edit child
makes none.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing.store import open_workspace
from briefing.store.claims import add_claim
from briefing.store.sources import add_document
from tests.processes import ROOT, child_env
from tests.store.test_sources import make_doc

EDIT_KILLS = 40
IMPORT_KILLS = 12
CORPUS_FILES = 150  # more than an import child gets through before its kill
SEED = int(os.environ.get("KILL_LOOP_SEED", "20260309"))

EDIT_CHILD = r"""
import random, sys
from briefing.domain import CLAIM_STATUSES, RELIABILITY_GRADES
from briefing.store import open_workspace
from briefing.store.backup import back_up
from briefing.store.briefings import add_item, create_briefing
from briefing.store.claims import list_claims_with_evidence, mark_claim
from briefing.store.annotations import add_annotation
from briefing.store.entities import add_entity
from briefing.store.sources import list_sources, update_source

path, tag, backups = sys.argv[1], sys.argv[2], sys.argv[3] == "backups"
rng = random.Random(tag)
print("opening", flush=True)
ws = open_workspace(path)
status = {c["id"]: c["status"] for c in list_claims_with_evidence(ws)}
grades = {s.id: s.reliability for s in list_sources(ws)}
sources = sorted(grades)
briefing = create_briefing(ws, f"Note {tag}")
print(f"ack briefing {briefing} Note {tag}", flush=True)
print("ready", flush=True)
for n in range(100000):
    key = f"{tag}-{n}"
    backup = "backup" if n % 15 == 14 and backups else "note"
    kind = rng.choice(("mark", "mark", "note", "entity", "grade", "item", backup))
    if kind == "mark":
        claim = rng.choice(sorted(status))
        new = rng.choice([s for s in CLAIM_STATUSES if s != status[claim]])
        mark_claim(ws, claim, new, reason=key)
        status[claim] = new
        print(f"ack mark {claim} {new} {key}", flush=True)
    elif kind == "note":
        note = add_annotation(ws, rng.choice(sources), 0, 12, note=key, tags=("kill", key))
        print(f"ack note {note} {key}", flush=True)
    elif kind == "entity":
        print(f"ack entity {add_entity(ws, 'Person ' + key, 'person')} Person {key}", flush=True)
    elif kind == "grade":
        source = rng.choice(sources)
        grades[source] = rng.choice([g for g in RELIABILITY_GRADES if g != grades[source]])
        update_source(ws, source, reason=key, reliability=grades[source])
        print(f"ack grade {source} {key}", flush=True)
    elif kind == "item":
        print(f"ack item {add_item(ws, briefing, 'text', body=key)} {key}", flush=True)
    else:
        print(f"ack backup {back_up(ws, keep=3)}", flush=True)
"""

IMPORT_CHILD = r"""
import sys
from briefing.pipeline import import_paths
from briefing.store import open_workspace

path, corpus = sys.argv[1], sys.argv[2]
print("opening", flush=True)
ws = open_workspace(path)
print("ready", flush=True)

def progress(done, total, label):
    print(f"ack upto {done}", flush=True)

import_paths(ws, [corpus], progress=progress, analyse=False)
"""


@dataclass
class Acks:
    """Everything acknowledged so far, across children."""

    marks: set[str] = field(default_factory=set)  # history reasons
    notes: dict[int, str] = field(default_factory=dict)
    entities: dict[int, str] = field(default_factory=dict)
    grades: set[str] = field(default_factory=set)
    items: dict[int, str] = field(default_factory=dict)
    briefings: dict[int, str] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)  # content hashes
    backup: str | None = None

    def add(self, words: list[str], corpus_files: list[Path]) -> None:
        kind, rest = words[0], words[1:]
        if kind == "mark":
            self.marks.add(rest[2])
        elif kind == "note":
            self.notes[int(rest[0])] = rest[1]
        elif kind == "entity":
            self.entities[int(rest[0])] = " ".join(rest[1:])
        elif kind == "grade":
            self.grades.add(rest[1])
        elif kind == "item":
            self.items[int(rest[0])] = rest[1]
        elif kind == "briefing":
            self.briefings[int(rest[0])] = " ".join(rest[1:])
        elif kind == "backup":
            self.backup = rest[0]
        elif kind == "upto":
            self.sources.update(hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus_files[: int(rest[0])])


EDIT_ACKS = (0, 40)  # a child is killed after this many acknowledgements (chosen at random in the range)
IMPORT_ACKS = (0, 12)


def _acknowledged(log: Path) -> list[list[str]]:
    """Complete ``ack`` lines only: a line cut by the kill was never acknowledged."""
    text = log.read_text(encoding="utf-8")
    lines = text.split("\n")[:-1]  # the piece after the last newline is incomplete
    return [line.split()[1:] for line in lines if line.startswith("ack ")]


def _check(workspace: str, acks: Acks) -> None:
    if Path(workspace).suffix == ".briefing":
        conn = sqlite3.connect(workspace)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    else:
        import psycopg

        conn = psycopg.connect(workspace)  # the server checks its foreign keys itself
    try:
        reasons = {r[0] for r in conn.execute("SELECT reason FROM history WHERE reason IS NOT NULL")}
        assert acks.marks <= reasons and acks.grades <= reasons
        assert acks.notes.items() <= dict(conn.execute("SELECT id, note FROM annotations").fetchall()).items()
        assert acks.entities.items() <= dict(conn.execute("SELECT id, name FROM entities").fetchall()).items()
        assert acks.items.items() <= dict(conn.execute("SELECT id, body FROM briefing_items").fetchall()).items()
        assert acks.briefings.items() <= dict(conn.execute("SELECT id, title FROM briefings").fetchall()).items()
        assert acks.sources <= {r[0] for r in conn.execute("SELECT content_hash FROM sources")}
    finally:
        conn.close()
    if acks.backup and Path(acks.backup).exists():  # an older one may have been pruned since
        with sqlite3.connect(acks.backup) as backup:
            assert backup.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def _prepare(workspace: str) -> None:
    with open_workspace(workspace) as ws:
        for i in range(4):
            text = " ".join(f"Sentence {j} of source {i} says the figure was {j * 7}." for j in range(12))
            source_id, _ = add_document(ws, make_doc(text, title=f"Source {i}"))
            for j in range(6):
                start = text.index(f"Sentence {j} ")
                add_claim(ws, source_id, start, start + 20)


def _write_corpus(folder: Path, round_: int, rng: random.Random) -> list[Path]:
    folder.mkdir()
    files = []
    for i in range(CORPUS_FILES):
        words = " ".join(rng.choice(("water", "outage", "ministry", "pump", "said", "report")) for _ in range(400))
        name, body = (f"a{i:03}.txt", f"Article {round_}-{i}\n\nThe mayor said {words}.")
        if i % 3 == 1:
            name, body = f"a{i:03}.md", f"# Article {round_}-{i}\n\nThe *mayor* said {words}."
        elif i % 3 == 2:
            name, body = f"a{i:03}.html", f"<html><body><h1>Article {round_}-{i}</h1><p>The mayor said {words}.</p>"
        files.append(folder / name)
        files[-1].write_text(body, encoding="utf-8")
    return sorted(files)


def _run_and_kill(code: str, args: list[str], log: Path, acks: int, from_ready: bool) -> bool:
    """Run a child, SIGKILL it once it has acknowledged ``acks`` changes after it is ready (or at
    once after it says it is opening the workspace); True if it was still running."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), cwd=ROOT
    )
    assert child.stdout is not None
    lines: list[bytes] = []
    marker = b"ready\n" if from_ready else b"opening\n"
    while (line := child.stdout.readline()) and line != marker:  # blocks until the child says it
        lines.append(line)
    lines.append(line)
    while line and acks and from_ready and (line := child.stdout.readline()):
        lines.append(line)
        acks -= line.startswith(b"ack ")
    killed = child.poll() is None
    child.send_signal(signal.SIGKILL)
    rest, err = child.communicate()
    log.write_bytes(b"".join(lines) + rest)
    assert killed or child.returncode == 0, err.decode()[-2000:]
    return killed


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "case.briefing")
    return request.getfixturevalue("team_database")


@pytest.mark.slow
def test_acknowledged_work_survives_sigkill(tmp_path, workspace):
    rng = random.Random(SEED)
    path = workspace
    team = not path.endswith(".briefing")
    _prepare(path)
    acks, kills, rounds = Acks(), {"edit": 0, "import": 0}, 0
    scale = 2 if team else 1  # a team workspace's loop is half as long: the same paths, fewer rounds
    plan = ["edit"] * (EDIT_KILLS // scale) + ["import"] * (IMPORT_KILLS // scale)
    rng.shuffle(plan)
    while plan:
        kind, rounds = plan[0], rounds + 1
        log = tmp_path / f"child-{rounds}.log"
        corpus: list[Path] = []
        from_ready = rng.random() > 0.15  # now and then during start-up: the open, the checks
        if kind == "edit":
            killed = _run_and_kill(
                EDIT_CHILD,
                [path, f"{SEED}-{rounds}", "none" if team else "backups"],
                log,
                rng.randint(*EDIT_ACKS),
                from_ready,
            )
        else:
            corpus = _write_corpus(tmp_path / f"corpus-{rounds}", rounds, rng)
            killed = _run_and_kill(
                IMPORT_CHILD, [path, str(corpus[0].parent)], log, rng.randint(*IMPORT_ACKS), from_ready
            )
        for words in _acknowledged(log):
            acks.add(words, corpus)
        try:
            _check(path, acks)
        except AssertionError as failure:
            raise AssertionError(f"after kill {rounds} ({kind}, {path}, seed {SEED}): {failure}") from None
        if killed:
            kills[kind] += 1
            plan.pop(0)
    assert sum(kills.values()) >= 50 // scale
    assert len(acks.marks) > 50 // scale and len(acks.sources) > 20 // scale, "the kills came too early to test much"
    with open_workspace(path) as ws:  # and Briefing opens it as usual afterwards
        assert not ws.read_only
