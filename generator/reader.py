"""Files in ``seeds/`` -> :class:`Article`. All validation of input lives here.

Three formats, recognised by content as well as by extension:

* wire text: an optional first line ``date YYYY-MM-DD <photo caption> (AFP Photo/NAME)``, paragraphs
  separated by blank lines, a lead that may open with a dateline ``Baghdad (AFP) - `` and crossheads such
  as ``- 'Victory after victory' -`` on a line of their own;
* Markdown with YAML front matter (``id``, ``title``, ``date``, ``source``, ``url``, ``dateline``, ``tags``);
* JSON Lines (``*.jsonl``): one article per line, the same fields plus ``text``.

A file that cannot be read raises :class:`InputError` naming the file, the line and the fix;
:func:`read_seeds` collects those and goes on with the other files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.errors import InputError
from generator.model import Article, Paragraph
from generator.text import clean_text, is_safe_id

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 2_000_000
SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")
FIELDS = ("id", "title", "date", "source", "url", "dateline", "tags", "aliases", "text")

_DATE_LINE = re.compile(r"^date\s+(\S+)(?:\s+(.*))?$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A trailing parenthesis that credits a photo: "(AFP Photo/AHMAD AL-RUBAYE)", "(Reuters/Name)".
_CREDIT = re.compile(r"\s*\(([^()]*(?:\bphoto\b|/)[^()]*)\)\s*$", re.IGNORECASE)
# "Baghdad (AFP) - ", "BEIRUT, Lebanon (Reuters) — ", "Kabul (AFP) -- ", "LONDON, Dec 6 (Reuters) - "
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'’.\- ]{1,40}?(?:, (?!" + _MONTH_DAY + r")[A-Z][A-Za-z'’.\- ]{1,30})?)"
    r"(?:,? " + _MONTH_DAY + r")?\s*"
    r"\((?P<agency>[A-Z][A-Za-z&.\- ]{1,24})\)\s*[-–—]{1,2}\s+"
)
# "BONN 1996-12-06", "NEW YORK 1996-08-22", "AL-AIN , United Arab Emirates 1996-12-06": wire copy's place in
# capitals and the date, on a line of its own or before the lead.
_DATELINE_ISO = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?: ?, [A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2})?)"
    r" (?P<date>\d{4}-\d{2}-\d{2})(?:\s+|$)"
)
# Wire copy without a date line may carry its date in the dateline, a few lines down: a headline, a byline,
# then "BONN 1996-12-06".
DATED_DATELINE_LINES = 4
_HEADLINE_STOP = re.compile(r"(?<!\.[A-Za-z])\s*\.$")
# "Taipei, Taiwan — ", "Evansville, Indiana, United States - ": a dateline without an agency, closed by a
# dash between spaces.
_NAME = r"[A-Z][A-Za-z'’.\-]+"
_DATELINE_DASH = re.compile(
    rf"^(?P<place>{_NAME}(?: {_NAME}){{0,3}}(?:, {_NAME}(?: {_NAME}){{0,2}}){{0,2}}) [-–—] (?P<rest>[A-Z])"
)
# A photo caption inside the body ends on its credit: "... Image: Nick Moreau.", "... Photo: Reuters",
# "... (AFP Photo/Name)".
_BODY_CREDIT = re.compile(
    r"(?:^|(?<=[\s.]))(?:Image|Images|Photo|Photos|Photograph|Picture|Photo credit|Image credit)\s*:\s*"
    r"(?P<credit>[^:]{1,60}?)\.?$"
    r"|\s*\((?P<paren>[^()]*\bphoto\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
# Wire copy's sign-off, the desk that filed it and its telephone: "-- London Newsroom +44 171 542 7717",
# "-- Bonn Newsroom, +49 228 2609760", "-- Tokyo Desk": metadata, no prose, and its names are not the story's.
_SIGNOFF = re.compile(
    r"^[-–—]{2}\s*[A-Z][\w.'’&\- ]{0,40}?(?:\b(?:Newsroom|Desk|Bureau)\b(?:[,;:]?\s*[+(]?\d[\d ()+./-]*)?"
    r"|[,;:]?\s+[+(]?\d[\d ()+./-]{5,})$"
)
_CROSSHEAD = re.compile(r"^[-–—]\s+(?P<text>.+?)\s+[-–—]$")
# A sub-heading set as a paragraph of its own: a few words, capitalised, with no sentence's end ("Early
# life", "The costs"). Not the first paragraph, which may be a lead without its full stop.
_BARE_HEADING = re.compile(r"^(?P<text>[A-Z][^.!?:;,\"“”()\[\]]{0,60}[^\W\d_])$")
BARE_HEADING_WORDS = 6
# Footnote markers copied from a web page: "[1]", "[23]", "[citation needed]": not the story's text, and
# they break sentences ("(born 1982) [1] is an American actor").
_FOOTNOTE = re.compile(r"\s?\[(?:\d{1,3}|citation needed|clarification needed|when\?|who\?)\]")
_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class ReadResult:
    articles: tuple[Article, ...]
    problems: tuple[InputError, ...]  # files (or lines) skipped: --strict and `check` fail on these
    notices: tuple[InputError, ...] = ()  # published, but worth a look (the same text under two IDs)
    sources: Mapping[str, str] = field(default_factory=dict)  # file -> digest of its bytes, for clean files
    counts: Mapping[str, int] = field(default_factory=dict)  # clean file -> how many articles it holds


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: no "billion laughs" alias bombs in untrusted front matter."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed", self.peek_event().start_mark
            )
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node):  # type: ignore[no-untyped-def]
        # A date that does not exist (2021-00-02) stays text, for parse_date to name its line.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp)


def read_seeds(
    seeds: Path, max_bytes: int = DEFAULT_MAX_BYTES, known: Mapping[str, tuple[str, tuple[Article, ...]]] = {}
) -> ReadResult:
    """Read every article under ``seeds``; bad files become problems, the rest are returned by ID.

    ``known`` maps a file to the digest of its bytes and the articles read from it before: a file whose
    bytes have not changed is not parsed again. ``ReadResult.sources`` gives the digest of every file that
    read without a problem, and ``ReadResult.counts`` how many articles it holds, for the next build.
    """
    articles: dict[str, Article] = {}
    problems: list[InputError] = []
    notices: list[InputError] = []
    texts: dict[str, Article] = {}
    owners: dict[str, Article] = {}  # every ID and former ID in use
    if not seeds.is_dir():
        raise InputError(str(seeds), "the seeds folder does not exist", "create it or pass --seeds DIR")
    sources: dict[str, str] = {}
    counts: dict[str, int] = {}
    for path in seed_files(seeds):
        rel = path.relative_to(seeds).as_posix()
        before = len(problems)
        try:
            if path.suffix.lower() in SUFFIXES and path.stat().st_size <= max_bytes:
                data = path.read_bytes()
                source = hashlib.sha256(data).hexdigest()
                if rel in known and known[rel][0] == source:
                    found = list(known[rel][1])
                else:
                    found = read_file(path, rel, max_bytes=max_bytes, skipped=problems, data=data)
                if len(problems) == before:
                    sources[rel], counts[rel] = source, len(found)
            else:
                found = read_file(path, rel, max_bytes=max_bytes, skipped=problems)
        except InputError as error:
            problems.append(error)
            continue
        for article in found:
            if article.id in articles:
                problems.append(InputError(
                    rel, f"duplicate ID {article.id!r}, already used by {articles[article.id].path}",
                    "give one of the two articles another ID (front matter `id:` or the file name)",
                    line=article.line,
                ))
                continue
            clash = next((name for name in (article.id, *article.old_ids) if name in owners), None)
            if clash is not None:
                problems.append(InputError(
                    rel, f"ID or alias {clash!r} is already used by {owners[clash].path}",
                    "give each article its own ID and aliases", line=article.line,
                ))
                continue
            owners.update(dict.fromkeys((article.id, *article.old_ids), article))
            articles[article.id] = article
            text = digest(*(p.text for p in article.paragraphs))
            if text in texts:
                other = texts[text]
                notices.append(InputError(rel, f"article {article.id!r} has the same text as {other.id!r} "
                                          f"({other.path}); both are published",
                                          "delete one of the two if they are the same article", line=article.line))
            else:
                texts[text] = article
    return ReadResult(tuple(articles[k] for k in sorted(articles)), tuple(problems), tuple(notices), sources, counts)


def seed_files(seeds: Path) -> list[Path]:
    """Article files under ``seeds``, sorted; hidden files and names starting with '_' are skipped."""
    return sorted(
        p
        for p in seeds.rglob("*")
        if p.is_file()
        and not any(part.startswith((".", "_")) for part in p.relative_to(seeds).parts)
        and p.name.lower() not in {"readme.md", "readme.txt", "readme"}
    )


def read_file(
    path: Path,
    rel: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skipped: list[InputError] | None = None,
    data: bytes | None = None,
) -> list[Article]:
    """Read one file; raise :class:`InputError` if it cannot be used.

    In a JSON Lines file each line is an article of its own: a bad line is added to ``skipped`` and the
    others are read (without ``skipped``, the first bad line raises).
    """
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(rel, f"unsupported file type {path.suffix or '(none)'!r}",
                         "save the article as .txt (wire text), .md (front matter) or .jsonl")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(rel, f"file is {size:,} bytes, over the limit of {max_bytes:,}",
                         "split it into one article per file, or raise `max_bytes` in mkdocs.yml")
    text = decode(path.read_bytes() if data is None else data, rel)
    if not text.strip():
        raise InputError(rel, "the file is empty", "add the article text, or delete the file", line=1)
    if path.suffix.lower() == ".jsonl":
        articles = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                articles.append(read_jsonl_line(line, number, rel, path.stem))
            except InputError as error:
                if skipped is None:
                    raise
                skipped.append(error)
        return articles
    if text.startswith("---\n"):
        return [read_front_matter(text, rel, path.stem)]
    return [read_wire(text, rel, path.stem)]


def decode(data: bytes, rel: str) -> str:
    """UTF-8 (a byte-order mark is dropped), CRLF and CR folded to LF; NUL bytes refused."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(rel, "the file contains NUL bytes (binary data?)",
                         "save the article as UTF-8 text", line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(rel, f"bytes that are not UTF-8 at byte {error.start}",
                         "re-save the file as UTF-8", line=line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: Any, rel: str, line: int | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or str(value).strip() == "":
        raise InputError(rel, "the article has no date",
                         "add `date: YYYY-MM-DD` (front matter) or a first line `date YYYY-MM-DD`", line=line)
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise InputError(rel, f"date {text!r} is not in the form YYYY-MM-DD",
                         "write the date as YYYY-MM-DD, for example 2017-09-21", line=line)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(rel, f"date {text!r} does not exist", "correct the day or month", line=line) from None


def split_paragraphs(text: str, first_line: int = 1) -> Iterator[tuple[int, str, bool]]:
    """Blocks separated by blank lines, each with the line it starts on and whether it is a line of a table;
    lines inside a block are joined, except the lines of a table or a list of results (:func:`table_lines`),
    each a block of its own."""
    lines = list(enumerate(text.split("\n"), start=first_line))
    tabular = table_lines(lines)
    block: list[str] = []
    start = first_line
    for number, raw in lines:
        if number in tabular or not raw.strip():
            if block:
                yield start, " ".join(block), False
                block = []
            if number in tabular:
                yield number, raw.strip(), True
            continue
        if not block:
            start = number
        block.append(raw.strip())
    if block:
        yield start, " ".join(block), False


# A line of a table or of a list of results, ranks or votes: names and numbers, no sentence ("Arsenal 2
# Derby 0", "1. Haile Gebrselassie (Ethiopia) 12:44.90", "Japan 3 2 1 0 6 2 7", "Smith 1,234 (45.6%)"), or
# cells set apart by tabs, runs of spaces or bars. Only a run of two or more such lines is a table (blank
# lines between them do not end it): one alone may be a line of prose cut short.
_CELLS = re.compile(r"\t|\s{2,}|\s\|\s")
_FIGURE = re.compile(r"^[(\[]?[-+]?[$£€]?\.?\d[\d.,:/%'’-]*[)\]]?[.,;]?$")  # 12:44.90, 2-1, 45.6%, (3), 1., .569
EMPTY_CELLS = frozenset({"-", "--", "–", "—"})  # a table's cell with no figure in it ("New York 74 56 .569 -")
TABLE_RUN = 2
# A row of figures under a label, as results and rates are tabled in wire copy ("Pre-tax profit 24.1 vs 20.4",
# "Earnings per share 9.8p vs 8.3p", "Shr 27 cents vs 24 cents", "Repo rate 3.00"): a figure may carry its
# unit (9.8p, 1.2bn), and "vs" and the units written out stand between figures.
_UNIT_FIGURE = re.compile(r"^[(\[]?[-+]?[$£€]?\d[\d.,:/%'’-]*(?:p|m|bn|mn|k|pc|pct)?[)\]]?[.,;]?$")
_BETWEEN_FIGURES = frozenset({"vs", "vs.", "v", "v.", "versus", "mln", "bln", "million", "billion", "pct",
                              "percent", "cents", "pence"})
LABEL_WORDS = 4  # more, and a line ending on a figure is more likely prose cut short


def table_line(raw: str) -> bool:
    """A line of names and figures (:data:`_FIGURE`) that opens or ends on a figure (or on an empty cell
    after one), whose words are mostly capitalised and which ends on no sentence's mark; a row of figures
    under a label (:func:`labelled_figures`); or three cells or more."""
    line = raw.strip()
    if _SIGNOFF.match(line):
        return False
    if len([cell for cell in _CELLS.split(line) if cell.strip()]) >= 3:
        return True
    tokens = line.split()
    if labelled_figures(tokens):
        return True
    if len(tokens) >= 3 and tokens[-1] in EMPTY_CELLS and _FIGURE.match(tokens[-2]):  # "... .569 -"
        tokens = tokens[:-1]
    if len(tokens) < 2 or not (_FIGURE.match(tokens[0]) or _FIGURE.match(tokens[-1])):
        return False
    if line[-1] in ".!?:;" and not _FIGURE.match(tokens[-1]):
        return False
    words = [t.strip("()[],;") for t in tokens if not _FIGURE.match(t)]
    words = [w for w in words if w[:1].isalpha()]
    return sum(w[0].islower() for w in words) * 3 <= len(words)


def labelled_figures(tokens: list[str]) -> bool:
    """A capitalised label of at most :data:`LABEL_WORDS` words, then figures, the last token a figure or a
    unit, and no sentence's mark at its end ("Pre-tax profit 24.1 vs 20.4"; not "Turnout was 45.6%.", nor
    "the talks resumed on Monday after 3")."""
    if len(tokens) < 2 or not tokens[0][:1].isupper() or tokens[-1][-1] in ".!?:;":
        return False
    figures = [bool(_UNIT_FIGURE.match(t)) for t in tokens]
    words = [t for t, figure in zip(tokens, figures, strict=True)
             if not figure and t.casefold() not in _BETWEEN_FIGURES]
    last = next((figure for t, figure in zip(reversed(tokens), reversed(figures), strict=True)
                 if t.casefold() not in _BETWEEN_FIGURES), False)
    return last and 0 < len(words) <= LABEL_WORDS and not figures[0]


def table_lines(lines: list[tuple[int, str]]) -> set[int]:
    """The numbers of the lines that are a table's: runs of :data:`TABLE_RUN` or more :func:`table_line`
    lines, blank lines allowed between them."""
    found: set[int] = set()
    run: list[int] = []
    for number, raw in [*lines, (0, "not a table")]:
        if not raw.strip():
            continue
        if table_line(raw):
            run.append(number)
            continue
        if len(run) >= TABLE_RUN:
            found.update(run)
        run = []
    return found


def parse_body(text: str, first_line: int, markdown: bool) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    for line, block, table in split_paragraphs(text, first_line):
        if "[" in block:
            block = _FOOTNOTE.sub("", block)
        crosshead = None if table else _CROSSHEAD.match(block) or (bare_heading(block) if paragraphs else None)
        heading = _MD_HEADING.match(block) if markdown and not table else None
        if markdown:
            block = _MD_LINK.sub(r"\1", block)
        if table:
            if row := clean_text(block):
                paragraphs.append(Paragraph(row, line, table=True))
        elif _SIGNOFF.match(block):
            paragraphs.append(Paragraph(clean_text(block), line, signoff=True))
        elif crosshead or heading:
            inner = (crosshead or heading).group("text")  # type: ignore[union-attr]
            paragraphs.append(Paragraph(clean_text(inner), line, crosshead=True))
        else:
            cleaned, credit = split_body_credit(clean_text(block))
            if cleaned:
                paragraphs.append(Paragraph(cleaned, line, credit=credit))
    return tuple(paragraphs)


def bare_heading(block: str) -> re.Match[str] | None:
    """A sub-heading with no marks: at most :data:`BARE_HEADING_WORDS` words, capitalised, no sentence's end."""
    return _BARE_HEADING.match(block) if len(block.split()) <= BARE_HEADING_WORDS else None


def split_body_credit(block: str) -> tuple[str, str | None]:
    """A block ending on a photo credit is a caption: (its text, the credit); other blocks: (block, None)."""
    if ":" not in block and "(" not in block:  # neither form of credit can be there: skip the slow search
        return block, None
    match = _BODY_CREDIT.search(block)
    if match is None:
        return block, None
    credit = (match.group("credit") or match.group("paren") or "").strip()
    if not credit or ". " in credit:  # "Credit: ..." opening a sentence of prose, not a credit line
        return block, None
    return block[: match.start()].strip(), credit


def split_dateline(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], str | None, str | None]:
    """Take ``Baghdad (AFP) - `` (or ``BONN 1996-12-06``) off the lead: returns (paragraphs, dateline place,
    agency)."""
    # The lead is the first prose block, or the second or third when a caption without credit comes first.
    body = [i for i, p in enumerate(paragraphs) if p.prose][:3]
    # The surest form first: a headline under its section ("SOCCER - LEADERS HELD") is no dateline "Soccer -".
    found = next(((i, m) for pattern in (_DATELINE, _DATELINE_ISO, _DATELINE_DASH) for i in body
                  if (m := pattern.match(paragraphs[i].text))), None)
    if found is None:
        return paragraphs, None, None
    first, match = found
    # A short line of names before the dateline ("Nadim Ladki", "By Peter Blackburn") is the byline: no prose.
    # So is a headline (wire copy with a date line: "Two charged after armed robbery", then the dateline).
    paragraphs = tuple(replace(p, crosshead=True)
                       if i < first and p.prose and (bare_heading(p.text) or (i == 0 and headline(p.text))) else p
                       for i, p in enumerate(paragraphs))
    lead = paragraphs[first]
    if match.end() == len(lead.text):  # the dateline is a line of its own: the lead is the next block
        place = ", ".join(p.strip().title() if p.strip().isupper() else p.strip()
                          for p in match.group("place").split(","))
        return (*paragraphs[:first], *paragraphs[first + 1:]), place, None
    agency = match.groupdict().get("agency")
    end = match.start("rest") if "rest" in match.groupdict() else match.end()
    place = match.group("place").strip()
    place = ", ".join(part.strip().title() if part.strip().isupper() else part.strip() for part in place.split(","))
    rest = lead.text[end:]
    rest = rest[:1].upper() + rest[1:]
    changed = (*paragraphs[:first], Paragraph(rest, lead.line), *paragraphs[first + 1:])
    return changed, place, agency.strip() if agency else None


def digest(*parts: str | None) -> str:
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


def read_wire(text: str, rel: str, stem: str) -> Article:
    lines = text.split("\n")
    match = _DATE_LINE.match(lines[0].strip())
    body = 1 if match else 0
    meta: dict[str, Any] = {}
    caption = credit = None
    dated = dated_dateline(lines[body:])  # a dated dateline, maybe under a headline (and a byline)
    if match:
        date = parse_date(match.group(1), rel, 1)
        caption, credit = split_credit(clean_text(match.group(2) or ""))
    elif dated:
        date = parse_date(dated[2], rel, body + dated[1] + 1)
    else:
        raise InputError(rel, "wire text without a date line",
                         "make the first line `date YYYY-MM-DD <photo caption>`, give the dateline its date "
                         "(`BONN 1996-12-06`), or use front matter", line=1)
    if dated and dated[0] is not None:  # a headline ends on no full stop ("... CLOSE GAP."), an abbreviation's aside
        meta["title"] = _HEADLINE_STOP.sub("", clean_text(lines[body + dated[0]]))
        body += dated[0] + 1
    paragraphs = parse_body("\n".join(lines[body:]), body + 1, markdown=False)
    paragraphs, dateline, agency = split_dateline(paragraphs)
    if "title" not in meta and dateline and paragraphs and paragraphs[0].crosshead and headline(paragraphs[0].text):
        meta["title"] = _HEADLINE_STOP.sub("", paragraphs[0].text)  # "Two charged after ...", then "DAYTON (AP) -"
        paragraphs = paragraphs[1:]
    return make_article(rel, stem, 1, meta, date, paragraphs, caption, credit, dateline, agency)


def headline(line: str) -> bool:
    """A short line above the dateline that is a headline, not a byline ("Two charged after armed robbery";
    not "Nadim Ladki", "By Peter Blackburn and Jane Doe"): at most :data:`HEADLINE_WORDS` words, two of
    them lower-case words of four letters or more, and no sentence's end."""
    words = line.split()
    return (len(words) <= HEADLINE_WORDS and not line.startswith("By ") and line[-1:] not in ".!?"
            and sum(w.islower() and len(w) >= 4 for w in words) >= 2)


HEADLINE_WORDS = 16


def dated_dateline(lines: list[str]) -> tuple[int | None, int, str] | None:
    """Wire copy that opens on its headline (and byline) and dates its dateline ("SOCCER - JAPAN GET LUCKY
    WIN", "BONN 1996-12-06"): (the headline's line or None, the dateline's line, its date), from the first
    :data:`DATED_DATELINE_LINES` lines with text; None when none of them is a dated dateline."""
    filled = [i for i, line in enumerate(lines) if line.strip()][:DATED_DATELINE_LINES]
    for n, i in enumerate(filled):
        if match := _DATELINE_ISO.match(lines[i].strip()):
            return (filled[0] if n else None), i, match.group("date")
    return None


def split_credit(caption: str) -> tuple[str | None, str | None]:
    if not caption:
        return None, None
    match = _CREDIT.search(caption)
    if not match:
        return caption, None
    return caption[: match.start()].strip() or None, match.group(1).strip()


def read_front_matter(text: str, rel: str, stem: str) -> Article:
    lines = text.split("\n")
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
    except StopIteration:
        raise InputError(rel, "front matter opened with '---' is never closed",
                         "add a line '---' after the last front matter field", line=1) from None
    meta = load_yaml_mapping("\n".join(lines[1:end]), rel, first_line=2)
    date = parse_date(meta.get("date"), rel, field_line(lines, "date", end))
    paragraphs = parse_body("\n".join(lines[end + 1:]), end + 2, markdown=True)
    dateline = optional_str(meta, "dateline", rel, field_line(lines, "dateline", end))
    agency = None
    if not dateline:
        paragraphs, dateline, agency = split_dateline(paragraphs)
    return make_article(rel, stem, 1, meta, date, paragraphs, None, None, dateline, agency,
                        id_line=field_line(lines, "id", end))


def field_line(lines: list[str], key: str, end: int) -> int | None:
    for i, line in enumerate(lines[1:end], start=2):
        if line.startswith(f"{key}:"):
            return i
    return None


def load_yaml_mapping(source: str, rel: str, first_line: int) -> dict[str, Any]:
    try:
        data = yaml.load(source, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except RecursionError:
        raise InputError(rel, "front matter is nested too deeply", "use flat `key: value` lines",
                         line=first_line) from None
    except yaml.YAMLError as error:
        # Where the broken construct opened (an unclosed bracket), else where parsing stopped.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(rel, f"front matter is not valid YAML ({problem})",
                         "correct the YAML (quote values that contain ':' or '#')", line=line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(rel, "front matter must be a mapping of `key: value` lines",
                         "write one `key: value` per line", line=first_line)
    unknown = sorted(str(k) for k in data if k not in FIELDS)
    if unknown:
        log.info("%s: front matter fields ignored: %s", rel, ", ".join(unknown))
    return data


def read_jsonl_line(line: str, number: int, rel: str, stem: str) -> Article:
    try:
        record = json.loads(line)
    except RecursionError:
        raise InputError(rel, "JSON nested too deeply", "write one flat JSON object per line", line=number) from None
    except json.JSONDecodeError as error:
        raise InputError(rel, f"not valid JSON ({error.msg} at column {error.colno})",
                         "write one JSON object per line", line=number) from None
    if not isinstance(record, dict):
        raise InputError(rel, "each line must be a JSON object", "write one {...} object per line", line=number)
    body = record.get("text")
    if not isinstance(body, str):
        raise InputError(rel, "the article has no `text`", "add the article's text as `text`", line=number)
    date = parse_date(record.get("date"), rel, number)
    paragraphs = parse_body(body, number, markdown=False)
    dateline = optional_str(record, "dateline", rel, number)
    agency = None
    if not dateline:
        paragraphs, dateline, agency = split_dateline(paragraphs)
    return make_article(rel, f"{stem}-{number}", number, record, date, paragraphs, None, None, dateline, agency,
                        id_line=number, line=number)


def optional_str(meta: dict[str, Any], key: str, rel: str, line: int | None) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise InputError(rel, f"`{key}` must be text, not {type(value).__name__}",
                         f"write `{key}` as a plain quoted string", line=line)
    return clean_text(str(value)) or None


def make_article(
    rel: str,
    stem: str,
    start: int,
    meta: dict[str, Any],
    date: dt.date,
    paragraphs: tuple[Paragraph, ...],
    caption: str | None,
    credit: str | None,
    dateline: str | None,
    agency: str | None,
    id_line: int | None = None,
    line: int | None = None,
) -> Article:
    """Validate what every format shares (ID, body, fields) and build the :class:`Article`."""
    where = line or start
    if not any(p.prose for p in paragraphs):
        raise InputError(rel, "the article has no body text", "add the article's paragraphs, or delete it",
                         line=where)
    raw_id = meta.get("id")
    article_id = str(raw_id).strip() if raw_id is not None else stem
    if not is_safe_id(article_id):
        origin = "`id`" if raw_id is not None else "the file name"
        raise InputError(rel, f"ID {article_id!r} (from {origin}) is not a safe URL segment",
                         "use only letters, digits, '.', '_' and '-' (at most 120), not starting with '.'",
                         line=id_line if raw_id is not None else None)
    tags = meta.get("tags") or ()
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list | tuple) or not all(isinstance(t, str | int) for t in tags):
        raise InputError(rel, "`tags` must be a list of words", "write `tags: [iraq, conflict]`", line=where)
    url = optional_str(meta, "url", rel, where)
    if url and not re.match(r"^https?://", url):
        raise InputError(rel, f"url {url!r} is not an http(s) address", "give the article's web address",
                         line=where)
    title = optional_str(meta, "title", rel, where)
    aliases = parse_aliases(meta.get("aliases"), article_id, date, rel, where)
    return Article(
        id=article_id,
        path=rel,
        line=start,
        date=date,
        title=title,
        source=optional_str(meta, "source", rel, where) or agency,
        dateline=clean_text(dateline) if dateline else None,
        caption=caption,
        credit=credit,
        paragraphs=paragraphs,
        url=url,
        tags=tuple(sorted({clean_text(str(t)) for t in tags} - {""})),
        digest=digest(article_id, str(date), title, caption, credit,
                      *(("#" if p.crosshead else "|" if p.table else "~" if p.signoff else "") + p.text
                        + (f"\x1e{p.credit}" if p.credit else "") for p in paragraphs)),
        aliases=aliases,
    )


def parse_aliases(value: Any, article_id: str, date: dt.date, rel: str, line: int | None) -> tuple[str, ...]:
    """Former IDs of an article: ``old-id`` (same date) or ``YYYY-MM-DD/old-id``, as "YYYY-MM-DD/old-id"."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    fix = "list former IDs as `aliases: [old-id]` or `aliases: [2017-09-20/old-id]`"
    if not isinstance(value, list | tuple):
        raise InputError(rel, "`aliases` must be a list of former IDs", fix, line=line)
    aliases = []
    for item in value:
        text = str(item).strip()
        old_date, _, old_id = text.rpartition("/")
        if old_date:
            try:
                when = parse_date(old_date, rel, line)
            except InputError:
                raise InputError(rel, f"alias {text!r} does not start with a YYYY-MM-DD date", fix,
                                 line=line) from None
        else:
            when = date
        if not is_safe_id(old_id):
            raise InputError(rel, f"alias {text!r} is not a safe ID", fix, line=line)
        if old_id == article_id and when == date:
            raise InputError(rel, f"alias {text!r} is the article's own address", "remove it", line=line)
        aliases.append(f"{when.isoformat()}/{old_id}")
    return tuple(sorted(set(aliases)))
