"""A re-analysis drops the machine aliases no source uses any more, never the analyst's."""

import pytest

from briefing.domain import Analysis
from briefing.store.analysis import AnalysisRun, save_analysis
from briefing.store.edits import add_alias, merge_entities, remove_alias
from briefing.store.entities import entity_page, list_entities
from briefing.store.sources import add_document
from tests.store.test_analysis import found
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

HEADLINE = "Billionaire Donald Trump Wins. Trump spoke to NATO in Warsaw."
OTHER = "Donald Trump met NATO leaders. Trump left."
THIRD = "Donald Trump spoke."


def _analysis(*entities):
    return Analysis(tuple(entities), (), (), (), "")


def _first_run(ws):
    """The old analysis: the headline's words taken for the name in one source."""
    one = ws_source(ws, HEADLINE, "Wins")
    two = ws_source(ws, OTHER, "Met")
    three = ws_source(ws, THIRD, "Spoke")
    run = AnalysisRun()
    save_analysis(ws, one, _analysis(found(0, HEADLINE, "Billionaire Donald Trump", "person", "Trump")), run)
    save_analysis(ws, two, _analysis(found(0, OTHER, "Donald Trump", "person", "Trump")), run)
    save_analysis(ws, three, _analysis(found(0, THIRD, "Donald Trump", "person")), run)
    return one, two, three


def ws_source(ws, text, title):
    return add_document(ws, make_doc(text, title=title))[0]


def _rerun(ws, one, two, three, sources=None):
    """The analysis now: the same person named without the headline's word."""
    run = AnalysisRun()
    analyses = {
        one: _analysis(
            found(0, HEADLINE, "Donald Trump", "person", "Trump"),
            found(1, HEADLINE, "NATO", "organisation", "North Atlantic Treaty Organization"),
        ),
        two: _analysis(
            found(0, OTHER, "Donald Trump", "person", "Trump"),
            found(1, OTHER, "NATO", "organisation", "North Atlantic Treaty Organization"),
        ),
        three: _analysis(found(0, THIRD, "Donald Trump", "person")),
    }
    for source_id in sources or (one, two, three):
        save_analysis(ws, source_id, analyses[source_id], run)
    return run.prune_aliases(ws)


def _aliases(ws, name):
    (entity,) = [e for e in list_entities(ws) if e["name"] == name]
    return entity["id"], set(entity["aliases"])


def test_an_alias_no_source_uses_goes_after_a_run_over_every_source(ws):
    sources = _first_run(ws)
    trump, aliases = _aliases(ws, "Donald Trump")
    assert "Billionaire Donald Trump" in aliases
    assert _rerun(ws, *sources) == 1
    assert _aliases(ws, "Donald Trump")[1] == {"Trump"}
    assert "Billionaire Donald Trump" not in entity_page(ws, trump).aliases
    # a form the analysis names the entity by without writing it stays
    assert _aliases(ws, "NATO")[1] == {"North Atlantic Treaty Organization"}


def test_a_run_over_some_sources_keeps_the_aliases_of_entities_others_mention(ws):
    sources = _first_run(ws)
    assert _rerun(ws, *sources, sources=sources[:1]) == 0
    assert "Billionaire Donald Trump" in _aliases(ws, "Donald Trump")[1]


def test_the_analysts_aliases_stay(ws):
    sources = _first_run(ws)
    trump, _ = _aliases(ws, "Donald Trump")
    add_alias(ws, trump, "The Donald")
    remove_alias(ws, trump, "Trump")  # rejected: the analysis does not give it back either
    _rerun(ws, *sources)
    assert _aliases(ws, "Donald Trump")[1] == {"The Donald"}  # the headline's form went all the same


def test_the_name_of_an_entity_the_analyst_merged_in_stays(ws):
    sources = _first_run(ws)
    trump, _ = _aliases(ws, "Donald Trump")
    other = ws_source(ws, "The Donald tweeted.", "Tweets")
    save_analysis(ws, other, _analysis(found(0, "The Donald tweeted.", "The Donald", "person")))
    donald, _ = _aliases(ws, "The Donald")
    merge_entities(ws, trump, [donald])
    ws.db.execute("DELETE FROM mentions WHERE source_id = ?", [other])  # the source no longer names him so
    _rerun(ws, *sources)
    assert "The Donald" in _aliases(ws, "Donald Trump")[1]


def test_a_run_keeps_only_the_forms_a_source_does_not_write(ws):
    """A form each mention's words give is in the store already: a run over many sources held a
    tuple of forms for every mention."""
    sources = _first_run(ws)
    run = AnalysisRun()
    save_analysis(
        ws, sources[0], _analysis(found(0, HEADLINE, "NATO", "organisation", "North Atlantic Treaty Organization")), run
    )
    save_analysis(ws, sources[2], _analysis(found(0, THIRD, "Donald Trump", "person")), run)
    assert set(run.yielded.values()) == {("north atlantic treaty organization",)}


def test_an_alias_the_analyst_gave_an_entity_merged_in_later_stays(ws):
    sources = _first_run(ws)
    trump, _ = _aliases(ws, "Donald Trump")
    other = ws_source(ws, "Mr. Trump tweeted.", "Tweets")
    save_analysis(ws, other, _analysis(found(0, "Mr. Trump tweeted.", "Mr. Trump", "person")))
    mister, _ = _aliases(ws, "Mr. Trump")
    add_alias(ws, mister, "The Donald")
    merge_entities(ws, trump, [mister])
    ws.db.execute("DELETE FROM mentions WHERE source_id = ?", [other])  # the source no longer names him so
    _rerun(ws, *sources)
    assert "The Donald" in _aliases(ws, "Donald Trump")[1]


def _headline_named_twice(ws, save):
    """Source one analysed as 'Billionaire Donald Trump', then by ``save`` as 'Donald Trump'."""
    one = ws_source(ws, HEADLINE, "Wins")
    save_analysis(ws, one, _analysis(found(0, HEADLINE, "Billionaire Donald Trump", "person", "Trump")))
    save(one, _analysis(found(0, HEADLINE, "Donald Trump", "person", "Trump")))
    return _aliases(ws, "Donald Trump")[1]


def test_a_save_of_one_source_alone_is_a_run_of_its_own(ws):
    """Only the command line's and the window's runs dropped stale aliases; a save without a run
    (a team's worker saves one source per job) left them for good."""
    assert _headline_named_twice(ws, lambda one, analysis: save_analysis(ws, one, analysis)) == {"Trump"}


@pytest.mark.postgresql_only
def test_a_teams_worker_drops_the_aliases_its_analysis_no_longer_finds(ws, monkeypatch):
    from briefing import team_jobs

    def job(one, analysis):
        with ws.transaction():  # analysed by an older Briefing: the job has work to do
            ws.db.execute("UPDATE sources SET analysis_version = NULL WHERE id = ?", [one])
        monkeypatch.setattr(team_jobs, "analyse_text", lambda text, title: analysis)
        assert team_jobs.analyse_source(ws.conninfo, one)

    assert _headline_named_twice(ws, job) == {"Trump"}
