"""Entity, summary and title quality of the archive on a gold corpus, measured in one run.

    python benchmarks/quality.py ../shared/corpus/wikinews            # entities and summaries
    python benchmarks/quality.py ../shared/corpus/wikinews --titles   # also titles, with titles withheld,
                                                                      # and the share that are well formed
    python benchmarks/quality.py CORPUS --worst 5                     # and the articles with most errors
    python benchmarks/quality.py CORPUS --model PATH                  # with another spaCy pipeline
    python benchmarks/quality.py CORPUS --summary-sentences 3         # summaries of another length

CORPUS holds ``articles/`` (the seeds: Markdown with front matter, or any format the archive reads) and
``gold.jsonl`` in the format of ``../shared/corpus/README.md``. The corpus is built with the archive's own
generator into a temporary folder (no site), then scored by ``scoring.py`` with the rules of that corpus:
per kind P/R/F1/split, ROUGE-1/2/L of the summaries beside Lead-3 and beside the lead cut to each summary's
own length in words (lead-same: the fair comparison for a summary of any length) and, with ``--titles``, of the titles
the generator derives from a copy of the articles without their ``title:`` line, beside the first ten
words of the lead. Nothing is downloaded; nothing from the corpus is kept.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from scoring import KINDS, entity_scores, rouge  # noqa: E402

from generator.build import BuildOptions, generate  # noqa: E402
from generator.nlp.analyse import AnalysisOptions  # noqa: E402

MODEL = AnalysisOptions().model  # --model sets another pipeline (a package name or a model folder)
OPTIONS = AnalysisOptions(jobs=1)  # --summary-sentences and --summary-words set the summary's length


def build(seeds: Path, out: Path) -> dict[str, dict]:
    start = time.process_time()
    report = generate(BuildOptions(seeds=seeds, out=out, analysis=replace(OPTIONS, model=MODEL)))
    print(f"build      {MODEL}: {time.process_time() - start:.1f} s CPU for {report.analysed} articles "
          "(one process, model loading included)", file=sys.stderr)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {b["id"]: b for b in manifest["briefings"]}


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---\n"):
        text = text.split("---\n", 2)[2]
    return text.strip()


def lead_sentences(articles: Path, ids: list[str]) -> dict[str, list[str]]:
    """The body's sentences as the reference scorer splits them (the model, without NER)."""
    import spacy

    nlp = spacy.load(MODEL, disable=["ner", "lemmatizer"])
    found = {}
    for article_id in ids:
        path = next((p for p in articles.glob(f"{article_id}.*")), None)
        doc = nlp(body(path)) if path else None
        found[article_id] = [s.text.strip() for s in doc.sents if s.text.strip()] if doc else []
    return found


def without_titles(articles: Path, into: Path) -> Path:
    into.mkdir(parents=True)
    for path in sorted(articles.iterdir()):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                _, meta, rest = text.split("---\n", 2)
                meta = "".join(line for line in meta.splitlines(keepends=True) if not line.startswith("title:"))
                text = f"---\n{meta}---\n{rest}"
            (into / path.name).write_text(text, encoding="utf-8")
    return into


def main() -> None:
    global MODEL, OPTIONS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--titles", action="store_true", help="also score derived titles (titles withheld)")
    parser.add_argument("--worst", type=int, default=0, help="list the false and missed entities")
    parser.add_argument("--model", default=MODEL, help="the spaCy pipeline to analyse with [default: %(default)s]")
    parser.add_argument("--summary-sentences", type=int, default=OPTIONS.summary_sentences,
                        help="sentences in a summary [default: %(default)s]")
    parser.add_argument("--summary-words", type=int, default=OPTIONS.summary_words,
                        help="the summary's budget of words [default: %(default)s]")
    args = parser.parse_args()
    MODEL = args.model
    OPTIONS = replace(OPTIONS, summary_sentences=args.summary_sentences, summary_words=args.summary_words)
    articles, gold_path = args.corpus / "articles", args.corpus / "gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="briefings-quality-"))
    try:
        briefings = build(articles, work / "out")
        print(f"corpus {args.corpus}: {len(gold)} gold articles, {len(briefings)} briefings, "
              f"{sum(g['id'] not in briefings for g in gold)} missing")
        scores = entity_scores(gold, briefings)
        for kind in (*KINDS, "all"):
            print(f"entities {kind:6s} {json.dumps(scores[kind].figures())}")
        if args.worst:
            for kind in KINDS:
                for line in scores[kind].false[: args.worst]:
                    print(f"  false  {line}")
                for line in scores[kind].missed[: args.worst]:
                    print(f"  missed {line}")

        with_summary = [g for g in gold if g.get("summary")]
        leads = lead_sentences(articles, [g["id"] for g in with_summary])
        system = rouge((g["summary"], summary_text(briefings.get(g["id"], {}))) for g in with_summary)
        lead3 = rouge((g["summary"], " ".join(leads[g["id"]][:3])) for g in with_summary)
        words = [len(summary_text(briefings.get(g["id"], {})).split()) for g in with_summary]
        # the lead cut to each summary's own length in words: the fair baseline for a summary of any length
        same = rouge((g["summary"], " ".join(" ".join(leads[g["id"]]).split()[:max(1, n)]))
                     for g, n in zip(with_summary, words, strict=True))
        print(f"summaries  system {fmt(system)}  ({sum(words) / max(1, len(words)):.1f} words)")
        print(f"summaries  lead-3 {fmt(lead3)}")
        print(f"summaries  lead-same {fmt(same)}  (the lead cut to each summary's length)")
        print(f"summaries  system - lead-same {fmt({k: system[k] - same[k] for k in system}, sign=True)}")

        if args.titles:
            titled = [g for g in gold if g.get("title")]
            derived = build(without_titles(articles, work / "untitled"), work / "out-untitled")
            title = rouge((g["title"], derived.get(g["id"], {}).get("title", "")) for g in titled)
            lead10 = rouge((g["title"], " ".join(" ".join(leads.get(g["id"], [])[:1]).split()[:10])) for g in titled
                           if g["id"] in leads)
            print(f"titles     derived {fmt(title)}")
            print(f"titles     lead-10 {fmt(lead10)}")
            failed = ill_formed(derived, articles)
            print(f"titles     well-formed {len(derived) - len(failed)}/{len(derived)} "
                  f"({100 * (len(derived) - len(failed)) / max(1, len(derived)):.1f}%; generator/headline.py)")
            for line in failed[: args.worst]:
                print(f"  ill-formed {line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ill_formed(briefings: dict[str, dict], articles: Path) -> list[str]:
    """The derived titles that fail :func:`generator.headline.problems`, each with what is wrong: tagged by
    the model, checked against the lead sentence and the briefing's entity names."""
    import spacy

    from generator.headline import problems
    from generator.nlp.pipeline import COARSE

    nlp = spacy.load(MODEL, disable=["ner", "lemmatizer", "parser"])
    leads = lead_sentences(articles, sorted(briefings))
    failed = []
    for key, briefing in sorted(briefings.items()):
        tokens = [(t.text_with_ws, COARSE.get(t.tag_, "X")) for t in nlp(briefing["title"])]
        names = [n for e in briefing["entities"] for n in (e["name"], *e["aliases"])]
        wrong = problems(tokens, (leads.get(key) or [""])[0], names)
        if wrong:
            failed.append(f"{key}: {briefing['title']!r}: {'; '.join(wrong)}")
    return failed


def summary_text(briefing: dict) -> str:
    summary = briefing.get("summary") or ""
    return " ".join(summary) if isinstance(summary, list) else summary


def fmt(scores: dict[str, float], sign: bool = False) -> str:
    return "  ".join(f"{re.sub('rouge', 'R', k)} {v:+.2f}" if sign else f"{re.sub('rouge', 'R', k)} {v:.2f}"
                     for k, v in scores.items())


if __name__ == "__main__":
    main()
