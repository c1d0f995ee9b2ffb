"""The partnership page lists the leader and partners kept in the site settings."""

import re

import pytest
from wagtail_factories import ImageFactory

from portal.association.models import PARTNER_LOGO, leader_and_partners
from portal.core.models import Partner
from tests.factories import PartnershipPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


@pytest.fixture
def partnership(standard_page, office):
    return PartnershipPageFactory(parent=standard_page)


def names(html):
    return re.findall(r'<h2 class="partner__name">([^<]+)</h2>', html)


def test_leader_comes_first_then_the_partners_with_their_roles(client, partnership, office):
    html = client.get(partnership.url).content.decode()
    # The leader is second in the settings' order but first on the page.
    assert names(html) == ["Stowarzyszenie Na Rzecz Spółdzielni Socjalnych", "Konimpex Sp. z o.o."]
    roles = re.findall(r'<p class="partner__role">([^<]+)</p>', html)
    assert roles == [str(Partner.Role.LEADER.label), str(Partner.Role.PARTNER.label)]
    assert '<a href="https://www.spoldzielnie.org">https://www.spoldzielnie.org</a>' in html


def test_a_partner_added_in_the_settings_appears_on_the_page(client, partnership, office):
    office.partners.add(
        Partner(name="Regionalny Ośrodek Polityki Społecznej", role=Partner.Role.PARTNER)
    )
    office.save()
    html = client.get(partnership.url).content.decode()
    assert names(html)[-1] == "Regionalny Ośrodek Polityki Społecznej"
    assert len(names(html)) == 3


def test_a_logo_is_described_by_the_partners_name(client, partnership, office):
    konimpex = office.partners.get(name="Konimpex Sp. z o.o.")
    konimpex.logo = ImageFactory(title="logo")
    konimpex.save()
    html = client.get(partnership.url).content.decode()
    assert re.search(r'<img class="partner__logo" src="[^"]+" width="\d+" height="\d+" '
                     r'alt="Konimpex Sp. z o.o.">', html)  # fmt: skip


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
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "Konimpex Sp. z o.o." in html


def test_about_page_lists_its_sections_with_their_introductions(
    client, standard_page, partnership, project_index
):
    html = client.get(standard_page.url).content.decode()
    section = html[html.index('class="section-pages"') :]
    links = re.findall(r'<h3 class="card__title"><a href="([^"]+)">([^<]+)</a>', section)
    assert links == [  # in the editors' order (the tree's)
        (partnership.url, "Partnerstwo"),
        (project_index.url, "Projekty realizowane"),
    ]
    assert "Lider i partnerzy projektu." in section


def test_about_page_leaves_out_drafts_and_has_no_section_list_without_children(
    client, standard_page, partnership
):
    partnership.unpublish()
    html = client.get(standard_page.url).content.decode()
    assert 'class="section-pages"' not in html
