"""Title-case headlines that leave longer prepositions in lower case, as some styles do."""

from briefing.ingest.metadata import read_text_metadata

LEAD = (
    "Indiana Gov. Marta Okafor is joining her running mate Jan Novak in calling for a special prosecutor "
    "to investigate Mary Tan and for the Tan Foundation to be shut down after the wire service reported "
    "that more than half of her meetings as secretary with officials were with foundation donors."
)


def test_a_title_case_headline_with_lower_case_prepositions_is_the_title():
    headline = "Marta Okafor Calls for Special Prosecutor after Report Reveals Tan’s Meetings with Foundation Donors."
    found = read_text_metadata(f"{headline}\n\n{LEAD}\n\n“The fact is clear,” Okafor said.", None)
    assert found.title == headline and found.body.startswith("Indiana Gov.")


def test_a_lead_with_those_words_is_still_no_title():
    text = f"{LEAD}\n\nThe foundation did not answer.\n\nIts director was away with the board."
    assert read_text_metadata(text, None).title is None
