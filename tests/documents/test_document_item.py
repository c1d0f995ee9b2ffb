"""One include (documents/includes/document_item.html) renders a document wherever a page
lists one: a report's files, a zone's resources, a news item's and a project's attachments
and a handbook step's downloads show the same item, with the title's heading level fitting
the page."""

import pytest
from pytest_django.asserts import assertInHTML

from django.utils import translation

from portal.handbook.models import HandbookPage, HandbookStep
from tests.factories import (
    DocumentFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
    ZoneFactory,
    ZonePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


@pytest.fixture
def zone(home):
    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    ZonePageFactory(parent=home, zone=zone, slug="strefa-wtz").save_revision().publish()
    return zone


@pytest.fixture
def guide(zone):
    """An English two-page guide tagged with the zone."""
    document = DocumentFactory(
        title="Cooperative guide",
        description="How to found a social cooperative.",
        language="en",
        kind="guide",
        zones=[zone],
    )
    document.page_count = 2
    document.save(update_fields=["page_count"])
    return document


# Listed among a zone's resources, the document carries the mark of its zone.
WTZ_MARK = (
    '<span class="zone-mark zone-mark--teal"><span class="visually-hidden">Strefa: </span>'
    '<span class="zone-mark__name">Strefa WTZ</span></span>'
)


def item(document, level=3, zone_mark=""):
    """The document item as a visitor of a Polish page gets it (filesizeformat joins the
    number and the unit with a no-break space); a zone's listing adds the zone mark."""
    return f"""
        <li class="list-item resource">
            <h{level} class="list-item__title resource__title" lang="en">
                <a href="{document.url}" download hreflang="en">Cooperative guide</a>
            </h{level}>
            <p class="list-item__summary resource__description" lang="en">
                How to found a social cooperative.
            </p>
            <p class="list-item__meta resource__meta">
                <span class="tag">Poradnik</span>
                <span>PDF, 13\xa0bajtów</span>
                <span>2 strony</span>
                <span>Język: angielski</span>
                {zone_mark}
            </p>
        </li>"""


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_report_a_zones_resources_and_a_news_item_show_the_same_document_item(
    client, home, zone, guide
):
    report = ReportPageFactory(parent=ResearchIndexPageFactory(parent=home))
    report.files = [("document", guide)]
    report.save_revision().publish()
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    news.attachments = [("document", guide)]
    news.save_revision().publish()
    for url in (report.url, news.url):
        assertInHTML(item(guide), html_of(client, url), count=1)
    listed = item(guide, zone_mark=WTZ_MARK)
    assertInHTML(listed, html_of(client, "/pl/strefa-wtz/materialy/"), count=1)


def test_a_zone_page_and_a_project_show_the_same_document_item(client, home, zone, guide):
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home))
    project.documents = [("document", guide)]
    project.save_revision().publish()
    assertInHTML(item(guide, zone_mark=WTZ_MARK), html_of(client, "/pl/strefa-wtz/"), count=1)
    assertInHTML(item(guide), html_of(client, project.url), count=1)


def test_a_handbook_step_shows_the_item_one_level_below_its_heading(client, home, guide):
    handbook = HandbookPage(title="Model", slug="model", intro="Jak działa model.")
    handbook.steps = [
        HandbookStep(title="Krok", body="<p>Opis</p>", downloads=[("document", guide)])
    ]
    home.add_child(instance=handbook)
    handbook.save_revision().publish()
    assertInHTML(item(guide, level=4), html_of(client, handbook.url), count=1)  # steps are h3
    step_url = handbook.numbered_steps[0].url
    assertInHTML(item(guide, level=2), html_of(client, step_url), count=1)  # the step is h1
