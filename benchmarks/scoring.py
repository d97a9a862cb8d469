"""Scores of an archive against a gold corpus in the format of ``../shared/corpus/README.md``.

The rules are those of that corpus (and of its scorers, whose figures these reproduce):

* entities, per kind and overall: a listed entity is correct when one of its names equals a gold name of its
  kind (case, punctuation, a leading "the", a trailing possessive and a trailing "(...)" ignored) or, for a
  person, is a whole-word part of the gold canonical name. Only matches of *required* gold entities count as
  true positives; matches of optional or ``misc`` ones, or of the place/group twin kind, count neither way.
  Recall counts required gold entities found, a place or a group also by an entity of the twin kind.
  ``split``: required gold entities found by two or more listed entities of one kind;
* summaries and titles: ROUGE-1/2/L F-measure x 100 (``rouge-score``, Porter stemming), beside Lead-3 (the
  first three sentences of the body) and, for titles, the first ten words of the lead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

KINDS = ("person", "place", "group")
TWIN = {"place": "group", "group": "place"}


def norm(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = re.sub(r"\s*\([^)]*\)$", "", text)
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[\u2019']s$", "", text)
    return re.sub(r"[\W_]+", " ", text).strip()


@dataclass
class GoldEntity:
    kind: str
    names: frozenset[str]  # normalised, with the part before a comma as well
    canonical: str
    required: bool

    @classmethod
    def of(cls, data: dict) -> GoldEntity:
        names = frozenset(n for raw in data["names"] for form in (raw, raw.split(",")[0]) if (n := norm(form)))
        return cls(data["kind"], names, norm(data["names"][0]), bool(data.get("required", True)))

    def found_by(self, names: set[str]) -> bool:
        if names & self.names:
            return True
        canonical = f" {self.canonical} "
        return self.kind == "person" and any(len(n) >= 2 and f" {n} " in canonical for n in names)


@dataclass
class Tally:
    true: int = 0  # listed entities that match a required gold entity
    listed: int = 0  # listed entities that count (true + false positives)
    found: int = 0  # required gold entities found
    required: int = 0
    split: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.true += other.true
        self.listed += other.listed
        self.found += other.found
        self.required += other.required
        self.split += other.split

    def figures(self) -> dict[str, float]:
        p = self.true / self.listed if self.listed else 0.0
        r = self.found / self.required if self.required else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "split": self.split}


def entity_scores(gold: Sequence[dict], briefings: dict[str, dict]) -> dict[str, Tally]:
    """Per kind and "all": the tallies of the listed entities (``briefings``: manifest briefings by id)."""
    tallies = {kind: Tally() for kind in KINDS}
    for document in gold:
        golds = [GoldEntity.of(e) for e in document["entities"]]
        listed = briefings.get(document["id"], {}).get("entities", [])
        named = [(e["kind"], e["name"], {norm(n) for n in (e["name"], *e.get("aliases", ()))} - {""}) for e in listed]
        for kind in KINDS:
            tally = tallies[kind]
            mine = [g for g in golds if g.kind == kind]
            others = [g for g in golds if g.kind in (TWIN.get(kind), "misc")]
            hits = {id(g): 0.0 for g in mine}
            for listed_kind, name, names in named:
                if listed_kind != kind:
                    continue
                matched = [g for g in mine if g.found_by(names)]
                for g in matched:
                    hits[id(g)] += 1
                if any(g.required for g in matched):
                    tally.true += 1
                    tally.listed += 1
                elif not matched and not any(g.found_by(names) for g in others):
                    tally.listed += 1
                    tally.false.append(f"{document['id']}: {kind} {name}")
            for listed_kind, _, names in named:  # a country acting as a state is now a place, now a group
                if listed_kind == TWIN.get(kind):
                    for g in mine:
                        if g.found_by(names):
                            hits[id(g)] += 0.5
            for g in mine:
                if g.required:
                    tally.required += 1
                    tally.found += hits[id(g)] > 0
                    tally.split += hits[id(g)] >= 2
                    if not hits[id(g)]:
                        tally.missed.append(f"{document['id']}: {kind} {g.canonical}")
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    return {**tallies, "all": total}


def rouge(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Mean ROUGE-1/2/L F-measure x 100 over (reference, candidate) pairs."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    sums: dict[str, list[float]] = {}
    for reference, candidate in pairs:
        for metric, value in scorer.score(reference, candidate).items():
            sums.setdefault(metric, []).append(value.fmeasure)
    return {metric: round(100 * sum(v) / len(v), 2) for metric, v in sums.items()}
