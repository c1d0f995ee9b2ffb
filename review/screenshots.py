"""`make screenshots`: every page type at 360 px and 1280 px, in Polish and English.

Serves the demo site (review/site.py), asks review/pages.py for the addresses, and has
Debian's Chromium (Playwright) take a full-page screenshot of each, with the visitor's
language set, into .tmp/screenshots/<language>/<label>-<width>.png. An index.html beside
them shows them side by side for review. Prints a line per address with its HTTP status, so
a page that fails is seen at once; the run fails if one answers 5xx.
"""

import html
import json
import subprocess
import sys

from playwright.sync_api import sync_playwright

from portal.core.chromium import launch_chromium
from review.site import REPOSITORY, served

WIDTHS = (360, 1280)
HEIGHT = 800
OUTPUT = REPOSITORY / ".tmp" / "screenshots"


def addresses(env):
    """review/pages.py's addresses for the served site."""
    completed = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "review.pages"],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]


def shoot(browser, base_url, found):
    """Screenshot every address at every width; (address, width, status, file) rows."""
    taken = []
    for width in WIDTHS:
        for language in sorted({address["language"] for address in found}):
            context = browser.new_context(
                viewport={"width": width, "height": HEIGHT},
                locale="pl-PL" if language == "pl" else "en-GB",
            )
            page = context.new_page()
            for address in (item for item in found if item["language"] == language):
                target = OUTPUT / language / f"{address['label']}-{width}.png"
                target.parent.mkdir(parents=True, exist_ok=True)
                response = page.goto(base_url + address["path"], wait_until="load")
                page.screenshot(path=target, full_page=True)
                status = response.status if response else 0
                print(f"{status} {width:>4} {language} {address['path']}", flush=True)
                taken.append((address, width, status, target))
            context.close()
    return taken


def write_index(taken):
    """.tmp/screenshots/index.html: each address's widths in a row, for people to look at."""
    rows = {}
    for address, width, status, target in taken:
        key = (address["language"], address["label"], address["path"])
        rows.setdefault(key, []).append((width, status, target.relative_to(OUTPUT)))
    cells = []
    for (language, label, path), shots in sorted(rows.items()):
        images = "".join(
            f'<figure><img src="{html.escape(str(file))}" width="{width // 2}" alt="">'
            f"<figcaption>{width} px · {status}</figcaption></figure>"
            for width, status, file in sorted(shots)
        )
        cells.append(
            f"<section><h2>{language} · {html.escape(label)}</h2>"
            f"<p>{html.escape(path)}</p>{images}</section>"
        )
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Portal WTZ screenshots</title>"
        "<style>figure{display:inline-block;vertical-align:top;margin:0 1em 1em 0}"
        "img{border:1px solid #999;height:auto}</style>" + "".join(cells) + "</html>"
    )
    (OUTPUT / "index.html").write_text(page)


def main():
    """Serve, shoot, write the index; 1 when an address answered 5xx."""
    with served() as (base_url, env):
        found = addresses(env)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                taken = shoot(browser, base_url, found)
            finally:
                browser.close()
    write_index(taken)
    failed = [address["path"] for address, _, status, _ in taken if status >= 500]
    print(f"screenshots: {len(taken)} written to {OUTPUT}; open index.html there")
    if failed:
        print("screenshots: answered 5xx: " + ", ".join(sorted(set(failed))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
