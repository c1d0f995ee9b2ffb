"""Easy-to-read pages: lines with their pictograms (and what they show, said in alt text),
the links to them from the header and from the pages they are versions of, and the sign
language page that loads nothing from the video's host until the visitor asks."""

import pytest
from wagtail_factories import ImageFactory

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.easyread.blocks import LineBlock, SignLanguageVideoBlock
from portal.easyread.models import EasyReadPage
from portal.easyread.video import embed_for
from tests.factories import (
    EasyReadPageFactory,
    HandbookPageFactory,
    SignLanguagePageFactory,
    ZoneFactory,
    ZonePageFactory,
    translate,
)
from tests.html import links, one, select, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home, home_en):
    """The easy-to-read section below the home page (its easy version), in both languages."""
    page = EasyReadPageFactory(
        parent=home, title="Tekst łatwy do czytania", slug="etr", easy_read_of=home
    )
    translate(page, title="Easy to read", slug="easy-to-read")
    return page


def test_lines_render_one_sentence_each_with_its_pictogram_described(client, section):
    image = ImageFactory()
    section.body = [
        ("heading", "Po co jest portal"),
        ("line", {"text": "Ten portal jest o pracy.", "pictogram": "work"}),
        ("line", {"text": "Tu jest nasz warsztat.", "image": image, "alt_text": "Warsztat"}),
        ("line", {"text": "Możesz nas zapytać.", "pictogram": ""}),
    ]
    section.save_revision().publish()

    page = client.get(section.url)

    assert text_of(one(page, "main h2.easy-read__heading")) == "Po co jest portal"
    lines = select(page, "main .easy-read__line")
    assert [text_of(line.select_one("p")) for line in lines] == [
        "Ten portal jest o pracy.",
        "Tu jest nasz warsztat.",
        "Możesz nas zapytać.",
    ]
    pictogram, picture = lines[0].select_one("img"), lines[1].select_one("img")
    assert pictogram["alt"] == "Praca"
    assert pictogram["src"].endswith("easyread/pictograms/work.svg")
    assert picture["alt"] == "Warsztat"
    assert lines[2].select_one("img") is None


def test_an_image_without_a_description_is_refused():
    block = LineBlock()
    value = block.to_python({"text": "Zdanie.", "image": ImageFactory().pk, "alt_text": " "})
    with pytest.raises(ValidationError) as refused:
        block.clean(value)
    assert "alt_text" in refused.value.block_errors


def test_the_header_links_to_the_easy_to_read_section_in_each_language(client, section):
    polish = client.get("/pl/")
    english = client.get("/en/")

    assert ("Tekst łatwy do czytania (ETR)", section.url) in links(polish, ".reader-bar__links a")
    assert ("Easy to read", "/en/easy-to-read/") in links(english, ".reader-bar__links a")


def test_home_zone_and_model_pages_link_to_their_easy_versions(client, home, section):
    zone_page = ZonePageFactory(parent=home, zone=ZoneFactory(slug="wtz"))
    model = HandbookPageFactory(parent=home)
    zone_version = EasyReadPageFactory(parent=section, easy_read_of=zone_page)
    model_version = EasyReadPageFactory(parent=section, easy_read_of=model)
    without_version = EasyReadPageFactory(parent=section)

    for page, version in [(home, section), (zone_page, zone_version), (model, model_version)]:
        found = links(client.get(page.url), "main .easy-read-link a")
        assert found == [("Ta strona w tekście łatwym do czytania", version.url)], page.url
    assert select(client.get(without_version.url), "main .easy-read-link") == []


def test_the_english_home_page_links_to_the_english_easy_version(client, section):
    found = links(client.get("/en/"), "main .easy-read-link a")
    assert found == [("This page in easy-to-read text", "/en/easy-to-read/")]


def test_the_section_lists_its_pages_in_a_fixed_number_of_queries(
    section, assert_queries_do_not_grow
):
    EasyReadPageFactory(parent=section)
    SignLanguagePageFactory(parent=section)
    assert_queries_do_not_grow(
        section.url, lambda: EasyReadPageFactory.create_batch(3, parent=section)
    )


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://www.youtube.com/watch?v=PJMdemo0001", "https://www.youtube-nocookie.com/embed/PJMdemo0001?autoplay=1"),
        ("https://youtu.be/PJMdemo0001", "https://www.youtube-nocookie.com/embed/PJMdemo0001?autoplay=1"),
        ("https://vimeo.com/123456789", "https://player.vimeo.com/video/123456789?autoplay=1"),
        ("https://media.example.org/pjm.mp4", "https://media.example.org/pjm.mp4"),
    ],
)  # fmt: skip
def test_videos_play_from_their_hosts_player(url, player):
    assert embed_for(url).src == player


@pytest.mark.parametrize(
    "url", ["https://example.org/strona", "http://www.youtube.com/watch?v=PJMdemo0001", ""]
)
def test_an_address_the_page_cannot_play_is_refused(url):
    block = SignLanguageVideoBlock()
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"title": "Film", "url": url, "description": ""}))
    assert "url" in refused.value.block_errors


def test_the_sign_language_page_links_to_the_video_and_allows_only_its_player(client, section):
    page = SignLanguagePageFactory(parent=section)

    response = client.get(page.url)
    other = client.get(section.url)

    assert links(response, "main .sign-video a") == [
        ("Obejrzyj film: O portalu w PJM", "https://www.youtube.com/watch?v=PJMdemo0001")
    ]
    assert select(response, "main iframe") == []
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["frame-src"] == "https://www.youtube-nocookie.com"
    assert policy["script-src"] == "'self'"
    assert "frame-src" not in other["Content-Security-Policy"]
    assert ("Polski język migowy (PJM)", page.url) in links(response, ".reader-bar__links a")


def test_an_editor_adds_an_easy_read_page_and_is_told_to_describe_its_image(admin_client, home):
    image = ImageFactory()
    data = nested_form_data(
        {
            "title": "Tekst łatwy",
            "slug": "tekst-latwy",
            "easy_read_of": "",
            "body": streamfield(
                [("line", {"text": "Tu jest warsztat.", "pictogram": "", "image": image.pk})]
            ),
        }
    )
    url = f"/admin/pages/add/easyread/easyreadpage/{home.pk}/"

    refused = admin_client.post(url, data)

    assert refused.status_code == 200  # the form again, with the error by the field
    assert "Napisz, co przedstawia obraz." in refused.content.decode()
    data["body-0-value-alt_text"] = "Warsztat stolarski"
    assert admin_client.post(url, data).status_code == 302
    assert EasyReadPage.objects.child_of(home).get().body[0].value["alt_text"] == (
        "Warsztat stolarski"
    )
