"""The partnership page lists the leader and partners kept in the site settings."""

import pytest
from wagtail_factories import ImageFactory

from portal.association.models import PARTNER_LOGO, leader_and_partners
from portal.core.models import Partner
from tests.factories import PartnershipPageFactory
from tests.html import links, one, select, text_of, texts

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture
def partnership(standard_page, office):
    return PartnershipPageFactory(parent=standard_page)


def names(page):
    return texts(page, ".partner .partner__name")


def test_leader_comes_first_then_the_partners_with_their_roles(client, partnership, office):
    page = client.get(partnership.url)
    # The leader is second in the settings' order but first on the page.
    assert names(page) == ["Stowarzyszenie Na Rzecz Spółdzielni Socjalnych", "Konimpex Sp. z o.o."]
    roles = texts(page, ".partner .partner__role")
    assert roles == [str(Partner.Role.LEADER.label), str(Partner.Role.PARTNER.label)]
    website = "https://www.spoldzielnie.org"
    assert (website, website) in links(page, ".partner a")


def test_a_partner_added_in_the_settings_appears_on_the_page(client, partnership, office):
    office.partners.add(
        Partner(name="Regionalny Ośrodek Polityki Społecznej", role=Partner.Role.PARTNER)
    )
    office.save()
    page = client.get(partnership.url)
    assert names(page)[-1] == "Regionalny Ośrodek Polityki Społecznej"
    assert len(names(page)) == 3


def test_a_logo_is_described_by_the_partners_name(client, partnership, office):
    konimpex = office.partners.get(name="Konimpex Sp. z o.o.")
    konimpex.logo = ImageFactory(title="logo")
    konimpex.save()
    logo = one(client.get(partnership.url), ".partner img.partner__logo")
    assert logo["alt"] == "Konimpex Sp. z o.o."
    assert logo["src"] and logo["width"].isdigit() and logo["height"].isdigit()


@pytest.mark.parametrize("extra", [0, 4])
def test_partners_and_their_logos_cost_three_queries_whatever_their_number(
    office, django_assert_num_queries, extra
):
    logo = ImageFactory()
    for number in range(extra):
        office.partners.add(Partner(name=f"P{number}", role=Partner.Role.PARTNER))
    office.save()
    office.partners.update(logo=logo)
    logo.get_rendition(PARTNER_LOGO)  # made once, as on a site that has been visited
    with django_assert_num_queries(3):  # partners, their images, the images' renditions
        partners = leader_and_partners(office)
        renditions = [partner.logo.get_rendition(PARTNER_LOGO) for partner in partners]
    assert len(renditions) == 2 + extra


@pytest.mark.parametrize("language", ["pl", "en"])
def test_partnership_page_renders_in_both_languages(
    client, partnership, home_en, locales, language
):
    page = partnership
    if language == "en":
        partnership.get_parent().copy_for_translation(locales["en"]).save_revision().publish()
        page = partnership.copy_for_translation(locales["en"])
        page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert one(response, "html")["lang"] == language
    assert "Konimpex Sp. z o.o." in names(response)


def test_about_page_lists_its_sections_with_their_introductions(
    client, standard_page, partnership, project_index
):
    section = one(client.get(standard_page.url), "nav.section-pages")
    assert links(section, ".card__title a") == [  # in the editors' order (the tree's)
        ("Partnerstwo", partnership.url),
        ("Projekty realizowane", project_index.url),
    ]
    assert "Lider i partnerzy projektu." in text_of(section)


def test_about_page_leaves_out_drafts_and_has_no_section_list_without_children(
    client, standard_page, partnership
):
    partnership.unpublish()
    assert not select(client.get(standard_page.url), ".section-pages")
