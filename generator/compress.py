"""A headline by sentence compression: the lead's main clause, from its dependency parse. Pure Python.

The lead says what happened in 30 to 50 words; a headline says it in about ten. Compression keeps the
clause's subject, its verb and the verb's core complements (object, complement, clause), and drops what a
news desk drops (what each dependency label does is :data:`ROLE`, as data):

* who said it, when the clause comes first or the source is no name ("..., police said", "Reports have
  revealed that ...", "Wikinews has learned that ..."); a named source stays ("Paris claims church ...");
* when it happened ("on Thursday", "last week"), "according to ...", adverbs, asides between commas or in
  brackets, appositions ("Thomas Sam, 42,"), relative clauses ("whose boat sank"), second clauses ("and
  ..."), and "the", "a", "an" outside names and quotations;
* then, while the headline is longer than the budget (12 words, or 14 within 80 characters), the
  optional phrases, the last first: where and how ("in a stampede near Mecca"), the modifiers of nouns
  ("from Sydney"). A phrase the verb needs stays: "of" after a noun ("half of all children"), where a verb
  of putting puts its object ("brought its territory under attack"), what follows "be".

Names and written words are never cut: a name's words, and tokens written without a space ("1-0"), are
kept together or left out together. The verb goes into headline tense: a past event in the present
("Fishermen rescue ..."), a passive without its auxiliary ("Over 700 asylum seekers rescued"), "is to" as
"to"; "was" stays (a state, not an event: "Dvořák was a Czech composer"). The word lists the rules read are
lexicons (``generator/nlp/lexicons/``: attribution-verbs, source-verbs, placement-verbs, months-days).
The result is checked by :func:`generator.headline.problems` where it is used; when the parse gives nothing
usable, :func:`compress` returns None and the caller cuts the lead instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from generator.nlp import lexicon


class Parsed(NamedTuple):
    """One token of a parsed sentence."""

    text: str  # with the white space after it
    pos: str  # coarse part of speech (NOUN, VERB, AUX, ...)
    tag: str  # fine tag (VBD, NNS, ...)
    dep: str  # dependency label (nsubj, dobj, prep, ...)
    head: int  # index of its head in the sentence (itself for the root)
    lemma: str
    ent: str = ""  # "B-GPE", "I-GPE" (entity boundary and type), "" outside a name


CORE, OPTIONAL, DROP = "core", "optional", "drop"
# What a dependency does in a headline. Labels not listed are dropped.
ROLE = {
    **dict.fromkeys(("nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "dobj", "attr", "acomp", "oprd",
                     "dative", "xcomp", "ccomp", "pobj", "pcomp", "neg", "prt", "aux", "auxpass", "case",
                     "compound", "amod", "nummod", "quantmod", "det", "poss", "predet", "nmod", "conj", "cc",
                     "number"), CORE),
    **dict.fromkeys(("prep", "acl", "agent"), OPTIONAL),
}
# Children that a noun keeps but a verb does not: a verb's second clause ("... and announced") is another
# headline; nouns joined by "and" are one subject ("Sweden, Belgium and England").
VERB_DROPS = {"conj", "cc"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
ATTRIBUTION_VERBS = lexicon.words("attribution-verbs")  # lemmas: say, tell, announce, ...
SOURCE_VERBS = lexicon.words("source-verbs")  # lemmas: learn, reveal, report: where the news came from
PLACEMENT_VERBS = lexicon.words("placement-verbs")  # lemmas: put, bring, send: the object goes somewhere
TIME_ENTS = {"DATE", "TIME"}
TIME_WORDS = lexicon.words("months-days") | {"yesterday", "today", "tonight", "tomorrow", "week", "weekend",
                                              "month", "year", "morning", "afternoon", "evening", "night"}
BE = {"be"}
PERFECT = {"have"}
PLURAL_TAGS = {"NNS", "NNPS"}
PLURAL_PRONOUNS = {"they", "we", "you", "i"}
IRREGULAR = {"be": ("is", "are"), "have": ("has", "have"), "do": ("does", "do"), "go": ("goes", "go")}
HEADLINE_WORDS = 12


def compress(words: Sequence[Parsed], max_words: int = HEADLINE_WORDS) -> list[tuple[str, str]] | None:
    """The headline of a parsed sentence as (text, coarse POS) tokens, at most ``max_words`` words; None when
    the parse has no verb to build on or the core alone is too long."""
    root = next((i for i, w in enumerate(words) if w.dep == "ROOT"), None)
    if root is None or words[root].pos not in ("VERB", "AUX"):
        return None
    children = children_of(words)
    head = main_clause(words, children, root)
    kept, optional = phrase(words, children, head, verb=True)
    kept, optional = whole(words, kept), [whole(words, piece) for piece in optional]
    # "Matthew Goode (born 3 April 1978) is": what brackets hold is an aside; "the", "a" a headline leaves out
    left_out = bracketed(words) | articles(words)
    kept, optional = kept - left_out, [piece - left_out for piece in optional if piece - left_out]
    chosen = set(kept) | {i for piece in optional for i in piece}
    for piece in sorted(optional, key=min, reverse=True):  # the last phrase goes first: news puts the core early
        if fits(words, chosen, max_words):
            break
        chosen -= piece - kept
    if not fits(words, chosen, max_words) or count_words(words, chosen) < 3 or not any(
            i < head and words[i].pos != "PUNCT" for i in chosen):
        return None  # too long, or no one before the verb ("Marks the opening night": a headline says who)
    return headline_tense(words, children, head, sorted(chosen | marks_between(words, chosen)))


MAX_CHARACTERS = 80
EXTRA_WORDS = 2  # "about 12 words or 80 characters": two short words more, within 80 characters


def fits(words: Sequence[Parsed], chosen: set[int], max_words: int) -> bool:
    """At most ``max_words`` words, or :data:`EXTRA_WORDS` more within :data:`MAX_CHARACTERS`."""
    n = count_words(words, chosen)
    return n <= max_words or (n <= max_words + EXTRA_WORDS
                              and sum(len(words[i].text) for i in chosen) <= MAX_CHARACTERS)


def articles(words: Sequence[Parsed]) -> set[int]:
    """"The", "a" and "an" outside names and quotations: a headline leaves them out ("Fishermen rescue
    asylum seekers off Indonesian coast")."""
    named = {i for start, end in name_spans(words) for i in range(start, end)}
    quoted = {i for start, end in quotations(words) for i in range(start, end + 1)}
    return {i for i, w in enumerate(words) if w.dep == "det" and w.text.strip().casefold() in ("the", "a", "an")
            and i not in named and i not in quoted}


def children_of(words: Sequence[Parsed]) -> list[list[int]]:
    children: list[list[int]] = [[] for _ in words]
    for i, w in enumerate(words):
        if w.head != i and 0 <= w.head < len(words):
            children[w.head].append(i)
    return children


def main_clause(words: Sequence[Parsed], children: list[list[int]], root: int) -> int:
    """The clause that carries the news: the root's, or what it reports when the report is an attribution
    ("Hundreds died, police said", "Reports revealed that hundreds died", "Wikinews has learned that ...";
    not "Valeska Paris claims that ...")."""
    verb = words[root]
    said = next((c for c in children[root] if words[c].dep == "ccomp" and words[c].pos in ("VERB", "AUX")), None)
    if said is None or verb.lemma.casefold() not in ATTRIBUTION_VERBS:
        return root
    subject = next((c for c in children[root] if words[c].dep in SUBJECTS), None)
    named = subject is not None and any(words[i].pos == "PROPN" for i in subtree(children, subject))
    if said < root or not named or verb.lemma.casefold() in SOURCE_VERBS:
        return said
    return root


def phrase(words: Sequence[Parsed], children: list[list[int]], head: int,
           verb: bool = False) -> tuple[set[int], list[set[int]]]:
    """The tokens of ``head``'s phrase a headline keeps for sure, and its optional phrases (each a set of
    tokens, in the sentence's order)."""
    kept = {head}
    optional: list[set[int]] = []
    for child in children[head]:
        role = role_of(words, children, head, child, verb)
        if role == DROP:
            continue
        inner, more = phrase(words, children, child, verb=words[child].pos in ("VERB", "AUX")
                             and words[child].dep != "amod")
        if role == OPTIONAL:
            optional.append(inner | {i for piece in more for i in piece})
            if words[child].pos not in ("VERB", "AUX"):  # a clause goes whole: not "Norton, known is a citizen"
                optional.extend(more)
        else:
            kept |= inner
            optional.extend(more)
    kept |= joiners(words, children, head, kept)
    return kept, sorted(optional, key=min)


def role_of(words: Sequence[Parsed], children: list[list[int]], head: int, child: int, verb: bool) -> str:
    """What ``child``'s phrase is to the headline: :data:`ROLE` of its dependency label, but for these."""
    word = words[child]
    if word.dep in ("cc", "punct") or (verb and word.dep in VERB_DROPS) or said_when(words, children, child):
        return DROP  # the "and" and commas of a list come back with its kept items (joiners)
    if word.dep == "ccomp" and child < head:
        return DROP  # "Sweden won 1-0; Belgium won 3-0": the clause before is news of its own
    if word.dep in SUBJECTS and verb and child != nearest_subject(words, children, head):
        return DROP  # "Preston, Victoria, Australia On Saturday, Wikinews interviewed": the verb's own subject
    role = ROLE.get(word.dep, DROP)
    if role == CORE:
        return role
    if word.dep in ("prep", "advmod", "acl", "agent") and complement(words, children, head, child):
        return CORE
    return CORE if word.dep == "advmod" and asks(words, children, child) else role


def complement(words: Sequence[Parsed], children: list[list[int]], head: int, child: int) -> bool:
    """A phrase its head needs: "of" after a noun ("half of all children", "the start of a process"), where a
    verb of putting puts its object ("brought its territory under attack", :data:`PLACEMENT_VERBS`), and the
    first phrase after "be", what it says the subject is ("was off to a bright start")."""
    if words[head].lemma.casefold() in PLACEMENT_VERBS and words[child].dep == "prep" and any(
            words[c].dep == "dobj" and head < c < child for c in children[head]):
        return True  # "brought all its territory under attack"
    if words[head].lemma.casefold() in BE and words[head].dep != "aux":
        after = [c for c in children[head] if c > head and words[c].dep in ("prep", "advmod", "acomp", "attr")]
        return bool(after) and child == after[0]
    return words[head].pos in ("NOUN", "PROPN", "PRON", "NUM") and words[child].text.strip().casefold() == "of"


WH_TAGS = {"WRB", "WP", "WDT", "WP$"}


def asks(words: Sequence[Parsed], children: list[list[int]], i: int) -> bool:
    """An adverb phrase that asks ("how long", "why"): the clause it opens is a question, kept with it."""
    return any(words[j].tag in WH_TAGS for j in subtree(children, i))


def nearest_subject(words: Sequence[Parsed], children: list[list[int]], verb: int) -> int | None:
    """The subject nearest before the verb, where the parse gave it two (a dateline read as one)."""
    subjects = [c for c in children[verb] if words[c].dep in SUBJECTS]
    before = [c for c in subjects if c < verb]
    return max(before) if before else (subjects[0] if subjects else None)


JOINERS = {",", "and", "or", "&"}


def joiners(words: Sequence[Parsed], children: list[list[int]], head: int, kept: set[int]) -> set[int]:
    """The "and" between kept conjuncts of a noun, and the commas of a list of three or more ("Sweden, Belgium
    and England"; "Thomas Sam and his wife", its ages between commas dropped)."""
    conjuncts = [c for c in children[head] if words[c].dep == "conj" and c in kept]
    if not conjuncts or words[head].pos in ("VERB", "AUX"):
        return set()
    last = max(conjuncts)
    listed = words[head].dep == "conj" or any(words[d].dep == "conj" for c in conjuncts for d in children[c]) \
        or len(conjuncts) > 1  # a list of three or more, as one head's conjuncts or as a chain
    return {c for c in children[head] if words[c].dep in ("cc", "punct") and words[c].text.strip() in JOINERS
            and c < last and (words[c].text.strip() != "," or listed)}


DASHES = {"-", "–", "—"}
QUOTE_PAIRS = {'"': '"', "“": "”", "‘": "’", "'": "'", "(": ")"}


def marks_between(words: Sequence[Parsed], chosen: set[int]) -> set[int]:
    """The quotation marks around a quotation kept whole ('honoured for "courageous achievement"'), and the
    dash of a score or a range ("1 – 0", "1990 – 1995")."""
    marks = {i for i in range(1, len(words) - 1) if words[i].text.strip() in DASHES and i - 1 in chosen
             and i + 1 in chosen and words[i - 1].pos == words[i + 1].pos == "NUM"}
    for start, end in quotations(words):
        if end > start + 1 and all(j in chosen for j in range(start + 1, end)):
            marks.update((start, end))
    return marks


def quotations(words: Sequence[Parsed]) -> list[tuple[int, int]]:
    """(opening mark, its closing mark) of each quotation or bracket, by token index."""
    found = []
    for i, word in enumerate(words):
        closing = QUOTE_PAIRS.get(word.text.strip())
        end = next((j for j in range(i + 1, len(words)) if words[j].text.strip() == closing), None) if closing else None
        if end is not None:
            found.append((i, end))
    return found


def said_when(words: Sequence[Parsed], children: list[list[int]], i: int) -> bool:
    """A phrase of time ("on Thursday", "last week", "in 2009") or of attribution ("according to ...")."""
    word = words[i]
    if word.dep == "prep":
        if word.lemma.casefold() == "accord" or word.text.strip().casefold() == "according":
            return True
        objects = [c for c in children[i] if words[c].dep == "pobj"]
        return bool(objects) and all(time_word(words[c]) or cut_from_its_time(words, children, c) for c in objects)
    return word.dep in ("npadvmod", "tmod")


def cut_from_its_time(words: Sequence[Parsed], children: list[list[int]], i: int) -> bool:
    """A lone word after an article that the parser took for the object, cut from the time word just after
    it, which it attached elsewhere: "on a grey Tuesday" parsed as "on a grey" and "Tuesday" apart. The
    phrase is a time all the same. (Not a noun of its own: "the launch of the first space shuttle Tuesday".)"""
    return (words[i].pos in ("ADJ", "NOUN") and i + 1 < len(words) and time_word(words[i + 1])
            and words[i + 1].head != i and words[i + 1].dep in ("npadvmod", "tmod")
            and all(words[c].dep == "det" for c in children[i]))


def time_word(word: Parsed) -> bool:
    return word.ent[2:] in TIME_ENTS or word.text.strip().casefold() in TIME_WORDS


def subtree(children: list[list[int]], i: int) -> set[int]:
    found, todo = set(), [i]
    while todo:
        node = todo.pop()
        found.add(node)
        todo.extend(children[node])
    return found


def whole(words: Sequence[Parsed], indices: set[int]) -> set[int]:
    """``indices`` with the rest of every name and every written word one of them is in: a name is kept whole
    ("Mecca's Grand Mosque"), and so is what is written without a space ("1-0", "record-breaking")."""
    out = set(indices)
    for start, end in (*name_spans(words), *written_words(words)):
        if any(start <= i < end for i in indices):
            out.update(range(start, end))
    return out


def bracketed(words: Sequence[Parsed]) -> set[int]:
    """The tokens in brackets, the brackets included."""
    inside, depth = set(), 0
    for i, word in enumerate(words):
        mark = word.text.strip()
        depth += mark in ("(", "[")
        if depth:
            inside.add(i)
        depth -= mark in (")", "]") and depth > 0
    return inside


def name_spans(words: Sequence[Parsed]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, w in enumerate([*words, Parsed("", "", "", "", -1, "", "")]):
        if start is not None and not w.ent.startswith("I-"):
            spans.append((start, i))
            start = None
        if w.ent.startswith("B-"):
            start = i
    return spans


BREAKS = set(",.;:!?\"“”‘’()[]")  # marks that end a written word, not join it: "said," "(born"


def written_words(words: Sequence[Parsed]) -> list[tuple[int, int]]:
    """Runs of tokens written with no space between them, the marks that end a word left out: "1-0",
    "U.S.-based", "Mecca's"."""
    spans, start = [], 0
    for i in range(len(words) + 1):
        if i == len(words) or words[i].text.strip() in BREAKS or (i > start and words[i - 1].text[-1:].isspace()):
            if i - start > 1:
                spans.append((start, i))
            start = i + 1 if i < len(words) and words[i].text.strip() in BREAKS else i
    return spans


def count_words(words: Sequence[Parsed], indices: set[int]) -> int:
    return sum(1 for i in indices if words[i].pos != "PUNCT")


def headline_tense(words: Sequence[Parsed], children: list[list[int]], head: int,
                   indices: list[int]) -> list[tuple[str, str]]:
    """The kept tokens, the clause's verb in headline tense: "rescued" -> "rescue(s)", "has ruled" -> "rules",
    "were rescued" -> "rescued", "are suffering" -> "suffer", "is to begin" -> "to begin"; the opening "The"
    or "A" left out, even where the model counted it in a name."""
    auxiliaries = [c for c in children[head] if words[c].dep in ("aux", "auxpass") and c in indices]
    lemmas = [words[c].lemma.casefold() for c in auxiliaries]
    verb = words[head]
    drop: set[int] = set()
    present: str | None = None
    if any(words[c].dep == "auxpass" for c in auxiliaries):  # "were rescued" -> "rescued"
        drop = {c for c in auxiliaries if words[c].lemma.casefold() in BE | PERFECT}
    elif auxiliaries and all(lemma in BE | PERFECT for lemma in lemmas):
        drop = set(auxiliaries)
        if verb.tag in ("VBN", "VBG"):  # "has ruled", "are suffering" -> "rules", "suffer"
            present = inflect(verb.lemma, plural(words, children, head))
        # "is to begin": the auxiliary goes, "to begin" stays
    elif not auxiliaries and verb.tag == "VBD" and verb.lemma.casefold() not in BE:  # "rescued" -> "rescue"
        # ("was a Czech composer" stays: a state, not an event)
        present = inflect(verb.lemma, plural(words, children, head))
    if verb.lemma.casefold() in BE and any(words[c].dep == "xcomp" and any(
            words[a].tag == "TO" for a in children[c]) for c in children[head]):
        drop.add(head)  # "Home Office is to begin issuing" -> "Home Office to begin issuing"
    kept: list[tuple[int, str, str]] = []
    for i in indices:
        if i in drop:
            continue
        text = words[i].text
        if i == head and present is not None:
            text = match_case(present, text.strip()) + text[len(text.rstrip()):]
        kept.append((i, text, words[i].pos))
    tokens = tidy(words, kept)
    if len(tokens) > 3 and tokens[0][0].strip().casefold() in ("the", "a", "an") and tokens[1][1] in (
            "PROPN", "NOUN", "ADJ", "NUM"):
        tokens = tokens[1:]  # an opening "The" the model put inside a name ("The Church of Scientology")
    return tokens


EDGE_MARKS = {",", ";", ":", "-", "—", "–"}


def tidy(words: Sequence[Parsed], kept: list[tuple[int, str, str]]) -> list[tuple[str, str]]:
    """The kept tokens as (text, POS), spaced as the sentence spaced them: no comma or dash at either end or
    after another; a mark that leans left keeps its place ("Professor, Sport Studies", though "in
    Educational Leadership" went), words that now meet get a space, and "(", '"' dropped between two
    words leave one."""
    out: list[tuple[int, str, str]] = []
    for i, text, pos in kept:
        if text.strip() in EDGE_MARKS and (not out or out[-1][1].strip() in EDGE_MARKS):
            continue
        out.append((i, text, pos))
    while out and out[-1][1].strip() in EDGE_MARKS:
        out.pop()
    tokens = []
    for (a, text, pos), following in zip(out, [*out[1:], None], strict=True):
        if following is None:
            tokens.append((text.rstrip(), pos))
            continue
        b = following[0]
        before_b = words[b - 1].text[len(words[b - 1].text.rstrip()):]
        between = words[a].text[len(words[a].text.rstrip()):] + "".join(w.text for w in words[a + 1:b])
        leans_left = following[1].strip().startswith(("'", "’", ",", ".", ";", ":", ")", "%", "?", "!"))
        gap = before_b if leans_left else (" " if any(ch.isspace() for ch in between) else "")
        tokens.append((text.rstrip() + gap, pos))
    return tokens


def plural(words: Sequence[Parsed], children: list[list[int]], verb: int) -> bool:
    """Whether the verb's subject is plural: a plural noun, "they", or nouns joined by "and". A person's name
    is one person, whatever its tag ("Kenya's Daniel Komen", the surname tagged a plural noun, wins)."""
    subject = nearest_subject(words, children, verb)
    if subject is None:
        return False
    word = words[subject]
    if (word.tag in PLURAL_TAGS and word.ent[2:] != "PERSON") or word.text.strip().casefold() in PLURAL_PRONOUNS:
        return True
    return any(words[c].dep == "conj" for c in children[subject])


def inflect(lemma: str, plural_subject: bool) -> str:
    """The present tense of a verb from its lemma: "rescue" -> "rescues", "try" -> "tries", "be" -> "is";
    the lemma itself after a plural subject."""
    lemma = lemma.casefold()
    if lemma in IRREGULAR:
        return IRREGULAR[lemma][plural_subject]
    if plural_subject:
        return lemma
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
