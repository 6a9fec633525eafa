"""HTML bodies: text after an inline element at body level, data tables, the precision fallback."""

from types import SimpleNamespace

from lxml import etree

from briefing.ingest import web
from briefing.ingest.web import extract_html

FILLER = " ".join(["The council met on Tuesday to discuss the new budget for the water works."] * 3)


def page(middle: str) -> str:
    return f"""<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>
<p>{FILLER}</p>
{middle}
<p>{FILLER} Last paragraph.</p>
</article></body></html>"""


def test_text_after_an_inline_element_at_body_level_is_kept():
    html = page("<b>Update:</b> The vote was postponed until next week because two members were ill.")
    text = extract_html(html).text
    assert "Update: The vote was postponed until next week because two members were ill." in text.split("\n\n")
    assert text.endswith("Last paragraph.")


def test_a_data_table_is_one_line_a_row():
    table = (
        "<table><tr><th>Year</th><th>Spending</th></tr>"
        "<tr><td>2023</td><td>4.1 <b>million</b></td></tr><tr><td>2024</td><td>5.3 million</td></tr></table>"
    )
    paragraphs = extract_html(page(table)).text.split("\n\n")
    assert "Year | Spending\n2023 | 4.1 million\n2024 | 5.3 million" in paragraphs


def test_body_tails_and_leading_text_become_paragraphs():
    body = etree.fromstring("<body>lead<p>one</p>after one<head rend='h2'>Sub</head>after head</body>")
    assert web.body_paragraphs(body) == [
        ("p", "lead"),
        ("p", "one"),
        ("p", "after one"),
        ("head", "Sub"),
        ("p", "after head"),
    ]


def fake_result(words: int):
    return SimpleNamespace(body=etree.fromstring(f"<body><p>{' '.join(['word'] * words)}</p></body>"))


def test_an_implausibly_short_precise_body_falls_back_to_the_fuller_one(monkeypatch):
    results = {True: fake_result(12), False: fake_result(900)}
    monkeypatch.setattr(web, "run_trafilatura", lambda html, precise=True: results[precise])
    assert web.extract_body("<html></html>") is results[False]


def test_a_plausible_or_comparable_precise_body_is_kept(monkeypatch):
    for precise_words, default_words in ((600, 2000), (120, 200)):
        results = {True: fake_result(precise_words), False: fake_result(default_words)}
        monkeypatch.setattr(web, "run_trafilatura", lambda html, precise=True, r=results: r[precise])
        assert web.extract_body("<html></html>") is results[True]
