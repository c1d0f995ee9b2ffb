"""Where the easy-to-read versions are, for the header and for the pages that have one.

The header links to the easy-to-read section (the shallowest live EasyReadPage of the active
language) and to the sign language page; a page of the site links to the easy-to-read page
that names it in `easy_read_of`. All of it comes with the header's query (the pages are
registered as `FramePages`), kept in the fragment cache (a publish stores a new fragment
version), keyed by translation key so a translated page finds the translated version.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.utils import translation

from wagtail.models import Locale, Page

from portal.core import fragments
from portal.core.navigation import FramePages, frame_pages

from .models import SignLanguagePage


def easy_read_links(request, page=None):
    """{"section": url, "sign_language": url, "versions": {translation key: url}} in the
    visitor's language, from the fragment cache."""
    return fragments.cached_fragment(request, "easy_read_links", lambda: _links(request, page))


def version_url(request, page):
    """The address of `page`'s easy-to-read version, or "" when it has none."""
    key = getattr(page, "translation_key", None)
    if key is None:
        return ""
    return easy_read_links(request, page)["versions"].get(str(key), "")


def _links(request, current=None):
    locale = _active_locale()
    links = {"section": "", "sign_language": "", "versions": {}}
    if locale is None:
        return links
    for page in _pages(request, locale, current):
        url = page.get_url(request)
        if not url:
            continue
        if page.content_type_id == _sign_language_type():
            links["sign_language"] = links["sign_language"] or url
            continue
        links["section"] = links["section"] or url
        if page.frame_easy_read_of is not None:
            links["versions"].setdefault(str(page.frame_easy_read_of), url)
    return links


def easy_read_pages():
    """The live public easy-to-read and sign language pages (every language), each with
    the translation key of the page it is a version of: they come with the header's query."""
    return FramePages(
        "easy_read",
        lambda: (
            Q(live=True)
            & (Q(easyreadpage__isnull=False) | Q(signlanguagepage__isnull=False))
            & ~Page.objects.private_q()
        ),
        {"frame_easy_read_of": F("easyreadpage__easy_read_of__translation_key")},
    )


def _pages(request, locale, current=None):
    """The easy-to-read and sign language pages of `locale`, shallowest first."""
    rows = frame_pages(request, "easy_read", current)
    rows = [row for row in rows if row.locale_id == locale.pk]
    return sorted(rows, key=lambda row: (row.depth, row.path))


def _sign_language_type():
    return ContentType.objects.get_for_model(SignLanguagePage).pk


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.objects.filter(language_code=translation.get_language()).first()
