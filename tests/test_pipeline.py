"""Import + analysis end to end on the demo corpus, and the analyst's edits surviving re-analysis."""

import json
import subprocess
import sys

import pytest

from briefing.export.workspace_json import workspace_document
from briefing.nlp.related import MIN_MEANING
from briefing.pipeline import RANKING_LABEL, analyse_sources, import_paths
from briefing.store import open_workspace
from briefing.store.claims import mark_claim
from briefing.store.edits import rename_entity, set_quote_speaker
from briefing.store.suggestions import list_suggestions


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_dir):
    path = tmp_path_factory.mktemp("demo") / "demo.briefing"
    with open_workspace(path) as ws:
        report = import_paths(ws, [demo_dir])
        assert report.ok and report.analysed == len(report.imported)
        document = workspace_document(ws)
    return path, document


def _entity(document, name):
    return next(e for e in document["entities"] if e["name"] == name)


def test_entities_are_linked_across_sources(demo):
    _, document = demo
    okafor = _entity(document, "Marta Okafor")
    assert okafor["type"] == "person"
    assert len({m["source_id"] for m in okafor["mentions"]}) >= 4
    hwa = _entity(document, "Halden Water Authority")
    assert "HWA" in hwa["aliases"]
    assert len({m["source_id"] for m in hwa["mentions"]}) >= 6


def test_demo_quotes_have_named_speakers(demo):
    _, document = demo
    quotes = document["quotes"]
    assert len(quotes) >= 30
    named = [q for q in quotes if q["speaker"]]
    assert len(named) / len(quotes) >= 0.9
    by_text = {q["text"]: q["speaker"] for q in quotes}
    assert by_text["What I can promise is that nobody in Port Halden will drink untreated water"] == "Marta Okafor"
    assert by_text["slow and chaotic"] == "Hugo Tenbrook"


def test_no_scare_quote_or_title_becomes_a_quote(demo):
    _, document = demo
    texts = {q["text"] for q in document["quotes"]}
    for term in ("cyber incident", "robust", "Resilient Veldra 2030", "Clean Water, Safe Systems", "attack"):
        assert term not in texts


def test_claims_summaries_and_conflicting_suggestions(demo):
    path, document = demo
    assert all(s["summary"] for s in document["sources"])
    claims = document["claims"]
    assert len(claims) >= 40
    households = next(c for c in claims if "62,000 households" in c["text"])
    with open_workspace(path) as ws:
        suggestions = list_suggestions(ws, households["id"])
    assert suggestions and all(s["state"] == "open" for s in suggestions)
    assert any("40,000" in s["passage"] and s["relation"] == "contradicts" for s in suggestions)


def test_reanalysis_keeps_the_analysts_work(demo, tmp_path):
    path, document = demo
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(path.read_bytes())
    with open_workspace(copy) as ws:
        okafor = _entity(document, "Marta Okafor")
        rename_entity(ws, okafor["id"], "Marta Okafor (HWA)", reason="disambiguate")
        quote = document["quotes"][0]
        set_quote_speaker(ws, quote["id"], okafor["id"], reason="checked")
        claim = document["claims"][0]
        mark_claim(ws, claim["id"], "disputed", reason="other figures")
        analyse_sources(ws, [s["id"] for s in document["sources"]])
        after = workspace_document(ws)
    assert any(e["name"] == "Marta Okafor (HWA)" for e in after["entities"])
    assert not any(e["name"] == "Marta Okafor" and e["type"] == "person" for e in after["entities"])
    kept = next(q for q in after["quotes"] if q["id"] == quote["id"])
    assert kept["speaker"] == "Marta Okafor (HWA)"
    assert next(c for c in after["claims"] if c["id"] == claim["id"])["status"] == "disputed"


def test_the_app_and_cli_start_without_loading_spacy():
    code = (
        "import sys, briefing.cli, briefing.pipeline, briefing.ui.main_window, briefing.ui.app; "
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_cli_analyse_and_export(tmp_path, demo_dir, capsys):
    from briefing.cli import main

    target = tmp_path / "w.briefing"
    assert main(["import", "--workspace", str(target), str(demo_dir)]) == 0
    assert main(["analyse", "--workspace", str(target), "--all"]) == 0
    assert "11 sources analysed" in capsys.readouterr().out
    assert main(["analyse", "--workspace", str(target), "999"]) == 1
    assert "source 999 does not exist" in capsys.readouterr().err
    out = tmp_path / "w.json"
    assert main(["export", "--workspace", str(target), "--format", "json", "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["quotes"] and document["claims"] and document["entities"]


def test_an_import_does_not_follow_a_link_out_of_the_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("The root password is swordfish, the admin said.\n")
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "passwd.txt").symlink_to(tmp_path / "secret.txt")
    with open_workspace(tmp_path / "w.briefing") as ws:
        report = import_paths(ws, [folder], analyse=False)
        stored = ws.db.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert report.imported == [] and stored == 0
    assert report.failed == [(str(folder / "passwd.txt"), "skipped link: passwd.txt -> outside the folder")]


def test_a_folder_with_nothing_to_import_says_what_it_holds(tmp_path):
    """'0 imported, 0 already there, 0 failed', exit 0, was all a folder of .html.gz pages or
    of .doc files got: nothing said why."""
    pages, empty, mixed = tmp_path / "pages", tmp_path / "empty", tmp_path / "mixed"
    for folder in (pages, empty, mixed):
        folder.mkdir()
    for name in ("a.html.gz", "b.html.gz", "notes v1.2.doc", ".hidden.txt"):
        (pages / name).write_bytes(b"x")
    (mixed / "report.txt").write_text("Council report\n\nThe council met on Tuesday.\n")
    (mixed / "scan.tiff").write_bytes(b"x")
    with open_workspace(tmp_path / "w.briefing") as ws:
        report = import_paths(ws, [pages, empty, mixed], analyse=False)
    assert len(report.imported) == 1  # a folder with one file to import says nothing of the rest
    held = dict(report.failed)
    assert held[str(pages)].startswith("nothing to import: it holds 2 .html.gz, 1 .doc; Briefing reads .docx, .eml, ")
    assert held[str(empty)] == "the folder is empty"
    assert len(report.failed) == 2


def test_an_e_mails_attachment_left_out_is_said_by_the_import_and_the_command(tmp_path, capsys):
    """The body of a forwarded e-mail was imported and its attached file was dropped without a
    word: the report (the window's import message) and the command line name it."""
    from briefing.cli import main
    from tests.ingest.builders import make_eml

    body = "The council met on Tuesday and voted to repair the grid. " * 3
    mail = make_eml(tmp_path / "fwd.eml", plain=body, attachment=b"the story as a file")
    with open_workspace(tmp_path / "w.briefing") as ws:
        report = import_paths(ws, [mail], analyse=False)
    assert report.imported == [str(mail)] and report.ok
    assert report.left_out == [(str(mail), "1 attachment not imported: data.bin (save it to import it)")]
    assert main(["--workspace", str(tmp_path / "cli.briefing"), "import", "--jobs", "1", str(mail)]) == 0
    assert f"{mail}: 1 attachment not imported: data.bin" in capsys.readouterr().err


def test_a_run_of_punctuation_is_kept_from_spacy_with_offsets_intact():
    from briefing.nlp.parse import MAX_RUN_CHARS, split_paragraphs

    run = "(" * (MAX_RUN_CHARS + 1)
    text = f"The mayor said {run} it failed.\n\nNext {'x' * 300} one ((("
    pieces = split_paragraphs(text)
    assert [piece for _, piece in pieces] == ["The mayor said ", " it failed.", f"Next {'x' * 300} one ((("]
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


FOREIGN = {
    "pl.txt": "Burmistrz Jan Kowalski powiedział w poniedziałek, że stacja uzdatniania wody nadal nie działa. "
    '"Naprawy potrwają do końca tygodnia", dodał rzecznik miasta Anna Nowak. Według inżynierów koszt wyniesie '
    "dwa miliony złotych.",
    "sv.txt": "Borgmästaren Erik Lindqvist sade på måndagen att vattenverket fortfarande är ur drift. "
    '"Reparationerna pågår hela veckan", sade kommunens talesperson Karin Berg. Enligt ingenjörerna kostar '
    "det två miljoner kronor.",
}
ENGLISH = (
    'Mayor John Smith said on Monday that the water plant was still offline. "Repairs will take all week," '
    "said city spokeswoman Anna Brown. Engineers put the cost at two million dollars."
)


def test_a_source_not_in_english_is_imported_and_searchable_but_not_analysed(tmp_path):
    from briefing.search.engine import search

    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in {**FOREIGN, "en.txt": ENGLISH}.items():
        (folder / name).write_text(text, encoding="utf-8")
    with open_workspace(tmp_path / "w.briefing") as ws:
        report = import_paths(ws, [folder])
        document = workspace_document(ws)
        assert search(ws, "uzdatniania").page.total == 1
        assert analyse_sources(ws) == 0  # withheld sources are not queued again
    assert report.ok and report.analysed == 1
    line = "2 not analysed: language pl, sv — entities, quotes and claims are found in English text only"
    assert report.notes == [line]
    by_language = {s["language"]: s["id"] for s in document["sources"]}
    assert set(by_language) == {"pl", "sv", "en"}
    foreign = {by_language["pl"], by_language["sv"]}
    assert not [q for q in document["quotes"] if q["source_id"] in foreign]
    assert not [c for c in document["claims"] if c["source_id"] in foreign]
    assert not [m for e in document["entities"] for m in e["mentions"] if m["source_id"] in foreign]
    assert [q for q in document["quotes"] if q["source_id"] == by_language["en"]]


def test_analysis_withheld_names_the_language():
    from briefing.languages import analysis_withheld

    assert analysis_withheld("pl") == "language pl: entities, quotes and claims are found in English text only"
    assert analysis_withheld("en") is None and analysis_withheld("en-GB") is None and analysis_withheld(None) is None


def test_analyse_on_the_command_line_says_which_sources_it_withheld(tmp_path, capsys):
    from briefing.cli import main

    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in FOREIGN.items():
        (folder / name).write_text(text, encoding="utf-8")
    workspace = str(tmp_path / "w.briefing")
    assert main(["import", "--workspace", workspace, str(folder)]) == 0
    capsys.readouterr()
    assert main(["analyse", "--all", "--workspace", workspace]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "0 sources analysed"
    withheld = "2 not analysed: language pl, sv — entities, quotes and claims are found in English text only"
    assert err.strip() == f"briefing: {withheld}"


def test_reranking_drops_a_passage_whose_meaning_is_far_from_the_claim(ws, monkeypatch):
    """Cosines under MIN_MEANING (measured on FNC-1 train: another story's best sentence) are
    no suggestion; the same story's passages stay, ordered by meaning."""
    import numpy as np

    from briefing import suggesting
    from briefing.nlp import embeddings
    from briefing.store.claims import add_claim
    from briefing.store.sources import add_document
    from briefing.store.suggestions import replace_suggestions
    from tests.store.test_sources import make_doc

    claim_text = "The outage left 40,000 households without water."
    near, far = "About 40,000 homes had no tap water.", "The mayor opened a library."
    own = add_document(ws, make_doc(claim_text, title="a"))[0]
    other = add_document(ws, make_doc(f"{near} {far}", title="b"))[0]
    third = add_document(ws, make_doc(far, title="c"))[0]
    claim_id = add_claim(ws, own, 0, len(claim_text))
    replace_suggestions(ws, claim_id, [(third, 0, len(far), 5.0, "related"), (other, 0, len(near), 3.0, "related")])
    vectors = {claim_text: [1.0, 0.0], near: [0.8, 0.6], far: [0.2, 0.98]}
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "embed", lambda texts: np.array([vectors[t] for t in texts], dtype=np.float32))
    assert suggesting.rerank_claim(ws, claim_id)
    open_ = [s for s in list_suggestions(ws, claim_id) if s["state"] == "open"]
    assert [(s["source_id"], s["passage"], s["ranking"]) for s in open_] == [(other, near, "meaning")]
    assert open_[0]["score"] >= MIN_MEANING
    assert not suggesting.rerank_claim(ws, claim_id)  # re-ranked once: opening it again changes nothing
    assert [s for s in list_suggestions(ws, claim_id) if s["state"] == "open"] == open_


def test_re_ranking_a_sources_claims_stops_when_cancelled(ws, monkeypatch):
    import numpy as np

    from briefing import suggesting
    from briefing.nlp import embeddings
    from briefing.store.claims import add_claim
    from briefing.store.sources import add_document
    from briefing.store.suggestions import claims_ranked_by_words, replace_suggestions
    from tests.store.test_sources import make_doc

    first, second, passage = "Water returned on Monday.", "The plant reopened on Tuesday.", "Water and the plant."
    own = add_document(ws, make_doc(f"{first} {second}", title="a"))[0]
    other = add_document(ws, make_doc(passage, title="b"))[0]
    claims = [add_claim(ws, own, 0, len(first)), add_claim(ws, own, len(first) + 1, len(first) + 1 + len(second))]
    for claim_id in claims:
        replace_suggestions(ws, claim_id, [(other, 0, len(passage), 1.0, "related")])
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "embed", lambda texts: np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2))
    assert claims_ranked_by_words(ws, own) == claims
    done = []
    assert suggesting.rerank_source_claims(ws, own, cancelled=lambda: bool(done.append(1)) or len(done) > 1)
    assert claims_ranked_by_words(ws, own) == claims[1:]  # the second was left when the source changed
    assert suggesting.rerank_source_claims(ws, own)
    assert claims_ranked_by_words(ws, own) == []
    assert not suggesting.rerank_source_claims(ws, own)  # nothing left to re-rank


def test_the_progress_names_an_untitled_source_by_its_file(tmp_path):
    from dataclasses import replace

    from briefing.store.sources import add_document
    from tests.store.test_sources import make_doc

    labels: list[str] = []
    with open_workspace(tmp_path / "w.briefing") as ws:
        doc = replace(
            make_doc("The pumps restarted at noon, the utility said."), title=None, path="/in/halden-pumps.txt"
        )
        add_document(ws, doc)
        analyse_sources(ws, progress=lambda done, total, label: labels.append(label))
    assert labels == ["Analysing halden-pumps.txt", RANKING_LABEL]


def test_an_import_ranks_only_the_claims_its_sources_can_change(analysed_path, tmp_path):
    """One file imported into a workspace of 15,000 claims re-ranked every claim (163 s)."""
    from briefing.store.claims import list_claims

    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    unrelated = tmp_path / "bakery.txt"
    unrelated.write_text("The bakery on Quay Street sold out of rye loaves before noon on Saturday.\n")
    related = tmp_path / "ledger.txt"
    related.write_text(
        "Port Halden water outage: officials now put the count at 62,000 households\n\n"
        "Officials in Port Halden now say 62,000 households lost water during the outage, far more than "
        "the ministry first said.\n"
    )
    with open_workspace(copy) as ws:
        before = {row[0] for row in ws.db.execute("SELECT id FROM claim_suggestions")}
        assert import_paths(ws, [unrelated], jobs=1).ok
        assert {row[0] for row in ws.db.execute("SELECT id FROM claim_suggestions")} >= before  # none re-ranked
        labels = []
        assert import_paths(ws, [related], progress=lambda done, total, label: labels.append(label), jobs=1).ok
        assert labels[-2:] == [RANKING_LABEL, ""]  # the last step is said, not left at the last file's
        new = ws.db.execute("SELECT max(id) FROM sources").fetchone()[0]
        households = next(c for c in list_claims(ws) if "62,000 households" in c["text"] and c["source_id"] != new)
        assert new in {s["source_id"] for s in list_suggestions(ws, households["id"])}


def test_a_default_workspace_whose_folder_cannot_be_made_is_said_in_one_line(tmp_path):
    """A first start where the user's data folder cannot be made (a read-only home, a file in its
    place): one line naming the folder, not an OSError the window could not show."""
    from briefing.domain import WorkspaceError
    from briefing.pipeline import create_demo_workspace

    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder goes")
    target = blocker / "Briefing" / "workspace.briefing"
    with pytest.raises(WorkspaceError) as caught:
        create_demo_workspace(target)
    message = str(caught.value)
    assert message.startswith(f"{target.parent}: cannot make the folder for your workspace (")
    assert "--workspace" in message and "\n" not in message


def test_every_way_an_analysis_is_saved_ends_by_dropping_the_aliases_no_source_uses(tmp_path, monkeypatch):
    """Only a run of ``analyse_sources`` that analysed something dropped stale aliases: an import
    analysing in worker processes while it reads, and a run whose every source was withheld for
    its language, left them (store.stale_aliases)."""
    from briefing import ingest, pipeline
    from briefing.domain import ImportReport
    from briefing.store.sources import update_source

    pruned = []
    monkeypatch.setattr(
        "briefing.store.analysis.prune_stale_aliases", lambda ws, analysed, yielded: pruned.append(set(analysed)) or 0
    )

    class Pool:  # the worker processes, each source analysed at once
        def analyse(self, items):
            for source_id, _text, _title in items:
                yield source_id, pipeline.NOT_ANALYSED

    article = tmp_path / "pumps.txt"
    article.write_text("The pumps restarted at noon, the utility said.\n")
    with open_workspace(tmp_path / "w.briefing") as ws:
        report, pool = ImportReport(), Pool()
        read = ingest.read_document
        assert pipeline._import_while_analysing(ws, [article], read, lambda *a: None, lambda: False, report, pool) == 1
        imported = ws.db.execute("SELECT max(id) FROM sources").fetchone()[0]
        assert pruned == [{imported}]
        update_source(ws, imported, language="de")
        assert analyse_sources(ws, [imported]) == 0
        assert pruned == [{imported}, {imported}]
