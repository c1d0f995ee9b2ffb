"""The association's projects: listed by start date, newest first, with previous/next
links that follow the same order and stop at the ends."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from portal.core.demo_content import translate
from tests.factories import DocumentFactory, ProjectIndexPageFactory, ProjectPageFactory
from tests.html import one, parse, select, text_of, texts

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def project(index, title, start, end=None, **kwargs):
    return ProjectPageFactory(parent=index, title=title, start_date=start, end_date=end, **kwargs)


@pytest.fixture
def three_projects(project_index):
    # Created out of date order, so the order cannot come from the tree.
    sieci = project(
        project_index,
        "W sieci dobrych połączeń",
        datetime.date(2013, 12, 31),
        datetime.date(2015, 11, 30),
    )
    muflon = project(
        project_index, "Partnerstwo MUFLON", datetime.date(2007, 1, 1), datetime.date(2008, 8, 31)
    )
    wtz = project(
        project_index, "Model WTZ", datetime.date(2012, 10, 1), datetime.date(2015, 6, 30)
    )
    return muflon, wtz, sieci


def test_prev_next_follow_date_order_and_are_absent_at_the_ends(client, three_projects):
    muflon, wtz, sieci = three_projects
    assert (muflon.previous_project(), muflon.next_project()) == (None, wtz)
    assert (wtz.previous_project(), wtz.next_project()) == (muflon, sieci)
    assert (sieci.previous_project(), sieci.next_project()) == (wtz, None)

    def neighbours(page):
        """(rel, href, title) of each link to the previous or next project."""
        html = parse(client.get(page.url))
        return [
            (a["rel"][0], a["href"], a.contents[-1].strip()) for a in select(html, "main a[rel]")
        ]

    assert neighbours(wtz) == [
        ("prev", muflon.url, "Partnerstwo MUFLON"),
        ("next", sieci.url, "W sieci dobrych połączeń"),
    ]
    assert neighbours(muflon) == [("next", wtz.url, "Model WTZ")]
    assert neighbours(sieci) == [("prev", wtz.url, "Model WTZ")]


def test_prev_next_skip_drafts_and_other_listings(standard_page, three_projects):
    muflon, wtz, sieci = three_projects
    wtz.unpublish()
    other_index = ProjectIndexPageFactory(parent=standard_page.get_parent(), slug="inne")
    project(other_index, "Gdzie indziej", datetime.date(2010, 1, 1))
    assert muflon.next_project() == sieci
    assert sieci.previous_project() == muflon


def test_same_start_date_is_ordered_by_creation(project_index):
    first = project(project_index, "Pierwszy", datetime.date(2020, 1, 1))
    second = project(project_index, "Drugi", datetime.date(2020, 1, 1))
    assert first.next_project() == second
    assert second.previous_project() == first
    assert list(project_index.projects()) == [second, first]


def test_listing_shows_newest_first_with_dates_and_an_open_end(client, three_projects):
    project_index = three_projects[0].get_parent().specific
    project(project_index, "Projekt w toku", datetime.date(2024, 3, 1))
    html = client.get(project_index.url).content.decode()
    assert texts(html, ".project-item__title a") == [
        "Projekt w toku",
        "W sieci dobrych połączeń",
        "Model WTZ",
        "Partnerstwo MUFLON",
    ]
    dates = texts(html, ".project-item__meta")
    assert f"({gettext('under way')})" in dates[0]  # the ongoing project has no end date
    muflon_dates = select(select(html, ".project-item__meta")[-1], "time")
    assert [(time["datetime"], text_of(time)) for time in muflon_dates] == [
        ("2007-01-01", "1 stycznia 2007"),
        ("2008-08-31", "31 sierpnia 2008"),
    ]


def test_listing_costs_the_same_queries_for_2_and_12_and_pages_by_10(
    client, project_index, assert_queries_do_not_grow
):
    for number in range(2):
        project(project_index, f"P{number}", datetime.date(2010, 1, 1 + number))

    def grow():
        for number in range(10):
            project(project_index, f"Q{number:02d}", datetime.date(2011 + number, 1, 1))

    assert_queries_do_not_grow(project_index.url, grow)
    assert len(select(client.get(project_index.url), "li.project-item")) == 10
    assert len(select(client.get(project_index.url + "?page=2"), "li.project-item")) == 2
    assert client.get(project_index.url + "?page=9").status_code == 404


def test_end_before_start_is_refused_next_to_the_end_date(project_index):
    page = project(project_index, "Zły", datetime.date(2015, 1, 1))
    page.end_date = datetime.date(2014, 12, 31)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert list(error.value.message_dict) == ["end_date"]
    assert error.value.message_dict["end_date"] == [
        gettext("The project cannot end before it starts; check the dates.")
    ]


def language_and_text(client, page):
    """The language a page declares, and the text of its main content."""
    html = parse(client.get(page.url))
    return one(html, "html")["lang"], text_of(one(html, "main"))


def test_project_page_shows_funding_goal_partners_results_and_documents(client, project_index):
    document = DocumentFactory(title="Raport końcowy", file_size=2048)
    page = project(
        project_index,
        "Model WTZ",
        datetime.date(2012, 10, 1),
        datetime.date(2015, 6, 30),
        partners=[("ROPS w Poznaniu", "partner"), ("Konimpex", "partner")],
    )
    page.results = [("paragraph", "<p>Podręcznik dwunastu kroków.</p>")]
    page.documents = [("document", document)]
    page.save_revision().publish()
    language, main = language_and_text(client, page)
    assert language == "pl"
    assert "Program Operacyjny Kapitał Ludzki, Priorytet I, Działanie 1.2" in main
    assert "Cel projektu." in main
    assert "ROPS w Poznaniu – partner" in main
    assert "Podręcznik dwunastu kroków." in main
    assert "Raport końcowy" in main
    assert "PDF, 2,0" in main  # type and size of the file


def test_english_translation_keeps_dates_and_documents_and_translates_texts(
    client, project_index, home_en, locales
):
    document = DocumentFactory(title="Raport")
    about_en = translate(
        project_index.get_parent(), locales["en"], {"O projekcie": "About", "o-projekcie": "about"}
    )
    index_en = translate(
        project_index,
        locales["en"],
        {"Projekty realizowane": "Projects", "projekty-realizowane": "projects",
         "Projekty stowarzyszenia.": "The association's projects."},
    )  # fmt: skip
    page = project(
        project_index,
        "Model WTZ",
        datetime.date(2012, 10, 1),
        datetime.date(2015, 6, 30),
        slug="model-wtz",
        partners=[("Uniwersytet Warszawski", "lider")],
    )
    page.documents = [("document", document)]
    page.save_revision().publish()
    english = translate(
        page,
        locales["en"],
        {
            "Model WTZ": "WTZ model",
            "model-wtz": "wtz-model",
            "O projekcie Model WTZ.": "About the WTZ model.",
            "Program Operacyjny Kapitał Ludzki": "Human Capital Operational Programme",
            "Priorytet I, Działanie 1.2": "Priority I, Measure 1.2",
            "Cel projektu.": "The project's goal.",
            "Uniwersytet Warszawski": "University of Warsaw",
            "lider": "leader",
        },
    )
    assert english.get_parent().pk == index_en.pk
    assert index_en.get_parent().pk == about_en.pk
    assert (english.start_date, english.end_date) == (page.start_date, page.end_date)
    assert english.documents[0].value == document
    language, main = language_and_text(client, english)
    assert language == "en"
    assert "University of Warsaw – leader" in main
    assert "Human Capital Operational Programme, Priority I, Measure 1.2" in main
    assert "1 October 2012" in main
    assert english.next_project() is None and english.previous_project() is None


@pytest.mark.parametrize("language", ["pl", "en"])
def test_index_and_project_render_with_the_page_language(
    client, project_index, home_en, locales, language
):
    page = project(project_index, "Projekt", datetime.date(2020, 1, 1))
    if language == "en":
        project_index.get_parent().copy_for_translation(locales["en"]).save_revision().publish()
        project_index = project_index.copy_for_translation(locales["en"])
        project_index.save_revision().publish()
        page = page.copy_for_translation(locales["en"])
        page.save_revision().publish()
    for url in (project_index.url, page.url):
        response = client.get(url)
        assert response.status_code == 200
        assert one(response, "html")["lang"] == language
