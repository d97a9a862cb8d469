"""Each span rule of the analysis (generator/nlp/analyse.py: NOT_NAMES, BOUNDS, NOT_NAMES_AFTER, CUES) on its own
example, with the real model: the example holds with every rule, and not without the rule it belongs to."""

from __future__ import annotations

import re

import pytest

from generator.nlp import analyse
from generator.nlp.pipeline import DEFAULT_MODEL, load_pipeline

REGISTRIES = ("NOT_NAMES", "BOUNDS", "NOT_NAMES_AFTER", "CUES")
EVERY_RULE = [r for name in REGISTRIES for r in getattr(analyse, name)]
SPAN = re.compile(r"\[(?P<words>[^\]/]+)/(?P<label>[A-Z]+)\]")


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return load_pipeline(DEFAULT_MODEL, gazetteer)


def mentions(nlp, sentence: str) -> list[tuple[str, str, bool]]:
    text = SPAN.sub(lambda m: m["words"], sentence)
    doc = nlp(text)
    if (forced := SPAN.search(sentence)) is not None:  # the model's span, as the example sets it
        doc.set_ents([doc.char_span(forced.start(), forced.start() + len(forced["words"]), forced["label"])],
                     default="outside")
    into = analyse._Collected([], [], [], set())
    analyse.collect(doc, text, 0, True, into)
    return [(m.text, m.label, m.cued) for m in into.mentions]


def holds(nlp, example: str) -> bool:
    sentence, expectation = example.split(" -> ")
    found = mentions(nlp, sentence)
    if expectation.startswith("no "):
        return all(text != expectation.removeprefix("no ") for text, _, _ in found)
    text, label = expectation.rstrip("+").rsplit("/", 1)
    return (text, label, expectation.endswith("+")) in found or (
        not expectation.endswith("+") and any(f[:2] == (text, label) for f in found))


def test_every_span_rule_is_named_once_with_an_example():
    names = [r.name for r in EVERY_RULE]
    assert len(names) == len(set(names)) >= 10
    assert all(" -> " in r.example for r in EVERY_RULE)


@pytest.mark.parametrize("rule", EVERY_RULE, ids=lambda r: r.name)
def test_a_span_rule_makes_its_example_and_nothing_else_does(rule, nlp, monkeypatch):
    assert holds(nlp, rule.example), f"{rule.name}: {rule.example}"
    for name in REGISTRIES:
        monkeypatch.setattr(analyse, name, [r for r in getattr(analyse, name) if r is not rule])
    assert not holds(nlp, rule.example), f"{rule.name}: its example holds without it: {rule.example}"
