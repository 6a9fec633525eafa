import html
import re
import subprocess
import sys

from briefing.export.formats import export_briefing, render_briefing
from briefing.export.note import GENERATOR
from tests.export.helpers import (
    CITATION_TEXTS,
    CLAIM,
    EVIDENCE,
    ITEM_TEXTS,
    QUOTE,
    SUMMARY,
    normal,
    split_front_matter,
)


def _plain(markdown: str) -> str:
    """The words a reader sees: emphasis marks dropped, backslash escapes and entities undone."""
    return normal(html.unescape(re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)\*\*", "", markdown))))


def test_markdown_round_trip_finds_every_item_and_citation(case, tmp_path):
    target = tmp_path / "note.md"
    export_briefing(case.ws, case.briefing_id, "md", target)
    fields, body = split_front_matter(target.read_text(encoding="utf-8"))
    assert fields.pop("generated")
    assert fields == {
        "title": "Port Halden outage, day 3",
        "audience": "Crisis desk",
        "date": "2026-03-04",
        "author": "K. Ames",
        "generator": GENERATOR,
        "items": 6,
        "sources_cited": 2,
        "not_verified": 0,
        "judgements_to_check": 0,
    }
    text = _plain(body)
    for words in ITEM_TEXTS + CITATION_TEXTS:
        assert normal(words) in text, words
    lines = body.lstrip("\n").splitlines()
    assert lines[0] == "# Port Halden outage, day 3"
    assert "## Bottom line" in lines
    assert f"> “{QUOTE}” [1, paragraph 2]" in lines
    assert "## Claim: disputed, credibility 4 (doubtful)" in lines
    assert f"{CLAIM} [1, paragraph 2]" in lines
    assert f"- Contradicts: “{EVIDENCE}” [2, paragraph 1] — later and higher" in lines
    assert f"{SUMMARY} [1]" in lines  # a summary cites the whole source
    sources = lines[lines.index("## Sources") + 2 :]
    assert sources == [
        "1. Pumps back. Meridian Wire, by Sam Ortolan, 2026-03-03. Reliability B (usually reliable).",
        "2. Figures revised. The Veldran Standard, undated. Reliability C (fairly reliable).",
    ]
    assert "[ministry site](https://example.org/press)" in body  # the analyst's safe link stays a link


def test_markdown_export_loads_neither_qt_nor_python_docx():
    script = (
        "import sys\n"
        "from briefing.store import open_workspace\n"
        "from briefing.export.formats import render_briefing\n"
        "from tests.export.helpers import make_case\n"
        "case = make_case(open_workspace(memory=True))\n"
        "assert render_briefing(case.ws, case.briefing_id, 'md').startswith(b'---')\n"
        "print(sorted(m for m in ('PySide6', 'docx') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_note_of_text_only_has_no_sources_section(ws):
    from briefing.store.briefings import add_item, create_briefing

    note = create_briefing(ws, "Notes to self")
    add_item(ws, note, "text", body="Call the ministry.")
    body = render_briefing(ws, note, "md").decode()
    assert "## Sources" not in body and "Call the ministry." in body and "checked word for word" not in body


REASON = "Two outlets agree on the figure.\nBut not on the day:\n- one says Tuesday\n- the other Wednesday"
EVIDENCE_NOTE = "Same figure, other count.\nThey leave out:\n1. the tankers\n2. the pumps"


def _judged_over_lines(case) -> str:
    """The case's claim judged with a reason of several lines, with evidence whose note has several."""
    from briefing.store.claims import mark_claim
    from briefing.store.evidence import add_evidence

    add_evidence(case.ws, case.ids["claim_id"], case.ids["source_b"], 0, 20, "supports", note=EVIDENCE_NOTE)
    mark_claim(case.ws, case.ids["claim_id"], "corroborated", reason=REASON)
    return render_briefing(case.ws, case.briefing_id, "md").decode()


def test_a_reason_and_an_evidence_note_of_several_lines_keep_their_lines(case):
    """The analyst's reason for a judgement and an evidence note were made one line: 'But not on
    the day: - one says Tuesday - the other Wednesday', '… They leave out: 1. the tankers 2. the
    pumps'. Each line stays a line, its '-' or '1.' text, and the note's lines stay in its item of
    the evidence list, in CommonMark as in the HTML export's renderer."""
    from markdown_it import MarkdownIt

    markdown = _judged_over_lines(case)
    page = render_briefing(case.ws, case.briefing_id, "html").decode()
    for rendered in (MarkdownIt("commonmark").render(markdown), page):
        shown = re.sub(r"\s*<br ?/?>\s*", "<br>", rendered)
        assert "Two outlets agree on the figure.<br>But not on the day:<br>- one says Tuesday<br>" in shown
        items = [item for item in re.findall(r"<li[^>]*>(.*?)</li>", shown, re.DOTALL) if "Same figure" in item]
        assert len(items) == 1
        assert items[0].endswith("— Same figure, other count.<br>They leave out:<br>1. the tankers<br>2. the pumps")
