"""The address a saved page names for itself."""

import pytest

from briefing.page_urls import find_page_url

SAVED = b"<!DOCTYPE html>\r\n<!-- saved from url=(0040)https://news.example/2026/port-strike -->\r\n"


@pytest.mark.parametrize(
    "page, url",
    [
        (
            b'<link rel="canonical" href="https://news.example/a"><meta property="og:url" content="https://x/b">',
            "https://news.example/a",
        ),
        (b'<meta property="og:url" content="https://news.example/b">', "https://news.example/b"),
        # a page saved by a browser without either: the mark it writes at the top
        (SAVED + b"<html><head><title>Port strike</title></head>", "https://news.example/2026/port-strike"),
        (SAVED + b'<html><link rel="canonical" href="https://news.example/c">', "https://news.example/c"),
        (b"<!-- saved from url=(0025)javascript:alert(1) --><html>", None),
        (b"<!-- saved from url=(0014)about:internet --><html>", None),
        (b"<html><p>no address</p></html>", None),
    ],
)
def test_the_address_a_page_names(page, url):
    assert find_page_url(page) == url
