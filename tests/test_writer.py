import os

import pytest

from generator.errors import ConfigError
from generator.writer import MARKER, write_tree


def test_writes_only_what_changed_and_removes_stale(tmp_path):
    out = tmp_path / "out"
    first = write_tree(out, {"a.md": "A", "x/b.md": "B", "x/y/c.md": "C"})
    assert first.written == ("a.md", "x/b.md", "x/y/c.md")
    before = os.stat(out / "a.md").st_mtime_ns
    second = write_tree(out, {"a.md": "A", "x/b.md": "B2"})
    assert second.written == ("x/b.md",) and second.unchanged == 1 and second.removed == ("x/y/c.md",)
    assert os.stat(out / "a.md").st_mtime_ns == before
    assert not (out / "x" / "y").exists()
    assert (out / "x" / "b.md").read_text() == "B2"
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "a.md", "x"])


def test_leftover_temporary_files_are_removed(tmp_path):
    out = tmp_path / "out"
    write_tree(out, {"a.md": "A"})
    (out / ".tmp-abc").write_text("half a file")
    assert write_tree(out, {"a.md": "A"}).removed == (".tmp-abc",)


@pytest.mark.parametrize("bad", ["../escape.md", "/etc/passwd", "a/../../b.md"])
def test_refuses_paths_outside_the_folder(tmp_path, bad):
    with pytest.raises(ConfigError, match="refusing"):
        write_tree(tmp_path / "out", {bad: "x"})
    assert not (tmp_path / "escape.md").exists()


def test_never_cleans_a_folder_it_did_not_make(tmp_path):
    (tmp_path / "mine.txt").write_text("precious")
    with pytest.raises(ConfigError, match="not empty"):
        write_tree(tmp_path, {"a.md": "A"})
    assert (tmp_path / "mine.txt").read_text() == "precious"


def test_files_that_vouch_for_others_are_written_last(tmp_path):
    # "_pages.json" sorts before "briefings/...": written first, a build killed between the two would leave
    # page keys that say an old page is new, and the next build would keep it.
    written = write_tree(tmp_path / "out", {"_pages.json": "{}", "a.md": "A", "briefings/b.md": "B"},
                         last=("_pages.json",)).written
    assert written == ("a.md", "briefings/b.md", "_pages.json")


def test_a_symlinked_folder_cannot_lead_outside(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "outside"
    outside.mkdir()
    write_tree(out, {"a.md": "A"})
    (out / "x").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ConfigError, match="resolves outside"):
        write_tree(out, {"a.md": "A", "x/y/b.md": "B"})
    assert list(outside.iterdir()) == []


def test_a_leftover_temporary_file_of_the_same_name_is_reused(tmp_path):
    out = tmp_path / "out"
    write_tree(out, {"a.md": "A"})
    (out / f".tmp-{os.getpid()}-b.md").write_text("half a file, longer than the new one")
    write_tree(out, {"a.md": "A", "b.md": "B"})
    assert (out / "b.md").read_text() == "B" and sorted(p.name for p in out.iterdir()) == [MARKER, "a.md", "b.md"]
    assert oct(os.stat(out / "b.md").st_mode & 0o777) == oct(0o644)


def test_a_tree_is_written_as_its_files_come_and_what_nothing_wrote_goes(tmp_path):
    # A build streams its pages to the writer as they are rendered: each is on disk before the next is made.
    from generator.writer import TreeWriter

    out = tmp_path / "out"
    write_tree(out, {"old.md": "stale", "kept.md": "K"})
    tree = TreeWriter(out)

    def pages():
        yield "a.md", "A"
        assert (out / "a.md").read_text(encoding="utf-8") == "A"
        yield "x/b.md", "B"

    tree.check(["a.md", "x/b.md"])
    tree.write(pages())
    report = tree.finish(keep={"kept.md"})
    assert report.written == ("a.md", "x/b.md") and report.removed == ("old.md",)
    assert sorted(p.name for p in out.rglob("*.md")) == ["a.md", "b.md", "kept.md"]
