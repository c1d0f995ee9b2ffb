"""The language switcher's redirect."""

import re

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.views.decorators.cache import never_cache

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from .navigation import counterpart_subpath

# A page's id: ASCII digits ("²" passes str.isdigit() but is no number for the database),
# at most ten of them; Django finds nothing for one past the database's integer.
PAGE_ID = re.compile(r"[0-9]{1,10}")


@never_cache
def switch_language(request, code):
    """Go to the page `?page=` in language `code`, with the same routable sub-view
    (`?sub=`, a route of the page's own language); where that translation does not exist
    (any more) or is not live, go to that language's home page."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise Http404
    with translation.override(code):
        url = _translation_url(request, locale)
        if url is None:
            url = _home_url(request, locale)
            if request.GET.get("page"):
                url += "?untranslated=1"  # the home page says why the visitor is there
    return HttpResponseRedirect(url)


def _translation_url(request, locale):
    page_id = request.GET.get("page", "")
    if not PAGE_ID.fullmatch(page_id):
        return None
    page = Page.objects.filter(pk=int(page_id)).select_related("locale").first()
    if page is None:
        return None
    target = page.get_translation_or_none(locale)
    if target is None or not target.live:
        return None
    url = target.get_url(request)
    sub = request.GET.get("sub", "").strip("/")
    source = page.specific
    if sub and isinstance(source, RoutablePageMixin):
        try:
            with translation.override(page.locale.language_code):
                match = source.resolve_subpage(f"/{sub}/")
        except Http404:
            return url
        if match.url_name:
            url += counterpart_subpath(source, target.specific, match) or ""
    return url


def _home_url(request, locale):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return home.get_url(request)
