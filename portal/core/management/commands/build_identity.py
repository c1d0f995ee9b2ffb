from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from playwright.sync_api import sync_playwright

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.core.chromium import launch_chromium

IMG = Path("static/img")
FONTS = Path("static/fonts")
WHITE = "#fff"
BRAND = "#0b5d4e"
# The four zones' colours (site.css --zone-*): the mark is the four zones working together.
TILES = [(7, 7, "#0b5d4e"), (21, 7, "#8a4b00"), (7, 21, "#0a4f8a"), (21, 21, "#6b2a6b")]
ZONE_ICONS = ["business", "globe", "town-hall", "workshop"]


def mark(x=0, y=0, size=40):
    """The mark: a white tile holding four small tiles in the zones' colours."""
    scale = size / 40
    tiles = "".join(
        f'<rect x="{tx}" y="{ty}" width="12" height="12" rx="3" fill="{colour}"/>'
        for tx, ty, colour in TILES
    )
    return (
        f'<g transform="translate({x} {y}) scale({scale:g})">'
        f'<rect width="40" height="40" rx="9" fill="{WHITE}"/>{tiles}</g>'
    )


def text_path(text, weight, size, x, baseline):
    """The text as one SVG path in Atkinson Hyperlegible Next, so the wordmark looks the same
    before the web font arrives, in an <img> and in e-mail clients. Returns (path, advance)."""
    font = TTFont(
        str(settings.BASE_DIR / FONTS / f"atkinson-hyperlegible-next-{weight}-normal.woff2")
    )
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    pen = SVGPathPen(glyphs, ntos=lambda number: f"{number:.1f}".rstrip("0").rstrip("."))
    cursor = 0
    for character in text:
        name = cmap[ord(character)]
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x + cursor, baseline)))
        cursor += glyphs[name].width * scale
    return f'<path d="{pen.getCommands()}"/>', cursor


def wordmark(colour=WHITE):
    """ "Portal" in the regular weight and "WTZ" in bold, beside the mark, 40 units high."""
    portal, portal_width = text_path("Portal", 400, 27, 52, 29)
    wtz, wtz_width = text_path("WTZ", 700, 27, 52 + portal_width + 7, 29)
    width = round(52 + portal_width + 7 + wtz_width + 1)
    return width, f'{mark()}<g fill="{colour}">{portal}{wtz}</g>'


def svg(width, height, body, title=None):
    """An SVG document; a title makes it an image with that accessible name."""
    label = f' role="img"><title>{title}</title>' if title else ">"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}"{label}{body}</svg>\n'
    )


def share_image(page, target, icon=None):
    """A 1200×630 picture for link previews: the wordmark on the brand colour, with the zone's
    pictogram (drawn white) above it for a zone."""
    width, body = wordmark()
    picture = ""
    if icon:
        pictogram = (settings.BASE_DIR / IMG / "zones" / f"{icon}.svg").read_text()
        picture = pictogram.replace("#1b1f24", WHITE).replace(
            'width="48" height="48"', 'width="160" height="160"'
        )
    large = svg(width, 40, body).replace(
        f'width="{width}" height="40"', f'width="{width * 3}" height="120"'
    )
    html = (
        f'<body style="margin:0;width:1200px;height:630px;background:{BRAND};display:flex;'
        'flex-direction:column;align-items:center;justify-content:center;gap:48px">'
        f"{picture}{large}</body>"
    )
    page.set_content(html)
    page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 1200, "height": 630})


class Command(BaseCommand):
    help = (
        "Write the wordmark, the mark (logo and favicon) and the 1200x630 share pictures to "
        "static/img/ from the zones' pictograms and the site's font (`make identity`)."
    )

    def handle(self, *args, **options):
        root = settings.BASE_DIR / IMG
        width, body = wordmark()
        (root / "wordmark.svg").write_text(svg(width, 40, body, title="Portal WTZ"))
        (root / "logo.svg").write_text(svg(40, 40, mark()))
        # In a browser's tab bar the white mark needs the brand colour around it.
        favicon = f'<rect width="40" height="40" rx="9" fill="{BRAND}"/>{mark(3, 3, 34)}'
        (root / "favicon.svg").write_text(svg(40, 40, favicon))
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1200, "height": 630})
            share_image(page, root / "share" / "portal-wtz.png")
            for icon in ZONE_ICONS:
                share_image(page, root / "share" / f"zone-{icon}.png", icon)
            browser.close()
        self.stdout.write(
            f"wordmark {width}x40, logo, favicon and {len(ZONE_ICONS) + 1} share pictures"
        )
