"""The sitemap lists the pages of every language, not only the tree of the site's root."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


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
