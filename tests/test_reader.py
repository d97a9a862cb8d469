import datetime as dt
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.reader import read_file, read_seeds

DATA = Path(__file__).parent / "data"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(tmp_path: Path, name: str, content: str | bytes):
    path = write(tmp_path, name, content)
    articles = read_file(path, name)
    assert len(articles) == 1
    return articles[0]


def test_wire_text_fields():
    (article,) = read_file(DATA / "wire_flood.txt", "wire_flood.txt")
    assert article.id == "wire_flood"
    assert article.date == dt.date(2019, 3, 4)
    assert article.title is None
    assert article.dateline == "Mogadishu"
    assert article.source == "AFP"
    assert article.credit == "AFP Photo/MARTA OKAFOR"
    assert article.caption.startswith("Rescue workers carry a survivor")
    assert not article.caption.endswith(")")
    # The lead starts after the dateline and is its own paragraph, not merged with the caption.
    assert article.paragraphs[0].text.startswith("Floods along the Shabelle river")
    assert article.paragraphs[0].line == 2
    assert [p.text for p in article.paragraphs if p.crosshead] == ["'Nowhere to go'"]
    assert len(article.body) == 8


def test_wire_dateline_variants(tmp_path):
    article = read_one(tmp_path, "a.txt", "date 2020-01-02\nBEIRUT, Lebanon (Reuters) — Talks resumed on Monday.\n")
    assert article.dateline == "Beirut, Lebanon"
    assert article.source == "Reuters"
    assert article.paragraphs[0].text == "Talks resumed on Monday."
    assert article.caption is None and article.credit is None


def test_dateline_closed_by_a_dash(tmp_path):
    article = read_one(tmp_path, "a.txt", "date 2020-01-02\nTaipei, Taiwan — The festival opened on Saturday.\n")
    assert article.dateline == "Taipei, Taiwan" and article.source is None
    assert article.paragraphs[0].text == "The festival opened on Saturday."
    article = read_one(tmp_path, "b.txt", "date 2020-01-02\nThe mayor — a former judge — spoke.\n")
    assert article.dateline is None


def test_wire_without_dateline_keeps_lead(tmp_path):
    article = read_one(tmp_path, "a.txt", "date 2020-01-02 A caption.\nThe talks resumed (again) - slowly.\n")
    assert article.dateline is None
    assert article.caption == "A caption."
    assert article.paragraphs[0].text == "The talks resumed (again) - slowly."


def test_front_matter_fields():
    (article,) = read_file(DATA / "frontmatter_drought.md", "frontmatter_drought.md")
    assert article.id == "somalia-drought-2019-05"
    assert article.title == "Drought follows the floods in central Somalia"
    assert article.date == dt.date(2019, 5, 12)
    assert article.source == "Wire Desk"
    assert article.url == "https://example.org/news/somalia-drought?id=7&lang=en"
    assert article.tags == ("drought", "somalia")
    assert [p.text for p in article.paragraphs if p.crosshead] == ["A second emergency"]


def test_jsonl_articles_and_derived_ids():
    articles = read_file(DATA / "batch_markets.jsonl", "batch_markets.jsonl")
    assert [a.id for a in articles] == ["kenya-markets-2019-06", "ethiopia-dam-2019-07"]
    assert articles[0].dateline == "Nairobi"
    assert articles[1].dateline == "Addis Ababa" and articles[1].source == "Wire Desk"
    assert articles[1].line == 2


def test_id_comes_from_file_name_not_text(tmp_path):
    first = read_one(tmp_path, "story-1.txt", "date 2020-01-02\nOne text.\n")
    second = read_one(tmp_path, "story-1.txt", "date 2020-01-02\nA corrected, different text.\n")
    assert first.id == second.id == "story-1"
    assert first.digest != second.digest


def test_bom_and_crlf_accepted(tmp_path):
    article = read_one(tmp_path, "a.txt", "\ufeffdate 2020-01-02 Cap\r\nLead one.\r\n\r\nSecond.\r\n".encode())
    assert article.date == dt.date(2020, 1, 2)
    assert [p.text for p in article.paragraphs] == ["Lead one.", "Second."]


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("empty.txt", "  \n\n", "empty", 1),
        ("nodate.txt", "Just a lead without a date.\n", "without a date line", 1),
        ("baddate.txt", "date 2017-02-30 Caption\nLead.\n", "does not exist", 1),
        ("shape.txt", "date 21/09/2017 Caption\nLead.\n", "YYYY-MM-DD", 1),
        ("nobody.txt", "date 2017-02-03 Caption only\n", "no body", 1),
        ("fm-month0.md", "---\ntitle: x\ndate: 2021-00-02\n---\nBody.\n", "does not exist", 3),
        ("fm-nodate.md", "---\ntitle: x\n---\nBody.\n", "no date", None),
        ("fm-broken.md", "---\ntitle: x\ndate: [2017\n---\nBody.\n", "not valid YAML", 3),
        ("fm-open.md", "---\ntitle: x\ndate: 2017-01-01\nBody.\n", "never closed", 1),
        ("fm-list.md", "---\n- a\n- b\n---\nBody.\n", "mapping", 2),
        ("fm-tag.md", "---\ndate: 2017-01-01\nx: !!python/object:os.system ls\n---\nBody.\n", "YAML", 3),
        ("fm-bomb.md", "---\ndate: 2017-01-01\na: &a [x, x]\nb: &b [*a, *a]\ntags: [*b, *b]\n---\nBody.\n",
         "anchors and aliases", 4),
        ("fm-deep.md", "---\ndate: 2017-01-01\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n",
         "nested too deeply", 2),
        ("fm-dateline.md", "---\ndate: 2017-01-01\ndateline: [a, b]\n---\nBody.\n", "`dateline` must be text", 3),
        ("deep.jsonl", '{"text": ' + "[" * 100000 + "]" * 100000 + "}\n", "nested too deeply", 1),
        ("fm-badid.md", "---\nid: ../../etc/passwd\ndate: 2017-01-01\n---\nBody.\n", "not a safe URL", 2),
        ("lines.jsonl", '{"id": "a", "date": "2017-01-01", "text": "x"}\n{broken\n', "not valid JSON", 2),
        ("notext.jsonl", '{"id": "a", "date": "2017-01-01"}\n', "no `text`", 1),
        ("file.pdf", "date 2017-01-01\nLead.\n", "unsupported file type", None),
        ("bad id!.txt", "date 2017-01-01\nLead.\n", "not a safe URL", None),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 20 and "." in value else "",
)
def test_bad_input_is_named_with_a_fix(tmp_path, name, content, message, line):
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as caught:
        read_file(path, name)
    error = caught.value
    assert message in error.message
    assert error.path == name
    assert error.line == line
    assert "Fix:" in str(error) and name in str(error)


def test_undecodable_bytes_and_nul(tmp_path):
    with pytest.raises(InputError, match="not UTF-8") as caught:
        read_file(write(tmp_path, "latin.txt", b"date 2020-01-01\nCaf\xe9 au lait.\n"), "latin.txt")
    assert caught.value.line == 2
    with pytest.raises(InputError, match="NUL"):
        read_file(write(tmp_path, "nul.txt", b"date 2020-01-01\nA\x00B\n"), "nul.txt")


def test_size_limit(tmp_path):
    path = write(tmp_path, "big.txt", "date 2020-01-01\n" + "word " * 1000)
    with pytest.raises(InputError, match="over the limit"):
        read_file(path, "big.txt", max_bytes=1000)


def test_read_seeds_skips_bad_files_and_duplicate_ids(tmp_path):
    write(tmp_path, "a.txt", "date 2020-01-01\nGood lead.\n")
    write(tmp_path, "b.txt", "no date here\n")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.md", "---\nid: a\ndate: 2020-01-02\n---\nSame ID.\n")
    write(tmp_path, ".hidden.txt", "ignored")
    write(tmp_path, "README.md", "# About these seeds")
    result = read_seeds(tmp_path)
    assert [a.id for a in result.articles] == ["a"]
    messages = sorted(str(p) for p in result.problems)
    assert len(messages) == 2
    assert messages[0].startswith("b.txt:1: wire text without a date line")
    assert messages[1].startswith("sub/a.md:1: duplicate ID 'a', already used by a.txt")


def test_untrusted_text_is_cleaned(tmp_path):
    article = read_one(tmp_path, "a.txt", "date 2020-01-01\nThe Ab\u202edi\u200b group\x07 met.\n")
    assert article.paragraphs[0].text == "The Abdi group met."


def test_same_text_under_two_ids_is_a_notice_not_a_problem(tmp_path):
    write(tmp_path, "a.txt", "date 2020-01-01\nThe same words.\n")
    write(tmp_path, "b.txt", "date 2020-01-02\nThe same words.\n")
    result = read_seeds(tmp_path)
    assert [a.id for a in result.articles] == ["a", "b"] and result.problems == ()
    assert len(result.notices) == 1 and "same text as 'a'" in str(result.notices[0])


@pytest.mark.parametrize("block, text, credit", [
    ("Pilgrims at the mosque. Image: Nick Moreau.", "Pilgrims at the mosque.", "Nick Moreau"),
    ("Belle Image: Nick Moreau.", "Belle", "Nick Moreau"),
    ("The officers on patrol (AFP Photo/John Doe)", "The officers on patrol", "AFP Photo/John Doe"),
    ("Photo: a gallery of the flood, he said. Then more.", "Photo: a gallery of the flood, he said. Then more.", None),
    ("Images of the boy were posted online.", "Images of the boy were posted online.", None),
])
def test_a_body_block_ending_on_a_photo_credit_is_a_caption(block, text, credit):
    from generator.reader import split_body_credit

    assert split_body_credit(block) == (text, credit)


@pytest.mark.parametrize(("lead", "place", "agency", "text"), [
    ("LONDON, Dec 6 (Reuters) - Shares fell on Monday.", "London", "Reuters", "Shares fell on Monday."),
    ("WASHINGTON (Reuters) - The Senate voted.", "Washington", "Reuters", "The Senate voted."),
    ("NEW YORK (AP) — Stocks rose.", "New York", "AP", "Stocks rose."),
    ("BONN 1996-12-06\n\nGermany's jobless rate rose in November.", "Bonn", None,
     "Germany's jobless rate rose in November."),
    ("NEW YORK 1996-08-22 The dollar rose against the yen.", "New York", None, "The dollar rose against the yen."),
])
def test_datelines_of_other_agencies_and_wire_copy(tmp_path, lead, place, agency, text):
    article = read_one(tmp_path, "a.txt", f"date 2020-01-02\n{lead}\n")
    assert (article.dateline, article.source) == (place, agency)
    assert article.paragraphs[0].text == text and len(article.paragraphs) == 1


def test_wire_copy_without_a_date_line_is_dated_by_its_dateline_under_its_headline(tmp_path):
    """Wire copy that opens on its headline and byline, then a dateline with its date: the dateline dates it,
    the headline (without its full stop) is the title, the byline is no prose, and the lead is the body."""
    text = ("SOCCER - RIVERSIDE HELD AT HOME.\n\nPeter Lindqvist\n\nAL-AIN , United Arab Emirates 1996-12-06\n\n"
            "Riverside Rovers were held to a draw on Friday.\n")
    article = read_one(tmp_path, "cup.txt", text)
    assert (str(article.date), article.title) == ("1996-12-06", "SOCCER - RIVERSIDE HELD AT HOME")
    assert article.dateline == "Al-Ain, United Arab Emirates"
    assert [p.text for p in article.body] == ["Riverside Rovers were held to a draw on Friday."]
    assert article.paragraphs[0].line == 3 and not article.paragraphs[0].prose  # the byline
    lead = read_one(tmp_path, "b.txt", "BONN 1996-12-06 Germany's jobless rate rose.\n")
    assert (str(lead.date), lead.title, lead.dateline) == ("1996-12-06", None, "Bonn")
    assert [p.text for p in lead.body] == ["Germany's jobless rate rose."]
    with pytest.raises(InputError, match="1996-13-06") as bad:
        read_one(tmp_path, "c.txt", "A HEADLINE\nBONN 1996-13-06 Germany's jobless rate rose.\n")
    assert bad.value.line == 2


def test_footnote_markers_go_and_a_bare_sub_heading_is_a_crosshead():
    from generator.reader import parse_body

    body = ("Jared Padalecki (born July 19, 1982) [1] is an American actor. [citation needed]\n\nEarly life\n\n"
            "He was born in San Antonio, Texas. [2] [3]\n\n1996 results\n\nHe said: yes")
    paragraphs = parse_body(body, 1, markdown=True)
    assert [p.text for p in paragraphs] == [
        "Jared Padalecki (born July 19, 1982) is an American actor.", "Early life",
        "He was born in San Antonio, Texas.", "1996 results", "He said: yes"]
    assert [p.crosshead for p in paragraphs] == [False, True, False, False, False]
    # the first paragraph is never a sub-heading: a lead may lack its full stop
    assert not parse_body("Floods in Somalia\n\nMore text here.", 1, markdown=True)[0].crosshead


def test_a_table_of_results_is_lines_of_its_own_and_no_prose(tmp_path):
    text = ("---\ndate: 2021-05-02\n---\n\nThe cup's first round ended on Sunday with two home wins and a draw.\n\n"
            "Riverside Rovers 2 Hillcrest Athletic 0\nPort Vale Wanderers 1 Marsh Town 1\n"
            "1. Anna Kowalczyk (Poland) 12:44.90\n\n2. Tomas Berg (Norway) 12:51.02\n\n"
            "Kilburn\t312\t45.6%\n"
            "The organisers said the second round will be played in June,\nafter the league season ends.\n")
    article = read_one(tmp_path, "results.md", text)
    rows = [p for p in article.paragraphs if p.table]
    assert [p.text for p in rows] == ["Riverside Rovers 2 Hillcrest Athletic 0", "Port Vale Wanderers 1 Marsh Town 1",
                                      "1. Anna Kowalczyk (Poland) 12:44.90", "2. Tomas Berg (Norway) 12:51.02",
                                      "Kilburn 312 45.6%"]
    assert [p.line for p in rows] == [7, 8, 9, 11, 13] and not any(p.prose for p in rows)
    assert [p.text for p in article.body] == [
        "The cup's first round ended on Sunday with two home wins and a draw.",
        "The organisers said the second round will be played in June, after the league season ends."]


def test_one_line_of_names_and_figures_or_wrapped_prose_is_no_table(tmp_path):
    from generator.reader import table_line

    text = ("---\ndate: 2021-05-02\n---\n\nPrime Minister Anna Berg and President Tomas Kowal met on 12\n"
            "May in Oslo, where they signed the accord.\n\nThe final score was Riverside 2 Hillcrest 0\n")
    article = read_one(tmp_path, "prose.md", text)
    assert not any(p.table for p in article.paragraphs) and len(article.body) == 2
    assert table_line("Japan 3 2 1 0 6 2 7") and table_line("Smith 1,234 (45.6%)")
    assert not table_line("the talks resumed on Monday after 3") and not table_line("Turnout was 45.6%.")
    # a percentage written from its point, an empty cell after the figures (a leader's "games behind")
    assert table_line("Westfield 74 56 .569 -") and table_line("Eastbrook 70 61 .534 4 1/2")
    assert not table_line("- Victory after victory -") and not table_line("He scored 3 -")


def test_rows_of_figures_under_labels_are_a_table(tmp_path):
    """Wire copy tables rates and results as a label and its figures, the label in lower case after its
    first word, a unit on a figure, "vs" between: each row is a line of its own, never glued to the next."""
    from generator.reader import table_line

    text = ("date 1997-03-04\nLONDON 1997-03-04\n\nThe group said its profit rose.\n\n"
            "Six months to December 31 (million pounds):\n\nPre-tax profit 24.1 vs 20.4\n"
            "Earnings per share 9.8p vs 8.3p\nShr 27 cents vs 24 cents\nRepo rate 3.00\n")
    article = read_one(tmp_path, "results.txt", text)
    assert [p.text for p in article.paragraphs if p.table] == [
        "Pre-tax profit 24.1 vs 20.4", "Earnings per share 9.8p vs 8.3p", "Shr 27 cents vs 24 cents",
        "Repo rate 3.00"]
    assert not table_line("Turnout was 45.6%.") and not table_line("the profit rose to 24.1")
    assert not table_line("The chairman of the group said profit rose 24.1")


def test_a_headline_above_an_agency_dateline_is_the_title_and_a_byline_is_not(tmp_path):
    text = ("date 2022-11-09\nTwo charged after armed robbery at Dayton jewellery store\n\n"
            "DAYTON, Ohio (AP) — Two men have been charged with robbery, police said.\n")
    article = read_one(tmp_path, "police.txt", text)
    assert article.title == "Two charged after armed robbery at Dayton jewellery store"
    assert article.dateline == "Dayton, Ohio" and [p.text for p in article.body] == [
        "Two men have been charged with robbery, police said."]
    text = "date 2022-11-09\nBy Peter Blackburn and Jane Doe\n\nDAYTON, Ohio (AP) — Two men were charged.\n"
    article = read_one(tmp_path, "byline.txt", text)
    assert article.title is None and not article.paragraphs[0].prose


def test_the_desks_sign_off_is_metadata_not_prose_nor_a_table(tmp_path):
    """"-- London Newsroom +44 171 542 7717" ends wire copy: it is kept, marked, and is no prose, no row of
    the table above it, and no name of the story's; a dash that opens a sentence of prose is prose."""
    text = ("date 1997-03-04\nLONDON 1997-03-04\n\nThe group said its profit rose.\n\n"
            "Pre-tax profit 24.1 vs 20.4\nTurnover 212.4 vs 190.7\n\n-- London Newsroom +44 171 542 7717\n\n"
            "-- the talks will resume in 2024\n")
    article = read_one(tmp_path, "results.txt", text)
    assert [p.text for p in article.paragraphs if p.signoff] == ["-- London Newsroom +44 171 542 7717"]
    assert [p.text for p in article.paragraphs if p.table] == ["Pre-tax profit 24.1 vs 20.4", "Turnover 212.4 vs 190.7"]
    assert [p.text for p in article.body] == ["The group said its profit rose.", "-- the talks will resume in 2024"]


def test_a_headline_above_a_dated_dateline_is_the_title_and_no_dateline(tmp_path):
    """With a date line too, a headline under its section ("SOCCER - ...") is the title, and the dated
    dateline under it is the dateline: "Soccer -" is no place the story was filed in."""
    text = ("date 1996-12-07\nSOCCER - LEADERS BAYERN HELD AS DORTMUND CLOSE GAP.\n\nBONN 1996-12-07\n\n"
            "Bayern Munich were held to a draw on Saturday.\n")
    article = read_one(tmp_path, "soccer.txt", text)
    assert article.title == "SOCCER - LEADERS BAYERN HELD AS DORTMUND CLOSE GAP" and article.dateline == "Bonn"
    assert [p.text for p in article.paragraphs] == ["Bayern Munich were held to a draw on Saturday."]


def test_a_wire_dateline_with_a_spaced_comma_and_a_byline_before_it(tmp_path):
    text = ("---\ndate: 1996-12-06\n---\n\nPeter Lindqvist\n\nAL-AIN , United Arab Emirates 1996-12-06\n\n"
            "The cup began on Friday with a home win.\n")
    article = read_one(tmp_path, "cup.md", text)
    assert article.dateline == "Al-Ain, United Arab Emirates"
    assert article.paragraphs[0].text == "Peter Lindqvist" and not article.paragraphs[0].prose
    assert [p.text for p in article.body] == ["The cup began on Friday with a home win."]
