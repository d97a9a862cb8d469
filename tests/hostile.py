"""The hostile corpus: articles carrying script, markup and template payloads, and broken files.

Every case is written by the tests (nothing here comes from outside). ``docs/inputs.md`` documents each case
by name; ``test_hostile.py`` checks that the two agree. A payload that ran would set ``window.__pwned`` or
open a dialog; the browser test listens for both on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

PWN = "window.__pwned=1"


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes]
    outcome: str  # "published" | "skipped" | "notice"
    message: str = ""  # what the build says, for "skipped" and "notice"
    line: int | None = None


def wire(body: str, caption: str = "A caption (AFP Photo/NAME)", date: str = "2021-03-01") -> str:
    lead = f"Kabul (AFP) - Officials in Kabul said on Monday that {body}"
    return f"date {date} {caption}\n{lead}\n\nA second paragraph.\n"


def front(meta: str, body: str = "Officials in Kabul said talks would resume on Monday.") -> str:
    return f"---\ndate: 2021-03-02\n{meta}\n---\n\n{body}\n"


CASES: list[Case] = [
    # -- payloads in text: published, shown as text, never run ------------------------------------
    Case("script-tag", {"h-script.txt": wire(f"<script>{PWN};alert(1)</script> was found.")}, "published"),
    Case("script-beside-names", {"h-names.txt": wire(
        f"fighters of the Islamic State group <img src=x onerror={PWN}> attacked a checkpoint near Mosul.").replace(
        "A second paragraph.", f"Daesh <script>{PWN}</script> fighters also shelled Tal Afar, and IS claimed it.")},
        "published"),
    Case("img-onerror", {"h-img.txt": wire(f'<img src=x onerror="{PWN};alert(1)"> was posted.')}, "published"),
    Case("attribute-breakout", {"h-breakout.txt": wire(f'talks failed "><script>{PWN}</script><meta x=" today.')},
         "published"),
    Case("tag-markup", {"h-tagmarkup.md": front(
        f'id: h-tagmarkup\ntags: ["<b onmouseover={PWN}>x</b>", \'"><script>{PWN}</script>\', plain]')},
        "published"),
    Case("svg-onload", {"h-svg.txt": wire(f'<svg onload="{PWN}"></svg> was posted.')}, "published"),
    Case("iframe-srcdoc", {"h-iframe.txt": wire(f'<iframe srcdoc="<script>{PWN}</script>"></iframe> ok.')},
         "published"),
    Case("event-attribute", {"h-event.txt": wire(f'<a href="#" onmouseover="{PWN}">hover</a> ok.')}, "published"),
    Case("markdown-link-javascript", {"h-mdlink.txt": wire(f"[read more](javascript:{PWN}) ok.")}, "published"),
    Case("autolink-javascript", {"h-autolink.txt": wire(f"<javascript:{PWN}> ok.")}, "published"),
    Case("markdown-image-data", {"h-mdimage.txt": wire("![x](data:text/html;base64,PHNjcmlwdD4=) ok.")},
         "published"),
    Case("markdown-link-data", {"h-mddata.txt": wire(f"[x](data:text/html,<script>{PWN}</script>) ok.")},
         "published"),
    Case("raw-html-block", {"h-block.txt": wire("talks went on.").replace(
        "A second paragraph.", f'<div onclick="{PWN}">\n<p>block</p>\n</div>')}, "published"),
    Case("html-comment", {"h-comment.txt": wire("<!-- hidden --> talks went on.")}, "published"),
    Case("heading", {"h-heading.txt": wire("talks went on.").replace("A second paragraph.", "# Fake heading")},
         "published"),
    Case("table", {"h-table.txt": wire("talks went on.").replace("A second paragraph.",
                                                                 "| a | b |\n| --- | --- |\n| 1 | 2 |")},
         "published"),
    Case("code-fence", {"h-fence.txt": wire("talks went on.").replace(
        "A second paragraph.", f"```html\n<script>{PWN}</script>\n```")}, "published"),
    Case("link-reference-definition", {"h-linkref.txt": wire("talks went on [here][x].").replace(
        "A second paragraph.", f"[x]: javascript:{PWN}")}, "published"),
    Case("jinja-template", {"h-jinja.txt": wire("{{ config.site_name }} {% include 'mkdocs.yml' %} {# c #}.")},
         "published"),
    Case("attr-list", {"h-attr.txt": wire("talks went on.").replace(
        "A second paragraph.", f"Text\n{{: onclick=\"{PWN}\" }}")}, "published"),
    Case("snippet-include", {"h-snippet.txt": wire("talks went on.").replace(
        "A second paragraph.", '--8<-- "mkdocs.yml"')}, "published"),
    Case("admonition", {"h-admonition.txt": wire("talks went on.").replace(
        "A second paragraph.", '!!! danger "Fake"')}, "published"),
    Case("footnote-abbr", {"h-footnote.txt": wire("talks [^1] went on.").replace(
        "A second paragraph.", "[^1]: note\n\n*[HTML]: Hyper")}, "published"),
    Case("emphasis", {"h-emphasis.txt": wire("**bold** and _em_ and `code` went on.")}, "published"),
    Case("html-entities", {"h-entities.txt": wire("&lt;script&gt;alert(1)&lt;/script&gt; was quoted.")},
         "published"),
    Case("crosshead-script", {"h-crosshead.txt": wire("talks went on.").replace(
        "A second paragraph.", f"- '<script>{PWN}</script>' -")}, "published"),
    Case("caption-script", {"h-caption.txt": wire("talks went on.", caption=f"<script>{PWN}</script> (AFP Photo/X)")},
         "published"),
    Case("credit-script", {"h-credit.txt": wire("talks went on.", caption=f"Caption (AFP Photo/<img src=x "
                                                                           f"onerror={PWN}>)")}, "published"),
    Case("title-script", {"h-title.md": front(f'title: "<script>{PWN}</script> Title"')}, "published"),
    Case("title-breakout", {"h-title-break.md": front(f'title: "</title><script>{PWN}</script>"')}, "published"),
    Case("title-entities", {"h-title-ent.md": front(f'title: "&lt;/title&gt;&lt;script&gt;{PWN}&lt;/script&gt;"')},
         "published"),
    Case("source-script", {"h-source.md": front(f'source: "<b onmouseover={PWN}>Agency</b>"')}, "published"),
    Case("dateline-script", {"h-dateline.md": front(f'dateline: "<script>{PWN}</script>"')}, "published"),
    Case("tags-script", {"h-tags.md": front(f'tags: ["<script>{PWN}</script>", "ok"]')}, "published"),
    Case("url-breakout", {"h-url.md": front(f"url: 'https://example.org/\"><script>{PWN}</script>'")}, "published"),
    Case("jsonl-script", {"h-lines.jsonl": '{"id": "h-jsonl", "date": "2021-03-03", "title": "<script>x</script>", '
                                           f'"text": "Officials said <script>{PWN}</script> on Monday."}}\n'},
         "published"),
    Case("bidi-override", {"h-bidi.txt": wire("General Ahmad Sa\u202eidi\u202c met Karim Wa\u200bhidi.")},
         "published"),
    Case("zero-width-title", {"h-zw.md": front('title: "Talks\u200b in\u2066 Kabul\u2069"')}, "published"),
    Case("control-characters", {"h-control.txt": wire("talks\x07 went\x1b[31m on.")}, "published"),
    Case("long-word", {"h-long.txt": wire("x" * 20000 + " went on.")}, "published"),
    Case("bom-crlf", {"h-bomcrlf.txt": "\ufeff".encode() + wire("talks went on.").replace("\n", "\r\n").encode()},
         "published"),
    # -- broken files: skipped with a message naming the file, the line and a fix -------------------
    Case("empty-file", {"b-empty.txt": ""}, "skipped", "the file is empty", 1),
    Case("whitespace-only", {"b-blank.txt": "  \n\t\n"}, "skipped", "the file is empty", 1),
    Case("no-date", {"b-nodate.txt": "Kabul (AFP) - A lead without a date line.\n"}, "skipped",
         "wire text without a date line", 1),
    Case("impossible-date", {"b-feb30.txt": "date 2021-02-30 Caption\nA lead.\n"}, "skipped", "does not exist", 1),
    Case("malformed-date", {"b-datefmt.md": front("title: x").replace("2021-03-02", "March 2nd")}, "skipped",
         "not in the form YYYY-MM-DD", 2),
    Case("broken-yaml", {"b-yaml.md": "---\ndate: 2021-03-02\ntitle: [unclosed\n---\nBody.\n"}, "skipped",
         "front matter is not valid YAML", 3),
    Case("yaml-python-tag", {"b-tag.md": "---\ndate: 2021-03-02\nx: !!python/object/apply:os.system [ls]\n---\nB.\n"},
         "skipped", "front matter is not valid YAML", 3),
    Case("yaml-alias-bomb", {"b-bomb.md": "---\ndate: 2021-03-02\na: &a [x, x, x]\nb: &b [*a, *a, *a]\n"
                                          "c: [*b, *b, *b]\n---\nBody.\n"}, "skipped", "anchors and aliases", 4),
    Case("unclosed-front-matter", {"b-open.md": "---\ndate: 2021-03-02\nBody.\n"}, "skipped", "never closed", 1),
    Case("empty-body", {"b-nobody.md": "---\ndate: 2021-03-02\n---\n\n"}, "skipped", "no body text", 1),
    Case("invalid-utf8", {"b-latin1.txt": b"date 2021-03-02\nCaf\xe9 talks.\n"}, "skipped", "not UTF-8", 2),
    Case("nul-bytes", {"b-nul.txt": b"date 2021-03-02\nA\x00B\n"}, "skipped", "NUL bytes", 2),
    Case("too-large", {"b-large.txt": "date 2021-03-02\n" + "word " * 420_000}, "skipped", "over the limit", None),
    Case("duplicate-id", {"b-dup-a.md": front("id: dup-1"), "b-dup-b.md": front("id: dup-1")}, "skipped",
         "duplicate ID 'dup-1'", 1),
    Case("id-path-traversal", {"b-traversal.md": front("id: ../../../etc/evil")}, "skipped",
         "is not a safe URL segment", 3),
    Case("id-absolute-path", {"b-absolute.md": front("id: /tmp/evil")}, "skipped", "is not a safe URL segment", 3),
    Case("id-reserved-name", {"b-reserved.md": front("id: index")}, "skipped", "is not a safe URL segment", 3),
    Case("file-name-reserved", {"CON.txt": wire("talks went on.")}, "skipped", "is not a safe URL segment", None),
    Case("file-name-unsafe", {"b bad name!.txt": wire("talks went on.")}, "skipped", "is not a safe URL segment",
         None),
    Case("unsupported-type", {"b-file.pdf": "%PDF-1.4"}, "skipped", "unsupported file type", None),
    Case("jsonl-broken-line", {"b-lines.jsonl": '{"id": "b-ok-line", "date": "2021-03-04", "text": "Fine."}\n{oops\n'},
         "skipped", "not valid JSON", 2),
    # -- accepted with a notice ----------------------------------------------------------------------
    Case("same-text-two-ids", {"n-copy-a.txt": wire("the same words were read twice."),
                               "n-copy-b.txt": wire("the same words were read twice.")}, "notice",
         "has the same text as", 1),
]


def all_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for case in CASES:
        for name, content in case.files.items():
            assert name not in files, name
            files[name] = content
    return files
