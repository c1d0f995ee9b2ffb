"""Demo content of the core app: the page tree, the project settings, about pages. The texts
and facts are in demo.yaml beside this module."""

import io
import textwrap
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from wagtail.images.models import Image
from wagtail.models import Page, Site

from . import demo_content
from .models import (
    PLACEHOLDER_PREFIX,
    FundingNotice,
    HomePage,
    Partner,
    ProjectSettings,
    StandardPage,
)

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_content.demo_step(order=10)
def create_home_pages(demo):
    """The Polish home page as the site's root, and its English translation."""
    texts = demo_content.read_demo_data(DATA_FILE)["home"]
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    hero_image = demo_content.demo_illustration("home-hero", "Ilustracja: strona główna")
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            locale=demo.source_locale,
            title=texts["title"].pl,
            slug=texts["slug"].pl,
            hero_title=texts["hero_title"].pl,
            hero_text=texts["hero_text"].pl,
            intro=f"<p>{texts['intro'].pl}</p>",
            zones_heading=texts["zones_heading"].pl,
            hero_image=hero_image,
            hero_image_alt=texts["hero_image_alt"].pl,
        )
        demo_content.publish_child(root, home)
        demo.note("Polish home page")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Portal WTZ"
        )
    elif type(site.root_page.specific) is Page and site.root_page.depth == 2:
        # Still Wagtail's "Welcome to your new Wagtail site!" page: replace it. A root an
        # administrator chose is left alone.
        placeholder = site.root_page
        site.root_page = home
        site.site_name = site.site_name or "Portal WTZ"
        site.save()
        if not placeholder.get_children().exists():
            placeholder.delete()
    for locale in demo.translation_locales:
        if home.get_translation_or_none(locale) is None:
            demo_content.translate(home, locale, demo_content.segments(texts))
            demo.note(f"home page ({locale.language_code})")
    demo_content.add_missing_image(home, "hero_image", hero_image, texts["hero_image_alt"])
    demo.home_pages = {
        page.locale.language_code: page
        for page in HomePage.objects.filter(translation_key=home.translation_key)
    }


@demo_content.demo_step(order=30)
def create_project_settings(demo):
    """The office, the leader and partners, the funding notice with its logos."""
    data = demo_content.read_demo_data(DATA_FILE)
    texts = data["funding_notice"]
    notice = FundingNotice.objects.filter(locale=demo.source_locale).first()
    if notice is None:
        notice = FundingNotice.objects.create(
            locale=demo.source_locale,
            title=texts["title"],
            text=f"<p>{texts['text'].pl}</p>",
            logos=[
                (
                    "logo",
                    {
                        "image": {
                            "image": _logo_image(logo),
                            "alt_text": logo["alt"].pl,
                            "decorative": False,
                        },
                        "url": "",
                    },
                )
                for logo in texts["logos"]
            ],
        )
        demo.note("funding notice")
    strings = dict([texts["text"], *(logo["alt"] for logo in texts["logos"])])
    for locale in demo.translation_locales:
        if notice.get_translation_or_none(locale) is None:
            demo_content.translate(notice, locale, strings)
            demo.note(f"funding notice ({locale.language_code})")

    site = Site.objects.get(is_default_site=True)
    if not ProjectSettings.objects.filter(site=site).exists():
        project = ProjectSettings(site=site, funding_notice=notice, **data["office"])
        project.partners = [
            Partner(
                name=partner["name"],
                role=partner["role"],
                website=partner["website"],
                sort_order=index,
            )
            for index, partner in enumerate(data["partners"])
        ]
        project.save()
        demo.note("project settings and partners")


@demo_content.demo_step(order=40)
def create_standard_pages(demo):
    data = demo_content.read_demo_data(DATA_FILE)
    about_texts = data["about"]
    home = demo.home_pages["pl"]
    about = demo_content.existing_child(home, StandardPage, about_texts["slug"].pl)
    if about is None:
        texts = {key: text.pl for key, text in about_texts.items()}
        about = StandardPage(
            title=texts["title"],
            slug=texts["slug"],
            intro=texts["intro"],
            show_in_menus=True,
            body=[
                ("heading", {"text": texts["heading_goal"], "level": "h2"}),
                ("paragraph", f"<p>{texts['goal']}</p>"),
                ("heading", {"text": texts["heading_why"], "level": "h2"}),
                ("paragraph", f"<p>{texts['why']}</p>"),
                ("quote", {"text": texts["quote"], "attribution": texts["quote_by"]}),
            ],
        )
        demo_content.publish_child(home, about)
        demo.note("about page")
    demo_content.translate_missing(
        demo, about, demo_content.segments(about_texts), about_texts["title"].en
    )


def _logo_image(logo):
    """A neutral stand-in for an official logo: the logo's name in a plain frame, in a file
    named "placeholder-…" so the admin flags it until an editor chooses the real artwork
    (FundingNotice.placeholder_logos). Never an imitation of the EU emblem or the programme's
    sign: those come only from their owners' files."""
    kind, title = logo["kind"], logo["title"]
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (280, 112), "white")
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle((1, 1, 278, 110), radius=8, outline="#8a929c", width=2)
    font = ImageFont.truetype(str(demo_content.PDF_FONT), 20)
    lines = textwrap.wrap(logo["alt"].pl, width=22)
    draw.multiline_text(
        (140, 56), "\n".join(lines), font=font, fill="#4a5260", anchor="mm", align="center"
    )
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    name = f"{PLACEHOLDER_PREFIX}logo-{kind}.png"
    return Image.objects.create(title=title, file=demo_content.demo_file(name, buffer.getvalue()))
