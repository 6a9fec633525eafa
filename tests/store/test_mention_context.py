"""The words around an entity's mentions: the name comes early, so a narrow column shows it."""

from briefing.store.entities import entity_page
from briefing.store.mentions import LEAD, list_mentions
from tests.store.test_analysis import analysis, found
from tests.store.test_sources import make_doc

TEXT = (
    "In addition to the three fatalities at the fuel plant on Tuesday, the ombudsman Nadia Cruz "
    "said the deaths were caused by gunshot wounds and called for an inquiry into the police."
)


def test_a_mention_is_shown_with_a_few_words_before_it_and_more_after(ws):
    from briefing.store.analysis import save_analysis
    from briefing.store.sources import add_document

    source_id = add_document(ws, make_doc(TEXT))[0]
    save_analysis(ws, source_id, analysis(TEXT, [found(0, TEXT, "Nadia Cruz", "person")]))
    [entity_id] = [r[0] for r in ws.db.execute("SELECT id FROM entities")]
    [(_, _, _, _, context, _)] = entity_page(ws, entity_id).mentions
    [row] = list_mentions(ws, entity_id)
    for shown in (context, row.context):
        assert shown.startswith("the ombudsman Nadia Cruz said the deaths")  # whole words only
        assert shown.index("Nadia Cruz") <= LEAD and "gunshot" in shown
        assert TEXT[TEXT.index(shown) + len(shown)] == " "  # ends on a whole word
