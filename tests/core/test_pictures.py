"""Editors' images reach visitors as `<picture>`s: AVIF and WebP for the browsers that read
them, a JPEG for the others, the space kept by width and height, the top image loaded first
and the rest only when scrolled to, and crops that keep what the editor marked as important."""

import io

import pytest
from PIL import Image as PILImage
from wagtail_factories import ImageFactory

from django.core.files.base import ContentFile

from portal.core.images import PLACEMENTS
from tests.factories import StandardPageFactory, ZoneFactory, ZonePageFactory
from tests.html import one, select

pytestmark = pytest.mark.django_db

RED, BLUE = (200, 0, 0), (0, 0, 200)


def two_colour_image(**focal_point):
    """A wide image, red on its left three quarters and blue on its right quarter."""
    canvas = PILImage.new("RGB", (1200, 400), RED)
    canvas.paste(BLUE, (900, 0, 1200, 400))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return ImageFactory(file=ContentFile(buffer.getvalue(), name="two-colours.png"), **focal_point)


def test_the_hero_is_a_picture_loaded_first(client, home):
    home.hero_image, home.hero_image_alt = ImageFactory(), "Uczestnicy warsztatów przy pracy"
    home.save_revision().publish()
    picture = one(client.get(home.url), ".hero picture")
    sources = {source["type"]: source for source in select(picture, "source")}
    assert list(sources) == ["image/avif", "image/webp"]
    assert all(".avif " in part for part in sources["image/avif"]["srcset"].split(", "))
    img = one(picture, "img")
    assert img["src"].endswith(".jpg")
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["alt"] == "Uczestnicy warsztatów przy pracy"
    assert (img["loading"], img["fetchpriority"]) == ("eager", "high")
    assert img["sizes"] == sources["image/webp"]["sizes"] == PLACEMENTS["hero"].sizes
    assert len(img["srcset"].split(", ")) == len(PLACEMENTS["hero"].resizes)


def test_a_zone_page_shows_its_illustration_in_its_header(client, home):
    zone_page = ZonePageFactory(
        parent=home,
        zone=ZoneFactory(),
        illustration=ImageFactory(),
        illustration_alt="Spotkanie w urzędzie gminy",
    )
    img = one(client.get(zone_page.url), ".zone-header picture img")
    assert img["alt"] == "Spotkanie w urzędzie gminy"
    assert img["loading"] == "eager"


def test_a_picture_in_a_pages_body_waits_until_it_is_scrolled_to(client, home):
    image = {"image": ImageFactory(), "alt_text": "Stół stolarski", "decorative": False}
    page = StandardPageFactory(
        parent=home, body=[("image", {"image": image, "caption": "W warsztacie"})]
    )
    img = one(client.get(page.url), ".figure picture img")
    assert (img["alt"], img["loading"]) == ("Stół stolarski", "lazy")
    assert not img.has_attr("fetchpriority")
    assert [source["type"] for source in select(img.parent, "source")] == [
        "image/avif",
        "image/webp",
    ]


@pytest.mark.parametrize("placement", ["story_card", "hero", "zone"])
def test_a_crop_keeps_the_focal_point(placement):
    """A crop of the wide image narrower than it keeps the blue quarter the editor marked
    (the middle of the image, which a crop without a focal point keeps, is red)."""
    image = two_colour_image(
        focal_point_x=1050, focal_point_y=200, focal_point_width=200, focal_point_height=200
    )
    centred = two_colour_image()
    spec = PLACEMENTS[placement].specs[-1]  # the widest JPEG
    cropped, middle = (crop(picture, spec) for picture in (image, centred))
    width, height = cropped.size
    focus = (width * 3 // 4, height // 2)
    assert cropped.getpixel(focus)[2] > 150, "the focal area is blue in the crop"
    assert middle.getpixel(focus)[0] > 150, "a crop without a focal point keeps red there"


def crop(image, spec):
    """The pixels of the image's rendition `spec`."""
    with image.get_rendition(spec).file.open("rb") as file:
        return PILImage.open(io.BytesIO(file.read())).convert("RGB")
