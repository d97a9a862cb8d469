from generator.text import clean_text, is_safe_id, slugify


def test_slugify():
    assert slugify("Islamic State group") == "islamic-state-group"
    assert slugify("Deir ez-Zor") == "deir-ez-zor"
    assert slugify("Côte d'Ivoire") == "cote-d-ivoire"
    assert slugify("index") == "index-1"
    assert slugify("../../etc") == "etc"
    assert slugify("北京").startswith("x-")


def test_clean_text_removes_invisible_characters():
    assert clean_text(" a\u200bb \u202e c\n\nd\x00 ") == "ab c d"


def test_safe_ids():
    assert is_safe_id("000_e3cfbe08a7571c72") and is_safe_id("2017-09-21.hawija")
    for bad in ("../x", "/etc/passwd", "a/b", ".hidden", "", "a b", "index", "x" * 121, "a..b"):
        assert not is_safe_id(bad), bad
