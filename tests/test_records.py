"""Records: analyses are reused when nothing changed, and a published briefing survives a broken seed."""

import json
import shutil
from dataclasses import replace
from pathlib import Path

from generator.build import BuildOptions, generate
from generator.nlp.analyse import AnalysisOptions
from generator.records import dump_record, load_record

DATA = Path(__file__).parent / "data"
FLOOD = "briefings/2019/03/04/wire_flood.md"


def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(DATA, folder)
    return folder


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_record_round_trip(tmp_path):
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    generate(options)
    text = (tmp_path / "out" / "_records" / "wire_flood.json").read_text(encoding="utf-8")
    article, analysis, stamp = load_record(text)
    assert dump_record(article, analysis, stamp) == text
    assert len(stamp.gazetteer) == 64 and len(stamp.source) == 64 and stamp.source_articles == 1


def test_unchanged_articles_are_not_analysed_again(tmp_path):
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    first = generate(options)
    assert (first.analysed, first.reused) == (4, 0)
    before = snapshot(tmp_path / "out")
    second = generate(options)
    assert (second.analysed, second.reused) == (0, 4)
    assert snapshot(tmp_path / "out") == before and second.written.written == ()
    flood = options.seeds / "wire_flood.txt"
    flood.write_text(flood.read_text(encoding="utf-8").replace("200,000", "250,000"), encoding="utf-8")
    third = generate(options)
    assert (third.analysed, third.reused) == (1, 3)
    changed = generate(replace(options, analysis=AnalysisOptions(key_points=3)))
    assert changed.analysed == 4  # a setting the analysis depends on changed


def test_cached_and_fresh_builds_are_byte_identical(tmp_path):
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "a")
    generate(options)
    generate(options)  # everything from records
    generate(replace(options, out=tmp_path / "b"))  # everything analysed
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_a_broken_seed_keeps_its_published_briefing(tmp_path):
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    generate(options)
    page = (tmp_path / "out" / FLOOD).read_text(encoding="utf-8")
    (options.seeds / "wire_flood.txt").write_bytes(b"date 2019-02-30 broken\n\xff\xfe")
    report = generate(options)
    assert report.kept == ("wire_flood",) and len(report.problems) == 1
    assert (tmp_path / "out" / FLOOD).read_text(encoding="utf-8") == page
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert "wire_flood" in [b["id"] for b in manifest["briefings"]]
    (options.seeds / "wire_flood.txt").unlink()  # only deleting the seed removes its briefing
    report = generate(options)
    assert report.kept == () and not (tmp_path / "out" / FLOOD).exists()


def test_a_corrupt_record_is_recomputed(tmp_path):
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    generate(options)
    before = snapshot(tmp_path / "out")
    (tmp_path / "out" / "_records" / "wire_flood.json").write_text("{not json", encoding="utf-8")
    report = generate(options)
    assert report.analysed == 1 and report.reused == 3
    assert snapshot(tmp_path / "out") == before


def test_a_lost_record_of_a_file_of_several_articles_has_the_file_read_and_its_article_analysed_again(tmp_path):
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    generate(options)
    before = snapshot(tmp_path / "out")
    (tmp_path / "out" / "_records" / "kenya-markets-2019-06.json").unlink()  # batch_markets.jsonl holds two
    report = generate(options)
    assert (report.articles, report.analysed, report.reused) == (4, 1, 3)
    assert snapshot(tmp_path / "out") == before


def test_a_build_reads_back_only_the_records_changed_since_the_snapshot(tmp_path, monkeypatch):
    import generator.cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    generate(options)  # a cold build takes a snapshot of its records
    assert len(list((tmp_path / "cache" / "briefing-archive").glob("records-*.pickle"))) == 1
    parsed = []
    real = generator.cache.load_record
    monkeypatch.setattr(generator.cache, "load_record", lambda text: parsed.append(text) or real(text))
    before = snapshot(tmp_path / "out")
    assert generate(options).reused == 4 and parsed == []  # every record from the snapshot
    record = tmp_path / "out" / "_records" / "wire_flood.json"
    record.write_text(record.read_text(encoding="utf-8").replace('"Flood', '"Floods'), encoding="utf-8")
    report = generate(options)  # the record changed on disk: read from its file, not from the snapshot
    assert len(parsed) == 1 and report.analysed == 0 and report.reused == 4
    assert snapshot(tmp_path / "out") != before  # the edited record's words reach its page
    (tmp_path / "out" / "_records" / "wire_flood.json").write_bytes(before["_records/wire_flood.json"])
    generate(options)
    assert snapshot(tmp_path / "out") == before


def test_records_in_a_shared_store_give_the_same_archive(tmp_path):
    local = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "local")
    generate(local)
    store = tmp_path / "store"
    shared = replace(local, out=tmp_path / "shared", records=f"file://{store}")
    first = generate(shared)
    expected = snapshot(tmp_path / "local")
    records = {name.removeprefix("_records/"): data for name, data in expected.items() if name.startswith("_records/")}
    assert first.analysed == 4 and snapshot(store) == records  # the same records, in the store
    assert snapshot(tmp_path / "shared") == {n: d for n, d in expected.items() if not n.startswith("_records/")}
    again = generate(shared)
    assert (again.analysed, again.reused, again.written.written) == (0, 4, ())
    (shared.seeds / "wire_flood.txt").unlink()
    generate(shared)
    assert sorted(p.name for p in store.iterdir()) == sorted(set(records) - {"wire_flood.json"})  # stale: removed


def test_a_records_store_that_cannot_be_opened_is_one_clear_error_and_nothing_is_written(tmp_path):
    import pytest

    from generator.errors import ConfigError

    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out", records="nosuchscheme://bucket/records")
    with pytest.raises(ConfigError, match=r"records store nosuchscheme://bucket/records .*Fix:"):
        generate(options)
    assert not (tmp_path / "out").exists()


def test_a_gazetteer_change_reanalyses_exactly_the_articles_it_concerns(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("- name: Hiraan region\n  kind: place\n", encoding="utf-8")
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out", gazetteers=(extra,))
    assert generate(options).analysed == 4
    extra.write_text("- name: Hiraan region\n  kind: place\n  aliases: [Hiraan]\n", encoding="utf-8")
    assert generate(options).analysed == 1  # only the drought article names Hiraan
    extra.write_text("- name: Hiraan region\n  kind: place\n  aliases: [Hiraan]\n- name: Mars\n  kind: place\n",
                     encoding="utf-8")
    assert generate(options).analysed == 0  # no article names Mars


def test_the_gazetteer_is_searched_again_only_for_changed_articles_or_a_changed_gazetteer(tmp_path, monkeypatch):
    from generator.gazetteer import Gazetteer

    extra = tmp_path / "mine.yaml"
    extra.write_text("- name: Hiraan region\n  kind: place\n", encoding="utf-8")
    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out", gazetteers=(extra,))
    generate(options)
    searched = []
    real = Gazetteer.relevant_digest
    monkeypatch.setattr(Gazetteer, "relevant_digest", lambda self, text: searched.append(text) or real(self, text))
    flood = options.seeds / "wire_flood.txt"
    flood.write_text(flood.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    assert generate(options).analysed == 1 and len(searched) == 1  # the changed article only
    searched.clear()
    extra.write_text("- name: Hiraan region\n  kind: place\n  aliases: [Hiraan]\n", encoding="utf-8")
    assert generate(options).analysed == 1 and len(searched) == 4  # a new gazetteer: every article again


def test_unchanged_seed_files_are_not_parsed_again(tmp_path, monkeypatch):
    import generator.reader

    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    generate(options)
    parsed = []
    real = generator.reader.read_file
    def counting(path, *args, **kwargs):
        parsed.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(generator.reader, "read_file", counting)
    flood = options.seeds / "wire_flood.txt"
    flood.write_text(flood.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    report = generate(options)
    assert parsed == ["wire_flood.txt"] and report.analysed == 1


def test_pages_are_rendered_again_only_when_their_inputs_change(tmp_path, monkeypatch):
    from generator.render import Renderer

    options = BuildOptions(seeds=seeds(tmp_path), out=tmp_path / "out")
    generate(options)
    rendered = []
    real = Renderer.briefing
    monkeypatch.setattr(Renderer, "briefing", lambda self, b: rendered.append(b.id) or real(self, b))
    generate(options)
    assert rendered == []  # nothing changed: every briefing page is kept as it is
    (tmp_path / "out" / FLOOD).unlink()
    generate(options)
    assert rendered == ["wire_flood"] and (tmp_path / "out" / FLOOD).is_file()  # a missing page comes back
    drought = options.seeds / "frontmatter_drought.md"
    drought.write_text(drought.read_text(encoding="utf-8").replace("one crisis after another", "crisis upon crisis"),
                       encoding="utf-8")
    rendered.clear()
    generate(options)
    assert rendered == ["somalia-drought-2019-05"]  # its title and entities, shown elsewhere, are unchanged


def test_an_incremental_build_equals_a_cold_build_when_an_alias_moves_an_older_briefing(tmp_path):
    # The older briefing's record does not change, and neither do its related briefings (five others share
    # two cities each with it; the new one shares less), but its "KNPA" joins the agency the new article
    # spells out: its page must be rendered again (a new link) although what it was made from is the same.
    folder = tmp_path / "seeds"
    folder.mkdir()
    cities = ["Busan", "Daegu", "Incheon", "Gwangju", "Daejeon", "Ulsan", "Suwon", "Changwon", "Jeonju", "Cheongju"]

    def article(name: str, day: int, text: str) -> None:
        (folder / f"{name}.md").write_text(f"---\nid: {name}\ntitle: Police news {day}\ndate: 2020-03-{day:02}\n---"
                                           f"\n\n{text}\n", encoding="utf-8")

    article("raids", 1, "Officers of the KNPA raided warehouses in " + ", ".join(cities[:-1]) + " and "
            + cities[-1] + " on Sunday, and the KNPA said twenty men were held.")
    for i in range(5):
        article(f"storm-{i}", 2 + i, f"A storm closed roads between {cities[2 * i]} and {cities[2 * i + 1]} on "
                                     "Monday, and schools stayed shut.")
    incremental = BuildOptions(seeds=folder, out=tmp_path / "out")
    generate(incremental)
    page = tmp_path / "out" / "briefings/2020/03/01/raids.md"
    before = page.read_text(encoding="utf-8")
    assert "groups/knpa.md" in before
    article("report", 20, "The Korean National Police Agency (KNPA) published its yearly report in Seoul.")
    assert generate(incremental).analysed == 1
    after = page.read_text(encoding="utf-8")
    assert "groups/korean-national-police-agency.md" in after
    related = before[before.index("## Related"):before.index("## Full text")]
    assert related == after[after.index("## Related"):after.index("## Full text")]  # only the link moved
    generate(BuildOptions(seeds=folder, out=tmp_path / "cold"))
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "cold")
