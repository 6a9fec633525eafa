"""The package map of docs/architecture.md, checked: who may import what."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"

# module prefix -> project modules it must not import
FORBIDDEN = {
    "briefing.domain": ("briefing.",),
    "briefing.note_content": ("briefing.",),
    "briefing.languages": ("briefing.",),
    "briefing.store": (
        "briefing.ingest",
        "briefing.nlp",
        "briefing.search",
        "briefing.export",
        "briefing.ui",
        "briefing.cli",
        "briefing.pipeline",
        "briefing.suggesting",
    ),
    "briefing.ingest": (
        "briefing.store",
        "briefing.nlp",
        "briefing.search",
        "briefing.export",
        "briefing.ui",
        "briefing.cli",
        "briefing.pipeline",
        "briefing.suggesting",
    ),
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


@pytest.mark.parametrize(
    "name, path",
    [m for m in MODULES if not _starts(m[0], ("briefing.store",))],
    ids=[m for m, _ in MODULES if not _starts(m, ("briefing.store",))],
)
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


def _store_imports(path: Path, modules: set[str]) -> set[str]:
    """The briefing.store modules ``path`` imports, anywhere in it (inside functions too, where a
    cycle hides), ``from briefing.store import lock`` as the module ``briefing.store.lock``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
    return {name for name in found if name in modules}


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph.get(name, ()))
    return seen


def _store_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another, directly or round a loop."""
    reach = {name: _reachable(graph, name) for name in graph}
    groups = {tuple(sorted(m for m in reach[name] if name in reach[m])) for name in graph if name in reach[name]}
    return sorted(list(group) for group in groups)


def _store_graph() -> dict[str, set[str]]:
    store = {name: path for name, path in MODULES if _starts(name, ("briefing.store",))}
    return {name: _store_imports(path, set(store)) - {name} for name, path in store.items()}


def test_imports_inside_the_store_run_one_way():
    # connection/transactions <- migrations <- integrity; lock <- backup <- opening <- restore.
    # An import hidden inside a function to dodge a cycle is a cycle: it is counted here.
    cycles = _store_cycles(_store_graph())
    assert not cycles, "import cycles in briefing.store: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_the_cycle_finder_sees_a_cycle_and_the_layers():
    assert _store_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _store_cycles({"a": {"b"}, "b": set()}) == []
    graph = _store_graph()
    above = {f"briefing.store.{name}" for name in ("migrations", "integrity", "backup", "opening", "restore")}
    assert not graph["briefing.store.workspace"] & above  # the lowest layer: the connection
    assert "briefing.store.backup" in graph["briefing.store.opening"]
    assert "briefing.store.opening" in graph["briefing.store.restore"]
    assert not graph["briefing.store.backup"] & {"briefing.store.opening", "briefing.store.restore"}
