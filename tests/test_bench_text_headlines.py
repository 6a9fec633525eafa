"""The text-headline bench reads a folder of articles and counts what it says it counts."""

from bench.text_headlines import measure


def test_headlines_found_and_leads_taken_are_counted(tmp_path, capsys):
    body = "The mayor said on Tuesday that the water plant had failed again, leaving thousands dry."
    (tmp_path / "a.txt").write_text(f"Water Plant Fails Again in Port Halden.\n\n{body}\n\n{body}", "utf-8")
    (tmp_path / "b.txt").write_text(f"It is the third failure this year.\n\n{body}\n\n{body}", "utf-8")
    (tmp_path / "c.txt").write_text("Too Short To Count.\n\nOne paragraph.", "utf-8")
    assert measure(tmp_path, misses=1) == {"texts": 2, "found": 1, "leads": 0}
    assert "missed: It is the third failure this year." in capsys.readouterr().out
