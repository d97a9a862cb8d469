"""The quality benchmark's scoring rules (benchmarks/scoring.py) on hand-made gold: they must count as the
corpus README says, or every figure in the notes is wrong."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from scoring import entity_scores, norm, rouge

GOLD = [{"id": "a", "entities": [
    {"kind": "person", "names": ["Haider al-Abadi"], "required": True},
    {"kind": "group", "names": ["Islamic State", "ISIS"], "required": True},
    {"kind": "place", "names": ["Iraq"], "required": True},
    {"kind": "place", "names": ["Hawija"], "required": True},
    {"kind": "group", "names": ["the coalition"], "required": False},
]}]


def listed(*entities):
    return {"a": {"entities": [{"kind": k, "name": n, "aliases": list(a)} for k, n, *a in entities]}}


def test_names_compare_without_case_punctuation_the_possessive_or_a_trailing_parenthesis():
    assert norm("The Islamic State's") == "islamic state"
    assert norm("Helena Wong (politician)") == "helena wong"
    assert norm("U.S.") == "u s"


def test_precision_recall_split_and_the_place_group_twin():
    scores = entity_scores(GOLD, listed(
        ("person", "Abadi"),  # a whole-word part of the gold person's name
        ("group", "ISIS"), ("group", "Daesh", "Islamic State"),  # both find Islamic State: split
        ("group", "Iraq"),  # a place listed as a group: finds it, counts neither way
        ("group", "coalition"),  # optional: neither way
        ("person", "Nobody"),  # false positive
    ))
    person, group, place = scores["person"], scores["group"], scores["place"]
    assert (person.true, person.listed, person.found, person.required) == (1, 2, 1, 1)
    assert (group.true, group.listed, group.found, group.required, group.split) == (2, 2, 1, 1, 1)
    assert (place.found, place.required) == (1, 2) and place.missed == ["a: place hawija"]
    assert scores["all"].figures() == {"p": 0.75, "r": 0.75, "f1": 0.75, "split": 1}


def test_rouge_is_f_measure_times_one_hundred():
    assert rouge([("the cat sat", "the cat sat")]) == {"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0}
    assert rouge([("the cat sat", "a dog ran")])["rouge1"] == 0.0
