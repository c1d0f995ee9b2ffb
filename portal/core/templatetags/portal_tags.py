import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.core import navigation
from portal.core.address import absolute_url
from portal.core.head_links import head_links as registered_head_links

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = navigation.home_page_for(request)
    current = context.get("page")
    in_subview = bool(context.get("subview_title"))
    return {"items": navigation.menu_items(navigation.main_menu(home), current, in_subview)}


@register.inclusion_tag("includes/head_links.html", takes_context=True)
def head_links(context):
    """The <link> elements the content families register for every page's head (feeds)."""
    return {"links": registered_head_links(context.get("request"), context.get("page"))}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"items": [], "page": page}
    items = list(navigation.breadcrumbs(page))
    current = page.title
    if context.get("subview_title"):
        # A routable sub-view (a zone's resources, say): the page itself is a step back.
        items.append(page)
        current = context["subview_title"]
    return {"items": items, "current": current}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": navigation.language_links(request, context.get("page"))}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """<link rel=alternate hreflang> for each language this page exists in, and x-default
    (the source language), as search engines expect; on the site's own address, like the
    canonical link, whatever host the request came in on."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return {"links": []}
    links = [
        {"code": link["code"], "url": absolute_url(link["url"])}
        for link in navigation.language_links(request, page)
        if link["is_exact"]
    ]
    if len(links) > 1:
        default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), links[0])
        links.append({"code": "x-default", "url": default["url"]})
    return {"links": links}


@register.simple_tag
def jsonld(page, request):
    """A page's schema.org description (its `structured_data(request)`) as JSON-LD, escaped
    like json_script so the text cannot close the <script> element."""
    data = json.dumps(page.structured_data(request), cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = data.translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's address on the site's own host, with the routable sub-view (a zone's
    resources, a step of the model) when one is open; query strings are left out."""
    page, request = context["page"], context.get("request")
    url = page.get_full_url(request)
    path = getattr(request, "path", "")
    if path.startswith(page.get_url(request)):
        url += path[len(page.get_url(request)) :]
    return url


@register.filter
def absolute(url):
    """`url` on the site's own address (already absolute URLs stay as they are)."""
    return absolute_url(url)
