import pytest

from tests.export.helpers import make_case


@pytest.fixture
def case(ws):
    return make_case(ws)
