"""`briefing entities`: the window's entity corrections from a script, kept by `briefing analyse --all`."""

import json

import pytest

from briefing.cli import main
from briefing.store import open_workspace
from briefing.store.history import history_for
from tests.processes import hold_workspace


def run(capsys, *args):
    try:
        code = main(list(args))
    except SystemExit as exited:  # a usage error: argparse exits 2
        code = exited.code
    out, err = capsys.readouterr()
    return code, out, err


def _entities(capsys, ws, *args):
    code, out, err = run(capsys, "entities", "--workspace", ws, "--json", *args)
    assert code == 0, err
    return json.loads(out)


def _id(capsys, ws, name):
    [entity] = [e for e in _entities(capsys, ws) if e["name"] == name]
    return entity["id"]


def _show(capsys, ws, entity_id):
    code, out, err = run(capsys, "entities", "show", "--workspace", ws, str(entity_id), "--json")
    assert code == 0, err
    return json.loads(out)


def _said(capsys, ws, *args):
    """An edit's one line of what it did."""
    code, out, err = run(capsys, "entities", "--workspace", ws, *args)
    assert code == 0 and err == "" and out.count("\n") == 1, (out, err)
    return out


def test_the_list_shows_ids_names_types_counts_and_aliases_and_filters(capsys, ws_copy):
    everyone = _entities(capsys, ws_copy)
    okafor = next(e for e in everyone if e["name"] == "Marta Okafor")
    assert okafor["type"] == "person" and okafor["aliases"] == ["Okafor"]
    assert okafor["mentions"] >= okafor["sources"] > 1
    assert [e["mentions"] for e in everyone] == sorted((e["mentions"] for e in everyone), reverse=True)
    assert {e["type"] for e in _entities(capsys, ws_copy, "--type", "place")} == {"place"}
    assert [e["name"] for e in _entities(capsys, ws_copy, "--search", "okafor")] == ["Marta Okafor"]
    source = _show(capsys, ws_copy, okafor["id"])["mentions"][0]["source"]["id"]
    assert okafor["id"] in [e["id"] for e in _entities(capsys, ws_copy, "--source", str(source))]
    code, out, _ = run(capsys, "entities", "--workspace", ws_copy)
    assert code == 0 and out.splitlines()[0].split() == ["id", "type", "sources", "mentions", "name", "(aliases)"]
    assert "Marta Okafor (also Okafor)" in out
    code, out, _ = run(capsys, "entities", "--workspace", ws_copy, "--type", "group", "--search", "zzz")
    assert (code, out) == (0, "no group entities matching 'zzz'\n")
    code, _, err = run(capsys, "entities", "--workspace", ws_copy, "--source", "999")
    assert code == 1 and "999" in err and err.count("\n") == 1


def test_show_lists_aliases_mentions_with_their_ids_and_quotes(capsys, ws_copy):
    okafor = _id(capsys, ws_copy, "Marta Okafor")
    page = _show(capsys, ws_copy, okafor)
    assert page["aliases"] == ["Okafor"] and page["quotes"]
    assert {m["text"] for m in page["mentions"]} == {"Marta Okafor", "Okafor"}
    assert all(m["text"] in m["context"] and m["source"]["title"] for m in page["mentions"])
    code, out, _ = run(capsys, "entities", "show", "--workspace", ws_copy, str(okafor))
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"entity {okafor} (Marta Okafor), person" and lines[1] == "  also called: Okafor"
    first = page["mentions"][0]
    assert any(
        line.split()[:3] == [str(first["id"]), str(first["source"]["id"]), first["text"].split()[0]] for line in lines
    )


def _mention_rows(out, page):
    ids = {str(m["id"]) for m in page["mentions"]}
    return [line for line in out.splitlines() if line.split()[:1] and line.split()[0] in ids]


def test_show_prints_the_first_mentions_and_quotes_and_says_how_many_more(capsys, ws_copy, monkeypatch):
    """'entities show' printed every mention: 1,562 lines for a big entity."""
    from briefing import cli_entities

    okafor = _id(capsys, ws_copy, "Marta Okafor")
    page = _show(capsys, ws_copy, okafor)  # --json gives them all unless --limit is given
    total, quotes = len(page["mentions"]), len(page["quotes"])
    assert total > 2 and quotes >= 1
    code, out, _ = run(capsys, "entities", "show", "--workspace", ws_copy, str(okafor), "--limit", "2")
    assert code == 0 and len(_mention_rows(out, page)) == 2
    assert f"  … and {total - 2:,} more; --limit 0 shows all" in out.splitlines()
    code, out, _ = run(capsys, "entities", "show", "--workspace", ws_copy, str(okafor), "--limit", "0")
    assert len(_mention_rows(out, page)) == total and "more; --limit 0" not in out
    monkeypatch.setattr(cli_entities, "SHOWN_BY_DEFAULT", 1)
    code, out, _ = run(capsys, "entities", "show", "--workspace", ws_copy, str(okafor))
    assert len(_mention_rows(out, page)) == 1 and f"  … and {total - 1:,} more; --limit 0 shows all" in out
    code, out, _ = run(capsys, "entities", "show", "--workspace", ws_copy, str(okafor), "--json", "--limit", "1")
    assert (len(json.loads(out)["mentions"]), len(json.loads(out)["quotes"])) == (1, 1)
    code, _, err = run(capsys, "entities", "show", "--workspace", ws_copy, str(okafor), "--limit", "-1")
    assert code == 2 and "--limit: must be a whole number, 0 for all, not '-1'" in err


def test_each_edit_says_what_it_did_is_in_the_history_and_survives_analyse_all(capsys, ws_copy):
    ids = {
        name: _id(capsys, ws_copy, name)
        for name in (
            "Marta Okafor",
            "Kessel Point",
            "Ingrid Vasquel",
            "Elin Marrow",
            "Elin",
            "Veldra Review",
            "Civic Alliance",
        )
    }
    okafor = ids["Marta Okafor"]
    wrong = next(m for m in _show(capsys, ws_copy, okafor)["mentions"] if m["text"] == "Okafor")
    said = [
        _said(capsys, ws_copy, "rename", str(okafor), "Dr Marta Okafor", "--reason", "her title"),
        _said(capsys, ws_copy, "retype", str(ids["Kessel Point"]), "place"),
        _said(capsys, ws_copy, "alias", "add", str(ids["Ingrid Vasquel"]), "I. Vasquel"),
        _said(capsys, ws_copy, "merge", str(ids["Elin Marrow"]), str(ids["Elin"]), "--reason", "the same Elin"),
        _said(capsys, ws_copy, "alias", "remove", str(ids["Veldra Review"]), "Veldra"),
        _said(capsys, ws_copy, "delete", str(ids["Civic Alliance"]), "--yes"),
        _said(capsys, ws_copy, "unlink", str(wrong["id"]), "--reason", "her brother"),
    ]
    assert said[0] == f"entity {okafor} (Dr Marta Okafor) renamed, was Marta Okafor\n"
    assert said[1] == f"entity {ids['Kessel Point']} (Kessel Point) is a place now, was an organisation\n"
    assert said[3].startswith(f"merged 1 entity into entity {ids['Elin Marrow']} (Elin Marrow): Elin ({ids['Elin']})")
    assert said[6].startswith(
        f"mention {wrong['id']} (Okafor, source {wrong['source']['id']}) taken off entity {okafor}"
    )
    code, _, err = run(capsys, "analyse", "--workspace", ws_copy, "--all")
    assert code == 0, err
    after = {e["id"]: e for e in _entities(capsys, ws_copy)}
    assert after[okafor]["name"] == "Dr Marta Okafor"
    assert after[ids["Kessel Point"]]["type"] == "place"
    assert "I. Vasquel" in after[ids["Ingrid Vasquel"]]["aliases"]
    assert ids["Elin"] not in after and ids["Elin Marrow"] in after
    assert "Veldra" not in after[ids["Veldra Review"]]["aliases"]
    assert ids["Civic Alliance"] not in after and "Civic Alliance" not in {e["name"] for e in after.values()}
    in_source = [m for m in _show(capsys, ws_copy, okafor)["mentions"] if m["source"]["id"] == wrong["source"]["id"]]
    assert (wrong["start"], wrong["end"]) not in {(m["start"], m["end"]) for m in in_source}
    with open_workspace(ws_copy) as ws:
        actions = {name: [j.action for j in history_for(ws, "entity", i)] for name, i in ids.items()}
        reasons = [j.reason for j in history_for(ws, "entity", okafor)]
    assert {"rename", "unlink"} <= set(actions["Marta Okafor"]) and {"her title", "her brother"} <= set(reasons)
    assert "retype" in actions["Kessel Point"] and "add_alias" in actions["Ingrid Vasquel"]
    assert "merge" in actions["Elin Marrow"] and "remove_alias" in actions["Veldra Review"]
    assert "delete" in actions["Civic Alliance"]


BAD = {
    "unknown entity": (["rename", "9999", "X"], "entity 9999 does not exist"),
    "unknown type": (["retype", "{okafor}", "ministry"], "argument TYPE: invalid choice: 'ministry'"),
    "merged into itself": (["merge", "{okafor}", "{okafor}"], "OTHER_ID: entity {okafor} cannot be merged into itself"),
    "escape in a name": (["rename", "{okafor}", "Marta\x1b[2JOkafor"], "name: one line without control characters"),
    "line break in an alias": (["alias", "add", "{okafor}", "M.\nOkafor"], "NAME: one line without control"),
    "unknown alias": (["alias", "remove", "{okafor}", "Mo"], "NAME: entity {okafor} (Marta Okafor) has no alias 'Mo'"),
    "unknown mention": (["unlink", "99999"], "mention 99999 does not exist"),
    "delete unasked": (["delete", "{okafor}"], "entity {okafor} not deleted (give --yes"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_one_line_naming_the_field_and_changes_nothing(capsys, ws_copy, case):
    okafor = _id(capsys, ws_copy, "Marta Okafor")
    words, message = BAD[case]
    before = _entities(capsys, ws_copy)
    code, out, err = run(capsys, "entities", "--workspace", ws_copy, *(w.format(okafor=okafor) for w in words))
    assert code != 0 and out == "" and err.count("\n") == 1 and "Traceback" not in err, err
    assert message.format(okafor=okafor) in err
    assert "\x1b" not in err
    assert _entities(capsys, ws_copy) == before


def test_names_from_sources_are_printed_inert(capsys, ws_copy):
    from briefing.store.edits import rename_entity

    with open_workspace(ws_copy) as ws:
        rename_entity(ws, 5, "Evil\x1b]0;owned\x07 \u202eName")
        hostile = 5
    for args in ([], ["show", str(hostile)]):
        code, out, _ = run(capsys, "entities", "--workspace", ws_copy, *args)
        assert code == 0 and "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "Evil" in out
    said = _said(capsys, ws_copy, "retype", str(hostile), "group")
    assert "\x1b" not in said and "\u202e" not in said
    code, out, _ = run(capsys, "entities", "--workspace", ws_copy, "--json", "--search", "evil")
    assert "\\u202e" in out and json.loads(out)[0]["name"] == "Evil\x1b]0;owned\x07 \u202eName"


def test_a_locked_workspace_is_read_but_not_changed(capsys, ws_copy):
    from pathlib import Path

    okafor = _id(capsys, ws_copy, "Marta Okafor")
    holder = hold_workspace(Path(ws_copy))
    try:
        code, out, err = run(capsys, "entities", "rename", "--workspace", ws_copy, str(okafor), "Somebody")
        assert code == 1 and out == "" and err.count("\n") == 1 and str(holder.pid) in err, err
        assert "Marta Okafor" in {e["name"] for e in _entities(capsys, ws_copy)}  # a list reads it
    finally:
        holder.kill()
        holder.wait()


def test_the_programs_help_names_every_entity_correction(capsys):
    """'briefing --help' said rename, retype, merge, delete and aliases: not that a wrong mention
    can be taken off, the one correction the window's Entities tab does not have."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    lines = out.split("\n    entities", 1)[1].splitlines()
    summary = " ".join([lines[0], *(line for line in lines[1:3] if line.startswith(" " * 20))])
    for word in ("list", "show", "rename", "retype", "merge", "delete", "alias", "unlink"):
        assert word in summary, summary
