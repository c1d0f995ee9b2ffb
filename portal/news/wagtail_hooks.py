from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.core.head_links import HEAD_LINKS_HOOK, HeadLink
from portal.core.navigation import FRAME_PAGES_HOOK, FramePages, frame_pages
from portal.core.sections import HomeSection, index_page, listing_url
from zones.listings import tagged_listing
from zones.models import ZonePage, attach_localized_zones

from .feeds import feed_links
from .models import NEWS_PER_PAGE, NewsIndexPage, published_news

ZONE_NEWS = "news"


def news_feeds(zone_page, request):
    index = index_page(NewsIndexPage, zone_page.locale)
    return {"feeds": feed_links(index, zone_page.zone.slug, request) if index else []}


@hooks.register("register_zone_listing")
def news_listing():
    return tagged_listing(
        items=published_news,
        per_page=NEWS_PER_PAGE,
        template="news/zone_news.html",
        context=news_feeds,
        name=ZONE_NEWS,
        route=_("news/"),
        title=_("News"),
        all_label=_("All news of this zone"),
        section_template="news/includes/news_list.html",
        order=20,
    )


@hooks.register("register_home_section")
def latest_news_section():
    return HomeSection(
        name="news",
        title=_("News"),
        all_label=_("All news"),
        items=lambda home, limit: attach_localized_zones(
            list(published_news(home.locale)[:limit]), home.locale
        ),
        url=lambda home: listing_url(home, NewsIndexPage),
        template="news/includes/news_list.html",
        order=10,
    )


def announces_own_feeds(request, page):
    """The news index and a zone's news sub-view announce the feeds of what they list (in
    their template's extra_head_links block); the site's feeds beside them would be a
    second "RSS" and "Atom" of the same or of a wider listing."""
    if isinstance(page, NewsIndexPage):
        return True
    match = getattr(request, "routable_resolver_match", None)
    return isinstance(page, ZonePage) and match is not None and match.url_name == ZONE_NEWS


@hooks.register(HEAD_LINKS_HOOK)
def site_feed_links(request, page):
    """<link rel=alternate> to the news feeds of the visitor's language, on every page but
    those that announce their own."""
    if announces_own_feeds(request, page):
        return []
    language = translation.get_language()
    indexes = frame_pages(request, "news_index", page)
    index = next((row for row in indexes if row.locale.language_code == language), None)
    if index is None:
        return []
    return [
        HeadLink(rel="alternate", href=feed["url"], type=feed["type"], title=feed["title"])
        for feed in feed_links(news_index(index), request=request)
    ]


@hooks.register(FRAME_PAGES_HOOK)
def news_index_pages():
    """The live news indexes: every page's head links to the feeds of its language's."""
    return FramePages("news_index", lambda: Q(newsindexpage__isnull=False, live=True))


def news_index(row):
    """A header row (a Page) as the NewsIndexPage its feed addresses are reversed on,
    without a query for its own fields (the feeds need none)."""
    index = row.specific_deferred
    index.locale = row.locale
    return index
