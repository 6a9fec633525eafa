"""Where things live: shipped resources, the demo corpus, the default workspace."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Briefing"
WORKSPACE_SUFFIX = ".briefing"
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite file, a workspace too
_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """``briefing/resources`` in a wheel, the repository's ``resources/`` in a checkout."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Briefing's resources folder is missing from this installation")


def postgres_schema() -> Path:
    """The PostgreSQL schema of a team workspace: ``briefing/db`` in a wheel, ``db/`` in a checkout."""
    for candidate in (_PACKAGE / "db", _PACKAGE.parent / "db"):
        if (candidate / "postgresql.sql").is_file():
            return candidate / "postgresql.sql"
    raise FileNotFoundError("Briefing's PostgreSQL schema (db/postgresql.sql) is missing from this installation")


def demo_dir() -> Path:
    return resources_dir() / "demo"


def demo_briefing() -> Path:
    """The recipe of the demo workspace's example briefing note (outside demo/: it is not a source)."""
    return resources_dir() / "demo-briefing.json"


def default_workspace() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / f"workspace{WORKSPACE_SUFFIX}"
