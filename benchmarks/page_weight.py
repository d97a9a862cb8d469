"""What a reader's browser downloads for a page of a built site, measured in Debian's chromium.

    python benchmarks/page_weight.py site                       # the seed's briefing, Hawija, the Map page
    python benchmarks/page_weight.py site places/iraq/ map/     # any pages, as paths under the site

Serves the folder on 127.0.0.1, opens each page in a fresh tab, waits until the network is idle, and prints
the bytes of the page's HTML, of everything else it loaded (styles, scripts, images) and the total, leaving
out the search index, which the browser only fetches on first use of search. Requests that leave 127.0.0.1
are counted apart: a default build makes none. The budget these figures are held to is in
docs/publishing.md ("What a page weighs").
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = ("briefings/2017/09/21/000_e3cfbe08a7571c72/", "places/hawija/", "map/")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def weigh(site: Path, pages: tuple[str, ...]) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"{'page':<52} {'HTML':>9} {'other':>9} {'total':>9}  outside")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for path in pages:
            tab = browser.new_page()
            sizes: dict[str, int] = {}
            tab.on("response", lambda response, sizes=sizes: sizes.__setitem__(response.url, len(response.body())))
            tab.goto(root + path)
            tab.wait_for_load_state("networkidle")
            tab.close()
            html = sizes.get(root + path, 0)
            counted = {url: n for url, n in sizes.items() if "search_index" not in url}
            outside = sum(1 for url in counted if not url.startswith(root))
            total = sum(counted.values())
            print(f"{path:<52} {html / 1000:>7.1f}KB {(total - html) / 1000:>7.1f}KB {total / 1000:>7.1f}KB  {outside}")
        browser.close()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build's site/)")
    parser.add_argument("pages", nargs="*", default=PAGES, help="paths of pages under the site")
    args = parser.parse_args()
    weigh(args.site, tuple(args.pages))


if __name__ == "__main__":
    main()
