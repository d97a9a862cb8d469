"""The archive index on hand-made analyses (no model): one entity per place, related briefings."""

import datetime as dt

from generator.index import build_archive
from generator.model import Analysis, Article, ArticleEntity, Paragraph
from generator.similarity import CANDIDATES


def item(id, day, *entities, terms=(), text=None):
    paragraphs = (Paragraph(text or f"The text of {id}.", 1),)  # texts of their own: no two are duplicates
    article = Article(id=id, path=f"{id}.md", line=1, date=dt.date(2020, 1, day), title=id, source=None,
                      dateline=None, caption=None, credit=None, paragraphs=paragraphs, url=None, tags=(), digest=id)
    found = tuple(ArticleEntity(key, name, kind, (), 1, ((kind, 1),)) for key, name, kind in entities)
    return article, Analysis(id, id, ("Text.",), (), found, 1, terms=tuple((t, 2) for t in terms))


def test_every_spelling_of_one_geonames_place_is_one_page_whatever_came_first(gazetteer):
    old = item("old", 1, ("qandahar", "Qandahar", "place"), ("afghanistan", "Afghanistan", "place"))
    new = item("new", 9, ("kandahar", "Kandahar", "place"), ("afghanistan", "Afghanistan", "place"))
    for items in ([old, new], [new], [old]):
        archive = build_archive(items, gazetteer)
        assert set(archive.entities) == {"kandahar", "afghanistan"}  # the slug of GeoNames' "Kandahār"
    archive = build_archive([old, new], gazetteer)
    place = archive.entities["kandahar"]
    assert place.briefings == ("new", "old") and set(place.aliases) >= {"Qandahar"}
    assert place.geo is not None and place.geo.country == "Afghanistan"
    assert {e.key for b in archive.briefings for e in b.analysis.entities} == {"kandahar", "afghanistan"}


def test_a_model_found_spelling_joins_the_gazetteer_place(gazetteer):
    archive = build_archive([item("a", 1, ("ar-raqqah", "Ar Raqqah", "place"))], gazetteer)
    assert set(archive.entities) == {"raqqa"}


def test_places_that_geonames_does_not_know_stay_apart(gazetteer):
    items = [item("a", 1, ("hawija", "Hawija", "place")), item("b", 2, ("hawijah", "Hawijah", "place"))]
    assert {"hawija", "hawijah"} <= set(build_archive(items, gazetteer).entities)


def test_a_small_place_is_found_in_the_country_of_the_places_beside_it(gazetteer):
    # No country is named; Naples and Rome lie in Italy, so Positano (under 15,000 people) is Italy's.
    items = [item("a", 1, ("positano", "Positano", "place"), ("naples", "Naples", "place"), ("rome", "Rome", "place"))]
    place = build_archive(items, gazetteer).entities["positano"]
    assert place.geo is not None and place.geo.country == "Italy"
    alone = build_archive([item("b", 1, ("positano", "Positano", "place"))], gazetteer).entities["positano"]
    assert alone.geo is None  # a name alone finds too many villages


def test_related_briefings_come_from_the_rarest_shared_entities_within_the_candidate_cap(gazetteer):
    common = ("united-nations", "United Nations", "group")
    words = ("council", "vote", "resolution", "session")
    items = [item(f"b{i:03}", 1 + i % 28, common, terms=words) for i in range(CANDIDATES + 50)]
    items.append(item("rare-1", 1, common, ("hawija", "Hawija", "place"), terms=(*words, "hawija", "siege")))
    items.append(item("rare-2", 2, common, ("hawija", "Hawija", "place"), terms=(*words, "hawija", "siege")))
    archive = build_archive(items, gazetteer)
    related = {b.id: b.related for b in archive.briefings}
    assert related["rare-1"][0].id == "rare-2" and related["rare-1"][0].shared == ("hawija", "united-nations")
    # An entity and words that every briefing has make no related briefings: nothing rather than noise.
    assert all(r == () for id, r in related.items() if id.startswith("b"))


def test_an_ambiguous_spelling_is_never_merged_on_a_guess(gazetteer):
    items = [item("a", 1, ("delhi", "Delhi", "place"), ("india", "India", "place")),
             item("b", 2, ("dili", "Dili", "place"), ("india", "India", "place"))]
    assert {"delhi", "dili"} <= set(build_archive(items, gazetteer).entities)


def test_an_entity_in_many_briefings_lists_the_newest_and_the_rest_on_pages_by_year(gazetteer):
    import dataclasses

    from generator.render import ENTITY_LATEST, render_site

    items = [item(f"b{i:03}", 1 + i % 28, ("united-nations", "United Nations", "group"))
             for i in range(ENTITY_LATEST + 10)]
    items = [(dataclasses.replace(a, date=a.date.replace(year=2019 + i % 2)), n) for i, (a, n) in enumerate(items)]
    files = render_site(build_archive(items, gazetteer)).all_files()
    page = files["groups/united-nations.md"]
    assert page.count("](../briefings/") == ENTITY_LATEST
    assert "[2020](united-nations/2020.md) (20) · [2019](united-nations/2019.md) (20)" in page
    year = files["groups/united-nations/2019.md"]
    assert year.count("](../../briefings/2019/") == 20 and "[United Nations](../united-nations.md)" in year
    items_on_their_own_lines = [line for line in year.splitlines() if line.startswith("- 2019-")]
    assert len(items_on_their_own_lines) == 20 and all(line.count("](") == 1 for line in items_on_their_own_lines)


def test_an_abbreviation_spelled_out_in_one_briefing_is_known_in_the_next(gazetteer):
    from dataclasses import replace

    a = item("a", 1, ("syrian-democratic-forces", "Syrian Democratic Forces", "group"))
    a = (a[0], replace(a[1], entities=(replace(a[1].entities[0], aliases=("SDF",)),)))
    b = item("b", 2, ("sdf", "SDF", "group"))
    archive = build_archive([a, b], gazetteer)
    assert "sdf" not in archive.entities
    assert archive.entities["syrian-democratic-forces"].briefings == ("b", "a")
    # spelled out two ways: learned from neither
    c = item("c", 3, ("swiss-defence-force", "Swiss Defence Force", "group"))
    c = (c[0], replace(c[1], entities=(replace(c[1].entities[0], aliases=("SDF",)),)))
    assert "sdf" in build_archive([a, b, c], gazetteer).entities


def test_pages_and_files_rendered_by_forked_workers_are_those_rendered_in_process(gazetteer, monkeypatch):
    import dataclasses

    import generator.render as render_module

    items = [item(f"b{i:03}", 1 + i % 28, ("united-nations", "United Nations", "group"),
                  ("hawija", "Hawija", "place"), (f"p{i % 7}", f"Person {i % 7}", "person"))
             for i in range(render_module.ENTITY_LATEST + 10)]
    items = [(dataclasses.replace(a, date=a.date.replace(year=2019 + i % 2)), n) for i, (a, n) in enumerate(items)]
    archive = build_archive(items, gazetteer)
    alone = render_module.render_site(archive, jobs=1).all_files()
    assert "groups/united-nations/2019.md" in alone  # briefing, entity and year pages: each kind
    monkeypatch.setattr(render_module, "PARALLEL_PAGES", 1)  # a few dozen pages, forked all the same
    monkeypatch.setattr(render_module, "PARALLEL_ARCHIVE", 1)  # and the archive-wide files
    here = []  # pages and archive-wide files rendered by this process
    real, real_shared = render_module._render_each, render_module.archive_files
    monkeypatch.setattr(render_module, "_render_each", lambda *args: here.append(1) or real(*args))
    monkeypatch.setattr(render_module, "archive_files", lambda r: here.append(2) or real_shared(r))
    assert render_module.render_site(archive, jobs=2).all_files() == alone
    assert here == []  # all of them by the workers


def counted(id, day, *entities, terms=()):
    """An item whose entities carry their mention counts: (key, name, kind, mentions)."""
    article, analysis = item(id, day, terms=terms)
    found = tuple(ArticleEntity(key, name, kind, (), mentions, ((kind, mentions),)) for key, name, kind, mentions
                  in entities)
    from dataclasses import replace

    return article, replace(analysis, entities=found)


def test_appears_with_ranks_by_shared_briefings_then_mentions_and_shows_ten_of_each_kind(gazetteer):
    places = [(f"town-{i}", f"Town {i:02}", "place", 1) for i in range(12)]
    one = counted("one", 1, ("hawija", "Hawija", "place", 5), ("afp", "AFP", "group", 1),
                  ("islamic-state", "Islamic State group", "group", 17), *places)
    two = counted("two", 2, ("hawija", "Hawija", "place", 2), ("town-11", "Town 11", "place", 1))
    hawija = build_archive([one, two], gazetteer).entities["hawija"]
    shown = [key for key, _, _ in hawija.companions]
    assert shown[0] == "town-11"  # two shared briefings beat any number of mentions in one
    groups = [key for key in shown if key in ("afp", "islamic-state")]
    assert groups == ["islamic-state", "afp"]  # then mentions, never the alphabet
    assert sum(1 for key in shown if key.startswith("town-")) == 10  # the whole top ten of a kind


def test_two_stories_that_a_new_briefing_joins_become_one_that_keeps_both_keys(gazetteer):
    from generator.render import render_site

    flood = ("flood", "Flood", "group")
    fire = ("fire", "Fire", "group")
    a = ("dam", "river", "rain", "bank", "water", "level")
    b = ("forest", "smoke", "blaze", "wind", "pine", "heat")
    items = [item("a1", 1, flood, terms=a), item("a2", 2, flood, terms=a),
             item("b1", 3, fire, terms=b), item("b2", 4, fire, terms=b)]
    before = build_archive(items, gazetteer).stories
    assert {s.briefings for s in before.values()} == {("a1", "a2"), ("b1", "b2")}
    archive = build_archive([*items, item("both", 5, flood, fire, terms=(*a, *b))], gazetteer)
    (story,) = archive.stories.values()
    assert story.briefings == ("a1", "a2", "b1", "b2", "both")
    assert {story.key, *story.aliases} == set(before)  # the older story's key, the other one as an alias
    assert story.key == next(k for k, s in before.items() if s.briefings == ("a1", "a2"))
    (alias,) = story.aliases
    files = render_site(archive).all_files()
    assert f'href="../{story.key}/"' in files[f"stories/{alias}/index.html"]
