"""Editing the Polish source and syncing it through wagtail-localize's own admin view
("Sync translated pages") brings the English translation's synchronised fields up to date,
while the English text stays English."""

import datetime

import pytest
import wagtail_factories

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from portal.core.demo_content import translate
from portal.handbook.models import HandbookPage, HandbookStep
from tests.factories import DocumentFactory, NewsIndexPageFactory, NewsPageFactory, ZoneFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db


def sync(admin_client, instance):
    source = TranslationSource.objects.get_for_instance(instance)
    response = admin_client.post(
        f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}
    )
    assert response.status_code == 302


def test_syncing_a_news_article_updates_the_english_date_and_zones(
    admin_client, client, home, home_en, locales
):
    index = NewsIndexPageFactory(parent=home)
    translate(index, locales["en"], {"Aktualności": "News", "aktualnosci": "news"})
    wtz, business = ZoneFactory(slug="wtz"), ZoneFactory(slug="biznes")
    article = NewsPageFactory(parent=index, title="Spotkanie", slug="spotkanie", zones=[wtz])
    strings = {"Spotkanie": "Meeting", "spotkanie": "meeting", "Zajawka: Spotkanie": "Lead"}
    english = translate(article, locales["en"], strings)

    article = Page.objects.get(pk=article.pk).specific
    article.date = datetime.date(2026, 12, 1)
    article.zones = [business]
    article.lead = "Nowa zajawka"
    article.save_revision().publish()
    sync(admin_client, article)

    english = Page.objects.get(pk=english.pk).specific
    assert english.live
    assert english.date == datetime.date(2026, 12, 1)
    assert [zone.slug for zone in english.zones.all()] == ["biznes"]
    assert english.title == "Meeting"
    html = client.get("/en/news/meeting/").content.decode()
    assert "1 December 2026" in html


def test_syncing_the_model_updates_a_steps_files_and_zones_not_its_english_text(
    admin_client, home, home_en, locales
):
    wtz = ZoneFactory(slug="wtz")
    model = HandbookPage(title="Model", slug="model", intro="Wstęp")
    model.steps = [HandbookStep(title="Pierwszy krok", body="<p>Opis</p>")]
    home.add_child(instance=model)
    model.save_revision().publish()
    strings = {"Model": "The model", "model": "model", "Wstęp": "Intro"}
    strings |= {"Pierwszy krok": "First step", "Opis": "What happens"}
    english = translate(model, locales["en"], strings)

    document = DocumentFactory(title="Wzór umowy")
    model = HandbookPage.objects.get(pk=model.pk)
    step = model.steps.get()
    step.zones = [("zone", wtz)]
    step.downloads = [("document", document)]
    step.save()
    model.handbook = document
    model.save_revision().publish()
    sync(admin_client, model)

    english = HandbookPage.objects.get(pk=english.pk)
    english_step = english.steps.get()
    assert english.handbook == document
    assert english_step.title == "First step"
    assert [block.value for block in english_step.downloads] == [document]
    assert [block.value.slug for block in english_step.zones] == ["wtz"]


def test_syncing_a_zone_updates_its_colour_and_keeps_its_english_name(admin_client, locales):
    zone = ZoneFactory(slug="biznes", name="Strefa Biznesu", intro="Dla firm", audience="Firmy")
    strings = {"Strefa Biznesu": "Business zone", "Dla firm": "For companies", "Firmy": "Firms"}
    english = translate(zone, locales["en"], strings)
    zone.colour = Zone.Colour.PLUM
    zone.save()
    sync(admin_client, zone)
    english.refresh_from_db()
    assert english.colour == Zone.Colour.PLUM
    assert english.name == "Business zone"


def test_syncing_the_home_page_keeps_its_english_hero_and_shares_the_image(
    admin_client, client, home, locales
):
    home = Page.objects.get(pk=home.pk).specific
    home.hero_title, home.zones_heading = "Spółdzielnie przy WTZ", "Wybierz strefę"
    home.save_revision().publish()
    strings = {"Spółdzielnie przy WTZ": "Cooperatives beside workshops"}
    strings |= {"Wybierz strefę": "Choose your zone", "Portal WTZ": "Portal WTZ"}
    strings |= {"strona-glowna": "home", "Tekst wprowadzający": "Introduction"}
    english = translate(home, locales["en"], strings)

    image = wagtail_factories.ImageFactory()
    home = Page.objects.get(pk=home.pk).specific
    home.hero_image, home.hero_image_alt = image, "Uczestnicy przy pracy"
    home.save_revision().publish()
    sync(admin_client, home)

    english = Page.objects.get(pk=english.pk).specific
    assert english.hero_image == image
    assert english.hero_title == "Cooperatives beside workshops"
    assert english.zones_heading == "Choose your zone"
