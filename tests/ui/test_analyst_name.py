"""Who made a change: the name the user gives (Edit > Your Name…) is what the history records."""

import pytest
from PySide6.QtCore import QSettings

from briefing.store.claims import list_claim_history, list_claims
from briefing.store.history import ANALYST_ENV, current_actor, set_analyst_name
from briefing.ui.analyst import NAME_KEY, apply_saved_name, ask_analyst_name


@pytest.fixture(autouse=True)
def no_name_left_behind(monkeypatch):
    monkeypatch.delenv(ANALYST_ENV, raising=False)
    yield
    set_analyst_name(None)


def _answer(text, ok=True):
    return lambda *args, **kwargs: (text, ok)


def _first_claim(window):
    source = window.current_source_id()
    return list_claims(window.ws, source)[0]["id"]


def test_the_name_given_is_kept_recorded_and_shown_in_the_claim_history(demo_window):
    ask_analyst_name(demo_window, ask=_answer("  Ana\tPereira\x1b[31m "))
    assert QSettings().value(NAME_KEY) == "Ana Pereira [31m"  # one printable line, no escape
    assert "recorded as Ana Pereira" in demo_window.statusBar().currentMessage()
    claim_id = _first_claim(demo_window)
    demo_window.mark_claim(claim_id, "disputed", "their figure is older")
    assert list_claim_history(demo_window.ws, claim_id)[-1].actor == "Ana Pereira [31m"
    set_analyst_name(None)
    apply_saved_name()  # the next start reads it back from the settings
    assert current_actor() == "Ana Pereira [31m"


def test_an_empty_name_goes_back_to_the_login_name_and_cancel_changes_nothing(demo_window):
    ask_analyst_name(demo_window, ask=_answer("Ana"))
    ask_analyst_name(demo_window, ask=_answer("Someone else", ok=False))
    assert current_actor() == "Ana"
    ask_analyst_name(demo_window, ask=_answer("   "))
    assert QSettings().value(NAME_KEY) is None
    assert current_actor() != "Ana" and current_actor()


def test_the_environment_wins_for_scripts(demo_window, monkeypatch):
    ask_analyst_name(demo_window, ask=_answer("Ana"))
    monkeypatch.setenv(ANALYST_ENV, "night-shift bot")
    assert current_actor() == "night-shift bot"


def test_the_edit_menu_offers_it(demo_window):
    from PySide6.QtGui import QAction

    action = demo_window.findChild(QAction, "analyst-name")
    assert action is not None and action.text() == "Your &Name…"
