"""The demo builds the association's pages once, in both languages, and never twice."""

import datetime

import pytest

from django.core.management import call_command

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from portal.association.models import (
    ContactFormField,
    ContactPage,
    PartnershipPage,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
)
from portal.core.navigation import main_menu

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            ProjectIndexPage,
            ProjectPage,
            ProjectPartner,
            PartnershipPage,
            ContactPage,
            ContactFormField,
        )
    }


@pytest.fixture
def demo_site(shared_demo, db):
    return Site.objects.get(is_default_site=True)


def test_running_twice_changes_nothing(demo_site):
    first = counts()
    load()
    assert counts() == first
    assert first["ProjectPage"] == 6  # three projects in two languages
    assert first["ContactPage"] == 2


def test_projects_partnership_and_contact_exist_in_both_languages(client, demo_site, mailoutbox):
    index = ProjectIndexPage.objects.get(locale__language_code="pl")
    assert index.get_parent().slug == "o-projekcie"
    projects = list(index.projects())
    assert [project.slug for project in projects] == [
        "w-sieci-dobrych-polaczen",
        "model-aktywizacji-uczestnikow-wtz",
        "partnerstwo-muflon",
    ]
    sieci, _wtz, muflon = projects
    assert (sieci.start_date, sieci.end_date) == (
        datetime.date(2013, 12, 31),
        datetime.date(2015, 11, 30),
    )
    assert (muflon.start_date, muflon.end_date) == (
        datetime.date(2007, 1, 1),
        datetime.date(2008, 8, 31),
    )
    profiles = [block for block in sieci.body if block.block_type == "paragraph"]
    assert len(profiles) == 3  # integration, service and mixed

    # The English pages are wagtail-localize translations, below the English about page.
    assert ProjectPage.objects.filter(locale__language_code="en").count() == 3
    for url in (
        "/en/about-the-project/projects-carried-out/",
        "/en/about-the-project/projects-carried-out/muflon-partnership/",
        "/en/about-the-project/partnership/",
        "/en/contact/",
        "/pl/o-projekcie/projekty-realizowane/w-sieci-dobrych-polaczen/",
        "/pl/o-projekcie/partnerstwo/",
        "/pl/kontakt/",
    ):
        assert client.get(url).status_code == 200, url
    labels = list(
        ContactFormField.objects.filter(locale__language_code="en").values_list("label", flat=True)
    )
    assert labels[:4] == ["Name", "E-mail address", "Subject", "Message"]

    # "Kontakt" ends the main menu in both languages.
    home = demo_site.root_page.specific
    english_home = home.get_translation(ContactPage.objects.get(slug="contact").locale)
    assert list(main_menu(home))[-1].title == "Kontakt"
    assert list(main_menu(english_home))[-1].title == "Contact"

    # The form sends to the office's real address in the settings.
    response = client.post(
        "/pl/kontakt/",
        {
            "imie_i_nazwisko": "Jan Kowalski",
            "email": "jan@example.org",
            "wiadomosc": "Dzień dobry!",
            "zgoda": "on",
        },
    )
    assert response.status_code == 302
    assert FormSubmission.objects.count() == 1
    assert mailoutbox[0].to == ["biuro@spoldzielnie.org"]
