"""The base StreamField blocks: editors cannot publish an image without a description."""

import pytest
from pytest_django.asserts import assertInHTML

from django.utils import translation

from wagtail.blocks import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.core.blocks import CallToActionBlock, CaptionedImageBlock, LogoBlock
from tests.factories import StandardPageFactory, logo_value
from tests.html import links, one, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return Image.objects.create(title="Warsztat", file=get_test_image_file())


def image_value(image, alt_text="", decorative=False, caption=""):
    """A body image: Wagtail's ImageBlock inside, the caption beside (`image` is the
    image's id as stored, or the image itself as a page body is given in Python)."""
    return {
        "image": {"image": image, "alt_text": alt_text, "decorative": decorative},
        "caption": caption,
    }


def test_image_without_description_is_refused_unless_decorative(image):
    block = CaptionedImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(image_value(image.pk)))
    decorative = block.clean(block.to_python(image_value(image.pk, decorative=True)))
    assert decorative["image"].decorative is True
    described = block.clean(
        block.to_python(image_value(image.pk, alt_text="Uczestnicy przy pracy"))
    )
    assert described["image"].contextual_alt_text == "Uczestnicy przy pracy"


def test_decorative_image_is_rendered_with_empty_alt_even_if_described(client, home, image):
    body = [("image", image_value(image, alt_text="Zbędny opis", decorative=True))]
    page = StandardPageFactory(parent=home, slug="ozdobny", body=body)
    response = client.get(page.url)
    assert one(response, ".prose .figure img")["alt"] == ""
    assert "Zbędny opis" not in response.content.decode()


def test_logo_without_alt_text_is_refused_unless_decorative(image):
    block = LogoBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"image": logo_value(image.pk, alt_text=""), "url": ""}))
    with translation.override("pl"):
        errors = refused.value.as_json_data()
    assert errors == {
        "blockErrors": {
            "image": {
                "blockErrors": {
                    "alt_text": {
                        "messages": [
                            "Proszę dodaj tekst alternatywny do obrazka lub oznacz go jako"
                            " dekoracyjny"
                        ]
                    }
                }
            }
        }
    }
    decorative = logo_value(image.pk, alt_text="", decorative=True)
    assert block.clean(block.to_python({"image": decorative, "url": ""}))["image"].decorative


def test_linked_logo_cannot_be_decorative_for_it_names_the_link(image):
    block = LogoBlock()
    decorative = logo_value(image.pk, alt_text="", decorative=True)
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"image": decorative, "url": "https://efs.gov.pl/"}))
    with translation.override("pl"):
        errors = refused.value.as_json_data()
    assert errors["blockErrors"]["url"]["messages"] == [
        "Logo, które prowadzi pod adres, potrzebuje tekstu alternatywnego: to on nazywa link."
    ]
    described = {
        "image": logo_value(image.pk, alt_text="Unia Europejska"),
        "url": "https://efs.gov.pl/",
    }
    assert block.clean(block.to_python(described))["image"].contextual_alt_text == "Unia Europejska"


def test_call_to_action_needs_a_page_or_an_address():
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Zapisz się", "button_label": "Zapisz"}))


def test_standard_page_renders_every_block_type(client, home, image):
    body = [
        ("heading", {"text": "Cel projektu", "level": "h2"}),
        ("paragraph", "<p>Akapit <b>pogrubiony</b>.</p>"),
        ("image", image_value(image, alt_text="Uczestnicy przy pracy", caption="Pracownia")),
        ("quote", {"text": "Praca daje sens.", "attribution": "Uczestniczka"}),
        (
            "table",
            {
                "data": [["Rok", "Liczba"], ["2014", "5"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Zatrudnienie",
            },
        ),
        (
            "call_to_action",
            {
                "title": "Zostań partnerem",
                "text": "",
                "page": home,
                "url": "",
                "button_label": "Dowiedz się więcej",
            },
        ),
    ]
    page = StandardPageFactory(parent=home, slug="bloki", body=body)
    prose = one(client.get(page.url), ".prose")
    assertInHTML("<h2>Cel projektu</h2>", str(prose))
    assertInHTML("<b>pogrubiony</b>", str(prose))
    assert one(prose, ".figure img")["alt"] == "Uczestnicy przy pracy"
    assert text_of(one(prose, ".figure figcaption")) == "Pracownia"
    assertInHTML("<blockquote><p>Praca daje sens.</p></blockquote>", str(prose))
    table = one(prose, '.table-scroll[role="region"][tabindex="0"]')  # scrolls by keyboard
    assert table["aria-label"] == text_of(one(table, "table caption")) == "Zatrudnienie"
    assert links(prose, "a.button") == [("Dowiedz się więcej", "/pl/")]
