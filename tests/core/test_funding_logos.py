"""The funding strip shows the programme's logos in the editor's order with their alt text;
a logo that is still one of the shipped placeholder files is flagged to editors in the admin
(the listing and the edit screen), never to visitors."""

import pytest
from wagtail_factories import ImageFactory

from django.urls import reverse

from wagtail.models import Site

from portal.core.models import ProjectSettings
from tests.factories import FundingNoticeFactory, logo_value
from tests.html import select, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def logo(image, alt_text):
    return ("logo", {"image": logo_value(image, alt_text), "url": ""})


@pytest.fixture
def notice(home):
    """The programme's order: Kapitał Ludzki on the left (still a placeholder), the EU's
    emblem on the right (the official file)."""
    placeholder = ImageFactory(title="Logo KL", file__filename="placeholder-logo-kl.png")
    official = ImageFactory(title="Flaga UE", file__filename="ue-efs.png")
    notice = FundingNoticeFactory(
        text="<p>Projekt współfinansowany przez Unię Europejską w ramach EFS.</p>",
        logos=[logo(placeholder, "Kapitał Ludzki"), logo(official, "Unia Europejska, EFS")],
    )
    project = ProjectSettings.for_site(Site.objects.get(is_default_site=True))
    project.funding_notice = notice
    project.save()
    return notice


def test_strip_shows_the_logos_in_order_with_alt_text_and_no_placeholder_flag(client, notice):
    page = client.get("/pl/")
    strip = select(page, "footer .funding-notice")[0]
    images = select(strip, ".funding-notice__logos li img")
    assert [image["alt"] for image in images] == ["Kapitał Ludzki", "Unia Europejska, EFS"]
    assert all(image["height"] == "64" for image in images)  # one height for every logo
    # Below the fold on every page: the browser fetches them only when they are near.
    assert all(image["loading"] == "lazy" for image in images)
    assert "współfinansowany przez Unię Europejską" in text_of(
        select(strip, ".funding-notice__text")[0]
    )
    assert "zastępcz" not in text_of(strip).lower()
    assert "placeholder" not in text_of(strip).lower()


def test_admin_flags_placeholder_logos_until_the_official_file_is_chosen(admin_client, notice):
    listing = admin_client.get(reverse("wagtailsnippets_core_fundingnotice:list"))
    assert "1 plik zastępczy do wymiany" in texts_of_rows(listing)
    edit_url = reverse("wagtailsnippets_core_fundingnotice:edit", args=[notice.pk])
    flagged = select(admin_client.get(edit_url), ".help-warning li")
    assert [text_of(item) for item in flagged] == ["Logo KL (Kapitał Ludzki)"]

    notice.logos = [logo(ImageFactory(file__filename="kapital-ludzki.png"), "Kapitał Ludzki")]
    notice.save()
    assert "Pliki oficjalne" in texts_of_rows(
        admin_client.get(reverse("wagtailsnippets_core_fundingnotice:list"))
    )
    assert select(admin_client.get(edit_url), ".help-warning li") == []


def texts_of_rows(listing):
    return " ".join(text_of(row) for row in select(listing, "table tbody tr"))
