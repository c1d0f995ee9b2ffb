"""RSS 2.0 and Atom feeds of the news, for the whole site and for each zone, in the
language of the news index they belong to (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.core.address import absolute_url
from portal.core.navigation import subpage_url
from zones.models import Zone, attach_localized_zones

FEED_ITEMS = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, zone_slug=None):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code
        self.zone = None
        if zone_slug is not None:
            self.zone = Zone.objects.for_locale(index.locale).filter(slug=zone_slug).first()
            if self.zone is None:
                raise Http404(_("There is no such zone."))

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.zone:
            return f"{self.index.title}: {self.zone.name} – {_('Portal WTZ')}"
        return f"{self.index.title} – {_('Portal WTZ')}"

    def link(self):
        url = self.index.get_full_url(self.request)
        return f"{url}?zone={self.zone.slug}" if self.zone else url

    def feed_url(self):
        """The feed's own address (its `self` link) on the site's address, not the host the
        reader asked."""
        return absolute_url(self.request.path)

    def feed_guid(self):
        return self.feed_url()

    def author_name(self):
        return _("Portal WTZ")

    def description(self):
        return self.index.intro or self.title()

    def items(self):
        news = self.index.news()
        if self.zone:
            news = news.filter(zones__translation_key=self.zone.translation_key)
        return attach_localized_zones(list(news[:FEED_ITEMS]), self.index.locale)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [zone.name for zone in item.zone_list]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


def feed_links(index, zone_slug=None, request=None):
    """The feeds to announce in <head> and on the listing: RSS and Atom, of one zone when
    `zone_slug` is given."""
    args = [zone_slug] if zone_slug else None
    suffix = "zone_" if zone_slug else ""
    return [
        {
            "type": "application/rss+xml",
            "title": "RSS",
            "url": subpage_url(index, f"{suffix}rss", args=args, request=request),
        },
        {
            "type": "application/atom+xml",
            "title": "Atom",
            "url": subpage_url(index, f"{suffix}atom", args=args, request=request),
        },
    ]
