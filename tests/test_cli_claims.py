"""`briefing claims`: the analyst's claims from a script, kept by `briefing analyse --all`."""

import json

import pytest

from briefing.cli import main
from briefing.terminal import printable


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _claims(capsys, ws, *args):
    code, out, err = run(capsys, "claims", "--workspace", ws, "--json", *args)
    assert code == 0, err
    return json.loads(out)


def _source_and_sentence(ws):
    """A source and a sentence of it that is not a claim yet."""
    from briefing.store import open_workspace
    from briefing.store.claims import list_claims
    from briefing.store.sources import get_source, list_sources

    with open_workspace(ws) as workspace:
        for row in list_sources(workspace):
            taken = {c["text"] for c in list_claims(workspace, row.id)}
            for paragraph in get_source(workspace, row.id).text.split("\n\n")[2:]:
                sentence = paragraph.split(". ")[0]
                if len(sentence.split()) >= 5 and sentence not in taken and sentence.count('"') == 0:
                    return row.id, sentence
    raise AssertionError("no sentence to claim")


def test_an_added_claim_is_marked_and_survives_analyse_all(capsys, ws_copy):
    source, sentence = _source_and_sentence(ws_copy)
    code, out, err = run(
        capsys, "claims", "--workspace", ws_copy, "add", str(source), "--text", sentence, "--reason", "the key figure"
    )
    assert code == 0, err
    claim_id = int(out.split()[1])
    assert out.startswith(f"claim {claim_id} added (unreviewed, ")
    code, out, err = run(
        capsys,
        "claims",
        "--workspace",
        ws_copy,
        "mark",
        str(claim_id),
        "disputed",
        "--reason",
        "another outlet gives a different figure",
    )
    assert code == 0 and f"claim {claim_id} marked (disputed" in out, err
    # the same status with the same reason: said, not claimed as a new judgement
    again = ("claims", "--workspace", ws_copy, "mark", str(claim_id), "disputed", "--reason")
    code, out, err = run(capsys, *again, "another outlet gives a different figure")
    assert (code, out) == (0, f"claim {claim_id} is disputed already: nothing changed; it was judged for that reason\n")
    # with a new reason: the judgement's reason now, the status as it was
    code, out, err = run(capsys, *again, "the agency corrected its count")
    assert code == 0 and out.startswith(f"claim {claim_id} given a new reason (disputed, "), err
    [listed] = [c for c in _claims(capsys, ws_copy, "--source", str(source)) if c["id"] == claim_id]
    assert listed["status"] == "disputed" and listed["judgement"]["status"] == "disputed"
    assert listed["judgement"]["reason"] == "the agency corrected its count"
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "related", str(claim_id), "--json")
    assert code == 0 and json.loads(out)["claim"]["judgement"]["reason"] == "the agency corrected its count", err
    code, _, err = run(capsys, "analyse", "--workspace", ws_copy, "--all")
    assert code == 0, err
    [claim] = [c for c in _claims(capsys, ws_copy, "--source", str(source)) if c["id"] == claim_id]
    assert (claim["text"], claim["origin"], claim["status"]) == (sentence, "analyst", "disputed")
    assert [c["id"] for c in _claims(capsys, ws_copy, "--status", "disputed")] == [claim_id]


def test_a_dismissed_machine_claim_stays_dismissed_after_analyse_all(capsys, ws_copy):
    machine = next(c for c in _claims(capsys, ws_copy) if c["origin"] == "analysis" and c["suggestions"])
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "dismiss", str(machine["id"]), "--reason", "a quip")
    assert code == 0 and "dismissed" in out, err
    run(capsys, "analyse", "--workspace", ws_copy, "--all")
    remaining = _claims(capsys, ws_copy, "--source", str(machine["source"]["id"]))
    assert machine["text"] not in [c["text"] for c in remaining]
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "restore", str(machine["id"]))
    assert code == 0 and "restored" in out, err
    [restored] = [c for c in _claims(capsys, ws_copy) if c["id"] == machine["id"]]
    assert restored["suggestions"] > 0  # the analysis passed it over while it was dismissed


def test_a_dismissed_claim_is_listed_on_request_and_refuses_judgement_until_restored(capsys, ws_copy):
    claim = _claims(capsys, ws_copy)[0]
    cid = str(claim["id"])
    assert run(capsys, "claims", "--workspace", ws_copy, "dismiss", cid)[0] == 0
    # again: said, and not an error (a script's second run), as mark does
    again = run(capsys, "claims", "--workspace", ws_copy, "dismiss", cid, "--reason", "x")
    assert again[:2] == (0, f"claim {cid} is dismissed already: nothing changed; the reason was not recorded\n")
    dismissed = _claims(capsys, ws_copy, "--dismissed")
    assert [(c["id"], c["dismissed"]) for c in dismissed] == [(claim["id"], True)]
    refusal = f"briefing: claim {cid} is dismissed (not a claim); restore it first (briefing claims restore {cid})"
    for action in (["mark", cid, "corroborated"], ["edit", cid, "--start", "0", "--end", "5"]):
        code, out, err = run(capsys, "claims", "--workspace", ws_copy, *action)
        assert (code, out, err.strip()) == (1, "", refusal)
    assert run(capsys, "claims", "--workspace", ws_copy, "restore", cid)[0] == 0
    assert run(capsys, "claims", "--workspace", ws_copy, "restore", cid)[:2] == (
        0,
        f"claim {cid} is not dismissed: nothing changed\n",
    )
    assert _claims(capsys, ws_copy, "--dismissed") == []
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "mark", cid, "corroborated")
    assert code == 0, err


def test_dismissing_a_claim_a_note_cites_says_the_note_keeps_it_flagged(capsys, ws_copy, tmp_path):
    """The claim stays in the note (taking it out would change the analyst's note unasked), and its
    export flags it rather than citing it as judged."""
    from briefing.store import open_workspace
    from briefing.store.briefings import add_item, create_briefing

    cited = _claims(capsys, ws_copy)[0]["id"]
    with open_workspace(ws_copy) as ws:
        note = create_briefing(ws, "Outage brief")
        add_item(ws, note, "claim", cited)
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "dismiss", str(cited))
    assert code == 0, err
    assert out.splitlines()[1] == "The briefing note “Outage brief” still cites it; its exports flag it as dismissed."
    target = tmp_path / "note.md"
    code, out, err = run(capsys, "export", "--workspace", ws_copy, "--briefing", str(note), "-o", str(target))
    assert code == 0 and "dismissed since); flagged in the export" in err
    assert "It has since been dismissed as not a claim." in target.read_text(encoding="utf-8")


def test_exporting_a_note_whose_claims_evidence_changed_relation_warns_of_it(capsys, ws_copy, tmp_path):
    """The warning named re-wording, evidence gone and dismissal only: a relation changed since the
    judgement is flagged in the note too."""
    from briefing.store import open_workspace
    from briefing.store.briefings import add_item, create_briefing
    from briefing.store.claims import mark_claim
    from briefing.store.evidence import change_evidence
    from briefing.store.suggestions import confirm_suggestion, list_suggestions

    with open_workspace(ws_copy) as ws:
        cited = next(c["id"] for c in _claims(capsys, ws_copy) if list_suggestions(ws, c["id"]))
        suggestion = list_suggestions(ws, cited)[0]
        evidence_id = confirm_suggestion(ws, suggestion["id"])
        mark_claim(ws, cited, "corroborated", "two outlets agree")
        now = "contradicts" if suggestion["relation"] != "contradicts" else "supports"
        change_evidence(ws, evidence_id, now, None)
        note = create_briefing(ws, "Outage brief")
        add_item(ws, note, "claim", cited)
    target = tmp_path / "note.md"
    code, out, err = run(capsys, "export", "--workspace", ws_copy, "--briefing", str(note), "-o", str(target))
    assert code == 0 and "(re-worded, evidence gone or changed, or dismissed since); flagged in the export" in err
    said = f"1 evidence passage it was judged with was changed since from {suggestion['relation']} to {now}."
    assert said in target.read_text(encoding="utf-8")


def test_machine_claims_found_again_keep_their_ids_after_analyse_all(capsys, ws_copy):
    """A script's claim ids still name the same claims after re-analysis (they were renumbered)."""
    before = {c["id"]: c["text"] for c in _claims(capsys, ws_copy) if c["origin"] == "analysis"}
    code, _, err = run(capsys, "analyse", "--workspace", ws_copy, "--all")
    assert code == 0, err
    after = {c["id"]: c["text"] for c in _claims(capsys, ws_copy) if c["origin"] == "analysis"}
    assert before and after == before
    some = next(iter(before))
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "related", str(some))
    assert code == 0 and out.startswith(f"claim {some}: "), err


def test_the_title_can_be_added_and_related_passages_listed(capsys, ws_copy):
    claims = _claims(capsys, ws_copy)
    source = claims[0]["source"]["id"]
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "add", str(source), "--title")
    assert code == 0 or "already claim" in err
    title = claims[0]["source"]["title"]
    [headline] = [c for c in _claims(capsys, ws_copy, "--source", str(source)) if c["text"] == title]
    assert headline["part"] == "title"  # the demo's importers keep the headline apart from the text
    with_suggestions = next(c for c in _claims(capsys, ws_copy) if c["suggestions"])
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "related", str(with_suggestions["id"]), "--json")
    assert code == 0, err
    related = json.loads(out)
    assert related["claim"]["id"] == with_suggestions["id"]
    assert related["suggestions"], related
    for row in related["suggestions"]:
        assert set(row) >= {"source", "passage", "score", "ranking", "relation", "origin", "start", "end"}
        assert row["relation"] in ("related", "supports", "contradicts")
        assert row["source"]["id"] != with_suggestions["source"]["id"]
    assert related["summary"] == "no evidence yet" and related["evidence"] == []
    # ranked by shared words at analysis: scores are shares of the best one's, the first 1.0
    assert {row["ranking"] for row in related["suggestions"]} == {"words"}
    scores = [row["score"] for row in related["suggestions"]]
    assert scores[0] == 1.0 and scores == sorted(scores, reverse=True) and scores[-1] > 0
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "related", str(with_suggestions["id"]))
    assert code == 0 and out.startswith(f"claim {with_suggestions['id']}: ")
    assert "suggestions (ranked by shared words, score a share of the best one's" in out
    assert "  no evidence yet\n" in out and "evidence: none" not in out  # said once


def test_counts_agree_with_their_nouns():
    from briefing.domain import counted

    assert [counted(1, "suggested related passage"), counted(2, "claim"), counted(1, "entity", "entities")] == [
        "1 suggested related passage",
        "2 claims",
        "1 entity",
    ]
    assert counted(1472, "entity", "entities") == "1,472 entities"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["add", "1", "--text", "words that are not in the source at all"], 1, "not found word for word in source 1"),
        (["add", "1", "--start", "5"], 2, "claims add: --start and --end go together (see 'briefing claims add --"),
        (["edit", "1", "--start", "5"], 2, "claims edit: --start and --end go together (see 'briefing claims edit"),
        (["add", "999999", "--start", "0", "--end", "5"], 1, "source 999999"),
        (["add", "1", "--start", "5", "--end", "2"], 1, "range 5-2 of source 1 is empty: the start must come before"),
        (["mark", "999999", "disputed"], 1, "claim 999999 does not exist"),
        (["mark", "1", "false"], 2, "invalid choice"),
        (["related", "999999"], 1, "claim 999999 does not exist"),
        (["edit", "999999", "--text", "x"], 1, "claim 999999 does not exist"),
    ],
)
def test_bad_input_is_one_line(capsys, ws_copy, args, code, message):
    with pytest.raises(SystemExit) if code == 2 else _nothing() as raised:
        result = main(["claims", "--workspace", ws_copy, *args])
    out, err = capsys.readouterr()
    got = raised.value.code if code == 2 else result
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


class _nothing:
    value = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.mark.parametrize(
    "text, shown",
    [
        ("plain words", "plain words"),
        ("red \x1b[31malert\x1b[0m", "red \ufffd[31malert\ufffd[0m"),
        ("bell\x07 and \x9b csi", "bell\ufffd and \ufffd csi"),
        ("right\u202eto left", "right\ufffdto left"),
        ("tab\tstays", "tab\tstays"),
    ],
)
def test_source_text_never_reaches_the_terminal_as_control_codes(text, shown):
    assert printable(text) == shown


def test_re_wording_a_judged_claim_says_its_judgement_was_made_on_the_earlier_words(capsys, ws_copy):
    """'claims edit' on a corroborated claim said only 'edited (corroborated, …)': the note then
    showed the new words as corroborated with the old reason and evidence, unflagged."""
    source, sentence = _source_and_sentence(ws_copy)
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "add", str(source), "--text", sentence)
    claim_id = int(out.split()[1])
    run(capsys, "claims", "--workspace", ws_copy, "mark", str(claim_id), "corroborated", "--reason", "two outlets")
    shorter = " ".join(sentence.split()[:-2])
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "edit", str(claim_id), "--text", shorter)
    assert code == 0, err
    assert (
        f"claim {claim_id} stays corroborated, with its reason and 0 evidence passages, judged on its earlier words"
        in err
    )
    assert err.count("\n") == 1


def test_claims_of_a_source_that_does_not_exist_is_an_error(capsys, ws_copy):
    """'claims --source 9999' said "no claims", as if source 9999 had none."""
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "--source", "9999")
    assert (code, out, err) == (1, "", "briefing: source 9999 does not exist\n")
    code, out, _ = run(capsys, "claims", "--workspace", ws_copy, "--source", "1", "--status", "disputed")
    assert code == 0 and out == "no disputed claims in source 1\n"


def test_words_of_the_title_given_as_text_point_at_title(capsys, ws_copy):
    """'--text' with words of the headline said only 'not found word for word in source 1'."""
    from briefing.store import open_workspace
    from briefing.store.sources import get_source

    with open_workspace(ws_copy) as workspace:
        source = get_source(workspace, 1)
    words = " ".join(source.title.split()[:3])
    assert words not in source.text
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "add", "1", "--text", words)
    assert (code, out) == (1, "")
    assert err == (
        "briefing: text: not found word for word in source 1; it is in the source's title: "
        "--title makes the headline a claim\n"
    )


def test_the_text_lists_say_who_made_a_claim_and_mark_a_cut_passage(capsys, ws_copy):
    code, out, err = run(capsys, "claims", "--workspace", ws_copy)
    header = out.splitlines()[0].split()
    # "origin" names independent origins of evidence elsewhere; who made the claim is "made by"
    assert header[-3:] == ["made", "by", "claim"] and "origin" not in header
    claims = _claims(capsys, ws_copy)
    long_one = next(
        c
        for c in claims
        if any(len(" ".join(s["passage"].split())) > 160 for s in _related(capsys, ws_copy, c)["suggestions"])
    )
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "related", str(long_one["id"]))
    rows = [line for line in out.splitlines() if line.startswith("  related") or line.startswith("  supports")]
    long_rows = [line for line in rows if len(line.split("  source ")[1]) > 150]
    assert long_rows and all(line.endswith("…") for line in long_rows), long_rows


def _related(capsys, ws, claim):
    if not claim["suggestions"]:
        return {"suggestions": []}
    code, out, err = run(capsys, "claims", "--workspace", ws, "related", str(claim["id"]), "--json")
    return json.loads(out)


def test_related_shows_an_evidence_note_with_its_lines(capsys, ws_copy):
    """The text output left evidence notes out (the JSON had them); a note of several lines is
    shown under its row a line for each, its '1.' starting a line as the analyst wrote it."""
    from briefing.store import open_workspace
    from briefing.store.suggestions import confirm_suggestion, list_suggestions

    claim = next(c for c in _claims(capsys, ws_copy) if c["suggestions"])
    with open_workspace(ws_copy) as workspace:
        suggestion = list_suggestions(workspace, claim["id"])[0]
        confirm_suggestion(workspace, suggestion["id"], "Same figure.\nThey leave out:\n\n1. the tankers\x1b[2J")
    code, out, err = run(capsys, "claims", "--workspace", ws_copy, "related", str(claim["id"]))
    assert code == 0, err
    lines = out.splitlines()
    at = lines.index("    note: Same figure.")
    assert lines[at - 1].startswith(f"  {suggestion['relation']}")
    assert lines[at + 1 : at + 3] == ["          They leave out:", "          1. the tankers\ufffd[2J"]
