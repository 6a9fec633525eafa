import pytest

from briefing.nlp.model import load_model


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def analyse(nlp):
    from briefing.nlp.analyse import analyse_texts

    def run(text: str, title: str | None = None):
        return next(analyse_texts([(text, title)], nlp=nlp))

    return run
