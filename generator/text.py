"""Small text helpers shared by every step: cleaning untrusted text and making URL slugs."""

from __future__ import annotations

import re
import unicodedata

# Bidirectional overrides/isolates and zero-width characters: invisible, and able to disguise a name.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, *range(0x202A, 0x202F), *range(0x2066, 0x206A),
     0xFFFE, 0xFFFF, *range(0xFDD0, 0xFDF0)]  # and noncharacters, which XML (the feed) refuses
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$")
RESERVED_SLUGS = frozenset({"index", "search", "assets", "stylesheets", "con", "nul", "prn", "aux"})


def clean_text(text: str) -> str:
    """NFC-normalise, drop invisible and control characters, fold runs of white space to one space."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    if not text.isprintable():  # control characters (or tabs, new lines, unusual spaces): look closer
        text = "".join(ch if unicodedata.category(ch) not in ("Cc", "Cs") or ch in "\t\n" else " " for ch in text)
    return " ".join(text.split())  # str.split and re's \s know the same white space; split is 5x quicker


def unaccented(text: str) -> str:
    """``text`` without its accents ("Siméon" -> "Simeon"); letters of other scripts stay."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """The one slug function for every URL: ASCII, lower case, words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:  # a name in a script without an ASCII transliteration
        slug = "x-" + "-".join(f"{ord(c):x}" for c in text.strip()[:12])
    if slug in RESERVED_SLUGS:
        slug += "-1"
    return slug[:80].strip("-")


def is_safe_id(value: str) -> bool:
    """An ID may only be a single path segment of letters, digits, '.', '_' and '-'."""
    return bool(_ID.match(value)) and ".." not in value and value.lower() not in RESERVED_SLUGS


def word_count(text: str) -> int:
    return len(text.split())


def absolute_url(path: str, site_url: str) -> str:
    """The one permanent URL of a site path (``briefings/2017/09/21/x/``): under ``site_url`` when it is set,
    else from the site's root (``/briefings/...``), which a build without ``site_url`` warns about."""
    return site_url.rstrip("/") + "/" + path if site_url else "/" + path
