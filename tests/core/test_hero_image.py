"""The home page's hero image, like every image of the site, needs a description."""

import pytest
from wagtail_factories import ImageFactory

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

pytestmark = pytest.mark.django_db

MISSING = "Opisz obraz w nagłówku dla osób, które go nie widzą."


def edit_form(home, **changes):
    data = {
        "title": home.title,
        "slug": home.slug,
        "hero_title": home.hero_title,
        "hero_text": "",
        "hero_image": "",
        "hero_image_alt": "",
        "intro": rich_text(""),
        "zones_heading": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


def test_a_hero_image_without_a_description_is_refused_next_to_the_field(admin_client, home):
    image = ImageFactory()
    response = admin_client.post(
        f"/admin/pages/{home.pk}/edit/", edit_form(home, hero_image=image.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["hero_image_alt"] == [MISSING]
    home.refresh_from_db()
    assert home.hero_image is None


def test_a_described_hero_image_is_published(admin_client, client, home):
    image = ImageFactory()
    response = admin_client.post(
        f"/admin/pages/{home.pk}/edit/",
        edit_form(home, hero_image=image.pk, hero_image_alt="Uczestnicy warsztatów przy pracy"),
    )
    assert response.status_code == 302
    home.refresh_from_db()
    assert home.hero_image == image
    assert home.hero_image_alt == "Uczestnicy warsztatów przy pracy"
