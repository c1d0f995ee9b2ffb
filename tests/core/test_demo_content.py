"""`load_demo_content` builds the site once (the association's pages included) and never
duplicates or overwrites it. Outside the browser tests, the only module that builds the demo."""

import datetime
import re

import pytest

from django.core.management import call_command

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Site, get_page_models
from wagtail_localize.models import Translation

from portal.association.models import (
    ContactFormField,
    ContactPage,
    PartnershipPage,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
)
from portal.core.models import FundingNotice, HomePage, Partner, ProjectSettings, StandardPage
from portal.core.navigation import main_menu
from portal.polls.models import Poll
from zones.models import Zone

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "zones": Zone.objects.count(),
        "partners": Partner.objects.count(),
        "notices": FundingNotice.objects.count(),
        "translations": Translation.objects.count(),
        "polls": Poll.objects.count(),
        "poll blocks": sum(
            block.block_type == "poll" for page in StandardPage.objects.all() for block in page.body
        ),
        "votes": sorted(Poll.objects.with_total_votes().values_list("total_votes", flat=True)),
        **{
            model.__name__: model.objects.count()
            for model in (
                ProjectIndexPage,
                ProjectPage,
                ProjectPartner,
                PartnershipPage,
                ContactPage,
                ContactFormField,
            )
        },
    }


@pytest.fixture
def demo_site(shared_demo, db):
    return Site.objects.get(is_default_site=True)


def test_running_twice_changes_nothing(demo_site):
    first = counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first
    assert first["zones"] == 8  # four zones in Polish and in English
    assert first["polls"] == 2  # one poll in Polish and in English
    assert first["poll blocks"] == 2  # on the about page in both languages
    assert first["votes"] == [855, 855]
    assert first["partners"] == 3
    assert first["ProjectPage"] == 6  # three projects in two languages
    assert first["ContactPage"] == 2


def test_builds_polish_home_as_site_root_with_english_translation(demo_site):
    home = demo_site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "pl"
    english = home.get_translation(home.locale.__class__.objects.get(language_code="en"))
    assert english.live
    # created through wagtail-localize, so the admin can sync it
    assert Translation.objects.filter(source__object_id=home.translation_key).exists()
    assert english.get_children().live().count() == home.get_children().live().count()
    # served where PORTAL_BASE_URL says (the demo loader runs configure_site)
    assert demo_site.root_url == "http://testserver"


def test_settings_hold_the_real_office_and_partners(demo_site):
    project = ProjectSettings.for_site(demo_site)
    assert project.street == "ul. Chłapowskiego 15/1"
    assert (project.postcode, project.city) == ("61-504", "Poznań")
    assert project.email == "biuro@spoldzielnie.org"
    roles = list(project.partners.values_list("name", "role"))
    assert roles[0] == ("Stowarzyszenie Na Rzecz Spółdzielni Socjalnych", "leader")
    assert {name for name, _ in roles[1:]} == {
        "Regionalny Ośrodek Polityki Społecznej w Poznaniu",
        "Konimpex Sp. z o.o.",
    }
    assert "Kapitał Ludzki" in project.funding_notice.text


def test_the_four_zones_exist_in_both_languages(demo_site):
    polish = list(Zone.objects.filter(locale__language_code="pl").values_list("name", flat=True))
    english = list(Zone.objects.filter(locale__language_code="en").values_list("name", flat=True))
    assert polish == [
        "Strefa Samorządów",
        "Strefa WTZ",
        "Strefa Biznesu",
        "Strefa Współpracy Międzynarodowej",
    ]
    assert english[0] == "Local Government Zone"
    assert len(english) == 4


def test_keeps_what_an_editor_changed(demo_site):
    project = ProjectSettings.for_site(demo_site)
    project.phone = "61 123 45 67"
    project.office_name = ""
    project.save()
    project.partners.filter(name="Konimpex Sp. z o.o.").delete()
    about = StandardPage.objects.get(slug="o-projekcie")
    about.title = "O nas"
    about.save_revision().publish()

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

    project = ProjectSettings.for_site(demo_site)
    assert project.phone == "61 123 45 67"
    assert project.office_name == ""
    assert project.partners.count() == 2
    assert StandardPage.objects.get(slug="o-projekcie").title == "O nas"


def test_demo_pages_render_in_both_languages(client, demo_site):
    for url in (
        "/pl/",
        "/en/",
        "/pl/o-projekcie/",
        "/en/about-the-project/",
        "/pl/deklaracja-dostepnosci/",
        "/en/accessibility-statement/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    english = client.get("/en/").content.decode()
    assert "Choose your zone" in english
    assert "International Cooperation Zone" in english
    assert "co-financed by the European Union" in english
    assert '<a href="/en/accessibility-statement/">Accessibility statement</a>' in english


def page_types():
    return [model for model in get_page_models() if model is not Page]


def test_every_page_type_renders_in_both_languages_and_links_its_counterpart(client, demo_site):
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


def test_the_about_page_shows_the_poll_in_each_language(client, demo_site):
    polish = client.get("/pl/o-projekcie/").content.decode()
    english = client.get("/en/about-the-project/").content.decode()

    assert '<legend class="poll__question">Czy planujesz założyć spółdzielnię socjalną?' in polish
    assert ">Tak, ale za kilka lat</label>" in polish
    assert (
        '<legend class="poll__question">Are you planning to found a social cooperative?' in english
    )
    assert ">Yes, but in a few years</label>" in english
    assert "Why a social cooperative" in english  # the rest of the translation is kept
    english_poll = Poll.objects.get(locale__language_code="en")
    assert f'action="/en/sonda/{english_poll.pk}/"' in english


def test_the_main_menu_reads_in_the_order_of_the_sites_structure(client, demo_site):
    def menu(url):
        html = client.get(url).content.decode()
        nav = html[html.index('id="main-nav-list"') : html.index("</nav>", html.index("main-nav"))]
        return re.findall(
            r"<summary[^>]*>([^<]+)</summary>|<li><a href=\"[^\"]+\"[^>]*>([^<]+)</a>", nav
        )

    def top_level(entries):
        labels = [summary or link for summary, link in entries]
        zones = labels.index("Strefy" if "Strefy" in labels else "Zones")
        return labels[: zones + 1] + labels[zones + 5 :]  # the four zones fold under "Strefy"

    assert top_level(menu("/pl/")) == [
        "O projekcie",
        "Model",
        "Strefy",
        "Badania i analizy",
        "Aktualności",
        "Wydarzenia",
        "Kontakt",
    ]
    assert top_level(menu("/en/")) == [
        "About the project",
        "The model",
        "Zones",
        "Research and analyses",
        "News",
        "Events",
        "Contact",
    ]


def test_projects_partnership_and_contact_exist_in_both_languages(
    client, demo_site, mailoutbox, django_capture_on_commit_callbacks
):
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
    with django_capture_on_commit_callbacks(execute=True):
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
