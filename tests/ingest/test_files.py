"""collect_files: folder expansion, order, skipped strays and reported problems."""

from pathlib import Path

import pytest

from briefing.ingest import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, collect_files


def touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_public_constants():
    web = {".html", ".htm", ".xhtml", ".mhtml", ".mht"}
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".markdown", *web, ".pdf", ".docx", ".eml"}
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_folders_expand_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a.md", "sub/z.pdf", "sub/deeper/c.html", "A.EML"]:
        touch(tmp_path / name)
    files, problems = collect_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "A.EML",
        "a.md",
        "b.txt",
        "sub/deeper/c.html",
        "sub/z.pdf",
    ]
    assert problems == []


@pytest.mark.parametrize("stray", [".hidden.txt", ".git/config.txt", "notes.odt", "image.png", "~$draft.docx", "noext"])
def test_folder_walk_skips_strays_silently(tmp_path, stray):
    touch(tmp_path / "keep.txt")
    touch(tmp_path / stray)
    files, problems = collect_files([tmp_path])
    assert [p.name for p in files] == ["keep.txt"]
    assert problems == []


def test_missing_paths_and_unsupported_files_are_problems(tmp_path):
    odt = touch(tmp_path / "notes.odt")
    good = touch(tmp_path / "good.txt")
    missing = tmp_path / "gone.txt"
    files, problems = collect_files([missing, odt, str(good)])
    assert files == [good]
    reasons = dict(problems)
    assert reasons[str(missing)] == "no such file or folder"
    assert "unsupported file type .odt" in reasons[str(odt)]
    assert ".docx" in reasons[str(odt)]  # the reason lists what would work


def test_a_file_named_twice_is_read_once(tmp_path):
    good = touch(tmp_path / "good.txt")
    files, _ = collect_files([good, tmp_path, str(good)])
    assert files == [good]


def test_explicit_hidden_file_is_accepted(tmp_path):
    hidden = touch(tmp_path / ".notes.md")
    assert collect_files([hidden]) == ([hidden], [])


def test_empty_input_gives_nothing():
    assert collect_files([]) == ([], [])


def test_a_link_out_of_the_folder_is_skipped_with_one_line(tmp_path):
    outside = touch(tmp_path / "secret" / "passwd")
    folder = tmp_path / "sources"
    touch(folder / "keep.txt")
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "etc").symlink_to(outside.parent, target_is_directory=True)
    files, problems = collect_files([folder])
    assert [p.name for p in files] == ["keep.txt"]
    assert problems == [
        (str(folder / "etc"), "skipped link: etc -> outside the folder"),
        (str(folder / "passwd.txt"), "skipped link: passwd.txt -> outside the folder"),
    ]


def test_a_link_inside_the_folder_is_read_once_and_loops_end(tmp_path):
    folder = tmp_path / "sources"
    real = touch(folder / "sub" / "real.txt")
    (folder / "alias.txt").symlink_to(real)  # the same file: read once
    (folder / "other.md").symlink_to(touch(folder / "sub" / "b.md"))
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    files, problems = collect_files([folder])
    assert [p.name for p in files] == ["b.md", "real.txt"]
    assert problems == [(str(folder / "dangling.txt"), f"broken link: dangling.txt -> {folder / 'gone.txt'}")]


def test_a_broken_link_named_alone_says_so(tmp_path):
    (tmp_path / "notes.txt").symlink_to(tmp_path / "moved.txt")
    assert collect_files([tmp_path / "notes.txt"]) == (
        [],
        [(str(tmp_path / "notes.txt"), f"broken link: notes.txt -> {tmp_path / 'moved.txt'}")],
    )


def test_a_path_this_user_may_not_reach_is_one_problem_and_the_rest_goes_on(tmp_path, monkeypatch):
    """A file inside a folder without search permission made the whole import stop on
    'unexpected error: PermissionError', importing nothing of the batch."""
    locked, good = tmp_path / "locked" / "in.txt", touch(tmp_path / "good.txt")
    real_is_dir = Path.is_dir

    def is_dir(path):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_is_dir(path)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    files, problems = collect_files([locked, good])
    assert files == [good] and problems == [(str(locked), "could not be read (Permission denied)")]


@pytest.mark.parametrize("folder", ["Port strike ends_files", "Port strike ends-Dateien", "Port strike ends_fichiers"])
def test_a_saved_pages_resource_folder_is_not_walked(tmp_path, folder):
    """A browser's "Web Page, complete" saves the page's frames (ads, embedded posts) as .html
    files beside its pictures: each became a source or a "no text extracted" failure."""
    page = touch(tmp_path / "Port strike ends.html")
    touch(tmp_path / folder / "widget_iframe.html")
    touch(tmp_path / folder / "saved_resource.html")
    kept = touch(tmp_path / "reports_files" / "q1.txt")  # no page of that name beside it
    files, problems = collect_files([tmp_path])
    assert files == [page, kept]
    assert problems == []
    named = tmp_path / folder  # a resource folder named itself is read
    assert [p.name for p in collect_files([named])[0]] == ["saved_resource.html", "widget_iframe.html"]
