"""Text set in capitals, in its proper case from the article's own words."""

from generator.truecase import case_forms, in_capitals, recase


def test_a_headline_in_capitals_takes_the_cases_the_article_gives_its_words():
    body = ["The cup began on Friday in Al-Ain, where Japan beat Syria.",
            "Officials of the UN said the win was fair. Lucky teams rarely say so."]
    forms = case_forms(body)
    assert recase("JAPAN GET LUCKY WIN IN AL-AIN, UN SAYS", forms) == "Japan get lucky win in Al-Ain, UN says"
    # "Lucky" opens a sentence only: no evidence of a name. A word the article never writes is lower case,
    # except in a line of a table, which is names and figures.
    assert recase("LUCKY DAY FOR FRIDAY'S WINNERS", forms) == "Lucky day for Friday's winners"
    assert recase("RIVERSIDE ROVERS 2 JAPAN 0", forms, names=True) == "Riverside Rovers 2 Japan 0"


def test_only_text_mostly_in_capitals_is_changed():
    assert in_capitals("SOCCER - JAPAN GET LUCKY WIN") and not in_capitals("NEW YORK, Dec 6")
    assert not in_capitals("The UN and NATO met in Brussels") and not in_capitals("UNICEF") and not in_capitals("")
    assert case_forms(["THE CUP BEGAN IN JAPAN"]) == {}


def test_a_word_of_capitals_with_no_vowel_is_an_abbreviation_and_stays_so():
    # the article writes neither word elsewhere: "NHL" has no vowel, "ICE" has; a title's short form is a word
    assert recase("NHL ICE HOCKEY - STANDINGS", {}) == "NHL ice hockey - standings"
    assert recase("MR SMITH WATCHES BBC TV", {"smith": "Smith"}) == "Mr Smith watches BBC TV"
    assert recase("PROFIT RISES 18 PCT TO 5 MLN", {}) == "Profit rises 18 pct to 5 mln"


def test_a_word_in_a_hyphenated_word_gives_its_case():
    forms = case_forms(["The ministers proposed EU-wide rules and a Franco-German plan on Monday."])
    assert recase("EU REJECTS GERMAN PLAN", forms) == "EU rejects German plan"


def test_a_name_in_capitals_in_a_line_of_a_table_takes_its_proper_case_and_an_abbreviation_stays():
    from generator.truecase import recase_names

    known = {"Baltimore", "New York", "Dax"}.__contains__
    forms = {"seattle": "Seattle", "toronto": "Toronto"}
    assert recase_names("Seattle 10 BALTIMORE 3", forms, known) == "Seattle 10 Baltimore 3"
    assert recase_names("NEW YORK 74 56 .569 -", forms, known) == "New York 74 56 .569 -"
    assert recase_names("TORONTO 62 71 .466 13", forms, known) == "Toronto 62 71 .466 13"
    assert recase_names("DAX 3,112 ING 52.10 NHL", forms, known) == "DAX 3,112 ING 52.10 NHL"
