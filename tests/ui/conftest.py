import gc

import pytest


@pytest.fixture(autouse=True)
def collect_qt_garbage():
    """Destroy the Qt objects a test leaves in reference cycles now, while no
    worker thread runs, instead of in a later test's garbage collection."""
    yield
    gc.collect()
