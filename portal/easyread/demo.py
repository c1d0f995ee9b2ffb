"""Demo content of the easy-to-read section: what the portal is for, the four zones, how to
sign up for a meeting and the model in 12 steps, and the sign language page, each with its
English translation. The texts are in demo.yaml beside this module."""

from pathlib import Path

from wagtail.models import Page

from portal.core import demo_content
from zones.models import ZonePage

from .models import EasyReadPage, SignLanguagePage

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_content.demo_step(order=90)
def create_easy_read_pages(demo):
    """After the zones and the model (order 80), which the easy-to-read pages point to."""
    data = demo_content.read_demo_data(DATA_FILE)
    home = demo.home_pages["pl"]
    section = _page(demo, home, EasyReadPage, data["section"], easy_read_of=home)
    for texts in data["pages"]:
        _page(demo, section, EasyReadPage, texts, easy_read_of=_original(demo, texts))
    _page(demo, section, SignLanguagePage, data["sign_language"])


def _original(demo, texts):
    """The page of the site `texts` tell in easy words: a zone's page or the model."""
    home = demo.home_pages["pl"]
    if "zone" in texts:
        return ZonePage.objects.child_of(home).filter(zone__slug=texts["zone"]).first()
    if texts.get("of_model"):
        return (
            Page.objects.child_of(home)
            .filter(content_type__app_label="handbook", content_type__model="handbookpage")
            .first()
        )
    return None


def _page(demo, parent, model, texts, **fields):
    """The page of `texts` below `parent`, created when missing, and its translations."""
    page = demo_content.existing_child(parent, model, texts["slug"].pl)
    if page is None:
        page = model(title=texts["title"].pl, slug=texts["slug"].pl, body=_body(texts), **fields)
        demo_content.publish_child(parent, page)
        demo.note(f"easy-to-read page {page.slug}")
    demo_content.translate_missing(demo, page, _strings(texts), f"easy-to-read page {page.slug}")
    return page


def _body(texts):
    """The StreamField value of the lines (and the video) in Polish."""
    body = []
    for line in texts["lines"]:
        if "heading" in line:
            body.append(("heading", line["heading"].pl))
        else:
            body.append(
                ("line", {"text": line["pl"], "pictogram": line["pictogram"], "alt_text": ""})
            )
    if "video" in texts:
        video = texts["video"]
        body.append(
            (
                "video",
                {
                    "title": video["title"].pl,
                    "url": video["url"],
                    "description": video["description"].pl,
                },
            )
        )
    return body


def _strings(texts):
    """Polish → English for every segment of the page."""
    pairs = [texts["title"], texts["slug"]]
    for line in texts["lines"]:
        pairs.append(line["heading"] if "heading" in line else (line["pl"], line["en"]))
    if "video" in texts:
        pairs += [texts["video"]["title"], texts["video"]["description"]]
    return dict(pairs)
