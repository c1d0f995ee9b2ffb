import shutil
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

from django.conf import settings
from django.core.management.base import BaseCommand

# Fontsource ships every weight cut into Google Fonts' subsets; the Polish letters are in
# "latin-ext" and the rest of a Polish sentence in "latin", so a Polish page would load two
# files per weight. We merge the two and keep only what Polish and English texts use.
SOURCE = Path("node_modules/@fontsource/atkinson-hyperlegible-next/files")
TARGET = Path("static/fonts")
FAMILY = "atkinson-hyperlegible-next"
# (weight, style): the regular and bold upright and the regular italic (<em> in the prose).
FACES = [(400, "normal"), (700, "normal"), (400, "italic")]
# Basic Latin, Latin-1, Latin Extended-A (ą ć ę ł ń ó ś ź ż and capitals), general punctuation
# („ ” – — … ‰), the euro, trade mark, arrows and the minus sign.
UNICODES = "U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2212"


def face_file(weight, style, subset_name):
    return settings.BASE_DIR / SOURCE / f"{FAMILY}-{subset_name}-{weight}-{style}.woff2"


def build_face(weight, style):
    """One WOFF2 per face with Latin and Latin Extended-A together, written to static/fonts/
    (committed, so serving the site needs neither npm nor the network)."""
    sources = [str(face_file(weight, style, "latin")), str(face_file(weight, style, "latin-ext"))]
    merged = Merger().merge(sources)
    # The source's date rather than today's: the same package gives byte-identical files.
    merged.recalcTimestamp = False
    source_head = TTFont(sources[0])["head"]
    merged["head"].created, merged["head"].modified = source_head.created, source_head.modified
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(merged)
    target = settings.BASE_DIR / TARGET / f"{FAMILY}-{weight}-{style}.woff2"
    subset.save_font(merged, str(target), options)
    return target


class Command(BaseCommand):
    help = (
        "Write the site's WOFF2 fonts (Atkinson Hyperlegible Next, Latin + Latin Extended-A) to "
        "static/fonts/ from the @fontsource package in node_modules (`make fonts`)."
    )

    def handle(self, *args, **options):
        (settings.BASE_DIR / TARGET).mkdir(parents=True, exist_ok=True)
        for weight, style in FACES:
            target = build_face(weight, style)
            glyphs = len(TTFont(str(target)).getBestCmap())
            self.stdout.write(f"{target.relative_to(settings.BASE_DIR)}: {glyphs} characters")
        # The SIL Open Font License travels with the fonts.
        shutil.copyfile(
            settings.BASE_DIR / SOURCE.parent / "LICENSE", settings.BASE_DIR / TARGET / "OFL.txt"
        )
