"""Entity rules on hand-made mentions (no model): each rule of generator.nlp.entities in turn."""

from dataclasses import replace

from generator.kinds import looks_like_abbreviation
from generator.nlp.abbreviations import long_form
from generator.nlp.entities import Mention, normalise, strip_titles
from generator.nlp.rules import group_mentions


def entities(gazetteer, mentions, pairs=()):
    found, _ = group_mentions([Mention(text, label, i) for i, (text, label) in enumerate(mentions)], pairs,
                              gazetteer)
    return {e.name: e for e in found}


def test_normalise_drops_articles_possessives_titles_and_junk():
    assert normalise("the Syrian Democratic Forces", "ORG") == "Syrian Democratic Forces"
    assert normalise("Abadi's", "PERSON") == "Abadi"
    assert normalise("Prime Minister Haider al-Abadi", "PERSON") == "Haider al-Abadi"
    assert normalise("National Institute for Disaster Management (INGD", "ORG") == \
        "National Institute for Disaster Management"  # a name holds no bracket left open
    assert normalise("Doctors Without Borders (MSF)", "ORG") == "Doctors Without Borders"
    assert normalise("#ISF", "PERSON") == ""
    assert normalise("state", "ORG") == ""
    assert normalise("Monday", "GPE") == ""
    assert strip_titles("Lt. Gen. Abdul Amir Yarallah") == "Abdul Amir Yarallah"
    assert strip_titles("President") == "President"  # a lone title is left alone
    assert strip_titles("Emeritus Professor John Burrows") == "John Burrows"
    assert strip_titles("Councillor Amaka Okafor") == "Amaka Okafor" and strip_titles("Rabbi Jonathan Sacks") == \
        "Jonathan Sacks" and normalise("Commissioner", "ORG") == ""  # local offices are titles too
    assert normalise("Emeritus", "ORG") == normalise("Prime Minister", "GPE") == ""  # a title is no group or place
    assert normalise("Major", "PERSON") == "Major"  # but may be a surname
    # a span cut before a number or the next name: "Holland Lodge No. 8", "Kermie Worm & Mr Marbles"
    assert normalise("Holland Lodge No", "ORG") == normalise("Kermie Worm & Mr", "ORG") == ""
    # a score the model read into a name is cut off it; a model number is not a score
    assert normalise("Croatia 6-4 7-6", "GPE") == "Croatia" and normalise("Leeds United 2-1", "ORG") == "Leeds United"
    assert normalise("Boeing 747-400", "ORG") == "Boeing 747-400"


def test_identical_names_merge_and_count(gazetteer):
    found = entities(gazetteer, [("Mandera", "GPE"), ("Mandera", "GPE"), ("the Mandera", "GPE")])
    assert list(found) == ["Mandera"]
    assert found["Mandera"].mentions == 3


def test_gazetteer_aliases_are_one_entity_with_the_gazetteer_kind(gazetteer):
    found = entities(gazetteer, [("ISIS", "PERSON"), ("IS", "GPE"), ("Daesh", "ORG"), ("Islamic State", "ORG")])
    assert list(found) == ["Islamic State group"]
    group = found["Islamic State group"]
    assert group.kind == "group" and group.key == "islamic-state"
    assert set(group.aliases) == {"ISIS", "IS", "Daesh", "Islamic State"}


def test_abbreviation_pairs_merge(gazetteer):
    found = entities(gazetteer, [("Kenya Revenue Authority", "ORG"), ("KRA", "ORG"), ("KRA", "PERSON")],
                     pairs=[("Kenya Revenue Authority", "KRA")])
    assert list(found) == ["Kenya Revenue Authority"]
    assert found["Kenya Revenue Authority"].aliases == ("KRA",)
    assert found["Kenya Revenue Authority"].kind == "group"


def test_surname_joins_the_one_full_name(gazetteer):
    found = entities(gazetteer, [("Halima Yusuf", "PERSON"), ("Yusuf", "ORG"), ("Yusuf", "PERSON")])
    assert list(found) == ["Halima Yusuf"]
    assert found["Halima Yusuf"].kind == "person"
    assert found["Halima Yusuf"].aliases == ("Yusuf",)


def test_particles_in_surnames(gazetteer):
    found = entities(gazetteer, [("Haider al-Abadi", "PERSON"), ("Abadi", "ORG")])
    assert list(found) == ["Haider al-Abadi"]


def test_a_surname_several_people_share_is_the_first_named_ones(gazetteer):
    found = entities(gazetteer, [("Ali Yusuf", "PERSON"), ("Halima Yusuf", "PERSON"), ("Yusuf", "PERSON")])
    assert set(found) == {"Ali Yusuf", "Halima Yusuf"} and found["Ali Yusuf"].mentions == 2
    assert found["Ali Yusuf"].aliases == ()  # "Yusuf" names both: no one's alias
    # Two people named in the same sentence: neither is named first, and the surname stays apart.
    from generator.nlp.rules import group_mentions

    both, _ = group_mentions([Mention("Ali Yusuf", "PERSON", 0), Mention("Halima Yusuf", "PERSON", 0),
                              Mention("Yusuf", "PERSON", 1)], (), gazetteer)
    assert {e.name for e in both} == {"Ali Yusuf", "Halima Yusuf", "Yusuf"}


def test_a_place_is_not_taken_for_a_surname(gazetteer):
    from generator.places import is_known_place

    found, _ = group_mentions([Mention("Michael Jordan", "PERSON", 0), Mention("Jordan", "GPE", 1)], (), gazetteer,
                              known_place=is_known_place)
    assert {e.name: e.kind for e in found} == {"Michael Jordan": "person", "Jordan": "place"}
    # a town's name the model calls a place only now and then is the surname it mostly reads as a name
    mentions = [Mention("Brock Holt", "PERSON", 0), *(Mention("Holt", "ORG", i) for i in (1, 2, 3)),
                Mention("Holt", "GPE", 4)]
    found, _ = group_mentions(mentions, (), gazetteer, known_place=is_known_place)
    assert is_known_place("Holt") and [(e.name, e.aliases) for e in found] == [("Brock Holt", ("Holt",))]


def test_nationality_adjectives_are_not_groups(gazetteer):
    found = entities(gazetteer, [("Iraqi", "NORP"), ("Kurdish", "NORP"), ("Houthi", "NORP")])
    assert list(found) == ["Houthis"]  # the gazetteer knows this one as a group


def test_kind_vote_full_names_weigh_more(gazetteer):
    found = entities(gazetteer, [("Mandera", "ORG"), ("Mandera", "GPE"), ("Mandera", "GPE")])
    assert found["Mandera"].kind == "place"
    found = entities(gazetteer, [("Seleshi Bekele", "PERSON"), ("Bekele", "ORG"), ("Bekele", "ORG")])
    assert found["Seleshi Bekele"].kind == "person"


def test_names_that_slug_alike_are_one_entity(gazetteer):
    found = entities(gazetteer, [("Al Hol", "GPE"), ("Al-Hol", "GPE")])
    assert len(found) == 1


def test_schwartz_hearst_long_forms():
    assert long_form("SDF", "forces of the Syrian Democratic Forces") == "Syrian Democratic Forces"
    assert long_form("AMISOM", "the African Union mission in Somalia") == "African Union mission in Somalia"
    assert long_form("OCHA", "The Office for the Coordination of Humanitarian Affairs") == (
        "Office for the Coordination of Humanitarian Affairs")
    assert long_form("ISF", "the Iraqi security forces") == "Iraqi security forces"
    assert long_form("AFP", "Baghdad") is None
    assert long_form("FOR", "the army said it was ready for") is None
    assert long_form("XYZ", "nothing here at all") is None
    # a term in lower case spelled out letter for letter (which the rules then do not index)
    assert long_form("BSE", "mad cow disease, or bovine spongiform encephalopathy") == \
        "bovine spongiform encephalopathy"
    assert long_form("IDPs", "thousands of internally displaced persons") is None  # a plural's "s" spells no word
    assert looks_like_abbreviation("SDF") and looks_like_abbreviation("AMISOM")
    assert not looks_like_abbreviation("again") and not looks_like_abbreviation("A")


def test_geonames_evidence_votes_for_place(gazetteer):
    mentions = [Mention("Mandera", "PERSON", 0)]
    found, _ = group_mentions(mentions, (), gazetteer, known_place=lambda name: name == "Mandera")
    assert found[0].kind == "place"
    found, _ = group_mentions(mentions, (), gazetteer)
    assert found[0].kind == "person"


def test_place_evidence_does_not_turn_a_surname_into_a_place(gazetteer):
    mentions = [Mention("Michael Jordan", "PERSON", 0), Mention("Jordan", "PERSON", 1)]
    found, _ = group_mentions(mentions, (), gazetteer, known_place=lambda name: name == "Jordan")
    assert [(e.name, e.kind) for e in found] == [("Michael Jordan", "person")]


def test_initials_keep_their_last_dot():
    assert normalise("the U.N.", "ORG") == "U.N."
    assert normalise("Mr.", "PERSON") == "Mr"


def test_capitalised_common_words_are_not_names(gazetteer):
    mentions = [Mention("Government", "ORG", 0), Mention("Homeopathy", "ORG", 1), Mention("Somalia", "GPE", 2)]
    found, _ = group_mentions(mentions, (), gazetteer, common_words=frozenset({"government", "homeopathy"}))
    assert [e.name for e in found] == ["Somalia"]


def test_spans_cut_in_the_wrong_place_and_non_names_are_dropped():
    assert normalise("North and", "GPE") == ""
    assert normalise("National Museum of the", "ORG") == ""
    assert normalise("Sweden 1", "GPE") == ""  # a score
    assert normalise("GMT", "ORG") == ""
    assert normalise("pro-Beijing", "GPE") == "" and normalise("Pan-democrat", "ORG") == ""
    assert normalise("Scientology.org", "ORG") == "Scientology"
    assert normalise("Iraqi security forces", "ORG") == "Iraqi security forces"  # lower-case words inside stay


def test_followers_are_not_the_group(gazetteer):
    assert list(entities(gazetteer, [("Scientologist", "ORG"), ("Islamists", "NORP")])) == []


def test_a_people_named_by_a_plural_noun_is_people_but_a_nationality_adjective_is_nothing(gazetteer):
    found = entities(gazetteer, [("the Palestinians", "NORP"), ("Huguenots", "NORP"), ("Iraqi", "NORP"),
                                 ("Swiss", "NORP"), ("Islamists", "NORP")])
    assert {name: e.kind for name, e in found.items()} == {"Palestinians": "person", "Huguenots": "person"}


def test_spellings_of_one_name_merge(gazetteer):
    found = entities(gazetteer, [("New People's Party", "ORG"), ("New People Party", "ORG"),
                                 ("Mohamed El-Hassan", "PERSON"), ("Mohamed Elhassan", "PERSON")])
    assert sorted(found) == ["Mohamed El-Hassan", "New People's Party"]


def test_abbreviation_without_its_parenthesis_joins_the_one_name_it_spells(gazetteer):
    found = entities(gazetteer, [("Korean People's Army", "ORG"), ("KPA", "ORG"), ("KPA", "PERSON")])
    assert list(found) == ["Korean People's Army"] and found["Korean People's Army"].aliases == ("KPA",)
    two = entities(gazetteer, [("Kenya Ports Authority", "ORG"), ("Kurdish Patriotic Alliance", "ORG"),
                               ("KPA", "ORG")])
    assert "KPA" in two  # two names spell it: left alone


def test_first_name_or_cut_name_joins_the_one_full_name(gazetteer):
    found = entities(gazetteer, [("James To", "PERSON"), ("James", "PERSON"), ("Wong Kwok-kin", "PERSON"),
                                 ("Wong Kwok", "PERSON")])
    assert sorted(found) == ["James To", "Wong Kwok-kin"]
    # a surname wins over a first name: "Warhol" is Andy Warhol, not "Warhol Factory"
    found = entities(gazetteer, [("Andy Warhol", "PERSON"), ("Warhol Factory", "PERSON"), ("Warhol", "PERSON")])
    assert found["Andy Warhol"].aliases == ("Warhol",)
    # two people called James: "James" stays apart
    found = entities(gazetteer, [("James To", "PERSON"), ("James Lee", "PERSON"), ("James", "PERSON")])
    assert "James" in found


def test_gazetteer_spells_us_un_uk_eu_every_way(gazetteer):
    navy = gazetteer.lookup("US Navy")
    assert navy is not None and gazetteer.lookup("U.S. Navy") is navy and gazetteer.lookup("United States Navy") is navy
    assert gazetteer.lookup("U.N. Security Council") is gazetteer.lookup("UN Security Council") is not None


def test_an_article_depends_only_on_the_gazetteer_entries_it_names(gazetteer):
    digest = gazetteer.relevant_digest
    assert digest("Rain fell on the plains.") == digest("Rain fell again on the plains.")
    assert digest("Daesh fighters left.") != digest("Rain fell.")
    assert digest("Troops of the U.S. Navy landed.") == digest("The United States Navy and the US Navy.")


def test_a_name_the_model_took_for_a_group_is_a_person_when_its_surname_is_a_person(gazetteer):
    found = entities(gazetteer, [("Dean Kamen", "ORG"), ("Kamen", "PERSON"), ("Kamen", "PERSON")])
    assert list(found) == ["Dean Kamen"] and found["Dean Kamen"].kind == "person"
    # an institution keeps its kind whatever its last word: "Colorado State University", "University"
    found = entities(gazetteer, [("Kenya Ports Authority Council", "ORG"), ("Council", "PERSON")])
    assert found["Kenya Ports Authority Council"].kind == "group"


def test_two_places_sharing_one_head_are_two_places(gazetteer):
    found = entities(gazetteer, [("North and South Korea", "GPE")])
    assert sorted(found) == ["North Korea", "South Korea"]
    assert list(entities(gazetteer, [("Procter and Gamble Company", "ORG")])) == ["Procter and Gamble Company"]


def test_a_word_that_stands_for_an_institution_is_not_its_name(gazetteer):
    found = entities(gazetteer, [("State", "ORG"), ("the Ministry", "ORG"), ("Administration", "ORG"),
                                 ("Ministry of Health", "ORG")])
    assert list(found) == ["Ministry of Health"]


def test_a_given_name_and_a_surname_the_model_took_for_a_group_is_a_person(gazetteer):
    from generator.names import is_person_name

    def kinds(name: str, common: frozenset[str] = frozenset()) -> dict[str, str]:
        found, _ = group_mentions([Mention(name, "ORG", 0)], (), gazetteer, common_words=common,
                                  person_name=is_person_name)
        return {e.name: e.kind for e in found}

    assert kinds("Dean Kamen") == {"Dean Kamen": "person"}
    assert kinds("Annie K. Oakley") == {"Annie K. Oakley": "person"}
    assert kinds("Thibaut Courtois") == {"Thibaut Courtois": "person"}  # the world list's, not the Census's
    assert kinds("Sheffield Hallam") == {"Sheffield Hallam": "group"}  # a world list's name, but a rare one
    assert kinds("Virginia Tech") == {"Virginia Tech": "group"}  # an institution's word
    assert kinds("Christian Aid", frozenset({"aid"})) == {"Christian Aid": "group"}  # a word of the prose
    assert kinds("Amnesty International") == {"Amnesty International": "group"}  # no given name
    # a romanised Chinese or Korean name: a short surname and a hyphenated given name
    assert kinds("Lam Cheuk-ting") == {"Lam Cheuk-ting": "person"}
    assert kinds("Rolls-Royce Holdings") == {"Rolls-Royce Holdings": "group"}
    assert "person" not in kinds("Hong Kong-based").values()  # a place and a suffix, not a given name


def test_a_given_name_and_a_last_word_that_is_no_place_and_no_given_name_is_a_person(gazetteer):
    """Surnames the US Census lists lack, after a given name: each part of a hyphenated given name must be
    one; not when the given name is a place's name, or the last word a given name or a place's."""
    from generator.names import is_given_name, is_person_name
    from generator.places import is_known_place, is_place_name

    def kind(name: str) -> str:
        found, _ = group_mentions([Mention(name, "ORG", 0)], (), gazetteer, given_name=is_given_name,
                                  known_place=is_known_place, place_name=is_place_name, person_name=is_person_name)
        return {e.name: e.kind for e in found}[name]

    assert kind("Sophie Dymoke") == kind("Pierre-Simon Laplace") == "person"
    assert kind("Robert Danly") == "person"  # "Robert" is only some place's other name
    assert kind("René Lazare") == kind("Zoë Ferrand") == "person"  # accents aside
    assert kind("Charlotte Hornets") == kind("Sophie Dubai") == "group"


def names_of(gazetteer, mentions):
    from generator.names import is_given_name, is_person_name

    found, _ = group_mentions([Mention(text, label, i) for i, (text, label) in enumerate(mentions)], (), gazetteer,
                              person_name=is_person_name, given_name=is_given_name)
    return {e.name: e.kind for e in found}


def test_one_person_spelled_two_ways_is_one_person_and_takes_the_surname(gazetteer):
    found = entities(gazetteer, [("Kristin Wilkins", "PERSON"), ("Kristen Wilkins", "PERSON"),
                                 ("Kristen Wilkins", "PERSON"), ("Wilkins", "ORG"), ("Wilkins", "ORG")])
    assert list(found) == ["Kristen Wilkins"] and found["Kristen Wilkins"].kind == "person"
    assert set(found["Kristen Wilkins"].aliases) == {"Kristin Wilkins", "Wilkins"}
    # two people of one family stay two: their given names differ by more than a letter
    found = entities(gazetteer, [("Venus Williams", "PERSON"), ("Serena Williams", "PERSON")])
    assert set(found) == {"Venus Williams", "Serena Williams"}


def test_a_full_name_the_model_gave_no_kind_is_a_person_when_its_surname_is(gazetteer):
    found = entities(gazetteer, [("Tomas Verhagen", "PRODUCT"), ("Verhagen", "PERSON"), ("Tomas", "ORG")])
    assert list(found) == ["Tomas Verhagen"] and found["Tomas Verhagen"].kind == "person"
    # without the surname alone as a person, a product stays out of the index
    assert entities(gazetteer, [("Galaxy Note", "PRODUCT")]) == {}


def test_a_person_glued_to_an_organisation_is_split_off(gazetteer):
    assert names_of(gazetteer, [("Maria Lopez for Water Services Authority", "ORG")]) == {
        "Maria Lopez": "person", "Water Services Authority": "group"}
    assert names_of(gazetteer, [("the League of Tenant Unions Carol Hayes", "ORG")]) == {
        "League of Tenant Unions": "group", "Carol Hayes": "person"}
    # a name that only ends like a person's is left whole
    assert names_of(gazetteer, [("Open Society Foundations", "ORG")]) == {"Open Society Foundations": "group"}
    assert names_of(gazetteer, [("Partners for Carol Hayes", "ORG")]) == {"Partners for Carol Hayes": "group"}


def test_initials_and_a_surname_the_model_took_for_a_group_are_a_person(gazetteer):
    assert names_of(gazetteer, [("J.R. Maurer", "ORG")]) == {"J.R. Maurer": "person"}
    assert names_of(gazetteer, [("U.S. Steel", "ORG")]) == {"U.S. Steel": "group"}


def test_a_head_word_says_place_or_group_for_a_name_the_model_called_a_person(gazetteer):
    assert names_of(gazetteer, [("Castlefrank Road", "PERSON")]) == {"Castlefrank Road": "place"}
    assert names_of(gazetteer, [("Instituto Gonzaga", "PERSON")]) == {"Instituto Gonzaga": "group"}
    assert names_of(gazetteer, [("Stuart Hall", "PERSON")]) == {"Stuart Hall": "person"}  # a name and a surname
    # a building named after a person: "Center" is in the Census surnames too, but ends a longer name here
    assert names_of(gazetteer, [("the Harold T. Whitcomb Center", "PERSON")]) == {
        "Harold T. Whitcomb Center": "place"}


def test_two_institutions_joined_by_at_are_two(gazetteer):
    assert names_of(gazetteer, [("the Block Museum of Art at Northwestern University", "ORG")]) == {
        "Block Museum of Art": "group", "Northwestern University": "group"}
    assert names_of(gazetteer, [("University of Texas at Arlington", "ORG")]) == {
        "University of Texas at Arlington": "group"}


def test_a_surname_the_model_took_for_an_unknown_place_joins_its_person(gazetteer):
    found, _ = group_mentions([Mention("Romelu Lukaku", "PERSON", 0), Mention("Lukaku", "GPE", 1)], (), gazetteer,
                              known_place=lambda name: name == "Jordan")
    assert [(e.name, e.kind, e.aliases) for e in found] == [("Romelu Lukaku", "person", ("Lukaku",))]


def test_an_adjective_prefix_is_not_part_of_a_name():
    assert normalise("pro-Beijing New People Party's", "ORG") == "New People Party"


def test_a_typing_slip_and_a_place_in_front_of_a_name_are_the_same_entity(gazetteer):
    from generator.places import is_known_place

    def grouped(mentions):
        found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                                  known_place=is_known_place)
        return {e.name: set(e.aliases) for e in found}

    assert grouped([("Food Relief Agency", "ORG"), ("Food Releif Agency", "ORG"), ("Food Relief Agency", "ORG")]) \
        == {"Food Relief Agency": {"Food Releif Agency"}}
    assert grouped([("Kenya Ports Authority", "ORG"), ("Ports Authority", "ORG")]) == {
        "Kenya Ports Authority": {"Ports Authority"}}
    assert len(grouped([("North Korea", "GPE"), ("South Korea", "GPE")])) == 2
    assert normalise("the State of Texas", "GPE") == "Texas"
    assert normalise("the Municipality of Livorno", "GPE") == "Municipality of Livorno"  # its council


def test_a_name_the_model_called_an_event_is_a_group_by_its_head_word(gazetteer):
    assert entities(gazetteer, [("the Sydney Morning Herald", "EVENT")])["Sydney Morning Herald"].kind == "group"
    assert entities(gazetteer, [("World Cup", "EVENT")]) == {}


def test_an_occupation_before_a_full_name_outvotes_geonames(gazetteer):
    def kind(cued):
        found, _ = group_mentions([Mention("Mu Li", "PERSON", 0, cued=cued)], (), gazetteer,
                                  known_place=lambda name: name == "Mu Li")
        return found[0].kind

    assert kind(cued=True) == "person"  # "researcher Mu Li"
    assert kind(cued=False) == "place"  # a tie: GeoNames knows a place of that name


def test_a_person_the_model_glued_to_an_organisation_after_the_is_left_out_of_it(gazetteer):
    # "According to Kellerman the Vantage Institute report...": the model's span runs from the surname on
    assert names_of(gazetteer, [("Ruth Kellerman", "PERSON"), ("Kellerman the Vantage Institute", "ORG")]) == {
        "Ruth Kellerman": "person", "Vantage Institute": "group"}
    # without a person of that name in the article, "the" inside a group's name is its own
    assert names_of(gazetteer, [("Save the Children", "ORG")]) == {"Save the Children": "group"}


def test_a_name_used_alone_joins_the_one_institution_named_of_it(gazetteer):
    found = entities(gazetteer, [("the Church of Scientology", "ORG"), ("Scientology", "ORG")])
    assert list(found) == ["Church of Scientology"] and found["Church of Scientology"].aliases == ("Scientology",)
    # two institutions of it, or a name that is a place, join neither
    assert set(entities(gazetteer, [("Bank of Valmora", "ORG"), ("University of Valmora", "ORG"),
                                    ("Valmora", "ORG")])) == {"Bank of Valmora", "University of Valmora", "Valmora"}
    found, _ = group_mentions([Mention("University of Oxford", "ORG", 0), Mention("Oxford", "ORG", 1)], (),
                              gazetteer, known_place=lambda name: name == "Oxford")
    assert {e.name for e in found} == {"University of Oxford", "Oxford"}


def test_a_guessed_person_with_a_word_the_article_writes_in_lower_case_is_dropped(gazetteer):
    mentions = [Mention("Doris Ip", "PERSON", 0, guessed=True), Mention("Rose Garden", "PERSON", 1, guessed=True)]
    found, _ = group_mentions(mentions, (), gazetteer, common_words=frozenset({"rose", "the", "a"}))
    assert [e.name for e in found] == ["Doris Ip"]


def test_a_place_named_inside_a_longer_name_is_a_place_of_the_article(gazetteer):
    from generator.names import is_given_name
    from generator.places import is_known_place, is_place_name

    mentions = [("the University of Sheffield", "ORG"), ("Sheffield", "GPE"), ("Colorado State University", "ORG"),
                ("the Mary & Leigh Block Museum", "ORG"), ("the Nizhny Novgorod Stadium", "FAC"),
                ("the Mobile Arts Council", "ORG"), ("Fan Club", "ORG")]
    found, key_of = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                                   known_place=is_known_place, common_words=frozenset({"mobile"}),
                                   given_name=is_given_name, place_name=is_place_name)
    by_name = {e.name: e for e in found}
    assert by_name["Sheffield"].kind == "place" and by_name["Sheffield"].mentions == 2  # one entity with "Sheffield"
    assert by_name["Colorado"].kind == by_name["Nizhny Novgorod"].kind == "place"  # a state; a city's other name
    assert by_name["University of Sheffield"].kind == "group"  # the institution stays
    # a given name ("Mary"), a word the article writes in lower case ("a mobile clinic"), an alternate name of one
    # word ("Fan" is another name of a town in Albania) are not places
    assert not {"Mary", "Mobile", "Fan"} & set(by_name)
    assert set(key_of) == set(range(len(mentions)))  # a place found inside a name is no mention of its own


def test_a_teams_home_and_a_schools_town_are_places_of_the_article(gazetteer):
    """A place's name before a capitalised plural ("Pittsburgh Pirates") or before a school's kind ("Stephenville
    High School"); not the first words of a place that ends on a plural ("Saratoga Springs")."""
    from generator.names import is_given_name
    from generator.places import is_known_place, is_place_name

    mentions = [("the Pittsburgh Pirates", "ORG"), ("Stephenville High School", "ORG"),
                ("Saratoga Springs", "GPE"), ("Golan Heights", "LOC")]
    found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                              known_place=is_known_place, given_name=is_given_name, place_name=is_place_name)
    kinds = {e.name: e.kind for e in found}
    assert kinds["Pittsburgh"] == kinds["Stephenville"] == "place"
    assert kinds["Pittsburgh Pirates"] == kinds["Stephenville High School"] == "group"
    assert not {"Saratoga", "Golan"} & set(kinds)


def test_a_gazetteer_entity_named_inside_a_longer_name_is_listed_too(gazetteer):
    found = entities(gazetteer, [("the UN Security Council", "ORG"), ("BBC News", "ORG")])
    assert found["United Nations"].kind == "group" and found["United Nations"].aliases == ("UN",)
    assert "BBC" not in found  # "BBC News" is the BBC's own service: one group, not two


def test_a_group_s_name_with_its_head_word_or_a_country_in_front_is_the_same_group(gazetteer):
    found = entities(gazetteer, [("CBC", "ORG"), ("CBC News", "ORG"), ("US National Science Foundation", "ORG")])
    assert {name: e.aliases for name, e in found.items()} == {
        "CBC News": ("CBC",), "National Science Foundation": ("US National Science Foundation",),
        "United States": ("US",)}  # (the country named in front is a place of the article too)
    # a place is not a group with a head word: "Manchester United" is not Manchester
    found = entities(gazetteer, [("Manchester", "GPE"), ("Manchester United", "ORG")])
    assert len(found) == 2


def test_an_idea_and_capitalised_words_of_the_prose_are_not_entities(gazetteer):
    from generator.names import is_person_name

    mentions = [("Islamophobia", "ORG"), ("the Space Shuttle", "PERSON"), ("Mark Rich", "PERSON")]
    found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                              common_words=frozenset({"space", "shuttle", "mark", "rich"}),
                              person_name=is_person_name)
    # "the space shuttle" is written in lower case too; "Mark Rich" is a given name and a surname all the same
    assert [e.name for e in found] == ["Mark Rich"]


def test_a_part_of_a_place_named_inside_a_longer_name_is_a_place(gazetteer):
    from generator.places import is_place_name

    found, _ = group_mentions([Mention("the University of Southern Indiana", "ORG", 0)], (), gazetteer,
                              place_name=is_place_name)
    assert {e.name: e.kind for e in found} == {"University of Southern Indiana": "group", "Southern Indiana": "place"}
    # a newspaper's last word ends the place before it; a place and a compass word lie in the place
    found, _ = group_mentions([Mention("the Toronto Star", "ORG", 0), Mention("Kowloon East", "LOC", 1)], (),
                              gazetteer, place_name=is_place_name)
    assert {e.name: e.kind for e in found} == {"Toronto Star": "group", "Toronto": "place", "Kowloon East": "place",
                                               "Kowloon": "place"}


def test_a_groups_name_named_after_a_longer_name_it_opens_or_ends_is_that_group(gazetteer):
    from generator.places import is_known_place

    def grouped(mentions):
        found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                                  known_place=is_known_place)
        return {e.name: set(e.aliases) for e in found if e.kind == "group"}

    assert grouped([("Comic Corps of Canada", "ORG"), ("the Comic Corps", "ORG")]) == {
        "Comic Corps of Canada": {"Comic Corps"}}
    assert grouped([("the New York Press", "ORG"), ("the Press", "ORG")]) == {"New York Press": {"Press"}}
    # named first, or opening two longer names, or a place GeoNames knows: groups of their own
    assert len(grouped([("Comic Corps", "ORG"), ("Comic Corps of Artists", "ORG")])) == 2
    assert len(grouped([("Comic Corps of Artists", "ORG"), ("Comic Corps of Canada", "ORG"),
                        ("Comic Corps", "ORG")])) == 3
    assert grouped([("Manchester United", "ORG"), ("Manchester", "ORG")]) == {"Manchester United": set()}


def test_a_surname_misspelled_joins_its_person(gazetteer):
    from generator.nlp.entities import misspelled

    found = entities(gazetteer, [("Lydia Buchtmann", "PERSON"), ("Ms Bauchtman", "PERSON")])
    assert {name: e.aliases for name, e in found.items()} == {"Lydia Buchtmann": ("Bauchtman",)}
    assert misspelled("kristen", "kristin") and not misspelled("smith", "smyth")  # short names are left alone
    assert not misspelled("bauchtman", "wachtmann")  # nor names that start apart


def test_a_station_names_the_place_it_serves(gazetteer):
    from generator.places import is_place_name

    mentions = [("Harbour Hospital MRT Station", "FAC"), ("the International Space Station", "ORG"),
                ("Lindholm Station", "FAC")]
    found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                              place_name=is_place_name)
    names = {e.name for e in found}
    assert {"Harbour Hospital", "Lindholm"} <= names  # (a transit word before "Station" is left out)
    assert "International Space" not in names  # a space station is a kind of station, not a place's


def test_a_name_in_a_table_takes_the_kind_the_prose_gives_it(gazetteer):
    """Mentions in a table's lines ("Marsh Town 1 Port Vale 1") vote on a name's kind only when no mention
    outside the tables does; alone, they decide."""
    prose = Mention("Marsh Town", "ORG", 0)
    rows = [Mention("Marsh Town", "GPE", 1, tabled=True), Mention("Marsh Town", "PERSON", 2, tabled=True)]
    found, _ = group_mentions([prose, *rows], (), gazetteer)
    assert [(e.name, e.kind, e.mentions) for e in found] == [("Marsh Town", "group", 3)]
    found, _ = group_mentions(rows[:1], (), gazetteer)
    assert [(e.name, e.kind) for e in found] == [("Marsh Town", "place")]


def test_a_side_of_a_result_votes_with_the_prose(gazetteer):
    """A side of a result (``side``: "Marsh Town 1 Port Vale 1") votes though the prose names it too: the
    line's shape says a team, and its cue outweighs one reading of the model's."""
    prose = Mention("Marsh Town", "GPE", 0)
    side = Mention("Marsh Town", "ORG", 1, tabled=True, cued=True, side=True)
    found, _ = group_mentions([prose, side], (), gazetteer)
    assert [(e.name, e.kind) for e in found] == [("Marsh Town", "group")]
    found, _ = group_mentions([prose, replace(side, side=False)], (), gazetteer)
    assert [(e.name, e.kind) for e in found] == [("Marsh Town", "place")]


def test_a_borough_is_not_another_name_of_its_city(gazetteer):
    """GeoNames lists "Manhattan" among New York City's names, but it is also a place of its own, no village
    beside the city: two places. "Bombay" names no place of its own: it is Mumbai."""
    from generator.nlp.analyse import EVIDENCE

    mentions = [Mention(text, "GPE", i) for i, text in
                enumerate(["New York City", "Manhattan", "the Bronx", "Bombay", "Mumbai", "Calcutta", "Kolkata"])]
    found, _ = group_mentions(mentions, (), gazetteer, **EVIDENCE)
    names = {e.name: set(e.aliases) for e in found}
    assert "Manhattan" in names and "Manhattan" not in names.get("New York City", set())
    assert sum(1 for e in found if {"Bombay", "Mumbai"} <= {e.name, *e.aliases}) == 1
    assert sum(1 for e in found if {"Calcutta", "Kolkata"} <= {e.name, *e.aliases}) == 1


def test_a_first_word_written_short_is_the_same_name(gazetteer):
    found = entities(gazetteer, [("Saint Jerome", "PERSON"), ("St Jerome", "PERSON"), ("St. Louis", "GPE"),
                                 ("Saint Louis", "GPE"), ("Main St", "FAC")])
    by_name = {name: e for e in found.values() for name in (e.name, *e.aliases)}
    assert by_name["St Jerome"] is by_name["Saint Jerome"] and by_name["St. Louis"] is by_name["Saint Louis"]
    assert len(found) == 3  # "Main St" is a street of its own


def test_a_common_surname_called_a_group_once_is_a_person_but_a_rare_one_is_not(gazetteer):
    """"Croft" once, as the model's organisation, is a person named by surname; "Times" (a surname the
    Census lists, but a rare one) and a surname named twice (a company named after its founder) are not."""
    from generator.names import is_common_surname, is_given_name, is_person_name
    from generator.places import is_known_place

    def kinds(*mentions: str) -> dict[str, str]:
        found, _ = group_mentions([Mention(text, "ORG", i) for i, text in enumerate(mentions)], (), gazetteer,
                                  known_place=is_known_place, person_name=is_person_name,
                                  given_name=is_given_name, common_surname=is_common_surname)
        return {e.name: e.kind for e in found}

    assert kinds("Croft")["Croft"] == "person"
    assert kinds("Times")["Times"] == "group"
    assert kinds("Kellogg", "Kellogg")["Kellogg"] == "group"


def test_an_event_or_a_work_is_not_indexed_but_a_place_named_in_it_is(gazetteer):
    from generator.names import is_given_name
    from generator.places import is_known_place, is_place_name

    mentions = [("the Vietnam War", "EVENT"), ("The Ontario Ghostbusters", "WORK_OF_ART"),
                ("the Marilyn Festival", "EVENT")]
    found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                              known_place=is_known_place, given_name=is_given_name, place_name=is_place_name)
    kinds = {e.name: e.kind for e in found}
    assert kinds == {"Vietnam": "place", "Ontario": "place"}  # "Marilyn": a given name
    # an award's word before "for" or "in", or after the name in lower case, says an award all the same
    mentions = [("the BAFTA Award for Best Foreign Actress", "ORG"), ("the Newcomer of the Year award", "ORG"),
                ("the Nobel Prize in Physics", "ORG"), ("the 1996 NFL Draft", "ORG"), ("the Awards Council", "ORG")]
    found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer)
    assert [e.name for e in found] == ["Awards Council"]


def test_a_persons_seat_after_of_is_not_part_of_the_name(gazetteer):
    found = names_of(gazetteer, [("Patrick Gordon", "PERSON"), ("Patrick Leopold Gordon of Auchleuchries", "PERSON"),
                                 ("Alexander Gordon of Auchintoul", "PERSON"), ("Alexander Gordon", "PERSON")])
    assert len(found) == 2 and set(found.values()) == {"person"}


def test_a_building_the_model_called_a_group_is_a_place_and_its_short_form_the_same(gazetteer):
    """A name ending on a building's word ("stadium", "museum") is a place; a shorter name that ends it, or
    the same name followed by "of" and the town it stands in, is the same building."""
    from generator.places import is_known_place

    mentions = [("the Khalifa Stadium", "ORG"), ("the Steven F. Udvar-Hazy Center", "FAC"),
                ("the Udvar-Hazy Center", "FAC"), ("the Evergreen Aviation Museum of McMinnville", "ORG"),
                ("the Evergreen Aviation Museum", "ORG"), ("the Comic Corps", "ORG")]
    found, _ = group_mentions([Mention(t, label, i) for i, (t, label) in enumerate(mentions)], (), gazetteer,
                              known_place=is_known_place)
    kinds = {e.name: (e.kind, e.aliases) for e in found}
    assert kinds["Khalifa Stadium"] == ("place", ())
    assert kinds["Steven F. Udvar-Hazy Center"] == ("place", ("Udvar-Hazy Center",))
    assert kinds["Evergreen Aviation Museum of McMinnville"] == ("place", ("Evergreen Aviation Museum",))
    assert kinds["Comic Corps"] == ("group", ())  # no building's word: the model's kind stands


def test_a_word_of_the_dictionary_called_a_person_is_none_but_a_surname_is(gazetteer):
    """"Water said" (a slip for Waters), "Spouse": one word the dictionary lists in lower case is no person;
    a given name, a common surname, a surname of a person the article names in full, a name no dictionary
    lists ("Gorbachev") and a title (rule a-title-alone's) are not this rule's."""
    from generator.nlp.analyse import EVIDENCE

    texts = ["Kathryn Waters", "Water", "Spouse", "Gorbachev", "Tom Cook", "Cook", "Ann Bloom", "Bloom", "Rose"]
    found, _ = group_mentions([Mention(t, "PERSON", i) for i, t in enumerate(texts)], (), gazetteer, **EVIDENCE)
    names = {n for e in found for n in (e.name, *e.aliases)}
    assert not {"Water", "Spouse"} & names
    assert {"Kathryn Waters", "Gorbachev", "Tom Cook", "Cook", "Bloom", "Rose"} <= names


def test_a_given_name_and_a_place_head_is_a_place_when_the_article_writes_the_head_in_lower_case(gazetteer):
    from generator.nlp.analyse import EVIDENCE

    def kinds(common_words):
        found, _ = group_mentions([Mention("Art Gallery", "PERSON", 0), Mention("Stuart Hall", "PERSON", 1)], (),
                                  gazetteer, common_words=frozenset(common_words), **EVIDENCE)
        return {e.name: e.kind for e in found}

    assert kinds({"gallery", "director"}) == {"Art Gallery": "place", "Stuart Hall": "person"}
    assert kinds(set())["Art Gallery"] == "person"  # "Art" and "Gallery" are a given name and a surname


def test_a_name_the_model_calls_a_persons_that_ends_on_a_places_word_is_a_place(gazetteer):
    from generator.nlp.analyse import EVIDENCE

    texts = ["Bat Cave", "Malham Tarn", "Rannoch Moor"]
    found, _ = group_mentions([Mention(t, "PERSON", i) for i, t in enumerate(texts)], (), gazetteer, **EVIDENCE)
    assert {e.name: e.kind for e in found} == {t: "place" for t in texts}
