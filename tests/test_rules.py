"""Each entity rule on its own example (generator/nlp/rules.py): the example holds with every rule, and fails
without the rule it belongs to, so every rule is shown to do what its example says."""

from __future__ import annotations

import re

import pytest

from generator.gazetteer import load_gazetteer
from generator.nlp import rules
from generator.nlp.analyse import EVIDENCE
from generator.nlp.entities import Mention

REGISTRIES = {
    "splits": rules.SPLITS, "labels": rules.LABELS, "lookups": rules.LOOKUPS, "drops": rules.DROPS,
    "inside": rules.INSIDE, "merges": rules.MERGES, "people": rules.PEOPLE,
}
EVERY_RULE = [r for registry in REGISTRIES.values() for r in registry]
MENTION = re.compile(r"^(?P<text>.+)/(?P<label>[A-Z_]+)(?P<flags>[+?@]*)(?:=(?P<key>[\w-]+))?$")


def parse(example: str) -> tuple[list[Mention], list[tuple[str, str]], frozenset[str], str]:
    """``lower: w w; pair: Long/Short; Text/LABEL; ... -> expectation`` (see generator/nlp/rules.py)."""
    given, expectation = example.split(" -> ")
    mentions, pairs, lower = [], [], frozenset()
    for sentence, part in enumerate(given.split("; ")):
        if part.startswith("lower: "):
            lower = frozenset(part.removeprefix("lower: ").split())
        elif part.startswith("pair: "):
            long, short = part.removeprefix("pair: ").rsplit("/", 1)
            pairs.append((long, short))
        else:
            match = MENTION.match(part)
            assert match, part
            mentions.append(Mention(match["text"], match["label"], sentence, key=match["key"] or "",
                                    cued="+" in match["flags"], guessed="?" in match["flags"],
                                    placed="@" in match["flags"]))
    return mentions, pairs, lower, expectation


def holds(example: str, gazetteer, skip: frozenset[str] = frozenset()) -> bool:
    mentions, pairs, lower, expectation = parse(example)
    found, key_of = rules.group_mentions(mentions, pairs, gazetteer, skip, common_words=lower, **EVIDENCE)

    def entity(name: str):  # by its name or an alias, else the entity of a mention of that text
        keys = {key_of.get(i) for i, m in enumerate(mentions) if m.text == name}
        return next((e for e in found if name in (e.name, *e.aliases)), None) or next(
            (e for e in found if e.key in keys), None)

    if expectation.startswith("no "):  # no entity by that name or alias
        name = expectation.removeprefix("no ")
        return all(name not in (e.name, *e.aliases) for e in found)
    if " named " in expectation:
        name, canonical = expectation.split(" named ")
        return (e := entity(name)) is not None and e.name == canonical
    if " is " in expectation:
        name, kind = expectation.rsplit(" is ", 1)
        return (e := entity(name)) is not None and e.kind == kind
    a, b = expectation.split(" = ")
    return (e := entity(a)) is not None and e is entity(b)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_every_rule_has_a_name_of_its_own_and_an_example():
    names = [r.name for r in EVERY_RULE]
    assert len(names) == len(set(names)) and len(names) >= 25
    for r in EVERY_RULE:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", r.name), r.name
        assert " -> " in r.example and "\n" not in r.example, r.name


@pytest.mark.parametrize("rule", EVERY_RULE, ids=lambda r: r.name)
def test_a_rule_makes_its_example_and_nothing_else_does(rule, gazetteer):
    assert holds(rule.example, gazetteer), f"{rule.name}: {rule.example}"
    assert not holds(rule.example, gazetteer, skip=frozenset({rule.name})), \
        f"{rule.name}: its example holds without it, so it does not show the rule: {rule.example}"
