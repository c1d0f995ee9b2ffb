"""Every page type of the site exists in the demo in both languages, renders in each with
the right `<html lang>` and links its counterpart with hreflang."""

import os

import pytest

from django.core.management import call_command

from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(locales):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


def page_types():
    return [model for model in get_page_models() if model is not Page]


def test_every_page_type_renders_in_both_languages_and_links_its_counterpart(client, demo):
    missing = []
    for model in page_types():
        polish = model.objects.live().filter(locale__language_code="pl").first()
        english = polish and polish.get_translation_or_none(
            polish.locale.__class__.objects.get(language_code="en")
        )
        if english is None or not english.live:
            missing.append(model.__name__)
            continue
        polish_url, english_url = polish.get_url(), english.get_url()
        for url, lang, other in ((polish_url, "pl", english_url), (english_url, "en", polish_url)):
            response = client.get(url)
            html = response.content.decode()
            assert response.status_code == 200, url
            assert f'<html lang="{lang}">' in html, url
            code = "en" if lang == "pl" else "pl"
            assert f'hreflang="{code}" href="http://testserver{other}"' in html, url
    assert missing == [], "page types without a live Polish page and English translation"
