import pytest

from briefing.domain import BriefingError, WorkspaceReadOnly
from briefing.store import open_workspace
from briefing.store.saved_searches import (
    delete_saved_search,
    get_saved_search,
    list_saved_searches,
    rename_saved_search,
    save_search,
)

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def test_save_list_rename_delete(ws):
    first = save_search(ws, "  Outage\n claims ", "outage type:claim")
    save_search(ws, "ransom", "ransom OR hoax")
    assert [(s.name, s.query) for s in list_saved_searches(ws)] == [
        ("Outage claims", "outage type:claim"),
        ("ransom", "ransom OR hoax"),
    ]
    assert save_search(ws, "OUTAGE CLAIMS", "outage") == first  # case ignored: replaces
    assert get_saved_search(ws, "outage claims").query == "outage"
    rename_saved_search(ws, first, "Water")
    with pytest.raises(BriefingError, match="already saved"):
        rename_saved_search(ws, first, "RANSOM")
    delete_saved_search(ws, first)
    assert [s.name for s in list_saved_searches(ws)] == ["ransom"]
    with pytest.raises(BriefingError, match="saved: ransom"):
        get_saved_search(ws, "water")


@pytest.mark.parametrize("name", ["", "   ", "\n\t", "x" * 101])
def test_a_name_is_one_non_empty_line(ws, name):
    with pytest.raises(BriefingError):
        save_search(ws, name, "q")


def test_saved_searches_stay_with_the_workspace_and_read_only_refuses(ws_file):
    with open_workspace(ws_file) as ws:
        save_search(ws, "outage", '"water outage"~5')
    with open_workspace(ws_file, read_only=True) as ws:
        assert get_saved_search(ws, "Outage").query == '"water outage"~5'
        with pytest.raises(WorkspaceReadOnly):
            save_search(ws, "other", "x")
