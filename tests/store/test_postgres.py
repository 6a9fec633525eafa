"""Team workspaces on PostgreSQL: the schema matches SQLite's, and a workspace copies both ways.

The server is a private one in a temporary folder (tests/postgres_server.py), Unix socket only.
"""

import subprocess
import sys

import psycopg
import pytest

from briefing.domain import BriefingError
from briefing.search.engine import search
from briefing.store import open_workspace
from briefing.store.copying import DERIVED_TABLES, TABLES, copy_workspace
from briefing.store.counts import COUNTED_TABLES, count_rows
from briefing.store.migrations import SCHEMA_VERSION
from briefing.store.postgres import POSTGRES_SCHEMA_VERSION, describe, is_postgres
from tests.processes import ROOT, child_env


@pytest.fixture
def workspace_copy(analysed_path, tmp_path):
    path = tmp_path / "case.briefing"
    path.write_bytes(analysed_path.read_bytes())
    return path


def _sqlite_tables(ws) -> list[str]:
    rows = ws.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return sorted(r[0] for r in rows if not r[0].startswith("search_fts_"))


def _rows(ws, table: str) -> list[tuple]:
    return ws.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


def _found(ws, query: str) -> list[tuple]:
    """The hits of a search, without their place in the index (a rebuilt index numbers anew)."""
    return [
        (h.kind, h.ref_id, h.source_id, h.title, h.speaker, h.status, h.snippet)
        for h in search(ws, query, 50, None).page.hits
    ]


# --- no server needed ---------------------------------------------------------------------------


def test_connection_strings_are_told_from_files_and_never_shown_with_their_password():
    for target in ("postgresql://db.example/team", "postgres://u@h/db", "service=team", "host=/run/pg dbname=x"):
        assert is_postgres(target), target
    for target in ("case.briefing", "/data/service.briefing", "a=b.briefing"[:0] or "notes", "C:\\cases\\x.briefing"):
        assert not is_postgres(target), target
    assert describe("postgresql://ana:s3cret@db.example/team") == "postgresql://ana:***@db.example/team"
    assert "s3cret" not in describe("host=db user=ana password=s3cret dbname=team")
    assert "s3 cret" not in describe("host=db password='s3 cret' dbname=team")


@pytest.mark.parametrize(
    "conninfo, secret",
    [
        ("host=/run/pg user=ana password=top\\ secret", "secret"),  # an escaped space
        ("postgresql://ana:sec#ret@/team?host=/run/pg", "ret"),
        ("postgresql://ana:se/cret@/team?host=/run/pg", "cret"),
        ("postgresql://ana:sec%zzret@/team?host=/run/pg", "zzret"),  # libpq cannot decode it
        ("postgresql:///team?host=/run/pg&password=a%zzbq&user=ana", "zzbq"),
    ],
)
def test_a_password_is_never_shown_however_it_is_written(conninfo, secret):
    from briefing.domain import WorkspaceError
    from briefing.store.postgres import connect

    assert secret not in describe(conninfo)
    with pytest.raises(WorkspaceError) as caught:
        connect(conninfo)  # no server at /run/pg here, or a string libpq refuses
    assert secret not in str(caught.value) and "\n" not in str(caught.value)


def test_the_copy_report_counts_in_words():
    """'1 evidence, 1 annotations, 1 briefings, 14 history' read as a dump of table names."""
    from briefing.store.copying import CopyReport

    counts = {"sources": 38, "entities": 1, "evidence": 1, "annotations": 1, "briefings": 2, "history": 14}
    line = CopyReport("case.briefing", "postgresql://db/case", counts).line()
    assert line == (
        "copied case.briefing to postgresql://db/case: 38 sources, 1 entity, 1 piece of evidence, "
        "1 annotation, 2 briefing notes, 14 judgements in the history; every table's rows counted equal"
    )


def test_the_postgresql_schema_is_this_briefings_schema_version():
    assert POSTGRES_SCHEMA_VERSION == SCHEMA_VERSION


def test_every_table_of_the_data_model_is_copied_and_counted(ws):
    assert sorted([*TABLES, *DERIVED_TABLES]) == _sqlite_tables(ws)
    assert set(COUNTED_TABLES) <= set(TABLES)


def test_a_copy_between_two_files_or_two_databases_is_refused_in_one_line(tmp_path):
    with pytest.raises(BriefingError, match="both workspaces are files"):
        copy_workspace(str(tmp_path / "a.briefing"), str(tmp_path / "b.briefing"))
    with pytest.raises(BriefingError, match="both workspaces are PostgreSQL databases"):
        copy_workspace("service=a", "service=b")


# --- on the private server ---------------------------------------------------------------------


def test_the_postgresql_schema_has_every_sqlite_column_in_order_with_its_nullability(ws, team_database, tmp_path):
    empty = tmp_path / "empty.briefing"
    open_workspace(empty).close()
    copy_workspace(str(empty), team_database)  # creates the schema
    with psycopg.connect(team_database) as conn:
        for table in TABLES:
            sqlite = [(r[1], bool(r[3]) or bool(r[5])) for r in ws.db.execute(f"PRAGMA table_info({table})")]
            postgres = conn.execute(
                "SELECT column_name, is_nullable = 'NO' FROM information_schema.columns "
                "WHERE table_name = %s ORDER BY ordinal_position",
                [table],
            ).fetchall()
            assert [tuple(c) for c in postgres] == sqlite, table


def test_the_search_index_keeps_sqlites_facts_on_postgresql_and_its_text_there(ws, team_database):
    """Search tables are each engine's own (FTS5 there, a tsvector here) and never copied; the facts
    filters read are the same columns on both, so the filters' SQL is shared."""
    open_workspace(team_database).close()  # creates the schema and its search index
    sqlite = [r[1] for r in ws.db.execute("PRAGMA table_info(search_docs)")]
    with psycopg.connect(team_database) as conn:
        columns = conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'search_docs' "
            "ORDER BY ordinal_position"
        ).fetchall()
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    assert [c[0] for c in columns] == [*sqlite, "body", "speaker", "title", "doc"]
    assert {"search_docs", "search_terms"} <= tables and not {"search_docs", "search_terms"} & set(TABLES)


def test_a_workspace_copies_to_postgresql_and_back_with_every_row_and_the_same_search(
    workspace_copy, team_database, tmp_path
):
    published = copy_workspace(str(workspace_copy), team_database)
    back = tmp_path / "offline.briefing"
    returned = copy_workspace(team_database, str(back))
    assert published.counts == returned.counts
    with open_workspace(workspace_copy, read_only=True) as original, open_workspace(back, read_only=True) as copy:
        assert count_rows(copy) == count_rows(original)
        assert count_rows(original)["sources"] > 0 and count_rows(original)["claims"] > 0
        for table in TABLES:
            assert _rows(copy, table) == _rows(original, table), table
        for query in ("ransom", '"boil-water notice"', "speaker:okafor", "outag*", "ransom NOT hoax"):
            assert _found(copy, query) == _found(original, query), query
    assert "sources" in published.line() and "counted equal" in published.line()
    assert not list(tmp_path.glob(".offline.briefing.copying*"))


def test_new_rows_on_the_server_continue_after_the_copied_ids(workspace_copy, team_database):
    copy_workspace(str(workspace_copy), team_database)
    with psycopg.connect(team_database) as conn:
        top = conn.execute("SELECT max(id) FROM entities").fetchone()[0]
        new = conn.execute(
            "INSERT INTO entities (name, type, created_at) VALUES ('Ana', 'person', 'now') RETURNING id"
        ).fetchone()[0]
        assert new == top + 1


def test_the_ids_of_a_files_deleted_rows_stay_spent_on_the_server(workspace_copy, team_database):
    """Undo in the file could have put the newest source back; its history names it by id."""
    with open_workspace(workspace_copy) as ws:
        newest = ws.db.execute("SELECT max(id) FROM sources").fetchone()[0]
        ws.db.execute("DELETE FROM sources WHERE id = ?", [newest])
    copy_workspace(str(workspace_copy), team_database)
    with psycopg.connect(team_database) as conn:
        new = conn.execute(
            "INSERT INTO sources (path, format, content_hash, text, imported_at) "
            "VALUES ('a.txt', 'txt', 'new', 'text', 'now') RETURNING id"
        ).fetchone()[0]
        assert new == newest + 1


def test_the_judgement_history_stays_append_only_on_postgresql(workspace_copy, team_database):
    copy_workspace(str(workspace_copy), team_database)
    with psycopg.connect(team_database) as conn:
        conn.execute("INSERT INTO history (at, actor, action, target_kind) VALUES ('now', 'ana', 'mark', 'claim')")
        conn.commit()
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            conn.execute("UPDATE history SET actor = 'someone else'")
        conn.rollback()
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            conn.execute("DELETE FROM history")


def test_copying_again_into_a_database_that_holds_the_workspace_adds_nothing(workspace_copy, team_database):
    copy_workspace(str(workspace_copy), team_database)
    with open_workspace(team_database, read_only=True) as ws:
        before = {t: _rows(ws, t) for t in TABLES}
    again = copy_workspace(str(workspace_copy), team_database)
    assert not any(again.counts.values()) and "already present" in again.line()
    with open_workspace(team_database, read_only=True) as ws:
        assert {t: _rows(ws, t) for t in TABLES} == before


def test_a_failed_copy_leaves_the_database_as_it_was(workspace_copy, team_database):
    with open_workspace(workspace_copy) as ws, ws.transaction() as db:
        db.execute("UPDATE sources SET title = ? WHERE id = (SELECT min(id) FROM sources)", ["null byte \x00 here"])
    with pytest.raises(BriefingError) as failed:
        copy_workspace(str(workspace_copy), team_database)
    message = str(failed.value)
    assert "\n" not in message and "nothing was kept" in message and "dbname=" in message
    with psycopg.connect(team_database) as conn:
        assert conn.execute("SELECT to_regclass('sources')").fetchone()[0] is None  # not even the schema


def test_copying_to_a_file_refuses_one_not_a_workspace_and_an_empty_database(team_database, tmp_path):
    existing = tmp_path / "there.briefing"
    existing.write_bytes(b"mine")
    target = tmp_path / "new.briefing"
    with pytest.raises(BriefingError, match="holds no Briefing workspace"):
        copy_workspace(team_database, str(target))
    assert list(tmp_path.iterdir()) == [existing]
    empty = tmp_path / "empty.briefing"
    open_workspace(empty).close()
    copy_workspace(str(empty), team_database)
    with pytest.raises(BriefingError, match="there.briefing") as failed:
        copy_workspace(team_database, str(existing))
    assert "\n" not in str(failed.value) and existing.read_bytes() == b"mine"


def test_an_unreachable_server_is_one_line_without_the_password(tmp_path, workspace_copy):
    target = f"host={tmp_path} dbname=nothing user=ana password=s3cret connect_timeout=5"
    with pytest.raises(BriefingError) as failed:
        copy_workspace(str(workspace_copy), target)
    assert "cannot connect" in str(failed.value) and "s3cret" not in str(failed.value)
    assert "\n" not in str(failed.value)


def test_the_command_line_copies_both_ways(workspace_copy, team_database, tmp_path):
    def briefing(*args):
        return subprocess.run(
            [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=child_env(), cwd=ROOT
        )

    published = briefing("copy", str(workspace_copy), team_database)
    assert published.returncode == 0, published.stderr
    assert published.stdout.startswith("copied ") and "counted equal" in published.stdout
    offline = tmp_path / "offline.briefing"
    returned = briefing("copy", team_database, str(offline))
    assert returned.returncode == 0, returned.stderr
    again = briefing("copy", str(workspace_copy), team_database)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("copied ") and "already present" in again.stdout
    refused = briefing("copy", team_database, str(workspace_copy.with_name("none") / "x.briefing"))
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1 and "folder does not exist" in refused.stderr
    assert "Traceback" not in refused.stderr


def _briefing(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        env=child_env(**(env_extra or {})),
        cwd=ROOT,
    )


@pytest.mark.slow
def test_the_commands_work_on_a_team_workspace(postgres_server, demo_dir, tmp_path):
    import json

    target = postgres_server.emptied_workspace()
    at = ("--workspace", target)
    imported = _briefing("import", *at, str(demo_dir), "--jobs", "1")
    assert imported.returncode == 0, imported.stderr
    counts = json.loads(_briefing("info", *at, "--json").stdout)["counts"]
    assert counts["sources"] == len(list(demo_dir.iterdir())) and counts["claims"] > 0 and counts["quotes"] > 0
    claims = json.loads(_briefing("claims", *at, "--json").stdout)
    claim = claims[0]["id"]
    marked = _briefing(
        "claims", *at, "mark", str(claim), "disputed", "--reason", "older figure", env_extra={"BRIEFING_ANALYST": "Ana"}
    )
    assert marked.returncode == 0, marked.stderr
    related = json.loads(_briefing("claims", *at, "related", str(claim), "--json").stdout)
    assert "suggestions" in related and "evidence" in related
    exported = tmp_path / "team.json"
    assert _briefing("export", *at, "-o", str(exported)).returncode == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert len(document["sources"]) == counts["sources"]
    with psycopg.connect(target) as conn:
        assert conn.execute("SELECT actor, new_value FROM history ORDER BY id DESC LIMIT 1").fetchone() == (
            "Ana",
            "disputed",
        )
    found = _briefing("search", *at, "ransom", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["total"] > 0, found.stderr
    refused = _briefing("backup", *at)
    assert refused.returncode != 0 and "backed up by its server" in refused.stderr, refused.stderr
    assert refused.stderr.count("\n") == 1, refused.stderr
    shown = _briefing("--screenshot", str(tmp_path / "claims.png"), "--view", "claims", *at)
    assert shown.returncode == 0 and (tmp_path / "claims.png").stat().st_size > 0, shown.stderr


def test_a_team_workspace_runs_the_store_with_its_own_connection_and_searches(postgres_server):
    from briefing.store.claims import list_claims

    target = postgres_server.emptied_workspace()
    with open_workspace(target) as ws:
        assert ws.backend == "postgresql" and ws.path is None and "dbname=" in ws.name
        with ws.reopen() as other:
            assert other.backend == "postgresql" and other is not ws
            assert list_claims(other) == []
        assert search(ws, "ransom", 10, None).page.total == 0
    with open_workspace(target, read_only=True) as reader, pytest.raises(BriefingError, match="read-only"):
        with reader.transaction() as db:
            db.execute("INSERT INTO tags (name) VALUES ('x')")


def _role(database: str, name: str, grants: str) -> str:
    """A login role on the server with ``grants`` on the workspace's tables; its connection string."""
    with psycopg.connect(database, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone():
            conn.execute(f"CREATE ROLE {name} LOGIN")  # roles belong to the server, not one database
        conn.execute(f"GRANT {grants} ON ALL TABLES IN SCHEMA public TO {name}")
        conn.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {name}")
    return database.replace("user=briefing", f"user={name}")


@pytest.mark.slow
def test_a_read_only_role_reads_and_every_write_is_refused_in_one_line(workspace_copy, team_database):
    import json

    copy_workspace(str(workspace_copy), team_database)
    reader = _role(team_database, "reader", "SELECT")
    counts = json.loads(_briefing("info", "--workspace", reader, "--json").stdout)["counts"]
    assert counts["sources"] > 0
    claim = json.loads(_briefing("claims", "--workspace", reader, "--json").stdout)[0]["id"]
    refused = _briefing("claims", "--workspace", reader, "mark", str(claim), "disputed")
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1
    assert "may only read it; nothing was changed" in refused.stderr and "Traceback" not in refused.stderr
    with open_workspace(reader) as ws:  # the window shows its read-only banner from this
        assert ws.read_only and ws.read_only_reason == "the database role reader may only read it"
    with psycopg.connect(team_database) as conn:
        assert conn.execute("SELECT status FROM claims WHERE id = %s", [claim]).fetchone()[0] == "unreviewed"


def test_a_role_without_grants_is_told_so_in_one_line(team_database):
    """It read 'briefing: unexpected error: InsufficientPrivilege: permission denied for table
    briefing_schema'."""
    open_workspace(team_database).close()
    with psycopg.connect(team_database, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'stranger'").fetchone():
            conn.execute("CREATE ROLE stranger LOGIN")
    stranger = team_database.replace("user=briefing", "user=stranger")
    refused = _briefing("info", "--workspace", stranger)
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1, refused.stderr
    assert "unexpected" not in refused.stderr and "permission denied" in refused.stderr
    assert "ask the database's owner" in refused.stderr and stranger in refused.stderr


def test_the_history_records_the_database_role_unless_a_name_is_given(workspace_copy, team_database, monkeypatch):
    from briefing.store.claims import list_claims, mark_claim
    from briefing.store.history import ANALYST_ENV, history_for

    monkeypatch.delenv(ANALYST_ENV, raising=False)
    copy_workspace(str(workspace_copy), team_database)
    ana = _role(team_database, "ana", "SELECT, INSERT, UPDATE, DELETE")
    with open_workspace(ana) as ws:
        first, second = (c["id"] for c in list_claims(ws)[:2])
        mark_claim(ws, first, "disputed", "older figure")
        monkeypatch.setenv(ANALYST_ENV, "Ana Pereira")
        mark_claim(ws, second, "corroborated")
        assert history_for(ws, "claim", first)[-1].actor == "ana"
        assert history_for(ws, "claim", second)[-1].actor == "Ana Pereira"


def test_change_notices_of_a_window_and_its_reopened_connections_are_its_own(workspace_copy, team_database):
    """A window's import or worker thread writes on a reopened connection: its notices carry the
    window's origin and are not taken for a colleague's; a colleague's change is."""
    from briefing.store.claims import mark_claim
    from briefing.store.pg_changes import ChangeListener

    copy_workspace(str(workspace_copy), team_database)
    with open_workspace(team_database) as window_ws:
        listener = ChangeListener(team_database, window_ws.origin)
        try:
            claim_id = window_ws.db.execute("SELECT min(id) FROM claims").fetchone()[0]
            with window_ws.reopen() as worker_ws:
                assert worker_ws.origin == window_ws.origin
                mark_claim(worker_ws, claim_id, "disputed", "the window's own worker")
            with open_workspace(team_database) as colleague:
                assert colleague.origin != window_ws.origin
                mark_claim(colleague, claim_id, "corroborated", "a colleague")
            # notices arrive in commit order: the own one is read (and ignored) before the colleague's
            assert listener.wait(timeout=600)
            assert listener.ignored == 1
        finally:
            listener.close()


def test_a_command_other_than_import_makes_no_workspace_in_an_empty_database(team_database):
    """'info' or 'claims' on an empty database created every table there, where on a file path
    they say no workspace is there; only an import (or the window, or a copy) makes one."""
    for command in (("info",), ("claims", "--json")):
        refused = _briefing(*command, "--workspace", team_database)
        assert refused.returncode != 0 and "no workspace there (an empty database" in refused.stderr, refused.stderr
        assert refused.stderr.count("\n") == 1, refused.stderr
    with psycopg.connect(team_database) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
        assert tables.fetchone() == (0,)


def test_a_dropped_connection_fails_one_step_in_one_line_and_the_next_connects_again(team_database):
    """After the server dropped the window's connection (a restart), every action failed with a
    traceback on stderr ('the connection is closed') until the app was started again. A read
    connects again and goes on; a write fails once, in one line, and the next one goes through."""
    from briefing.domain import WorkspaceError
    from briefing.store.pg_database import server_connection
    from briefing.store.sources import add_document, list_sources
    from tests.search.test_engine import _doc

    def drop(ws) -> None:
        with psycopg.connect(team_database, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [server_connection(ws).info.backend_pid])

    with open_workspace(team_database) as ws:
        add_document(ws, _doc("Pumps restarted at dawn.", "Pumps"))
        drop(ws)
        assert [s.title for s in list_sources(ws)] == ["Pumps"]  # read again on a new connection
        drop(ws)
        with pytest.raises(WorkspaceError, match="connection to the server was lost") as caught:
            add_document(ws, _doc("The ferry runs again.", "Ferry"))
        assert "\n" not in str(caught.value) and "nothing was saved" in str(caught.value)
        assert [s.title for s in list_sources(ws)] == ["Pumps"]  # nothing of it was kept
        add_document(ws, _doc("The ferry runs again.", "Ferry"))
        assert sorted(s.title for s in list_sources(ws)) == ["Ferry", "Pumps"]


def test_a_read_the_server_cannot_answer_says_nothing_could_be_read_not_that_nothing_was_saved(team_database):
    """Opening a source or searching with the server out of reach ended '…; nothing was saved',
    as if the analyst had been changing something."""
    import re

    from briefing.domain import ReadFailed, WorkspaceError
    from briefing.store import postgres
    from briefing.store.pg_database import server_connection
    from briefing.store.sources import add_document, list_sources
    from tests.search.test_engine import _doc

    with open_workspace(team_database) as ws:
        add_document(ws, _doc("Pumps restarted at dawn.", "Pumps"))
        gone = re.sub(r"host=\S+", "host=/nonexistent", team_database)  # the server does not answer
        ws.db.conn._reconnect = lambda: postgres.connect(gone)
        with psycopg.connect(team_database, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [server_connection(ws).info.backend_pid])
        with pytest.raises(ReadFailed) as caught:
            list_sources(ws)
        said = str(caught.value)
        assert said.endswith("; nothing could be read") and "nothing was saved" not in said and "\n" not in said
        assert caught.value.cause == said.removesuffix("; nothing could be read") and "cannot connect" in said
        with pytest.raises(WorkspaceError, match="nothing was saved$") as caught:  # a write says so, as before
            add_document(ws, _doc("The ferry runs again.", "Ferry"))
        assert not isinstance(caught.value, ReadFailed)
