from django import template
from django.utils import translation

from wagtail.models import Locale

from portal.news.feeds import feed_links
from portal.news.models import NewsIndexPage

register = template.Library()


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def site_feed_links(context):
    """<link rel=alternate> to the news feeds of the page's language, for every page."""
    try:
        locale = Locale.objects.get_for_language(translation.get_language())
    except Locale.DoesNotExist:
        return {"feeds": []}
    index = NewsIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return {"feeds": []}
    return {"feeds": feed_links(index, request=context.get("request"))}
