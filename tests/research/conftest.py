import pytest

from django.utils import translation

from tests.factories import ReportPageFactory, ResearchIndexPageFactory, ZoneFactory
from tests.zones.conftest import add_tagged_page


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


@pytest.fixture
def library(home):
    """The research index ("Badania i analizy") below the home page."""
    return ResearchIndexPageFactory(parent=home)


@pytest.fixture
def zones(locales):
    """Two Polish zones, by slug."""
    return {slug: ZoneFactory(slug=slug, name=f"Strefa {slug}") for slug in ("wtz", "biznes")}


def report(library, title, zones=(), files=(), **fields):
    """A published report in `library`, with these zones and files."""
    page = ReportPageFactory(parent=library, title=title, **fields)
    page.files = [("document", document) for document in files]
    page.zones = list(zones)
    page.save_revision().publish()
    return page


def listed_report(library, title, zones=(), files=(), **fields):
    """A live report in `library` made the cheapest way (`add_tagged_page`)."""
    files = [("document", document) for document in files]
    return add_tagged_page(library, ReportPageFactory, zones, title=title, files=files, **fields)
