"""The demo's illustrations, drawn as SVG by code in one flat style and the site's palette
(the custom properties at the top of static/css/site.css), then rendered to PNG at twice
their size by Debian's Chromium through Playwright, so the pictures are reproducible and
nothing is downloaded:

    make illustrations          # or: .venv/bin/python -m portal.core.illustrations.draw

Each picture is a scene of people working in a cooperative: the home page's hero, one per
zone and one per success story. The demo loader uploads the PNGs as Wagtail images with
their focal point (`ILLUSTRATIONS` in portal/core/demo_illustrations.py)."""

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from portal.core.chromium import launch_chromium

HERE = Path(__file__).parent

# The site's palette (static/css/site.css) and lighter tints of it for the backgrounds.
TEAL, TEAL_DARK, PLUM, AMBER, BLUE = "#0b5d4e", "#073d33", "#6b2a6b", "#8a4b00", "#0a4f8a"
SURFACE, BORDER, HIGHLIGHT, SUN = "#f3f5f7", "#c9d0d8", "#ffe08a", "#ffbf47"
TEAL_TINT, PLUM_TINT, AMBER_TINT, BLUE_TINT = "#d7ebe6", "#eedff0", "#f7e8d2", "#d9e7f4"
PLUM_LAND = "#dcc6df"
WHITE, INK = "#ffffff", "#1b1f24"
SKINS = ("#f1c9a5", "#c68b59", "#8d5a3b", "#e8b58f")
HAIR = ("#2b2118", "#6b3d1f", "#c9a36b", "#4a5260")
BREAD, CRUST, LEAF, LEAF_DARK, WOOD = "#e9b872", "#b9792f", "#5aa37f", "#2f7a5c", "#b07a44"


def group(x, y, parts, scale=1, flip=False):
    """Parts drawn in their own coordinates, placed at (x, y), mirrored when `flip`."""
    sx = -scale if flip else scale
    return f'<g transform="translate({x} {y}) scale({sx} {scale})">{"".join(parts)}</g>'


def rect(x, y, w, h, fill, r=0):
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}"/>'


def circle(x, y, r, fill):
    return f'<circle cx="{x}" cy="{y}" r="{r}" fill="{fill}"/>'


def ellipse(x, y, rx, ry, fill):
    return f'<ellipse cx="{x}" cy="{y}" rx="{rx}" ry="{ry}" fill="{fill}"/>'


def path(d, fill="none", stroke="none", width=0):
    cap = ' stroke-linecap="round" stroke-linejoin="round"' if width else ""
    return f'<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{cap}/>'


def line(x1, y1, x2, y2, stroke, width):
    return path(f"M{x1} {y1} L{x2} {y2}", stroke=stroke, width=width)


def head(y, skin, hair, style):
    """A face without features, its hair a cap over the top half (long hair falls behind)."""
    parts = []
    if style == "long":
        parts.append(rect(-29, y - 6, 58, 52, hair, 18))
    parts.append(circle(0, y, 26, skin))
    parts.append(path(f"M-27 {y + 2} A27 27 0 0 1 27 {y + 2} Q0 {y - 14} -27 {y + 2}Z", hair))
    if style == "bun":
        parts.append(circle(0, y - 30, 12, hair))
    return parts


def arms(shirt, skin, hands):
    """Two arms from the shoulders to the hands, bent at the elbow when one is given."""
    parts = []
    for side, points in zip((-1, 1), hands, strict=True):
        start = f"M{side * 26} -165"
        d = start + "".join(f" L{px} {py}" for px, py in points)
        parts.append(path(d, stroke=shirt, width=19))
        parts.append(circle(*points[-1], 10, skin))
    return parts


def standing(x, y, *, skin, shirt, legs, hair, style="short", hands=None, apron=None, **kw):
    """A person standing, feet at (x, y), about 240 units tall at scale 1."""
    hands = hands or (((-40, -95),), ((40, -95),))
    parts = [
        rect(-25, -100, 22, 96, legs, 9),
        rect(3, -100, 22, 96, legs, 9),
        ellipse(-16, -4, 17, 7, INK),
        ellipse(16, -4, 17, 7, INK),
        rect(-38, -188, 76, 106, shirt, 30),
    ]
    if apron:
        parts.append(rect(-28, -150, 56, 80, apron, 10))
    parts += arms(shirt, skin, hands)
    parts += head(-215, skin, hair, style)
    return group(x, y, parts, **kw)


def seated(x, y, *, skin, shirt, legs, hair, style="short", hands=None, **kw):
    """A person sitting on a seat at (x, y), facing right (mirrored with `flip`)."""
    hands = hands or (((30, -40), (70, -50)), ((40, -50), (80, -60)))
    parts = [
        rect(-20, -24, 92, 26, legs, 12),
        rect(50, -20, 22, 92, legs, 9),
        ellipse(68, 70, 18, 7, INK),
        rect(-38, -120, 76, 108, shirt, 30),
    ]
    parts += [
        path(
            f"M{side * 26} -100" + "".join(f" L{px} {py}" for px, py in points),
            stroke=shirt,
            width=19,
        )
        for side, points in zip((-1, 1), hands, strict=True)
    ]
    parts += [circle(*points[-1], 10, skin) for points in hands]
    parts += head(-147, skin, hair, style)
    return group(x, y, parts, **kw)


def table(x, y, w, top=WOOD, legs=TEAL_DARK):
    """A table whose top's left end is at (x, y)."""
    return group(
        x,
        y,
        [rect(0, 0, w, 14, top, 5), rect(16, 14, 12, 96, legs), rect(w - 28, 14, 12, 96, legs)],
    )


def chair(x, y, colour, flip=False):
    """A chair whose seat's centre is at (x, y)."""
    return group(
        x,
        y,
        [
            rect(-40, 0, 70, 12, colour, 5),
            rect(-40, -80, 12, 92, colour, 5),
            rect(-36, 12, 10, 70, colour),
            rect(18, 12, 10, 70, colour),
        ],
        flip=flip,
    )


def loaf(x, y, scale=1):
    parts = [
        ellipse(0, 0, 46, 26, BREAD),
        path("M-46 2 Q0 30 46 2 Q40 26 0 26 Q-40 26 -46 2Z", CRUST),
        path("M-22 -14 l12 20 M0 -18 l12 20 M22 -14 l12 20", stroke=CRUST, width=5),
    ]
    return group(x, y, parts, scale)


def tree(x, y, scale=1, canopy=LEAF):
    parts = [
        rect(-9, -110, 18, 110, WOOD, 6),
        circle(0, -150, 70, canopy),
        circle(-48, -118, 46, canopy),
        circle(50, -115, 44, canopy),
        circle(22, -170, 34, LEAF_DARK),
    ]
    return group(x, y, parts, scale)


def plant(x, y, scale=1, pot=AMBER):
    parts = [
        path("M0 -30 Q-30 -70 -44 -78 Q-10 -76 0 -40", LEAF_DARK),
        path("M0 -30 Q26 -84 48 -86 Q20 -60 0 -30", LEAF),
        path("M0 -30 Q0 -90 6 -104 Q16 -70 0 -30", LEAF),
        path("M-26 -32 L26 -32 L18 10 L-18 10Z", pot),
    ]
    return group(x, y, parts, scale)


def speech(x, y, w, h, fill, flip=False, lines=2):
    """A speech bubble with a few lines of "text" in it."""
    parts = [
        rect(0, 0, w, h, fill, 18),
        path(f"M24 {h - 2} L18 {h + 24} L52 {h - 2}Z", fill),
    ]
    for number in range(lines):
        length = w - 44 - 30 * (number % 2)
        parts.append(rect(22, 20 + number * 22, length, 9, WHITE, 4))
    return group(x, y, parts, flip=flip)


def window(x, y, w, h, frame=WHITE, glass=BLUE_TINT):
    return group(
        x,
        y,
        [
            rect(0, 0, w, h, frame, 10),
            rect(10, 10, w - 20, h - 20, glass, 6),
            rect(w / 2 - 4, 10, 8, h - 20, frame),
        ],
    )


def scene(width, height, body, background):
    """The whole picture: a background wash and the floor, then the scene."""
    backdrop = rect(0, 0, width, height, background)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">{backdrop}{"".join(body)}</svg>'
    )


def toolbox(x, y):
    """A toolbox standing on its bottom edge at (x, y)."""
    return group(
        x,
        y,
        [
            path("M-22 -60 L-22 -80 L22 -80 L22 -60", stroke=TEAL_DARK, width=8),
            rect(-40, -60, 80, 60, TEAL_DARK, 8),
            rect(-8, -40, 16, 12, SUN, 3),
        ],
    )


def home_hero():
    """The cooperative at work: bread, plants and a repaired chair on one long table."""
    w, h = 800, 500
    return scene(
        w,
        h,
        [
            circle(700, 80, 70, HIGHLIGHT),
            window(70, 50, 150, 160),
            window(480, 50, 150, 160),
            rect(0, 400, w, 100, TEAL),
            rect(0, 400, w, 10, TEAL_DARK),
            standing(
                170,
                440,
                skin=SKINS[0],
                shirt=AMBER,
                legs=BLUE,
                hair=HAIR[0],
                style="bun",
                hands=(((-34, -110), (0, -98)), ((36, -112), (62, -98))),
                apron=WHITE,
            ),
            standing(
                400,
                440,
                skin=SKINS[2],
                shirt=PLUM,
                legs=INK,
                hair=HAIR[0],
                hands=(((-40, -112), (-56, -98)), ((40, -112), (56, -98))),
            ),
            standing(
                630,
                440,
                skin=SKINS[1],
                shirt=BLUE,
                legs=TEAL_DARK,
                hair=HAIR[1],
                style="long",
                hands=(((-36, -112), (-64, -98)), ((36, -112), (20, -98))),
            ),
            table(70, 345, 660),
            loaf(110, 327, 0.7),
            loaf(250, 327, 0.8),
            plant(330, 345, 0.6),
            plant(470, 345, 0.6, BLUE),
            toolbox(540, 345),
        ],
        TEAL_TINT,
    )


def town_hall():
    """A meeting at the town hall: officers and a workshop's staff around one table."""
    w, h = 960, 480
    hall = group(
        330,
        70,
        [
            path("M0 70 L150 0 L300 70Z", WHITE),
            rect(0, 70, 300, 18, WHITE),
            *(rect(24 + i * 60, 100, 26, 150, WHITE, 4) for i in range(5)),
            rect(-10, 250, 320, 16, WHITE),
            circle(150, 42, 14, BLUE),
        ],
    )
    return scene(
        w,
        h,
        [
            circle(820, 90, 60, HIGHLIGHT),
            hall,
            rect(0, 350, w, 130, BLUE),
            rect(0, 350, w, 10, INK),
            standing(
                480,
                430,
                skin=SKINS[1],
                shirt=PLUM,
                legs=INK,
                hair=HAIR[3],
                hands=(((-40, -120), (-60, -90)), ((40, -140), (80, -200))),
            ),
            chair(230, 350, TEAL_DARK),
            chair(730, 350, TEAL_DARK, flip=True),
            seated(230, 350, skin=SKINS[0], shirt=TEAL, legs=INK, hair=HAIR[2], style="long"),
            seated(730, 350, skin=SKINS[2], shirt=AMBER, legs=BLUE, hair=HAIR[0], flip=True),
            table(290, 310, 380, WHITE, INK),
            rect(340, 294, 70, 16, HIGHLIGHT, 3),
            rect(560, 294, 60, 16, SURFACE, 3),
            speech(130, 70, 150, 80, TEAL),
            speech(700, 60, 130, 70, AMBER, lines=2),
        ],
        BLUE_TINT,
    )


def workshop():
    """The workshop: two people building a chair at the bench, tools on the wall."""
    w, h = 960, 480
    board = group(
        120,
        60,
        [
            rect(0, 0, 280, 170, WOOD, 12),
            *(circle(40 + i * 50, 30, 6, TEAL_DARK) for i in range(5)),
            rect(32, 40, 16, 90, TEAL_DARK, 4),
            rect(22, 40, 36, 24, INK, 6),
            rect(84, 40, 10, 110, BORDER, 4),
            path("M130 40 L150 40 L150 130 L140 145 L130 130Z", BORDER),
            rect(180, 40, 60, 16, AMBER, 6),
            rect(205, 56, 10, 80, INK, 4),
        ],
    )
    return scene(
        w,
        h,
        [
            circle(820, 100, 64, HIGHLIGHT),
            board,
            window(560, 60, 150, 160),
            rect(0, 380, w, 100, TEAL),
            rect(0, 380, w, 10, TEAL_DARK),
            standing(
                330,
                430,
                skin=SKINS[3],
                shirt=BLUE,
                legs=INK,
                hair=HAIR[1],
                hands=(((-30, -120), (10, -110)), ((40, -120), (70, -112))),
                apron=AMBER,
            ),
            standing(
                700,
                430,
                skin=SKINS[2],
                shirt=PLUM,
                legs=TEAL_DARK,
                hair=HAIR[0],
                style="bun",
                hands=(((-40, -120), (-70, -112)), ((30, -125), (-5, -112))),
            ),
            table(300, 330, 440, WOOD, TEAL_DARK),
            chair(520, 300, WHITE),
            plant(860, 380, 1.1, BLUE),
        ],
        TEAL_TINT,
    )


def business():
    """A cooperative's shop counter: a business customer takes the order it placed."""
    w, h = 960, 480
    shelf = group(
        100,
        70,
        [
            rect(0, 0, 300, 12, WOOD, 4),
            rect(0, 100, 300, 12, WOOD, 4),
            loaf(60, -22, 0.8),
            loaf(150, -22, 0.8),
            plant(250, 0, 0.8, TEAL),
            rect(30, 50, 60, 50, AMBER, 6),
            rect(110, 40, 60, 60, PLUM, 6),
            rect(190, 56, 80, 44, BLUE, 6),
        ],
    )
    bars = group(
        640,
        240,
        [
            rect(i * 50, -h_ * 1, 34, h_, c, 6)
            for i, (h_, c) in enumerate(((60, BORDER), (100, AMBER), (150, TEAL)))
        ],
    )
    return scene(
        w,
        h,
        [
            circle(840, 90, 60, HIGHLIGHT),
            shelf,
            bars,
            rect(0, 380, w, 100, AMBER),
            rect(0, 380, w, 10, INK),
            standing(
                250,
                430,
                skin=SKINS[1],
                shirt=TEAL,
                legs=INK,
                hair=HAIR[0],
                style="long",
                hands=(((-40, -120), (-50, -95)), ((40, -130), (110, -150))),
                apron=WHITE,
            ),
            standing(
                560,
                430,
                skin=SKINS[0],
                shirt=BLUE,
                legs=INK,
                hair=HAIR[3],
                flip=True,
                hands=(((-40, -120), (-50, -95)), ((40, -130), (90, -150))),
            ),
            rect(330, 256, 110, 74, WOOD, 8),
            rect(330, 256, 110, 16, CRUST, 6),
            group(120, 330, [rect(0, 0, 360, 100, WHITE, 8), rect(0, 0, 360, 14, BORDER, 6)]),
        ],
        AMBER_TINT,
    )


def partners_map():
    """A map of partners across Europe, joined by lines, and two people talking across it."""
    w, h = 960, 480
    pins = [
        (310, 190, TEAL),
        (420, 130, PLUM),
        (520, 230, AMBER),
        (640, 150, BLUE),
        (700, 280, PLUM),
    ]
    links = "".join(
        path(
            f"M{a[0]} {a[1]} Q{(a[0] + b[0]) / 2} {min(a[1], b[1]) - 60} {b[0]} {b[1]}",
            stroke=WHITE,
            width=6,
        )
        for a, b in zip(pins, pins[1:], strict=False)
    )
    land = path(
        "M230 120 Q300 60 420 80 Q520 50 600 90 Q720 80 780 150 Q800 240 740 300 "
        "Q660 360 560 330 Q470 380 380 320 Q280 320 240 250 Q200 180 230 120Z",
        PLUM_LAND,
    )
    pin = "".join(
        group(
            x,
            y,
            [path("M0 0 C-22 -26 -22 -48 0 -52 C22 -48 22 -26 0 0Z", c), circle(0, -34, 8, WHITE)],
        )
        for x, y, c in pins
    )
    return scene(
        w,
        h,
        [
            rect(180, 40, 640, 360, WHITE, 24),
            land,
            links,
            pin,
            rect(0, 400, w, 80, PLUM),
            standing(
                120,
                450,
                skin=SKINS[2],
                shirt=TEAL,
                legs=INK,
                hair=HAIR[0],
                hands=(((-40, -120), (-50, -95)), ((40, -140), (90, -190))),
            ),
            standing(
                850,
                450,
                skin=SKINS[0],
                shirt=AMBER,
                legs=BLUE,
                hair=HAIR[2],
                style="bun",
                flip=True,
                hands=(((-40, -120), (-50, -95)), ((40, -140), (80, -180))),
            ),
            speech(30, 60, 130, 70, TEAL),
            speech(800, 40, 130, 70, AMBER, lines=2),
        ],
        PLUM_TINT,
    )


def bakery():
    """The bakery of the story: a baker carries a tray of loaves past full shelves."""
    w, h = 720, 480
    shelves = group(
        80,
        70,
        [
            rect(0, 0, 280, 250, WOOD, 12),
            rect(14, 14, 252, 222, AMBER_TINT, 6),
            rect(14, 90, 252, 10, WOOD),
            rect(14, 166, 252, 10, WOOD),
            loaf(70, 70, 0.8),
            loaf(160, 70, 0.8),
            loaf(230, 74, 0.6),
            loaf(80, 146, 0.8),
            loaf(180, 146, 0.9),
            loaf(70, 214, 0.7),
            loaf(140, 214, 0.7),
            loaf(210, 214, 0.7),
        ],
    )
    return scene(
        w,
        h,
        [
            circle(600, 90, 56, HIGHLIGHT),
            shelves,
            rect(0, 390, w, 90, TEAL),
            rect(0, 390, w, 10, TEAL_DARK),
            standing(
                500,
                440,
                skin=SKINS[0],
                shirt=WHITE,
                legs=TEAL_DARK,
                hair=HAIR[1],
                style="bun",
                hands=(((-40, -120), (-70, -135)), ((40, -120), (70, -135))),
                apron=TEAL,
            ),
            rect(410, 285, 180, 14, BORDER, 6),
            loaf(450, 268, 0.6),
            loaf(510, 268, 0.6),
            loaf(565, 270, 0.5),
            plant(650, 390, 0.9, AMBER),
        ],
        TEAL_TINT,
    )


def estate_garden():
    """The estate's square: a gardener waters the flower bed by a tree and a bench."""
    w, h = 720, 480
    blocks = group(
        0,
        0,
        [
            rect(40, 80, 170, 300, WHITE, 6),
            rect(470, 120, 200, 260, WHITE, 6),
            *(
                rect(62 + c * 52, 104 + r * 60, 32, 36, BLUE_TINT, 4)
                for c in range(3)
                for r in range(4)
            ),
            *(
                rect(494 + c * 58, 144 + r * 56, 34, 32, BLUE_TINT, 4)
                for c in range(3)
                for r in range(4)
            ),
        ],
    )
    bench = group(
        150,
        360,
        [
            rect(0, 0, 150, 14, WOOD, 5),
            rect(0, -44, 150, 12, WOOD, 5),
            rect(12, 14, 10, 40, INK),
            rect(128, 14, 10, 40, INK),
        ],
    )
    can = group(
        520,
        330,
        [
            rect(-30, -40, 60, 48, BLUE, 10),
            path("M30 -30 L70 -60", stroke=BLUE, width=10),
            path("M-20 -40 Q0 -70 20 -40", stroke=BLUE, width=8),
        ],
    )
    drops = "".join(circle(600 + i * 12, 300 + i * 18, 5, BLUE) for i in range(3))
    return scene(
        w,
        h,
        [
            circle(600, 70, 50, HIGHLIGHT),
            blocks,
            rect(0, 400, w, 80, LEAF),
            rect(0, 400, w, 10, LEAF_DARK),
            tree(330, 420, 1.15),
            bench,
            standing(
                460,
                440,
                skin=SKINS[1],
                shirt=AMBER,
                legs=TEAL_DARK,
                hair=HAIR[0],
                hands=(((-30, -120), (10, -110)), ((40, -120), (60, -110))),
            ),
            can,
            drops,
            plant(600, 430, 0.8, PLUM),
            plant(660, 430, 0.7, TEAL),
        ],
        BLUE_TINT,
    )


PICTURES = {
    "home-hero": home_hero,
    "zone-samorzady": town_hall,
    "zone-wtz": workshop,
    "zone-biznes": business,
    "zone-wspolpraca-miedzynarodowa": partners_map,
    "story-bakery": bakery,
    "story-estate-garden": estate_garden,
}


def render(svg, browser):
    """The SVG rendered by Chromium at twice its size, as a PNG with few colours (flat
    pictures need no more, and the file stays small)."""
    width, height = (int(v) for v in svg.split('viewBox="0 0 ')[1].split('"')[0].split())
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=2)
    page.set_content(f'<html><body style="margin:0">{svg}</body></html>')
    png = page.screenshot(clip={"x": 0, "y": 0, "width": width, "height": height})
    page.close()
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    picture = picture.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for name, draw in PICTURES.items():
            svg = draw()
            (HERE / f"{name}.svg").write_text(svg + "\n")
            (HERE / f"{name}.png").write_bytes(render(svg, browser))
            print(name)
        browser.close()


if __name__ == "__main__":
    main()
