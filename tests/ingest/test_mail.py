"""E-mail as mail programs and newsletter services really send it: which part holds the text,
which charset it is in, and what is said when there is no text."""

import base64

import pytest

from briefing.domain import IngestError
from briefing.ingest import read_document
from tests.ingest.builders import make_eml

PARA = "The mayor said on Tuesday that the city's grid had failed again, leaving homes without power."
HEADERS = "From: Jane Doe <jane@courier.example>\r\nSubject: {subject}\r\nDate: Wed, 04 Mar 2026 09:30:00 +0100\r\n"


def multipart(subject: str, parts: list[tuple[str, bytes]], kind: str = "mixed") -> bytes:
    """A MIME message from (headers, body) parts; bodies are written as they are."""
    mime = f'MIME-Version: 1.0\r\nContent-Type: multipart/{kind}; boundary="b1"\r\n\r\n'
    message = (HEADERS.format(subject=subject) + mime).encode()
    for headers, body in parts:
        message += b"--b1\r\n" + headers.encode() + b"\r\n\r\n" + body + b"\r\n"
    return message + b"--b1--\r\n"


def write(tmp_path, raw: bytes):
    path = tmp_path / "message.eml"
    path.write_bytes(raw)
    return path


def test_an_empty_plain_part_gives_way_to_the_html_part(tmp_path):
    """A mail program sent an empty text/plain beside the real HTML message: "no text extracted"."""
    raw = multipart(
        "Grid outage",
        [
            ("Content-Type: text/plain; charset=utf-8", b"\r\n"),
            ("Content-Type: text/html; charset=utf-8", f"<html><body><p>{PARA}</p></body></html>".encode()),
        ],
        kind="alternative",
    )
    assert read_document(write(tmp_path, raw)).text == PARA


def test_html_part_without_a_mime_charset_is_read_in_its_meta_charset_and_gb2312_means_gbk(tmp_path):
    """An HTML part that names its charset only in <meta> was refused as "not readable text"; a
    GB2312 label on GBK text (a character GB2312 lacks) garbled the subject."""
    chinese = "电网故障导致港口停电，陶喆表示将尽快恢复供电。"
    meta = '<meta content="text/html; charset=gb2312" http-equiv=Content-Type>'
    html = f"<html><head>{meta}</head><body><p>{chinese}</p>"
    subject = "=?gb2312?B?" + base64.b64encode("陶喆谈停电".encode("gbk")).decode() + "?="
    raw = multipart(
        subject,
        [("Content-Type: text/html;\r\nContent-Transfer-Encoding: base64", base64.encodebytes(html.encode("gbk")))],
    )
    doc = read_document(write(tmp_path, raw))
    assert (doc.title, doc.text) == ("陶喆谈停电", chinese)


@pytest.mark.parametrize("blank_html", [False, True])
def test_a_message_whose_text_is_empty_names_its_attachments(tmp_path, blank_html):
    """A press release sent as a PDF under an empty message: the reason was "no text extracted"."""
    parts = [("Content-Type: text/plain; charset=utf-8", b"\r\n\r\n")]
    if blank_html:
        parts.append(("Content-Type: text/html; charset=utf-8", b'<div dir="ltr"><br></div>'))
    attachment = (
        'Content-Type: application/pdf; name="release.pdf"\r\nContent-Disposition: attachment; filename="release.pdf"'
    )
    parts.append((attachment, b"%PDF-1.4 not really"))
    path = write(tmp_path, multipart("Press release", parts))
    with pytest.raises(IngestError) as caught:
        read_document(path)
    assert caught.value.reason == "no text in the e-mail, only attachments: release.pdf (save them to import them)"


ARTICLE = [
    "The regional grid operator said on Tuesday that the outage at Kessel Point had left 40,000 homes without power.",
    "“We are doing everything we can to restore supply before the weekend,” the operator's chief executive said.",
    "Officials blamed a transformer fault and said an inquiry would report its findings to the minister in May.",
]


def plain_message(tmp_path, body: str):
    raw = (HEADERS.format(subject="Grid outage") + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body).encode()
    return read_document(write(tmp_path, raw.replace(b"\n", b"\r\n").replace(b"\r\r", b"\r")))


def test_a_newsletters_view_online_line_social_links_and_footer_are_cut(tmp_path):
    body = "\n\n".join(
        [
            "View this email in your browser (https://mailchi.mp/eb93241944da/grid)",
            *ARTICLE,
            "============================================================",
            "** (http://www.twitter.com/)\n** (http://www.facebook.com)\n** Follow us (https://x.example/courier)",
            "Copyright © 2026 Halden Courier, All rights reserved.",
            "You are receiving this email as a subscriber to the Halden Courier Newsletter.",
            "Our mailing address is:\nHalden Courier\n26 Harbour Lane\nPort Halden",
            "Want to change how you receive these emails?\nYou can update your preferences (https://x.example/p) "
            "or unsubscribe from this list (https://x.example/u)",
        ]
    )
    assert plain_message(tmp_path, body).text == "\n\n".join(ARTICLE)


def test_a_sign_off_and_the_signature_block_under_it_are_cut(tmp_path):
    signature = "Best regards,\n\nAnabel Gonzalo\nPurchasing Manager\nFANOX ELECTRONIC, S.L.\nT. +34 944 711 411"
    assert plain_message(tmp_path, "\n\n".join([*ARTICLE, signature])).text == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    "text",
    [
        # a notice quoted in the article's first half is the article's
        "You are receiving this email because the ministry wrote to every customer, the operator said.",
        # a sign-off with a long text under it is a letter inside the article
        "Thanks,\n\n" + "\n\n".join(ARTICLE * 10),
    ],
)
def test_furniture_words_early_in_the_text_stay(tmp_path, text):
    body = "\n\n".join([text, *ARTICLE])
    assert plain_message(tmp_path, body).text.startswith(text.split("\n")[0])


def test_raw_bytes_inside_an_encoded_subject_are_read_in_its_charset(tmp_path):
    """Old mail programs put 8-bit bytes inside "=?iso-8859-1?Q?...?=": the title showed the raw word."""
    raw = b"From: Doug <doug@example.com>\r\nSubject: =?iso-8859-1?Q?Die_Hasen_und_die_Fr\xf6sche?=\r\n\r\n"
    raw += "\n".join(ARTICLE).encode()
    assert read_document(write(tmp_path, raw)).title == "Die Hasen und die Frösche"


FORWARDED_HEADERS = (
    "From: Press Office <press@campaign.example>\nDate: 23 August 2016 at 15:40\nTo: media@campaign.example"
)


@pytest.mark.parametrize(
    "forward",
    [
        # Apple Mail
        f"Begin forwarded message:\n\n{FORWARDED_HEADERS}\nSubject: Grid outage\n\n",
        # Outlook, with its rule of underscores and without
        f"________________________________\n{FORWARDED_HEADERS.replace('Date', 'Sent')}\nSubject: Grid outage\n\n",
        f"{FORWARDED_HEADERS.replace('Date', 'Sent')}\nSubject: Grid outage\n\n",
        # Apple Mail, quoting the message line by line
        "Begin forwarded message:\n\n"
        + "\n".join(f"> {line}" for line in f"{FORWARDED_HEADERS}\nSubject: Grid outage\n\n".split("\n"))
        + "\n",
    ],
    ids=["apple", "outlook-rule", "outlook", "apple-quoted"],
)
def test_forwards_of_every_mail_program_give_the_article_without_the_forwarder(tmp_path, forward):
    """Apple Mail's and Outlook's forwards kept the note, the forwarded headers and the forwarder
    as the author: only Gmail's "---------- Forwarded message ---------" was known."""
    article = "\n\n".join(ARTICLE)
    if "\n> " in forward:
        article = "\n>\n".join(f"> {paragraph}" for paragraph in ARTICLE)
    doc = plain_message(tmp_path, f"Team, worth a read.\n\nKevin\n\n{forward}{article}\n")
    assert (doc.text, doc.author) == ("\n\n".join(ARTICLE), None)


def test_an_article_sentence_about_unsubscribing_keeps_the_rest_of_the_article(tmp_path):
    """A footer's phrase after a few words of an article's sentence ("Users can unsubscribe at
    any time") cut the article there, its last paragraphs lost."""
    ending = [
        "Users can unsubscribe at any time, the company said in a statement.",
        "Regulators said they would review the policy next month.",
        "The company's shares rose 3 percent.",
    ]
    body = "\n\n".join([*ARTICLE, *ending])
    assert plain_message(tmp_path, body).text == body


def test_a_thank_you_in_a_transcript_keeps_the_words_after_it(tmp_path):
    """A lone "Thank you." in the second half, with fewer than 25 lines under it, was taken for
    a sign-off and the transcript's last exchanges went with it as a "signature"."""
    ending = [
        "CLINTON:",
        "Thank you.",
        "(APPLAUSE)",
        "We will rebuild the grid before the winter, and we will do it with every town.",
        "QUESTION: What will the repairs cost the city and its ratepayers this year?",
    ]
    body = "\n\n".join([*ARTICLE, *ending])
    assert plain_message(tmp_path, body).text == body
    legal = "This e-mail and any attachments are confidential and intended solely for the addressee."
    signature = "Best regards,\n\nAnabel Gonzalo\nPurchasing Manager\n\n" + legal
    assert plain_message(tmp_path, "\n\n".join([*ARTICLE, signature])).text == "\n\n".join(ARTICLE)


def test_attachments_left_out_of_an_e_mail_with_text_are_named(tmp_path):
    """A forwarded article with the story attached too: the body was imported and the attached
    file went unmentioned."""
    path = make_eml(tmp_path / "fwd.eml", plain=PARA, attachment=b"the story as a file")
    document = read_document(path)
    assert document.left_out == ("1 attachment not imported: data.bin (save it to import it)",)


def test_an_e_mail_without_attachments_leaves_nothing_out(tmp_path):
    assert read_document(make_eml(tmp_path / "plain.eml", plain=PARA)).left_out == ()
