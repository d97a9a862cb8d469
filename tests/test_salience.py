"""How an article uses its entities: roles, outlets, where a name is first said (real model)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Article, ArticleEntity, Paragraph
from generator.nlp.analyse import analyse
from generator.nlp.salience import is_outlet, role_before


def article(text: str, source: str | None = None, id: str = "a") -> Article:
    paragraphs = tuple(Paragraph(p, i + 1) for i, p in enumerate(text.split("\n\n")))
    return Article(id=id, path=f"{id}.md", line=1, date=dt.date(2024, 1, 1), title=None, source=source,
                   dateline=None, caption=None, credit=None, paragraphs=paragraphs, url=None, tags=(), digest=id)


def entities(text: str, gazetteer, source: str | None = None) -> dict[str, ArticleEntity]:
    found = analyse([article(text, source)], gazetteer)["a"]
    return {e.name: e for e in found.entities}


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Iraqi Prime Minister Haider al-Abadi announced the offensive on Thursday.", "Haider al-Abadi",
     "Iraqi Prime Minister"),
    ("The talks failed, said Kurdish leader Masoud Barzani in Erbil on Monday.", "Masoud Barzani", "Kurdish leader"),
    ("The goal was scored by striker Dries Mertens in the second half.", "Dries Mertens", "striker"),
    ("Mr Jonas Brandt did not speak in court on Thursday.", "Jonas Brandt", ""),
])
def test_a_person_gets_the_role_the_article_gives_just_before_the_name(gazetteer, sentence, name, role):
    found = entities(sentence, gazetteer)
    assert found[name].roles == ((role,) if role else ())


def test_role_words_are_read_up_to_a_title_next_to_the_name():
    assert role_before(["said", "Iraqi", "Prime", "Minister"], ["VBD", "JJ", "NNP", "NNP"], [False] * 4) \
        == "Iraqi Prime Minister"
    assert role_before(["the", "former", "president"], ["DT", "JJ", "NN"], [False] * 3) == "former president"
    assert role_before(["met", "Dr"], ["VBD", "NNP"], [False, False]) == ""  # a form of address is no role
    assert role_before(["the", "Minister"], ["DT", "NNP"], [False, False]) == "Minister"


def test_the_agency_a_credit_and_an_outlet_by_its_name_are_outlets(gazetteer):
    text = ("Officials in Nairobi told Sky News and Xinhua on Monday that the Kenya Revenue Authority would "
            "review the border closure.\n\nAFP said the closure had halved sales in Mandera.")
    found = entities(text, gazetteer, source="AFP")
    assert found["Agence France-Presse"].outlet and found["Sky News"].outlet and found["Xinhua"].outlet
    assert not found["Kenya Revenue Authority"].outlet


def test_an_outlet_is_only_a_group():
    place = ArticleEntity("times-square", "Times Square", "place", (), 1)
    assert not is_outlet(place, article("Crowds met in Times Square."))
    assert is_outlet(ArticleEntity("the-new-york-times", "The New York Times", "group", (), 1), article("x"))


def test_where_a_name_is_first_said_counts_prose_sentences_from_the_lead(gazetteer):
    text = ("Floods hit Beira on Monday. Rescuers worked through the night.\n\n"
            "Aid groups said more help was needed. The Red Cross sent a team from Maputo.")
    found = entities(text, gazetteer)
    assert found["Beira"].first == 0 and found["Maputo"].first == 3
