"""Every command's --help says what it does and shows examples, and every example is right."""

import shlex

import pytest

from briefing.cli import build_parser, check_command_args
from briefing.cli_argv import qt_options, with_workspace_option
from briefing.cli_help import EXAMPLES, command_paths

PARSER = build_parser()
PATHS = command_paths(PARSER)


def test_every_command_has_examples_and_every_example_a_command():
    assert sorted(EXAMPLES) == sorted(PATHS)


@pytest.mark.parametrize("path, example", [(path, line) for path, examples in EXAMPLES.items() for line, _ in examples])
def test_every_example_is_a_command_line_briefing_takes(path, example):
    words = shlex.split(example)
    assert words[0] == "briefing"
    parser = build_parser()
    given, _ = qt_options(words[1:])
    args = parser.parse_args(with_workspace_option(given, parser))  # a wrong example exits here
    check_command_args(parser, args)
    named = " ".join(word for word in (args.command, getattr(args, "action", None)) if word)
    assert named == path or not path  # the program's examples show several commands


@pytest.mark.parametrize("path", [p for p in PATHS if p])
def test_a_commands_help_says_what_it_does_and_shows_examples(capsys, path):
    """'briefing import --help' listed options alone: what the command does was only in the
    list of commands, and no help had an example."""
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args([*path.split(), "--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    description = out.split("\n\n")[1]
    assert description[0].isupper() and description.rstrip().endswith(".")
    assert "\nexamples:\n  briefing " + path in out


def test_the_programs_help_says_each_command_has_its_own(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert "Each command's --help" in " ".join(out.split())
    assert "\nexamples:\n  briefing\n" in out


@pytest.mark.parametrize(
    "args, prog",
    [
        (["info", "extra"], "briefing info"),
        (["claims", "mark", "1", "disputed", "extra"], "briefing claims mark"),
        (["sources", "versions", "1", "2"], "briefing sources versions"),
        (["--bogus"], "briefing"),
    ],
)
def test_an_unknown_argument_points_at_its_commands_help(capsys, args, prog):
    """'briefing info extra' said "see 'briefing --help'", whose options are not info's."""
    from briefing.cli import main

    with pytest.raises(SystemExit) as exited:
        main(args)
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert err.startswith(f"{prog}: unrecognized arguments: ") and err.endswith(f"(see '{prog} --help')\n")
