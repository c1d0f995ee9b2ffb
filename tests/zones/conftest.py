from dataclasses import dataclass, field

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.conftest import OwnMediaTestCase, make_home, make_locales, query_counts
from tests.factories import DocumentFactory, ZoneFactory, ZonePageFactory
from zones.editing import MODERATORS, set_up_editing

ZONES = [
    ("samorzady", "Strefa Samorządów"),
    ("wtz", "Strefa WTZ"),
    ("biznes", "Strefa Biznesu"),
    ("wspolpraca", "Strefa Współpracy Międzynarodowej"),
]


def add_tagged_page(parent, factory, zones=(), **fields):
    """A live page of `factory` added straight below `parent`, tagged with `zones`, in one
    save (no revision, no publish action: the factories' own `zones=` publishes again):
    the cheapest path to an item a listing shows, for tests that count a listing's
    queries at two lengths and so build many items."""
    page = factory.build(parent=None, **fields)
    page.zones = list(zones)
    parent.add_child(instance=page)
    return page


def listing_query_counts(client, urls):
    """The queries (cold, warm) of each of `urls`, after a first request that makes what is
    made once for good (content types a process keeps, renditions of new images): several
    listings counted before and after one growth of their items."""
    for url in urls:
        client.get(url)
    return {url: query_counts(client, url) for url in urls}


def zone_page_form(**fields):
    """The admin's add form of a zone page with empty stream fields and no comments."""
    empty = {name: streamfield([]) for name in ("benefits", "featured", "faq")}
    return nested_form_data({**empty, "comments": inline_formset([]), **fields})


@dataclass
class ZoneSite:
    zones: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    editors: dict = field(default_factory=dict)
    moderator: object = None


@pytest.fixture
def zone_site(home, django_user_model):
    """Four zones, each with its Polish landing page (own benefits, FAQ and one resource in
    its collection), the real editing set-up, one editor per zone and a moderator."""
    return build_zone_site(home, django_user_model)


def build_zone_site(home, django_user_model):
    """The `zone_site` fixture's data, for a TestCase's setUpTestData too: built once for a
    class of tests instead of once per test (it costs about a second on SQLite)."""
    site = ZoneSite()
    for order, (slug, name) in enumerate(ZONES):
        zone = ZoneFactory(slug=slug, name=name, sort_order=order)
        site.zones[slug] = zone
        page = ZonePageFactory(
            parent=home,
            zone=zone,
            benefits=[("benefit", {"title": f"Korzyść {slug}", "text": f"Opis korzyści {slug}"})],
            faq=[
                (
                    "question",
                    {"question": f"Pytanie o {slug}?", "answer": f"<p>Odpowiedź {slug}</p>"},
                )
            ],
        )
        page.save_revision().publish()
        site.pages[slug] = page
    set_up_editing()
    for slug, zone in site.zones.items():
        zone.refresh_from_db()
        site.documents[slug] = DocumentFactory(
            title=f"Materiał {slug}", collection=zone.collection, zones=[zone]
        )
        editor = django_user_model.objects.create_user(username=f"redakcja-{slug}", password="x")
        editor.groups.add(zone.editor_group)
        site.editors[slug] = editor
    site.moderator = django_user_model.objects.create_user(username="moderacja", password="x")
    site.moderator.groups.add(Group.objects.get(name=MODERATORS))
    return site


class ZoneSiteTestCase(OwnMediaTestCase):
    """Tests that read the `zone_site` data (and `home`, its root) built once for the class
    in setUpTestData; each test runs in a savepoint, so what one changes the next does not
    see, and Django hands each test its own copy of `zone_site`'s objects."""

    @classmethod
    def setUpTestData(cls):
        make_locales()
        cls.home = make_home()
        cls.zone_site = build_zone_site(cls.home, get_user_model())
