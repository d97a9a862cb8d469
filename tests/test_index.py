"""The archive index on hand-made analyses (no model): one entity per place, related briefings."""

import datetime as dt

from generator.index import CANDIDATES, build_archive
from generator.model import Analysis, Article, ArticleEntity, Paragraph
from generator.render import render_site


def item(id, day, *entities):
    article = Article(id=id, path=f"{id}.md", line=1, date=dt.date(2020, 1, day), title=id, source=None,
                      dateline=None, caption=None, credit=None, paragraphs=(Paragraph("Text.", 1),), url=None,
                      tags=(), digest=id)
    found = tuple(ArticleEntity(key, name, kind, (), 1, ((kind, 1),)) for key, name, kind in entities)
    return article, Analysis(id, id, ("Text.",), (), found, 1)


def test_two_spellings_of_one_geonames_place_are_one_page_under_the_key_seen_first(gazetteer):
    items = [item("old", 1, ("qandahar", "Qandahar", "place"), ("afghanistan", "Afghanistan", "place")),
             item("new", 9, ("kandahar", "Kandahar", "place"), ("afghanistan", "Afghanistan", "place"))]
    archive = build_archive(items, gazetteer)
    place = archive.entities["qandahar"]
    assert "kandahar" not in archive.entities
    assert place.briefings == ("new", "old") and place.merged == ("kandahar",)
    assert place.geo is not None and place.geo.country == "Afghanistan"
    assert {e.key for b in archive.briefings for e in b.analysis.entities} == {"qandahar", "afghanistan"}
    files = render_site(archive).files
    assert "places/kandahar/index.html" in files  # the other spelling's address redirects
    assert "places/qandahar/" in files["places/kandahar/index.html"] or "../qandahar/" in files[
        "places/kandahar/index.html"]


def test_places_that_geonames_does_not_know_stay_apart(gazetteer):
    items = [item("a", 1, ("hawija", "Hawija", "place")), item("b", 2, ("hawijah", "Hawijah", "place"))]
    assert {"hawija", "hawijah"} <= set(build_archive(items, gazetteer).entities)


def test_related_briefings_come_from_the_rarest_shared_entities_within_the_candidate_cap(gazetteer):
    common = ("united-nations", "United Nations", "group")
    items = [item(f"b{i:03}", 1 + i % 28, common) for i in range(CANDIDATES + 50)]
    items.append(item("rare-1", 1, common, ("jowhar", "Jowhar", "place")))
    items.append(item("rare-2", 2, common, ("jowhar", "Jowhar", "place")))
    archive = build_archive(items, gazetteer)
    related = {b.id: b.related for b in archive.briefings}
    assert related["rare-1"][0].id == "rare-2" and related["rare-1"][0].shared == ("jowhar", "united-nations")
    assert all(len(r) == 5 for r in related.values())
