"""Related briefings, near-duplicates and story threads, on articles the tests write (real model, real index)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.build import BuildOptions, generate

from conftest import ROOT, SEED, make_project, run_cli

SHARED = ROOT.parent / "shared" / "corpus" / "wikinews" / "articles"

KARIBA = [
    ("kariba-1", "2023-02-06", "Wire Desk", "Lusaka",
     "Power cuts spread as Lake Kariba falls to a record low",
     "Zambia and Zimbabwe cut electricity to homes for up to twelve hours a day on Monday after the water "
     "in Lake Kariba fell to its lowest level since the Kariba dam was built, the Zambezi River Authority "
     "said.\n\nThe authority said the power stations at the dam could use only a fifth of their usual water. "
     "Zambia's energy minister Peter Kapala said the cuts would last until the rains filled the lake."),
    ("kariba-2", "2023-02-08", "Wire Desk", "Harare",
     "Zimbabwe asks Zambezi River Authority for more water from Lake Kariba",
     "Zimbabwe asked the Zambezi River Authority on Wednesday to let its power station at the Kariba dam "
     "use more water, as power cuts of twelve hours a day closed factories in Harare.\n\nThe authority said "
     "Lake Kariba was too low to allow more than a fifth of the usual water through the turbines. Zambia's "
     "energy minister Peter Kapala said both countries had to share the shortage."),
    ("kariba-3", "2023-02-11", "Wire Desk", "Lusaka",
     "Rains lift Lake Kariba but power cuts go on",
     "Heavy rains in the upper Zambezi raised the water in Lake Kariba for the first time this year, the "
     "Zambezi River Authority said on Saturday, but the power cuts in Zambia and Zimbabwe will go on.\n\n"
     "Peter Kapala, Zambia's energy minister, said the Kariba dam power stations would stay at a fifth of "
     "their usual output until the lake rose by another metre."),
]
# Shares Zambia (named once, in passing) and the agency with the story above, and nothing else.
COPPER = ("zambia-copper", "2023-02-09", "Wire Desk", "Lusaka", "Copper miners in Chingola hire more staff",
          "Mining companies in Chingola said on Thursday they would hire 2,000 more workers this year, as "
          "copper prices stayed high and a new smelter opened near the town.\n\nThe Chamber of Mines said "
          "output from the Copperbelt had grown by a tenth. Workers said wages had not kept pace with prices. "
          "The smelter's owners said they would train young engineers from the province. Demand for copper "
          "from car makers was rising, they said. Trade unions asked for talks on pay. "
          "The companies said the price of electricity in Zambia was their biggest worry.")


def line(id: str, date: str, source: str, dateline: str, title: str, text: str) -> str:
    return json.dumps({"id": id, "date": date, "source": source, "dateline": dateline, "title": title,
                       "text": text}) + "\n"


def write(folder: Path, name: str, *articles: tuple[str, ...]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("".join(line(*a) for a in articles), encoding="utf-8")


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kariba(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    where = tmp_path_factory.mktemp("kariba")
    write(where / "seeds", "kariba.jsonl", *KARIBA, COPPER)
    generate(BuildOptions(seeds=where / "seeds", out=where / "out"))
    return where, manifest(where / "out")


def test_related_briefings_are_the_same_story_never_a_country_in_passing_or_the_agency(kariba):
    _, found = kariba
    related = {b["id"]: b["related"] for b in found["briefings"]}
    assert set(related["kariba-1"]) == {"kariba-2", "kariba-3"}
    assert related["zambia-copper"] == []  # Zambia said once, late, and the same agency: no link
    assert all("zambia-copper" not in r for r in related.values())


def test_a_briefing_names_what_it_shares_with_each_related_one(kariba):
    where, _ = kariba
    page = (where / "out" / "briefings/2023/02/06/kariba-1.md").read_text(encoding="utf-8")
    related = page[page.index("## Related"):page.index("## Full text")]
    assert "also about" in related and "Lake Kariba" in related and "Wire Desk" not in related


def test_a_story_is_a_page_with_its_timeline_and_each_briefing_says_where_it_is_in_it(kariba):
    where, found = kariba
    (story,) = found["stories"]
    assert story["briefings"] == ["kariba-1", "kariba-2", "kariba-3"]  # oldest first; the copper story is not in it
    page = (where / "out" / story["path"].rstrip("/")).with_suffix(".md").read_text(encoding="utf-8")
    timeline = page[page.index("## Timeline"):page.index("## Main entities")]
    assert timeline.index("kariba-1.md") < timeline.index("kariba-2.md") < timeline.index("kariba-3.md")
    assert "Lake Kariba" in page
    import markdown

    cite = markdown.markdown(page[page.index("## Link to this page"):])
    assert "<pre><code>[" in cite  # the link block is a code block (with its copy button), not glued to the key
    middle = (where / "out" / "briefings/2023/02/08/kariba-2.md").read_text(encoding="utf-8")
    assert "Part of the story" in middle and "1 earlier, 1 later briefing" in middle
    assert story["key"] in (where / "out" / "stories/index.md").read_text(encoding="utf-8")


def test_a_new_article_joins_the_story_without_moving_its_key_or_analysing_the_others(kariba, tmp_path):
    where, before = kariba
    shutil.copytree(where, tmp_path / "copy")
    seeds, out = tmp_path / "copy" / "seeds", tmp_path / "copy" / "out"
    later = ("kariba-4", "2023-02-15", "Wire Desk", "Harare", "Zimbabwe lifts some power cuts as Lake Kariba rises",
             "Zimbabwe shortened its power cuts to eight hours a day on Wednesday after rains raised the water in "
             "Lake Kariba, the Zambezi River Authority said.\n\nThe authority said the power station at the "
             "Kariba dam could now use a quarter of its usual water. Zambia's energy minister Peter Kapala said "
             "Zambia would follow next week.")
    write(seeds, "later.jsonl", later)
    report = generate(BuildOptions(seeds=seeds, out=out))
    assert report.analysed == 1
    (story,) = manifest(out)["stories"]
    assert story["key"] == before["stories"][0]["key"]
    assert story["briefings"] == ["kariba-1", "kariba-2", "kariba-3", "kariba-4"]


def test_a_corrected_resend_and_another_agencys_copy_become_one_briefing_whose_ids_all_resolve(tmp_path):
    first = KARIBA[0]
    corrected = ("kariba-1-corrected", *first[1:4], first[4], first[5].replace("twelve hours", "ten hours"))
    second_lead = ("Electricity was cut for up to twelve hours a day in Zambia and Zimbabwe from Monday, as Lake "
                   "Kariba fell to a record low, the Zambezi River Authority said.")
    copy = ("kariba-1-coast", first[1], "Coast Agency", "Harare", first[4],
            second_lead + "\n\n" + first[5].split("\n\n", 1)[1])
    project = make_project(tmp_path, copy_data=False)
    write(project / "seeds", "kariba.jsonl", first, corrected, copy)
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    found = manifest(project / "briefings")
    (briefing,) = found["briefings"]
    assert briefing["id"] == "kariba-1"  # the earliest, then the longest, then the first by ID
    assert {d["id"] for d in briefing["duplicates"]} == {"kariba-1-corrected", "kariba-1-coast"}
    assert {d["source"] for d in briefing["duplicates"]} == {"Wire Desk", "Coast Agency"}
    page = (project / "briefings" / "briefings/2023/02/06/kariba-1.md").read_text(encoding="utf-8")
    assert "Also reported by" in page and "Coast Agency" in page and "kariba-1-corrected" in page
    for id in ("kariba-1", "kariba-1-corrected", "kariba-1-coast"):
        link = run_cli("link", id, cwd=project)
        assert link.returncode == 0 and "briefings/2023/02/06/kariba-1/" in link.stdout, link.stderr
    import sphobjinv

    inventory = sphobjinv.Inventory(project / "site" / "objects.inv")
    uris = {o.name: o.uri for o in inventory.objects if o.role == "label"}
    assert uris["kariba-1-coast"] == uris["kariba-1"] == "briefings/2023/02/06/kariba-1/"
    redirect = project / "site" / "briefings/2023/02/06/kariba-1-coast/index.html"
    assert 'http-equiv="refresh"' in redirect.read_text(encoding="utf-8")


def test_which_duplicate_leads_does_not_depend_on_file_names_or_order(tmp_path):
    first = KARIBA[1]
    copy = ("a-first-by-name", *first[1:])
    write(tmp_path / "one", "a.jsonl", first, copy)
    write(tmp_path / "two", "b.jsonl", copy)
    write(tmp_path / "two", "a.jsonl", first)
    leaders = []
    for name in ("one", "two"):
        generate(BuildOptions(seeds=tmp_path / name, out=tmp_path / f"out-{name}"))
        leaders.append([b["id"] for b in manifest(tmp_path / f"out-{name}")["briefings"]])
    assert leaders[0] == leaders[1] == ["a-first-by-name"]


def test_the_link_command_finds_a_story_by_its_name(tmp_path):
    project = make_project(tmp_path, copy_data=False)
    write(project / "seeds", "kariba.jsonl", *KARIBA)
    assert run_cli("build", cwd=project).returncode == 0
    (story,) = manifest(project / "briefings")["stories"]
    result = run_cli("link", story["name"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"stories/{story['key']}/" in result.stdout


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/corpus/wikinews beside the repository")
def test_seed_and_wikinews_relate_only_through_what_both_are_about(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SHARED, seeds)
    shutil.copy(SEED, seeds / SEED.name)
    generate(BuildOptions(seeds=seeds, out=tmp_path / "out"))
    found = manifest(tmp_path / "out")
    briefings = {b["id"]: b for b in found["briefings"]}
    names = {e["key"]: e["name"] for e in found["entities"]}
    sources = {b["source"] for b in found["briefings"]}

    def about(b: dict) -> set[str]:  # what a briefing is about, seen from outside: said twice, or in its lead
        lead = b["title"] + " " + b["summary"]
        return {e["key"] for e in b["entities"] if e["mentions"] > 1 or e["name"] in lead}

    links = 0
    for b in found["briefings"]:
        for other in b["related"]:
            shared = about(b) & about(briefings[other]) - {k for k in names if names[k] in sources}
            assert shared, f"{b['id']} -> {other}: nothing both are about"
            links += 1
    assert links
    hawija = (tmp_path / "out" / "places/hawija.md").read_text(encoding="utf-8")
    groups = hawija[hawija.index("**Groups**"):]
    assert groups.splitlines()[2].startswith("- [Islamic State group]")
    seed = briefings[SEED.stem]
    assert all("AFP" not in briefings[o]["source"] for o in seed["related"])


def test_comparing_only_new_or_changed_articles_finds_the_pairs_comparing_all_finds(tmp_path):
    """A build compares the articles new since the last against all, and keeps the last build's pairs of two
    unchanged ones: the same pairs as comparing everything, for articles added, changed or removed."""
    from dataclasses import replace

    from generator.dedup import INCREMENTAL_SHARE, duplicate_pairs
    from generator.reader import read_seeds
    from generator.shingles import signature

    shutil.copy(ROOT / "benchmarks" / "stories" / "articles.jsonl", tmp_path / "stories.jsonl")
    articles = list(read_seeds(tmp_path).articles)
    signatures = {a.id: signature(a) for a in articles}
    full = duplicate_pairs(articles, signatures)
    assert len(full.pairs) >= 4  # the benchmark's re-sends and second agencies' copies
    in_pairs = sorted({id for a, b, _ in full.pairs for id in (a, b)})
    few = max(1, int(INCREMENTAL_SHARE * len(articles)) - 2)
    for new in (in_pairs[:few], in_pairs[-few:], [articles[0].id, in_pairs[1]]):
        last = duplicate_pairs([a for a in articles if a.id not in new], signatures)
        assert duplicate_pairs(articles, signatures, last) == full
    # One article's text changed since: its old pairs are not trusted, it is compared again.
    changed = in_pairs[0]
    stale = replace(full, articles={**full.articles, changed: "a key of another text"},
                    pairs=tuple(p for p in full.pairs if changed not in p[:2]))
    assert duplicate_pairs(articles, signatures, stale) == full
    # An article removed since: its pairs go.
    gone = in_pairs[0]
    rest = [a for a in articles if a.id != gone]
    assert duplicate_pairs(rest, signatures, full) == duplicate_pairs(rest, signatures)
