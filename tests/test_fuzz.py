"""Property-based tests of the reader (hypothesis): whatever the bytes, the only outcomes are a valid
article or a clear InputError naming the file."""

import datetime as dt

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.model import Article
from generator.reader import read_file
from generator.text import is_safe_id

WIRE = ("date 2021-03-01 Rescue workers search the rubble (AFP Photo/NAME)\n"
        "Kabul (AFP) - Officials in Kabul said on Monday that talks would resume.\n\n"
        "- 'Crosshead' -\n\nA second paragraph with the Islamic State group.\n")
FRONT = ("---\nid: fuzz-1\ntitle: \"A title\"\ndate: 2021-03-02\nsource: Wire\nurl: https://example.org/a\n"
         "dateline: Kabul\ntags: [a, b]\n---\n\nOfficials said talks would resume.\n\n## Crosshead\n\nMore text.\n")
LINES = ('{"id": "fuzz-2", "date": "2021-03-03", "title": "T", "text": "Officials said.\\n\\nMore."}\n'
         '{"date": "2021-03-04", "text": "Second article."}\n')
TEMPLATES = {".txt": WIRE, ".md": FRONT, ".jsonl": LINES}
INVISIBLE = {"\u200b", "\u202e", "\u2066", "\ufeff", "\x00", "\x07"}


@st.composite
def mutated(draw):
    suffix = draw(st.sampled_from(sorted(TEMPLATES)))
    text = TEMPLATES[suffix]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.text(max_size=12) | st.sampled_from(
            ["\n", "---\n", ":", "[", "{", "&a ", "*a", "!!python/object ", "\r\n", "\x00", "date ", "\"", "\\"]))
        if op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return suffix, text.encode(encoding, errors="replace")


inputs = mutated() | st.tuples(st.sampled_from([".txt", ".md", ".jsonl"]), st.binary(max_size=600))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(inputs)
def test_reader_gives_an_article_or_a_clear_error(tmp_path, case):
    suffix, data = case
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        articles = read_file(path, path.name)
    except InputError as error:
        event("input error")
        assert error.path == path.name and error.message and error.fix
        assert error.line is None or error.line >= 1
        return
    event("read" if articles else "no article")
    for article in articles:
        check_article(article)


def check_article(article: Article) -> None:
    assert is_safe_id(article.id)
    assert isinstance(article.date, dt.date)
    assert any(not p.crosshead for p in article.paragraphs)
    for text in (article.title, article.caption, article.credit, article.dateline, article.source,
                 *(p.text for p in article.paragraphs), *article.tags):
        if text is not None:
            assert isinstance(text, str) and text == text.strip() and text
            assert not INVISIBLE & set(text), repr(text)
            assert "\n" not in text
    assert article.url is None or article.url.startswith(("http://", "https://"))
    assert len(article.digest) == 64


def test_templates_are_valid(tmp_path):
    """The unmutated templates read cleanly, so mutations start from valid articles."""
    for suffix, text in TEMPLATES.items():
        path = tmp_path / f"t{suffix}"
        path.write_text(text, encoding="utf-8")
        for article in read_file(path, path.name):
            check_article(article)
