"""What a page tells search engines and link previews about itself: the meta description,
OpenGraph and Twitter tags with a picture, and schema.org data (JSON-LD): the trail of
pages above it (BreadcrumbList) everywhere, and on the home page the organisation and the
site with its search (Organization, WebSite with SearchAction).

Built from fields the page types already have (Wagtail's `search_description`, else the
introduction, abstract, summary or lead), so editors write nothing twice. The result is
the same for every visitor of an address, so the `page_meta` tag keeps it in the fragment
cache: a warm page asks nothing for it, a cold one at most one query (the picture's
1200×630 rendition, found together with its image).
"""

import html
import re

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from .address import absolute_url

DESCRIPTION_LENGTH = 160
# Where a page's description comes from when editors left `search_description` empty.
SUMMARY_FIELDS = ("search_description", "intro", "abstract", "summary", "lead", "hero_text")
# The fields of the page types' own pictures (a news photo, a report's cover...).
IMAGE_FIELDS = ("image", "cover_image", "photo", "hero_image")
SHARE_FILTER = "fill-1200x630"
SHARE_SIZE = (1200, 630)
DEFAULT_SHARE_IMAGE = "img/share/portal-wtz.png"
ZONE_SHARE_IMAGE = "img/share/zone-{icon}.png"
# OpenGraph names a locale with its territory.
OG_LOCALES = {"pl": "pl_PL", "en": "en_GB"}
# The URL name of the site search's results page (portal.search), which the home page's
# WebSite names as its SearchAction: reversed by name, so core imports nothing of it.
SITE_SEARCH_URL_NAME = "site_search"
_SPACES = re.compile(r"\s+")


def plain_text(value):
    """Text without markup, entities or runs of white space (rich text becomes a line)."""
    return _SPACES.sub(" ", html.unescape(strip_tags(str(value)))).strip()


def first_paragraph(page):
    """The text of the first paragraph block of the page's body, read from its stored data
    (no rendering, so no query): the description of a page with no summary field."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None) or []
    return next(
        (block["value"] for block in raw if block.get("type") == "paragraph" and block["value"]),
        "",
    )


def page_description(page):
    """The page's description for search engines and previews: its own, else the first
    summary it has, as plain text of at most DESCRIPTION_LENGTH characters (cut at a word)."""
    summaries = (getattr(page, name, "") for name in SUMMARY_FIELDS)
    text = plain_text(next((found for found in summaries if found), "") or first_paragraph(page))
    if not text:
        text = _("The portal of the project for social cooperatives of WTZ participants.")
    return shortened(text)


def shortened(text, limit=DESCRIPTION_LENGTH):
    """`text` cut at the last word that fits in `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,.;:–-") + "…"


def editors_image(page):
    """(field name, image id) of the first picture the page has, or (None, None)."""
    for name in IMAGE_FIELDS:
        image_id = getattr(page, f"{name}_id", None)
        if image_id:
            return name, image_id
    return None, None


def share_rendition(image_id):
    """The 1200×630 rendition of image `image_id`, with its image, in one query (made on
    first use). None when the image is gone."""
    image_model = get_image_model()
    renditions = image_model.get_rendition_model().objects.filter(
        image_id=image_id, filter_spec=SHARE_FILTER
    )
    share_filter = Filter(spec=SHARE_FILTER)
    found = list(renditions.select_related("image"))
    for rendition in found:
        if rendition.focal_point_key == share_filter.get_cache_key(rendition.image):
            return rendition
    image = found[0].image if found else image_model.objects.filter(pk=image_id).first()
    return image.get_rendition(share_filter) if image else None


def share_image(page):
    """The picture of the page's link preview: its own (a 1200×630 rendition), a zone
    page's zone picture, else the site's picture (both shipped in static/)."""
    name, image_id = editors_image(page)
    rendition = share_rendition(image_id) if image_id else None
    if rendition is not None:
        setattr(page, name, rendition.image)  # the page's body shows it: asked for once
        return {
            "url": absolute_url(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, f"{name}_alt", "") or page.title,
            "own": True,
        }
    zone = getattr(page, "zone", None)
    path = ZONE_SHARE_IMAGE.format(icon=zone.icon) if zone is not None else DEFAULT_SHARE_IMAGE
    width, height = SHARE_SIZE
    alt = page.title if zone is not None else settings.WAGTAIL_SITE_NAME
    return {
        "url": absolute_url(static(path)),
        "width": width,
        "height": height,
        "alt": alt,
        "own": False,
    }


def breadcrumb_list(trail):
    """schema.org BreadcrumbList of `trail`: (name, absolute URL) from the home page down."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def organization_and_website(home_url, language_code):
    """schema.org Organization and WebSite (searchable through the site search) of the
    home page in `language_code`."""
    with translation.override(language_code):
        search = absolute_url(reverse(SITE_SEARCH_URL_NAME))
    name = settings.WAGTAIL_SITE_NAME
    return [
        {
            "@type": "Organization",
            "@id": f"{home_url}#organization",
            "name": name,
            "url": home_url,
            "logo": absolute_url(static(DEFAULT_SHARE_IMAGE)),
        },
        {
            "@type": "WebSite",
            "@id": f"{home_url}#website",
            "name": name,
            "url": home_url,
            "inLanguage": language_code,
            "publisher": {"@id": f"{home_url}#organization"},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{search}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        },
    ]


def preview_tags(meta):
    """(attribute, name, content) of the OpenGraph and Twitter <meta> elements for `meta`
    (what page_meta gathered: title, description, address, locales, picture)."""
    image = meta["image"]
    tags = [
        ("property", "og:type", meta["type"]),
        ("property", "og:title", meta["title"]),
        ("property", "og:description", meta["description"]),
        ("property", "og:url", meta["url"]),
        ("property", "og:site_name", settings.WAGTAIL_SITE_NAME),
        ("property", "og:locale", meta["locale"]),
        *(("property", "og:locale:alternate", code) for code in meta["alternate_locales"]),
        ("property", "og:image", image["url"]),
        ("property", "og:image:width", image["width"]),
        ("property", "og:image:height", image["height"]),
        ("property", "og:image:alt", image["alt"]),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", meta["title"]),
        ("name", "twitter:description", meta["description"]),
        ("name", "twitter:image", image["url"]),
        ("name", "twitter:image:alt", image["alt"]),
    ]
    return [
        {"attribute": attribute, "name": name, "content": content}
        for attribute, name, content in tags
    ]
