"""The base StreamField blocks: editors cannot publish an image without a description."""

import pytest

from wagtail.blocks import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.core.blocks import CallToActionBlock, CaptionedImageBlock
from tests.factories import StandardPageFactory

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
    html = client.get(page.url).content.decode()
    assert 'alt=""' in html
    assert "Zbędny opis" not in html


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
    html = client.get(page.url).content.decode()
    assert "<h2>Cel projektu</h2>" in html
    assert "<b>pogrubiony</b>" in html
    assert 'alt="Uczestnicy przy pracy"' in html
    assert "<figcaption>Pracownia</figcaption>" in html
    assert "<blockquote><p>Praca daje sens.</p></blockquote>" in html
    assert "<caption>Zatrudnienie</caption>" in html
    assert '<div class="table-scroll" role="region" tabindex="0" aria-label="Zatrudnienie">' in html
    assert '<a class="button" href="/pl/">Dowiedz się więcej</a>' in html
