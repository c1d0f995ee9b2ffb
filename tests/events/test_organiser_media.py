"""Organisers put images and documents on events: the choosers list the library and offer
an upload tab, for the group as `set_up_organisers` leaves it."""

import pytest
from wagtail_factories import ImageFactory

from wagtail.models import Collection

from tests.factories import DocumentFactory
from tests.html import parse, select

pytestmark = pytest.mark.django_db


def chooser(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return parse(response.json()["html"])


@pytest.mark.parametrize(
    ("url", "factory", "upload_field"),
    [
        ("/admin/images/chooser/", ImageFactory, "image-chooser-upload-file"),
        ("/admin/documents/chooser/", DocumentFactory, "document-chooser-upload-file"),
    ],
)
def test_organiser_chooses_from_the_library_and_uploads(
    client, organiser, url, factory, upload_field
):
    factory(title="Plakat spotkania", collection=Collection.get_first_root_node())
    client.force_login(organiser)

    html = chooser(client, url)

    assert "Plakat spotkania" in html.get_text()
    assert select(html, f'form input[type="file"][name="{upload_field}"]')
