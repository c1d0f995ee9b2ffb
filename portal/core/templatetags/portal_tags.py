import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.core import fragments, navigation
from portal.core.address import absolute_url
from portal.core.head_links import head_links as registered_head_links

register = template.Library()

# Listings of a page's own content (the home page's latest news and next events, a zone's
# sections) change on publish, which invalidates them, but "next events" also with the
# clock: they are kept no longer than this.
LISTING_FRAGMENT_TIMEOUT = 5 * 60

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The menu of the site in the visitor's language (from the fragment cache), marked
    with where the current page is."""
    request = context["request"]
    entries = fragments.cached_fragment(
        request, "main_menu", lambda: navigation.menu_entries(request)
    )
    current = context.get("page")
    in_subview = bool(context.get("subview_title"))
    return {"items": navigation.menu_items(entries, current, in_subview)}


@register.inclusion_tag("includes/head_links.html", takes_context=True)
def head_links(context):
    """The <link> elements the content families register for every page's head (feeds)."""
    request, page = context.get("request"), context.get("page")
    return {
        "links": fragments.cached_fragment(
            request,
            "head_links",
            lambda: registered_head_links(request, page),
            per_address=page is not None,
        )
    }


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (office, partners, accessibility statement, funding notice): the same on
    every page of a site in one language, so rendered once and kept in the fragment cache."""
    template = context.template.engine.get_template("includes/footer.html")
    html = fragments.cached_fragment(
        context.get("request"), "footer", lambda: template.render(context)
    )
    return mark_safe(html)  # noqa: S308 -- rendered by the footer template, escaped there


class FragmentNode(template.Node):
    """The rendered body of a {% fragment %} block, from the fragment cache."""

    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        return fragments.cached_fragment(
            context.get("request"),
            self.name,
            lambda: self.nodelist.render(context),
            per_address=True,
            timeout=LISTING_FRAGMENT_TIMEOUT,
        )


@register.tag
def fragment(parser, token):
    """{% fragment "name" %}…{% endfragment %}: a part of a page that shows only published
    content, the same for every visitor of that address, rendered once and kept in the
    fragment cache (a preview renders it afresh)."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% fragment %} takes one quoted name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1][1:-1], nodelist)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"items": [], "page": page}
    request = context.get("request")
    items = list(
        fragments.cached_fragment(
            request,
            "breadcrumbs",
            lambda: navigation.breadcrumb_entries(page, request),
            per_address=True,
        )
    )
    current = page.title
    if context.get("subview_title"):
        # A routable sub-view (a zone's resources, say): the page itself is a step back.
        items.append({"title": page.title, "url": page.get_url(request), "depth": page.depth})
        current = context["subview_title"]
    return {"items": items, "current": current}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": language_links(request, context.get("page"))}


def language_links(request, page):
    """navigation.language_links, from the fragment cache (they depend on the address)."""
    return fragments.cached_fragment(
        request,
        "language_links",
        lambda: navigation.language_links(request, page),
        per_address=page is not None,
    )


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
        for link in language_links(request, page)
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
