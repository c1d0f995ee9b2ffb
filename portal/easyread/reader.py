"""Reader options: text size (three steps) and high contrast, as Polish public sites offer.

The choice is a first-party cookie that a plain link sets (`set_reader_option`, 303 back to
the page), so it works without script. Public pages are one HTML for every anonymous visitor
(the page cache, Varnish), so the choice is never written into them: each page loads a
render-blocking stylesheet (`reader_stylesheet`) whose body depends on the cookie and which
is marked private, so no shared cache keeps one visitor's choice for another.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders

COOKIE = "reader_options"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
TEXT_SIZES = ("1", "2", "3")
CONTRASTS = ("normal", "high")


@dataclass(frozen=True)
class ReaderOptions:
    text: str = "1"
    contrast: str = "normal"

    @classmethod
    def from_cookie(cls, value):
        """The options a cookie holds; anything unreadable counts as the defaults."""
        text, _sep, contrast = (value or "").partition("-")
        return cls(
            text=text if text in TEXT_SIZES else "1",
            contrast=contrast if contrast in CONTRASTS else "normal",
        )

    def cookie_value(self):
        return f"{self.text}-{self.contrast}"

    def stylesheets(self):
        """The static style sheets (static/css/reader/) this choice adds to the site's."""
        sheets = [] if self.text == "1" else [f"css/reader/text-{self.text}.css"]
        if self.contrast == "high":
            sheets.append("css/reader/contrast-high.css")
        return sheets

    def css(self):
        """The style sheets of the choice, and the frame around the options in force (the
        page cannot mark them: it is the same HTML for everyone)."""
        marked = (
            f".reader-bar__option--text-{self.text},\n"
            f".reader-bar__option--contrast-{self.contrast} {{\n"
            "    border-color: var(--colour-on-brand);\n"
            "    font-weight: 700;\n"
            "}\n"
        )
        return "\n".join([*(stylesheet_text(name) for name in self.stylesheets()), marked])


@cache
def stylesheet_text(name):
    """A reader style sheet's text, read once per process from the static files."""
    return Path(finders.find(name)).read_text(encoding="utf-8")
