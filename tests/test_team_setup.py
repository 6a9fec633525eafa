"""The README's recipe for a team server works as written: the SQL it gives, run on a private
server, lets the owner publish and make the job queue, a member of the team write, and a reader
only read."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg

from briefing.store import open_workspace
from briefing.store.claims import list_claim_rows, mark_claim
from briefing.store.copying import copy_workspace

README = Path(__file__).resolve().parents[1] / "README.md"


def _setup_blocks() -> list[list[str]]:
    """The SQL blocks of the README's 'Setting up' paragraph, as lists of statements."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("**Setting up.**") : text.index("What works today:")]
    blocks = re.findall(r"```sql\n(.*?)```", section, re.S)
    # the server's roles are shared by the test session: the README's names, made our own
    blocks = [_NAMES.sub(r"readme_\1", block) for block in blocks]
    return [[s.strip() for s in block.split(";") if s.strip()] for block in blocks]


_NAMES = re.compile(r"\b(outage_team|outage_readers|outage|ana|ben|rita)\b")


def test_the_readmes_setup_gives_the_owner_the_team_and_a_reader_what_they_need(
    postgres_server, analysed_path, tmp_path
):
    server_wide, in_database = _setup_blocks()
    admin = postgres_server.conninfo()
    with psycopg.connect(admin, autocommit=True) as conn:
        for statement in server_wide:
            conn.execute(statement)
    as_role = {
        name: postgres_server.conninfo("readme_outage").replace("user=briefing", f"user=readme_{name}")
        for name in ("ana", "ben", "rita")
    }
    try:
        with psycopg.connect(postgres_server.conninfo("readme_outage"), autocommit=True) as conn:
            for statement in in_database:
                conn.execute(statement)
        copy = tmp_path / "case.briefing"
        copy.write_bytes(analysed_path.read_bytes())
        copy_workspace(str(copy), as_role["ana"])  # the owner publishes
        from briefing.team_jobs import prepare_queue

        prepare_queue(as_role["ana"])  # the owner's first worker makes the job queue
        with open_workspace(as_role["ben"]) as ws:  # a member of the team judges
            assert ws.read_only_reason is None
            claim = list_claim_rows(ws, ws.db.execute("SELECT min(id) FROM sources").fetchone()[0])[0]
            mark_claim(ws, claim.id, "disputed", "checked")
            queue = ws.db.execute("SELECT has_table_privilege('procrastinate_jobs', 'INSERT')").fetchone()[0]
            assert queue  # and may queue analysis jobs and run a worker
        with open_workspace(as_role["rita"]) as ws:  # a reader reads
            assert ws.read_only_reason == "the database role readme_rita may only read it"
            assert ws.db.execute("SELECT status FROM claims WHERE id = ?", [claim.id]).fetchone()[0] == "disputed"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS readme_outage WITH (FORCE)")
            for role in ("ana", "ben", "rita", "outage_team", "outage_readers"):
                conn.execute(f"DROP ROLE IF EXISTS readme_{role}")
