"""The footer of every page shows the office, the partners and the funding notice."""

import datetime

import pytest
from wagtail_factories import ImageFactory

from wagtail.models import Site

from portal.core.models import FundingNotice, Partner, ProjectSettings
from tests.factories import StandardPageFactory, logo_value
from tests.html import links, one, select, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture
def project(home, locales):
    project = ProjectSettings.for_site(Site.objects.get(is_default_site=True))
    project.office_name = "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"
    project.street = "ul. Chłapowskiego 15/1"
    project.postcode = "61-504"
    project.city = "Poznań"
    project.phone = "61 887 11 66"
    project.email = "biuro@spoldzielnie.org"
    project.funding_notice = FundingNotice.objects.create(
        locale=locales["pl"], title="EFS", text="<p>Projekt współfinansowany przez UE.</p>"
    )
    project.partners = [
        Partner(name="Stowarzyszenie Na Rzecz Spółdzielni Socjalnych", role=Partner.Role.LEADER),
        Partner(name="Konimpex Sp. z o.o.", role=Partner.Role.PARTNER),
    ]
    project.save()
    return project


def footer_of(client, url):
    return one(client.get(url), "footer.site-footer")


def footer_text(client, url):
    return text_of(footer_of(client, url))


def test_footer_shows_office_contact_partners_and_funding(client, project, standard_page):
    for url in ("/pl/", standard_page.url):
        footer = footer_of(client, url)
        shown = text_of(footer)
        assert "ul. Chłapowskiego 15/1" in shown
        assert "61-504 Poznań" in shown
        assert links(footer, "address a") == [
            ("61 887 11 66", "tel:618871166"),
            ("biuro@spoldzielnie.org", "mailto:biuro@spoldzielnie.org"),
        ]
        assert "Lider projektu:" in shown
        assert "Konimpex Sp. z o.o." in shown
        assert "Projekt współfinansowany przez UE." in shown


def test_funding_logos_say_what_they_show_and_lead_where_the_editor_set(client, project):
    described, decorative = ImageFactory(), ImageFactory()
    project.funding_notice.logos = [
        ("logo", {"image": logo_value(described, "Unia Europejska"), "url": "https://efs.gov.pl/"}),
        ("logo", {"image": logo_value(decorative, "Zbędny opis", decorative=True), "url": ""}),
    ]
    project.funding_notice.save()
    logos = select(footer_of(client, "/pl/"), ".funding-notice__logos li")
    assert [logo.find("img")["alt"] for logo in logos] == ["Unia Europejska", ""]
    assert [logo.a["href"] if logo.a else None for logo in logos] == ["https://efs.gov.pl/", None]


def test_changing_a_setting_changes_the_page(client, project):
    project.phone = "61 000 00 00"
    project.save()
    project.partners.get(name="Konimpex Sp. z o.o.").delete()
    shown = footer_text(client, "/pl/")
    assert "61 000 00 00" in shown
    assert "61 887 11 66" not in shown
    assert "Konimpex" not in shown


def test_opening_hours_shown_only_when_complete(client, project):
    assert "Czynne" not in footer_text(client, "/pl/")
    project.open_days = ProjectSettings.Weekdays.MON_FRI
    project.opens_at = datetime.time(9)
    project.closes_at = datetime.time(15, 30)
    project.save()
    assert "Czynne: od poniedziałku do piątku, 09:00–15:30" in footer_text(client, "/pl/")


def test_english_pages_show_the_english_funding_notice(client, project, home_en, locales):
    notice = project.funding_notice
    english = notice.copy_for_translation(locales["en"])
    english.text = "<p>Co-financed by the European Union.</p>"
    english.save()
    assert "Co-financed by the European Union." in footer_text(client, "/en/")
    assert "Projekt współfinansowany przez UE." in footer_text(client, "/pl/")


def test_footer_links_the_accessibility_statement_in_each_language(
    client, project, home_en, locales
):
    statement = StandardPageFactory(
        parent=project.site.root_page, title="Deklaracja dostępności", slug="deklaracja"
    )
    english = statement.copy_for_translation(locales["en"])
    english.title = "Accessibility statement"
    english.slug = "accessibility"
    english.save_revision().publish()
    project.accessibility_page = statement
    project.save()

    assert ("Deklaracja dostępności", "/pl/deklaracja/") in links(footer_of(client, "/pl/"))
    assert ("Accessibility statement", "/en/accessibility/") in links(footer_of(client, "/en/"))


@pytest.mark.parametrize(
    ("days", "opens", "closes", "field"),
    [
        (ProjectSettings.Weekdays.MON_FRI, datetime.time(17), datetime.time(9), "closes_at"),
        (ProjectSettings.Weekdays.MON_FRI, datetime.time(9), None, "open_days"),
        ("", datetime.time(9), datetime.time(15), "open_days"),
    ],
)
def test_incomplete_or_reversed_opening_hours_are_refused(project, days, opens, closes, field):
    from django.core.exceptions import ValidationError

    project.open_days, project.opens_at, project.closes_at = days, opens, closes
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert field in refused.value.message_dict


def test_english_pages_mark_the_untranslated_office_and_partner_names_as_polish(
    client, project, home_en
):
    """The settings are not translated: on an English page a screen reader must read the
    association's name and street as Polish; on a Polish page nothing needs marking."""
    polish_names = ".site-footer address [lang=pl], .site-footer__partners [lang=pl]"
    english = select(client.get("/en/"), polish_names)
    assert [text_of(element) for element in english] == [
        "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych",
        "ul. Chłapowskiego 15/1",
        "61-504 Poznań",
        "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych",
        "Konimpex Sp. z o.o.",
    ]
    assert select(client.get("/pl/"), polish_names) == []
