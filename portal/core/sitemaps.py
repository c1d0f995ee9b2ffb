"""The sitemap: an index (/sitemap.xml) of one sitemap per language (/sitemap-pl.xml, ...).

Each language's sitemap lists every live public page of that language under the site's
root in that language, and each routable sub-view that is a page in its own right (a
zone's listings, a step of the model, the past events: the page's `sitemap_subviews()`),
with the date it was last published and `<xhtml:link rel="alternate" hreflang>` for every
language the same page or sub-view exists in, plus x-default (the default language), as
search engines expect. Addresses are the site's own (PORTAL_BASE_URL, through the Site).
"""

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .address import absolute_url
from .fragments import cached_fragment
from .lookups import locales_by_language

INDEX = "sitemap.xml"


def sitemap_paths():
    """The paths of the index and of each language's sitemap (purged on every publish)."""
    return [INDEX] + [f"sitemap-{code}.xml" for code, _name in settings.LANGUAGES]


def page_subviews(page):
    """{key: path below the page} of the addresses `page` answers as pages: the page
    itself under "" and, for a routable page, its sub-views, keyed alike in every language
    so that a sub-view is paired with its translation."""
    subviews = getattr(page, "sitemap_subviews", None)
    return subviews() if subviews is not None else {"": ""}


class LanguageSitemap(Sitemap):
    """The live public pages of one language with their sub-views and alternates."""

    language_code = settings.LANGUAGE_CODE

    @classmethod
    def for_language(cls, code):
        return type(f"LanguageSitemap_{code}", (cls,), {"language_code": code})

    @cached_property
    def translations(self):
        """Every live public page of the site in any language, specific, by translation key
        and language: a page's alternates are found here, without a query per page. The
        pages are of their specific classes (for their sub-views) with only the fields
        every page has (which the entries need): one query, not one per page type."""
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        below_a_root = Q()
        for root in roots:
            below_a_root |= Q(path__startswith=root.path)
        pages = (
            Page.objects.filter(below_a_root).live().public().order_by("path").specific(defer=True)
        )
        locales = {locale.pk: locale for locale in locales_by_language().values()}
        found = {}
        for page in pages:
            page.locale = locales[page.locale_id]
            found.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return found

    def items(self):
        pages = (found.get(self.language_code) for found in self.translations.values())
        return sorted((page for page in pages if page is not None), key=lambda page: page.path)

    def _urls(self, page, protocol, domain):
        """The entries of one page of the sitemap, kept in the fragment cache: building them
        asks for every page and the handbook's steps, and they change only when a page is
        published, unpublished, moved or deleted, which stores a new fragment version."""

        def build():
            entries = [
                entry
                for found in self.paginator.page(page).object_list
                for entry in self.entries(found)
            ]
            lastmods = [entry["lastmod"] for entry in entries if entry["lastmod"]]
            return entries, max(lastmods, default=None)

        urls, latest_lastmod = cached_fragment(
            self.request, f"sitemap:{self.language_code}:{page}:{protocol}:{domain}", build
        )
        if latest_lastmod is not None:
            self.latest_lastmod = latest_lastmod
        return urls

    def entries(self, page):
        """One entry for the page and one for each of its sub-views, with alternates."""
        lastmod = page.last_published_at or page.latest_revision_created_at
        for key, tail in self.subviews(page).items():
            yield {
                "location": self.full_url(page) + tail,
                "lastmod": lastmod,
                "alternates": self.alternates(page, key),
            }

    def alternates(self, page, key):
        """The sub-view `key` of `page` in each language it exists in, and x-default (the
        default language's); none where it exists in one language only."""
        translations = self.translations[page.translation_key]
        alternates = []
        for code, _name in settings.LANGUAGES:
            other = translations.get(code)
            tail = self.subviews(other).get(key) if other is not None else None
            if tail is not None:
                alternates.append({"lang_code": code, "location": self.full_url(other) + tail})
        if len(alternates) < 2:
            return []
        default = next(
            (each for each in alternates if each["lang_code"] == settings.LANGUAGE_CODE),
            alternates[0],
        )
        return [*alternates, {"lang_code": "x-default", "location": default["location"]}]

    @cached_property
    def _known(self):
        return {"subviews": {}, "urls": {}}

    def subviews(self, page):
        """page_subviews(page), asked once per page (a handbook reads its steps)."""
        known = self._known["subviews"]
        if page.pk not in known:
            known[page.pk] = page_subviews(page)
        return known[page.pk]

    def full_url(self, page):
        known = self._known["urls"]
        if page.pk not in known:
            known[page.pk] = page.get_full_url(self.request)
        return known[page.pk]


SITEMAPS = {code: LanguageSitemap.for_language(code) for code, _name in settings.LANGUAGES}


@x_robots_tag
def sitemap_index(request):
    """The index: each language's sitemap on the site's own address."""
    items = [
        SitemapIndexItem(absolute_url(reverse("sitemap_section", kwargs={"section": code})))
        for code in SITEMAPS
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
