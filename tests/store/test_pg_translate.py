"""The store's SQLite SQL as PostgreSQL reads it (no server needed)."""

import pytest

from briefing.store.pg_database import translate


@pytest.mark.parametrize(
    ("sqlite", "postgresql"),
    [
        ("SELECT id FROM claims WHERE id = ? AND status = ?", "SELECT id FROM claims WHERE id = %s AND status = %s"),
        ("SELECT 'who? 50%' , x FROM t WHERE y = ?", "SELECT 'who? 50%%' , x FROM t WHERE y = %s"),
        ('SELECT "end" FROM quotes WHERE "end" > ?', 'SELECT "end" FROM quotes WHERE "end" > %s'),
        ("INSERT OR IGNORE INTO tags (name) VALUES (?)", "INSERT INTO tags (name) VALUES (%s) ON CONFLICT DO NOTHING"),
        ("SELECT group_concat(alias, ' ') FROM a", "SELECT string_agg((alias)::text, ' ') FROM a"),
        ("SELECT group_concat(DISTINCT source_id) FROM m", "SELECT string_agg(DISTINCT (source_id)::text, ',') FROM m"),
        ("SELECT group_concat(name, char(31)) FROM e", "SELECT string_agg((name)::text, chr(31)) FROM e"),
        ("SELECT max(id), max(1, start - ?) FROM t", "SELECT max(id), greatest(1, start - %s) FROM t"),
        ("SELECT min(a, min(b)) FROM t", "SELECT least(a, min(b)) FROM t"),
        ("WHERE instr(lower(title), lower(?)) > 0", "WHERE strpos(lower(title), lower(%s)) > 0"),
        ("WHERE title LIKE ? ESCAPE '\\'", "WHERE title ILIKE %s ESCAPE '\\'"),
        ("WHERE id IS NOT ? AND other IS ?", "WHERE id IS DISTINCT FROM %s AND other IS NOT DISTINCT FROM %s"),
        ("SELECT 'INSERT OR IGNORE group_concat(x) LIKE ?'", "SELECT 'INSERT OR IGNORE group_concat(x) LIKE ?'"),
    ],
)
def test_translation(sqlite, postgresql):
    assert translate(sqlite) == postgresql


def test_without_parameters_a_percent_stays_single():
    assert translate("SELECT '100%' FROM t", with_parameters=False) == "SELECT '100%' FROM t"


def test_a_doubled_quote_inside_a_literal_keeps_the_literal_whole():
    assert translate("SELECT 'it''s ?' WHERE a = ?") == "SELECT 'it''s ?' WHERE a = %s"
