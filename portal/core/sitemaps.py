"""The sitemap lists the pages of every language, not only the tree of the site's root."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .fragments import cached_fragment


class MultilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        below_a_root = Q()
        for root in roots:
            below_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(below_a_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """The addresses, kept in the fragment cache: building them asks for every page type
        apart (`.specific()`), and they change only when a page is published, unpublished,
        moved or deleted, which stores a new fragment version."""

        def build():
            urls = [
                {key: value for key, value in url.items() if key != "item"}
                for url in super(MultilingualSitemap, self)._urls(page, protocol, domain)
            ]
            return urls, getattr(self, "latest_lastmod", None)

        urls, latest_lastmod = cached_fragment(
            self.request, f"sitemap:{page}:{protocol}:{domain}", build
        )
        if latest_lastmod is not None:
            self.latest_lastmod = latest_lastmod
        return urls
