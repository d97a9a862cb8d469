"""The entity rules' word lists, kept as data (generator/nlp/lexicons/): each says what it is, and holds no
entry twice; the analysis fingerprint changes when one does."""

from __future__ import annotations

from generator.nlp import lexicon, pipeline


def test_every_lexicon_says_what_it_is_and_holds_each_entry_once():
    files = lexicon.files()
    assert len(files) >= 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# ") and len(text.split("\n\n", 1)[0]) > 40, path.name  # a header comment
        entries = lexicon.entries(path.stem)
        assert entries and len(entries) == len(set(entries)), path.name
        assert all(e == e.strip() and "\t" not in e for e in entries), path.name


def test_the_analysis_fingerprint_covers_the_lexicons():
    assert set(lexicon.files()) <= set(pipeline.ANALYSIS_CODE)
