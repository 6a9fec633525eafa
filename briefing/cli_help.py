"""What ``briefing COMMAND --help`` says besides the options: what the command does, and
examples to copy. ``tests/test_cli_help.py`` parses every example, so they stay right."""

from __future__ import annotations

import argparse

# command path ("" for the program, "claims add") -> (example, what it does) pairs
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "": (
        ("briefing", "open the window on your workspace"),
        ("briefing case.briefing", "open the window on case.briefing"),
        ("briefing import --workspace case.briefing ~/articles", "import a folder; makes case.briefing if missing"),
        ("briefing case.briefing info", "a command after a workspace file works on it, as --workspace does"),
    ),
    "import": (
        ("briefing import --workspace case.briefing ~/articles report.pdf", "folders are searched recursively"),
        ("briefing import --workspace case.briefing --jobs 1 page.html", "analyse in this process"),
        ("briefing import --queue --workspace postgresql://db.example/case ~/articles", "a team's workers analyse"),
    ),
    "info": (
        ("briefing info --workspace case.briefing", "counts, and how many sources wait for the analysis"),
        ("briefing info --workspace case.briefing --json", "the same as JSON"),
    ),
    "analyse": (
        ("briefing analyse --workspace case.briefing", "the sources waiting for the analysis"),
        ("briefing analyse --workspace case.briefing 3 7", "sources 3 and 7 again"),
        ("briefing analyse --workspace case.briefing --all", "every source again; your edits are kept"),
    ),
    "eval": (("briefing eval --quiet", "the scores on the evaluation set shipped with Briefing"),),
    "search": (
        ("briefing search --workspace case.briefing 'speaker:okafor water'", "Okafor's quotes about water"),
        ("briefing search --workspace case.briefing '\"boil-water notice\" status:disputed'", "a phrase, one status"),
        ("briefing search --workspace case.briefing 'outag* from:2026-03' --json", "a prefix, a month; as JSON"),
        ("briefing search --workspace case.briefing outage --after '[-6.08,4]'", "the next page (cursor after more:)"),
        ("briefing search --workspace case.briefing --save 'Outage claims' 'outage type:claim'", "keep a query"),
        ("briefing search --workspace case.briefing --saved 'outage claims'", "run it again"),
    ),
    "searches": (
        ("briefing searches --workspace case.briefing", "the saved searches"),
        ("briefing searches --workspace case.briefing --delete 'Outage claims'", "delete one"),
    ),
    "export": (
        ("briefing export --workspace case.briefing --briefing 1 -o note.pdf", "the format from the extension"),
        ("briefing export --workspace case.briefing --briefing 'Week 47' --format md -o -", "Markdown, to a pipe"),
        ("briefing export --workspace case.briefing -o case.json", "the whole workspace as JSON"),
    ),
    "briefings": (("briefing briefings --workspace case.briefing", "id, items, last change and title of each"),),
    "claims": (
        ("briefing claims --workspace case.briefing --source 4 --status disputed", "the disputed claims of source 4"),
        ("briefing claims --workspace case.briefing --dismissed", "the claims dismissed as not claims"),
    ),
    "claims add": (
        ("briefing claims add --workspace case.briefing 4 --text '62,000 homes'", "those words of source 4"),
        ("briefing claims add --workspace case.briefing 4 --start 120 --end 180", "characters 120 to 180"),
        ("briefing claims add --workspace case.briefing 4 --title", "the headline of source 4"),
    ),
    "claims edit": (("briefing claims edit --workspace case.briefing 12 --text 'a day later'", "other words"),),
    "claims mark": (
        ("briefing claims mark --workspace case.briefing 12 disputed --reason 'the log says Tuesday'", "judge it"),
    ),
    "claims dismiss": (("briefing claims dismiss --workspace case.briefing 12", "not a claim (a question)"),),
    "claims restore": (("briefing claims restore --workspace case.briefing 12", "a claim after all"),),
    "claims related": (
        ("briefing claims related --workspace case.briefing 12", "its evidence and suggested passages"),
        ("briefing claims related --workspace case.briefing 12 --refresh --json", "look again first; as JSON"),
    ),
    "entities": (
        ("briefing entities --workspace case.briefing --type person", "the people, the most mentioned first"),
        ("briefing entities --workspace case.briefing --source 4 --search okafor", "Okafor in source 4"),
        ("briefing entities --workspace case.briefing --json", "id, name, type, counts and aliases as JSON"),
    ),
    "entities show": (
        ("briefing entities show --workspace case.briefing 12", "aliases, every mention (with its id) and quote"),
    ),
    "entities rename": (
        ("briefing entities rename --workspace case.briefing 12 'Marta Okafor' --reason 'her full name'", "rename"),
    ),
    "entities retype": (("briefing entities retype --workspace case.briefing 12 organisation", "a body"),),
    "entities merge": (
        ("briefing entities merge --workspace case.briefing 12 31 40", "fold entities 31 and 40 into 12"),
    ),
    "entities alias": (
        ("briefing entities alias --workspace case.briefing add 12 'M. Okafor'", "another name form of hers"),
        ("briefing entities alias --workspace case.briefing remove 12 'Okafor Leads'", "a headline's words"),
    ),
    "entities delete": (("briefing entities delete --workspace case.briefing 12 --yes", "without asking"),),
    "entities unlink": (
        ("briefing entities unlink --workspace case.briefing 4512 --reason 'her husband'", "one wrong mention off"),
    ),
    "sources": (
        ("briefing sources --workspace case.briefing", "id, analysed, counts, date, outlet and title of each"),
        ("briefing sources --workspace case.briefing --json", "every detail as JSON"),
    ),
    "sources edit": (
        ("briefing sources edit --workspace case.briefing 4 --date 2026-03-07 --outlet 'The Standard'", "correct"),
        ("briefing sources edit --workspace case.briefing 4 --author '' --reason 'no byline'", "clear a field"),
    ),
    "sources versions": (("briefing sources versions --workspace case.briefing 4", "oldest first"),),
    "sources delete": (("briefing sources delete --workspace case.briefing 4 --yes", "a backup is made first"),),
    "backup": (
        ("briefing backup --workspace case.briefing", "into case.briefing.backups beside it"),
        ("briefing backup --workspace case.briefing --to ~/usb/case-monday.briefing", "to a new file"),
        ("briefing backup --workspace case.briefing --list", "the backups, newest first"),
    ),
    "restore": (
        (
            "briefing restore --workspace case.briefing case.briefing.backups/case-20260307-101500-000000.briefing",
            "the current state is kept as a backup first",
        ),
    ),
    "worker": (
        ("briefing worker --workspace postgresql://db.example/case --concurrency 2", "until Ctrl+C"),
        ("briefing worker --workspace postgresql://db.example/case --until-empty", "until no job is left"),
    ),
    "copy": (
        ("briefing copy case.briefing postgresql://db.example/case", "publish a workspace to a team"),
        ("briefing copy postgresql://db.example/case plane.briefing", "an offline copy of the team's"),
    ),
}

PROGRAM = "Each command's --help says what it does, with its options and examples."
SEARCH = (
    "Search quotes, claims, notes and sources. Words match however they are inflected, case and accents "
    'ignored; also "a phrase", prefix*, a OR b, a NOT b, -word, (brackets), and "two words"~5 for words '
    "near each other. Fields: speaker:, source: (its title), outlet:, entity:, type: (quote, claim, note or "
    "source), status:, tag:, grade:, from: and to: (YYYY, YYYY-MM or YYYY-MM-DD); a field given twice "
    "takes either value (speaker:trump speaker:clinton: the quotes of both), but entity: and tag: both. "
    "No words: the most recent items."
)


class _Formatter(argparse.HelpFormatter):
    """argparse's layout, except that example lines (indented) are kept as written, not refilled."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(
            line if line.startswith(" ") else super(_Formatter, self)._fill_text(line, width, indent)
            for line in text.splitlines()
        )


def describe_commands(parser: argparse.ArgumentParser, path: str = "") -> None:
    """Give ``parser`` and each of its commands, at any depth, its description and examples."""
    parser.formatter_class = _Formatter
    parser.epilog = "examples:\n" + "\n".join(f"  {line}\n      {what}" for line, what in EXAMPLES.get(path, ()))
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, command in action.choices.items():
            command.description = command.description or _sentence(helps.get(name) or "")
            describe_commands(command, f"{path} {name}".strip())


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("." if text and not text.endswith(".") else "")


def command_paths(parser: argparse.ArgumentParser, path: str = "") -> list[str]:
    """Every command path of ``parser``: "", "import", …, "claims add", …"""
    paths = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                paths += command_paths(command, f"{path} {name}".strip())
    return paths
