"""What the quote tests read from an analysis."""


def speakers(analysis, text):
    """(quote, speaker entity's name) for each quote found, in text order."""
    names = {e.key: e.name for e in analysis.entities}
    return [(text[q.start : q.end], names.get(q.speaker)) for q in analysis.quotes]
