"""The workspace schema as an append-only list of migrations (``STEPS``; each one a frozen
module of ``briefing.store.migration_steps``).

Each migration runs once, in order, in its own transaction, and is recorded in
``_sqlite_migrations``. Never edit a migration that has shipped: append a new one.
``PRAGMA user_version`` mirrors the number of applied migrations so that a quick
read tells whether a workspace comes from a newer version of Briefing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.store.migration_steps import (
    FTS_TOKENIZER,
    m0001_initial,
    m0002_analysis,
    m0003_search_index,
    m0004_titles_with_their_source,
    m0005_claims_the_analyst_owns,
    m0006_saved_searches,
    m0007_source_urls,
    m0008_source_versions,
    m0009_passage_items,
    m0010_revisions,
    m0011_ids_never_reused,
    m0012_suggestion_ranking,
    m0013_mention_types,
    m0014_speaker_names,
)

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "briefing"
_names: list[str] = []

MigrationFn = Callable[["Database"], None]


class _Registry:
    """The migrations in order, handed to sqlite-utils' ``Migrations`` on first use: importing
    sqlite-utils (with numpy, click, dateutil and pluggy) waits until a workspace opens, so the
    app's window paints first."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, MigrationFn, bool]] = []
        self._migrations: Migrations | None = None

    def apply(self, db: Database, stop_before: str | None = None) -> None:
        if self._migrations is None:
            from sqlite_utils.migrations import Migrations

            self._migrations = Migrations(MIGRATION_SET)
            for name, run, transactional in self.steps:
                self._migrations(name=name, transactional=transactional)(run)
        self._migrations.apply(db, stop_before=stop_before)


migrations = _Registry()


def migration(name: str, transactional: bool = True) -> Callable[[MigrationFn], MigrationFn]:
    """Register ``fn`` as the next migration; it also bumps ``user_version``. A step that must
    switch foreign keys off (a table rebuild) is not transactional: it runs its own transaction
    and is safe to run again if it stops before its record is written."""

    def register(fn: MigrationFn) -> MigrationFn:
        version = len(_names) + 1

        def run(db: Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {version}")

        run.__name__ = name
        migrations.steps.append((name, run, transactional))
        _names.append(name)
        return fn

    return register


STEPS = (
    m0001_initial,
    m0002_analysis,
    m0003_search_index,
    m0004_titles_with_their_source,
    m0005_claims_the_analyst_owns,
    m0006_saved_searches,
    m0007_source_urls,
    m0008_source_versions,
    m0009_passage_items,
    m0010_revisions,
    m0011_ids_never_reused,
    m0012_suggestion_ranking,
    m0013_mention_types,
    m0014_speaker_names,
)
for _step in STEPS:
    migration(_step.NAME, getattr(_step, "TRANSACTIONAL", True))(_step.run)

__all__ = ["FTS_TOKENIZER", "MIGRATION_NAMES", "MIGRATION_SET", "SCHEMA_VERSION", "migration", "migrations"]

MIGRATION_NAMES = tuple(_names)
SCHEMA_VERSION = len(MIGRATION_NAMES)
