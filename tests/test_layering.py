"""The package map of docs/architecture.md, checked: who may import what."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"

# module prefix -> project modules it must not import
FORBIDDEN = {
    "briefing.domain": ("briefing.",),
    "briefing.store": ("briefing.ingest", "briefing.nlp", "briefing.search", "briefing.export",
                       "briefing.ui", "briefing.cli", "briefing.pipeline"),
    "briefing.ingest": ("briefing.store", "briefing.nlp", "briefing.search", "briefing.export",
                        "briefing.ui", "briefing.cli", "briefing.pipeline"),
    "briefing.nlp": ("briefing.store", "briefing.ui", "briefing.cli", "briefing.export"),
    "briefing.search": ("briefing.ui", "briefing.cli", "briefing.ingest"),
    "briefing.export": ("briefing.ui", "briefing.cli", "briefing.ingest"),
}
SQL_LIBRARIES = ("sqlite3", "sqlite_utils")
QT = ("PySide6", "shiboken6")
# The one module outside briefing.ui allowed Qt: PDF pages are drawn by QtGui. Keep it the only one.
QT_EXCEPTIONS = ("briefing.export.pdf",)
THREADS = ("threading", "concurrent.futures", "multiprocessing")
# Modules that import a thread module without starting anything, and why.
THREAD_EXCEPTIONS = {
    "briefing.__main__": "multiprocessing.freeze_support: a frozen bundle's child runs its work there",
    "briefing.store.search_vocab": "threading.local: one stemmer connection per thread, as a Database is",
    "briefing.workers": "child processes (multiprocessing, no threads): the import on every core, CLI and window",
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _starts(name: str, prefixes) -> bool:
    return any(name == p.rstrip(".") or name.startswith(p if p.endswith(".") else p + ".") for p in prefixes)


MODULES = list(_modules())


@pytest.mark.parametrize("name, path", MODULES, ids=[m for m, _ in MODULES])
def test_module_respects_layers(name, path):
    imports = _imports(path)
    for layer, forbidden in FORBIDDEN.items():
        if _starts(name, (layer,)):
            assert not [i for i in imports if _starts(i, forbidden)], f"{name} crosses a layer"
    if not _starts(name, ("briefing.store",)):
        assert not [i for i in imports if _starts(i, SQL_LIBRARIES)], f"{name} touches SQL outside the store"
    if not _starts(name, ("briefing.ui",)) and name not in QT_EXCEPTIONS:
        assert not [i for i in imports if _starts(i, QT)], f"{name} imports Qt outside briefing.ui"
    if name != "briefing.ui.tasks" and name not in THREAD_EXCEPTIONS:
        assert not [i for i in imports if _starts(i, THREADS)], f"{name} starts threads outside ui/tasks.py"


def _runs_sql(path: Path) -> bool:
    """``x.db.execute(...)``, ``x.db[...]`` or ``.conn.execute``: the store's connection used directly."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("db", "conn") and isinstance(node.ctx, ast.Load):
            return True
    return False


@pytest.mark.parametrize("name, path", [m for m in MODULES if not _starts(m[0], ("briefing.store",))],
                         ids=[m for m, _ in MODULES if not _starts(m, ("briefing.store",))])
def test_only_the_store_touches_the_connection(name, path):
    assert not _runs_sql(path), f"{name} runs SQL outside briefing.store: call a store function"


def test_the_pdf_export_is_the_only_exception_and_loads_qt_lazily():
    assert QT_EXCEPTIONS == ("briefing.export.pdf",)
    path = PACKAGE / "export" / "pdf.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    found |= {node.module or "" for node in tree.body if isinstance(node, ast.ImportFrom)}
    assert not [i for i in found if _starts(i, QT)], "briefing.export.pdf must import Qt inside its functions"
    assert [i for i in _imports(path) if _starts(i, QT)], "the exception is no longer needed: remove it"


def test_the_checker_sees_imports():
    assert "PySide6.QtWidgets" in _imports(PACKAGE / "ui" / "main_window.py")
    assert _runs_sql(PACKAGE / "store" / "sources.py")
    assert len(MODULES) > 10
