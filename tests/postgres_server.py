"""A private PostgreSQL server for the team-workspace tests.

Made in a temporary folder with ``initdb`` and started with ``pg_ctl``: it listens on a Unix
socket in that folder and on no TCP port (``listen_addresses=''``), so the no-network test still
holds, and trusts its one local user. ``pg_ctl -w`` returns once the server accepts
connections, however long that takes on a loaded machine. Run as root (a container, CI), the
server runs as the distribution's ``postgres`` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

USER = "briefing"
START_TIMEOUT_S = "600"  # pg_ctl's own wait for readiness; generous, it returns as soon as ready


def find_bin_dir() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(candidates[-1]).parent if candidates else None


class PostgresServer:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
        self.data, self.socket = self.root / "data", self.root / "socket"
        self._names = itertools.count(1)
        self._as: list[str] = []
        self._store_tests: str | None = None
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
            os.chown(self.root, account.pw_uid, account.pw_gid)

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, text=True, cwd=self.root)

    def start(self) -> PostgresServer:
        self._run("mkdir", str(self.socket))
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = f"-c listen_addresses='' -k {self.socket} -c fsync=off -c full_page_writes=off"
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            START_TIMEOUT_S,
            "start",
        )
        return self

    def conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.socket} dbname={dbname} user={USER}"

    def new_database(self) -> str:
        """A new empty database; its connection string."""
        import psycopg

        name = f"workspace_{next(self._names)}"
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.conninfo(name)

    def emptied_workspace(self) -> str:
        """One database kept for the store tests, its Briefing tables emptied and their ids
        restarted: a new database per test would cost a second each."""
        import psycopg

        from briefing.store import postgres
        from briefing.store.copying import TABLES

        if self._store_tests is None:
            self._store_tests = self.new_database()
            with psycopg.connect(self._store_tests) as conn:
                postgres.prepare(conn, "store tests")
        with psycopg.connect(self._store_tests, autocommit=True) as conn:
            conn.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
        return self._store_tests

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
