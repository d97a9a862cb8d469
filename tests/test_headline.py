"""The headline check (generator/headline.py) that the tests and the quality benchmark share, on titles tagged
by the real model: the broken cuts the issue tracker quotes fail it, real headlines pass."""

from __future__ import annotations

import pytest
import spacy

from generator.headline import problems
from generator.nlp.pipeline import COARSE, DEFAULT_MODEL


@pytest.fixture(scope="module")
def tag():
    nlp = spacy.load(DEFAULT_MODEL, disable=["ner", "lemmatizer", "parser"])
    return lambda title: [(t.text_with_ws, COARSE.get(t.tag_, "X")) for t in nlp(title)]


LEAD = ("Iraq on Thursday brought all of its territory still held by the Islamic State group under attack, "
        "launching an offensive on Hawija.")


@pytest.mark.parametrize("title", [
    "Iraq launches offensive on Hawija, last IS bastion in north",
    "Floods in Somalia",
    "Kenya raises tax on imported sugar",
    "UN warns of famine in Somalia",
    "Aner Shalev, an Israeli mathematician born in 1958",
    "Rebels in Marawi are defiant",
])
def test_real_headlines_pass(tag, title):
    assert problems(tag(title)) == []


def test_a_title_cut_inside_a_name_fails(tag):
    title = "Iraq on Thursday brought all of its territory still held by the Islamic State"
    assert problems(tag(title), LEAD, ["Islamic State group", "IS"]) == ["cuts the name 'Islamic State group'"]
    assert problems(tag(title + " group under attack"), LEAD, ["Islamic State group"]) == []


@pytest.mark.parametrize(("title", "wrong"), [
    ("World 100m champion Kim Collins says suspended sprinter Dwain Chambers", "reports has no verb"),
    ('A film based on the internet musings of the "Baghdad Blogger', "left open"),
    ("Police said the talks with the", "ends on"),
    ("The rebels (who hold the north", "left open"),
    ("Mr. President, as a Nobel Peace Prize recipient and as one", "ends on"),
    ("Charles J. Fillmore was an American", "ends on"),
    ("Treasury Secretary Robert Rubin said the dollar's strength was", "ends on"),
])
def test_broken_cuts_fail(tag, title, wrong):
    assert any(wrong in problem for problem in problems(tag(title))), problems(tag(title))
