"""Related briefings, story threads and near-duplicates, measured on articles of known story grouping.

    python benchmarks/stories.py                     # the corpus in benchmarks/stories/
    python benchmarks/stories.py --minhash           # also: datasketch against rensa
    python benchmarks/stories.py --list SEEDS        # also: every related briefing of another build, with
                                                     # what the two share (to read, e.g. seed + Wikinews)

The corpus (``benchmarks/stories/articles.jsonl``, written by ``make_corpus.py`` beside it) holds 8 stories
of 3 or 4 articles over a few days, in the style of wire copy, 8 articles that share only a country or a city
with them, and 4 planted re-sends (2 corrections, 2 copies by a second agency). ``gold.json`` gives each
article's story and each re-send's original. The build is the real one (spaCy model, index), without MkDocs.

Printed: the precision of related briefings (the share of listed ones that belong to the same story) and
their recall (the share of same-story pairs listed); thread purity and completeness, and pairwise precision
and recall; duplicate precision and recall on the planted re-sends, with each pair's Jaccard similarity.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import BuildOptions, generate  # noqa: E402
from generator.nlp.analyse import AnalysisOptions  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "stories"


def build(seeds: Path, out: Path) -> dict:
    generate(BuildOptions(seeds=seeds, out=out, analysis=AnalysisOptions(jobs=2)))
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0/0)"


def score(manifest: dict, gold: dict) -> None:
    story = gold["stories"]
    briefings = {b["id"]: b for b in manifest["briefings"]}
    # related briefings
    shown = [(b["id"], other) for b in manifest["briefings"] for other in b["related"]]
    right = [(a, b) for a, b in shown if story[a] is not None and story[a] == story[b]]
    same_story = [(a, b) for a, b in itertools.permutations(briefings, 2) if story[a] and story[a] == story[b]]
    found = [(a, b) for a, b in same_story if b in briefings[a]["related"]]
    print(f"related    precision {ratio(len(right), len(shown))}  recall {ratio(len(found), len(same_story))}")
    for a, b in sorted(set(shown) - set(right)):
        print(f"           wrong: {a} -> {b}")
    # threads: each story page a cluster, each briefing in none a cluster of its own
    clusters = [set(s["briefings"]) for s in manifest["stories"]]
    placed = set().union(*clusters) if clusters else set()
    clusters += [{id} for id in briefings if id not in placed]
    truth: dict[str, set[str]] = defaultdict(set)
    for id in briefings:
        truth[story[id] or f"single:{id}"].add(id)
    n = len(briefings)
    purity = sum(max(len(c & t) for t in truth.values()) for c in clusters) / n
    completeness = sum(max(len(c & t) for c in clusters) for t in truth.values()) / n
    predicted_pairs = {frozenset(p) for c in clusters for p in itertools.combinations(sorted(c), 2)}
    true_pairs = {frozenset(p) for t in truth.values() for p in itertools.combinations(sorted(t), 2)}
    print(f"threads    purity {purity:.3f}  completeness {completeness:.3f}  "
          f"pairs precision {ratio(len(predicted_pairs & true_pairs), len(predicted_pairs))}  "
          f"recall {ratio(len(predicted_pairs & true_pairs), len(true_pairs))}  "
          f"({len(manifest['stories'])} story pages for {sum(1 for t in truth.values() if len(t) > 1)} stories)")
    for s in manifest["stories"]:
        print(f"           {s['key']}: {', '.join(s['briefings'])}")
    # duplicates
    folded = {d["id"]: (b["id"], d["similarity"]) for b in manifest["briefings"] for d in b["duplicates"]}
    planted = gold["duplicates"]
    hits = [id for id, (leader, _) in folded.items() if planted.get(id) == leader or planted.get(leader) == id]
    print(f"duplicates precision {ratio(len(hits), len(folded))}  recall {ratio(len(hits), len(planted))}")
    for id, (leader, similarity) in sorted(folded.items()):
        print(f"           {id} folded into {leader} (Jaccard {similarity:.3f})")


def compare_minhash(seeds: Path) -> None:
    """Signature time and the error of the Jaccard estimate, datasketch against rensa, on every pair."""
    import rensa
    from datasketch import MinHash

    from generator.reader import read_seeds
    from generator.shingles import PERMUTATIONS, SCHEME, SEED, jaccard, shingles

    articles = read_seeds(seeds).articles
    sets = [sorted(shingles(a)) for a in articles]

    def with_datasketch(items: list[str]) -> MinHash:
        found = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)
        found.update_batch([s.encode("utf-8") for s in items])
        return found

    def with_rensa(items: list[str]) -> rensa.RMinHash:
        found = rensa.RMinHash(num_perm=PERMUTATIONS, seed=SEED)
        found.update(items)
        return found

    for name, make in (("datasketch", with_datasketch), ("rensa", with_rensa)):
        start = time.perf_counter()
        for _ in range(20):
            made = [make(items) for items in sets]
        per = (time.perf_counter() - start) / 20 / len(sets) * 1000
        errors = [abs(made[i].jaccard(made[j]) - jaccard(frozenset(sets[i]), frozenset(sets[j])))
                  for i, j in itertools.combinations(range(len(sets)), 2)]
        print(f"minhash    {name:<10} {per:.3f} ms per signature, mean |error| {sum(errors) / len(errors):.4f}, "
              f"max {max(errors):.3f} over {len(errors)} pairs ({PERMUTATIONS} permutations)")
    exact = sorted(((jaccard(frozenset(sets[i]), frozenset(sets[j])), articles[i].id, articles[j].id)
                    for i, j in itertools.combinations(range(len(sets)), 2)), reverse=True)
    print("minhash    the most similar pairs (exact Jaccard):")
    for value, a, b in exact[:8]:
        print(f"           {value:.3f} {a} {b}")


def list_related(seeds: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        manifest = build(seeds, Path(scratch) / "briefings")
    names = {e["key"]: e["name"] for e in manifest["entities"]}
    titles = {b["id"]: b["title"] for b in manifest["briefings"]}
    for b in manifest["briefings"]:
        for other in b["related"]:
            print(f"related    {titles[b['id']][:50]!r} -> {titles[other][:50]!r}")
    print(f"related    {sum(len(b['related']) for b in manifest['briefings'])} links among "
          f"{len(manifest['briefings'])} briefings; {len(manifest['stories'])} stories")
    for s in manifest["stories"]:
        print(f"story      {s['name']}: {', '.join(titles[i][:40] for i in s['briefings'])}")
    del names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--minhash", action="store_true", help="compare datasketch and rensa")
    parser.add_argument("--list", type=Path, metavar="SEEDS", help="list the related briefings of another build")
    args = parser.parse_args()
    gold = json.loads((args.corpus / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        seeds = Path(scratch) / "seeds"
        seeds.mkdir()
        shutil.copy(args.corpus / "articles.jsonl", seeds / "articles.jsonl")
        manifest = build(seeds, Path(scratch) / "briefings")
        print(f"corpus     {args.corpus}: {len(gold['stories'])} articles, "
              f"{len({s for s in gold['stories'].values() if s})} stories, {len(gold['duplicates'])} re-sends")
        score(manifest, gold)
        if args.minhash:
            compare_minhash(seeds)
    if args.list:
        list_related(args.list)


if __name__ == "__main__":
    main()
