"""Elasticsearch down: the admin's searches are answered by the database, and editors can
still save pages and documents. The site is configured as in production (ELASTICSEARCH_URL
set, portal.core.search_backend), with the server's address a port nobody listens on."""

import logging

import pytest
from wagtail_factories import ImageFactory

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.core.models import StandardPage
from portal.core.outages import forget_outages
from tests.factories import DocumentFactory, StandardPageFactory, ZoneFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:1"  # nothing listens there: the connection is refused


@pytest.fixture
def elasticsearch_down(settings):
    """The production search settings (portal/settings/base.py), pointing at no server."""
    forget_outages()
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "portal.core.search_backend",
            "URLS": [CLOSED_PORT],
            "INDEX_PREFIX": "portal_wtz_test_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
            "AUTO_UPDATE": True,
        }
    }
    yield
    forget_outages()


def warnings(caplog):
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]


def test_admin_page_search_answers_from_the_database(
    admin_client, home, elasticsearch_down, caplog
):
    with caplog.at_level(logging.WARNING):
        StandardPageFactory(parent=home, title="Ekonomia społeczna w praktyce")
        StandardPageFactory(parent=home, title="Deklaracja dostępności")
        responses = [admin_client.get("/admin/pages/search/?q=ekonomia") for _ in range(3)]

    assert [response.status_code for response in responses] == [200] * 3
    html = responses[-1].content.decode()
    assert "Ekonomia społeczna w praktyce" in html
    assert "Deklaracja dostępności" not in html
    searched = [message for message in warnings(caplog) if "admin searches" in message]
    assert len(searched) == 1


def test_admin_searches_of_documents_images_and_snippets_answer_from_the_database(
    admin_client, locales, elasticsearch_down, caplog
):
    with caplog.at_level(logging.WARNING):
        DocumentFactory(title="Regulamin spółdzielni socjalnej")
        DocumentFactory(title="Sprawozdanie roczne")
        ZoneFactory(slug="biznes", name="Strefa Biznesu")
        ImageFactory(title="Logo spółdzielni")
        documents = admin_client.get("/admin/documents/?q=regulamin")
        zones = admin_client.get("/admin/snippets/zones/zone/?q=biznes")
        images = admin_client.get("/admin/images/?q=logo")

    assert documents.status_code == 200
    assert "Regulamin spółdzielni socjalnej" in documents.content.decode()
    assert "Sprawozdanie roczne" not in documents.content.decode()
    assert zones.status_code == 200
    assert "Strefa Biznesu" in zones.content.decode()
    assert images.status_code == 200
    assert "Logo spółdzielni" in images.content.decode()
    assert len([message for message in warnings(caplog) if "admin searches" in message]) == 1


def test_an_editor_publishes_a_page_while_elasticsearch_is_down(
    admin_client, home, elasticsearch_down, caplog
):
    data = nested_form_data(
        {
            "title": "Nowa strona",
            "slug": "nowa-strona",
            "intro": "Wstęp.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    with caplog.at_level(logging.WARNING):
        response = admin_client.post(f"/admin/pages/add/core/standardpage/{home.pk}/", data)

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="nowa-strona")
    assert page.live
    skipped = [message for message in warnings(caplog) if "index not updated" in message]
    assert len(skipped) == 1
    assert not [record for record in caplog.records if record.exc_info], "no traceback per save"


def test_an_editor_uploads_a_document_while_elasticsearch_is_down(
    admin_client, locales, elasticsearch_down
):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Statut",
            "file": ContentFile("Statut spółdzielni.".encode(), name="statut.txt"),
            "collection": Collection.get_first_root_node().pk,
            "language": "pl",
        },
    )

    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Statut").exists()


def test_pages_stay_searchable_after_a_save_that_could_not_be_indexed(
    admin_client, home, elasticsearch_down
):
    """The database fallback reads the pages themselves, not an index the outage missed."""
    page = StandardPageFactory(parent=home, title="Spółdzielnia w Koninie")
    page.title = "Spółdzielnia w Kaliszu"
    page.save_revision().publish()

    html = admin_client.get("/admin/pages/search/?q=kaliszu").content.decode()
    assert "Spółdzielnia w Kaliszu" in html
    assert Page.objects.filter(title="Spółdzielnia w Kaliszu").exists()
