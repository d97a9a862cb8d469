from generator.summarise import SentenceInfo, derive_title, summarise


def sentences(*texts, prose=True):
    return [SentenceInfo(text=t, position=i, paragraph=i, prose=prose, entities=()) for i, t in enumerate(texts)]


LEAD = "Floods along the river forced thousands of families from their homes in the region on Monday."


def test_summary_never_opens_on_a_quote_or_a_dependent_sentence():
    digest = summarise(sentences(
        '"We have lost everything," a farmer said as the water kept rising in the valley.',
        "He said the government had done nothing for the people of the valley this year.",
        LEAD,
        "Officials said the dam upstream had been opened without any warning to the towns below.",
    ), title=None)
    assert digest.summary[0] == LEAD
    assert all(not s.startswith('"') for s in digest.summary)
    assert "He said the government had done nothing for the people of the valley this year." not in digest.summary


def test_summary_length_limits():
    long = " ".join(["word"] * 30) + "."
    digest = summarise(sentences(*([LEAD] + [long.replace("word", f"w{i}") for i in range(6)])), title=None,
                       summary_sentences=3, summary_words=80)
    assert 1 <= len(digest.summary) <= 3
    assert sum(len(s.split()) for s in digest.summary) <= 80


def test_key_points_add_to_the_summary():
    facts = ["roads to the capital were closed", "schools in the valley stayed shut", "cholera cases were reported",
             "the harvest of maize was lost", "aid flights landed at the airport", "the river fell overnight",
             "engineers inspected a damaged bridge", "donors pledged new funds"]
    texts = [LEAD] + [f"Officials said {fact} in district {i}." for i, fact in enumerate(facts)]
    digest = summarise(sentences(*texts), title=None, key_points=5)
    assert 3 <= len(digest.key_points) <= 5
    assert not set(digest.key_points) & set(digest.summary)


def test_captions_and_crossheads_are_not_summary_material():
    caption = SentenceInfo("A man walks past a burning car in the city centre on Monday.", 0, -1, False, ())
    body = sentences("x", LEAD)[1:]
    digest = summarise([caption, *body], title=None)
    assert caption.text not in digest.summary


def test_given_title_is_kept():
    assert summarise(sentences(LEAD), title="Given title").title == "Given title"


def test_derived_title_is_short_and_does_not_dangle():
    tokens = tuple((w + " ", pos) for w, pos in [
        ("Iraqi", "ADJ"), ("forces", "NOUN"), ("launched", "VERB"), ("an", "DET"), ("assault", "NOUN"),
        ("on", "ADP"), ("the", "DET"), ("town", "NOUN"), ("of", "ADP"), ("Hawija", "PROPN"), (",", "PUNCT"),
        ("one", "NUM"), ("of", "ADP"), ("the", "DET"), ("last", "ADJ"), ("bastions", "NOUN")])
    s = SentenceInfo("".join(t for t, _ in tokens), 0, 0, True, (), tokens)
    assert derive_title([s]) == "Iraqi forces launched an assault on the town of Hawija"
    words = (*tuple((f"w{i} ", "NOUN") for i in range(20)), ("go ", "VERB"))
    long = SentenceInfo("".join(t for t, _ in words), 0, 0, True, (), words)
    assert len(derive_title([long]).split()) <= 12


def test_a_sentence_repeated_word_for_word_is_said_once():
    from generator.summarise import SentenceInfo, summarise

    lead = "Floods forced thousands from their homes in the town of Jowhar on Monday, officials said."
    again = "Schools in Jowhar remained closed for a fourth week, the education office said."
    texts = [lead, again, "Aid trucks reached the town on Tuesday after the road was cleared.", again,
             "The river is expected to fall by the end of the week, engineers said.", lead, again]
    digest = summarise([SentenceInfo(t, i, 0, True, ()) for i, t in enumerate(texts)], None)
    said = [*digest.summary, *digest.key_points]
    assert len(said) == len(set(said)) == 4


def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """"Word/POS Word/POS ..." as the analysis keeps a lead's tokens: each with its trailing space."""
    pairs = [piece.rsplit("/", 1) for piece in text.split()]
    return tuple((word + ("" if i + 1 < len(pairs) and pairs[i + 1][1] == "PUNCT" and pairs[i + 1][0] in ",.)"
                          else " "), pos) for i, (word, pos) in enumerate(pairs))


def test_a_derived_title_leaves_out_asides_and_ends_well_formed():
    from generator.headline import problems

    tokens = tagged("Jared/PROPN Padalecki/PROPN (/PUNCT born/VERB July/PROPN 19/NUM ,/PUNCT 1982/NUM )/PUNCT "
                    "is/AUX an/DET Iraqi/ADJ -/PUNCT British/ADJ architect/NOUN who/PRON designed/VERB "
                    "the/DET aquatic/ADJ centre/NOUN for/ADP the/DET London/PROPN Olympics/PROPN ./PUNCT")
    lead = SentenceInfo(text="".join(t for t, _ in tokens).strip(), position=0, paragraph=0, prose=True,
                        entities=(), tokens=tokens)
    title = derive_title([lead], max_words=6, names=("Jared Padalecki",))
    assert "born" not in title and "(" not in title
    assert title == "Jared Padalecki is an Iraqi - British architect"  # not "... is an Iraqi": it runs on
    cut = tagged("Jared/PROPN Padalecki/PROPN is/AUX an/DET Iraqi/ADJ")
    assert problems(cut, lead.text, ()) and not problems(tokens[:1] + tokens[1:2] + tokens[9:15], lead.text, ())


def test_a_headline_leaves_out_when_it_happened_the_tense_auxiliary_and_the_opening_article():
    from generator.summarise import headline_style

    def text(tokens):
        return "".join(t for t, _ in tokens)

    assert text(headline_style(list(tagged("The/DET Hong/PROPN Kong/PROPN election/NOUN was/AUX held/VERB "
                                           "on/ADP Sunday/PROPN")))) == "Hong Kong election held"
    assert text(headline_style(list(tagged("A/DET storm/NOUN yesterday/NOUN caused/VERB a/DET crane/NOUN "
                                           "to/PART fall/VERB")))) == "storm caused a crane to fall"
    assert text(headline_style(list(tagged("The/DET military/NOUN has/AUX been/AUX placed/VERB on/ADP high/ADJ "
                                           "alert/NOUN last/ADJ week/NOUN")))) == "military placed on high alert"


def test_a_key_point_that_says_the_summary_again_gives_way_to_the_next():
    def s(i, text):
        return SentenceInfo(text=text, position=i, paragraph=i, prose=True, entities=())

    sentences = [
        s(0, "Floods along the Shabelle river forced thousands of families from their homes in Beledweyne."),
        s(1, "The United Nations said aid convoys could not reach the town because the roads were cut."),
        s(2, "Thousands of families were forced from their homes in Beledweyne by floods along the Shabelle river."),
        s(3, "Farmers said the water had destroyed the maize harvest across the lower valley."),
        s(4, "Engineers will inspect the damaged bridge at Bulo Burte once the water falls."),
    ]
    digest = summarise(sentences, "Floods", summary_sentences=1, key_points=3)
    assert digest.summary == (sentences[0].text,)
    assert sentences[2].text not in digest.key_points  # the lead again, in other order
    assert list(digest.key_points) == [sentences[1].text, sentences[3].text, sentences[4].text]


def test_the_home_page_and_feeds_leave_out_the_sentence_a_derived_title_was_made_from():
    import datetime as dt

    from generator.model import Analysis, Article, Briefing, Paragraph

    def briefing(title):
        article = Article(id="a", path="a.md", line=1, date=dt.date(2020, 1, 1), title=title, source=None,
                          dateline=None, caption=None, credit=None, paragraphs=(Paragraph("x", 1),), url=None,
                          tags=(), digest="a")
        summary = ("Iraq brought all of its territory still held by the Islamic State group under attack.",
                   "Security forces launched a dawn assault on Hawija.")
        return Briefing(article, Analysis("a", title or "Iraq brought all of its territory still held by the "
                                          "Islamic State group", summary, (), (), 2))

    assert briefing(None).excerpt == ("Security forces launched a dawn assault on Hawija.",)
    assert len(briefing("Iraq attacks the last Islamic State enclaves").excerpt) == 2  # a title of its own


def test_a_speechs_courtesies_are_neither_its_summary_nor_its_headline():
    # A speech opens on thanks and greetings: what it tells comes after them. "Thanks to" still tells.
    thanks = "Thank you, Councillor Okafor, and thank you all for coming out in the rain tonight."
    evening = "Good evening, ladies and gentlemen, and welcome to the new library of the city."
    grant = "Thanks to a grant from the council, the library will open on Sundays from next month."
    digest = summarise(sentences(thanks, evening, LEAD, grant), title=None)
    assert thanks not in digest.summary and evening not in digest.summary and grant in digest.summary
    assert digest.summary[0] == LEAD and not digest.title.startswith(("Thank", "Good"))
    # a greeting closes on its courtesy after the people it greets; "was welcome" tells
    greeting = "Governor Hochul, members of the City Council, and my fellow New Yorkers: welcome."
    blessing = "God bless you, and God bless the people of this city."
    told = "The council said the grant for the library on the river was welcome."
    digest = summarise(sentences(greeting, blessing, LEAD, told), title=None)
    chosen = (*digest.summary, *digest.key_points)
    assert greeting not in chosen and blessing not in chosen and told in chosen
