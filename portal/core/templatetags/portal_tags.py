import hashlib
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core import fragments, navigation, seo
from portal.core.address import absolute_url
from portal.core.head_links import head_links as registered_head_links

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The menu of the site in the visitor's language (from the fragment cache), marked
    with where the current page is."""
    request = context["request"]
    current = context.get("page")
    entries = fragments.cached_fragment(
        request, "main_menu", lambda: navigation.menu_entries(request, current)
    )
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


@register.simple_tag(takes_context=True)
def accessibility_statement(context, project):
    """The footer's accessibility statement in the visitor's language, among the pages the
    header's query brings along (see core.wagtail_hooks): no query of its own."""
    request = context.get("request")
    translations = navigation.frame_pages(request, "accessibility_statement") if request else None
    return project.localized_accessibility_page(translations)


class FragmentNode(template.Node):
    """The rendered body of a {% fragment %} or {% item_fragment %} block, from the fragment
    cache, under its name, its item and the values it varies on (none for a named one)."""

    def __init__(self, name, nodelist, item=None, vary_on=(), condition=None):
        self.name, self.nodelist = name, nodelist
        self.item, self.vary_on, self.condition = item, vary_on, condition

    def render(self, context):
        if self.condition is not None and not self.condition.resolve(context):
            return self.nodelist.render(context)
        return fragments.cached_fragment(
            getattr(context, "request", None) or context.get("request"),
            self.cache_name(context),
            lambda: self.nodelist.render(context),
            per_address=True,
            timeout=fragments.LISTING_TIMEOUT,
        )

    def cache_name(self, context):
        """The name, and a digest of the item's id and last publication and the values it
        varies on (keeps the key short and plain)."""
        if self.item is None:
            return self.name
        item = self.item.resolve(context)
        parts = [
            self.name,
            str(getattr(item, "pk", "")),
            str(getattr(item, "last_published_at", "")),
            *(vary_part(value.resolve(context)) for value in self.vary_on),
        ]
        return "item-" + hashlib.sha1("|".join(parts).encode(), usedforsecurity=False).hexdigest()


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


def vary_part(value):
    """A value an item fragment varies on, as text: a list by its members' ids, in order
    (an item's zones, whose first leads its zone mark)."""
    if isinstance(value, list | tuple):
        return ",".join(str(getattr(member, "pk", member)) for member in value)
    return str(value)


@register.tag
def item_fragment(parser, token):
    """{% item_fragment item [value ...] %}…{% enditem_fragment %}: one item (a listed one,
    or the page's own body), rendered once and kept in the fragment cache under the item's
    id, its last publication, the address and language and the values named (what else it
    shows that changes on its own, such as an event becoming past). The page renders it from
    the cache instead of running its tags (URLs, pictures, dates, zone marks, StreamField
    blocks, related items) again; publishing anything, or saving a zone, a document, an image
    or the settings, stores a new fragment version, and a preview renders afresh. Never put
    anything of the visitor (a form with its CSRF token, messages) inside.
    `… when condition` keeps it only while the condition holds (a filter form nobody filled)."""
    bits = token.split_contents()
    condition = None
    if len(bits) > 3 and bits[-2] == "when":
        condition = parser.compile_filter(bits[-1])
        bits = bits[:-2]
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% item_fragment %} takes the item")
    nodelist = parser.parse(("enditem_fragment",))
    parser.delete_first_token()
    values = [parser.compile_filter(bit) for bit in bits[1:]]
    # Each use of the tag has its own name: two in one template never share an entry.
    name = f"item:{parser.origin.template_name if parser.origin else ''}:{token.lineno}"
    return FragmentNode(name, nodelist, values[0], values[1:], condition)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"items": [], "page": page}
    items, current = breadcrumb_trail(context)
    return {"items": items, "current": current}


def breadcrumb_trail(context):
    """The pages above the current one (from the fragment cache) and the current title; in
    a routable sub-view (a zone's resources, say) the page itself is a step back."""
    page, request = context["page"], context.get("request")
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
        items.append({"title": page.title, "url": page.get_url(request), "depth": page.depth})
        current = context["subview_title"]
    return items, current


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": language_links(request, context.get("page"))}


def language_links(request, page):
    """navigation.language_links, from the fragment cache (they depend on the address); a
    view outside the page tree links to itself in the other language, query and all."""
    links = fragments.cached_fragment(
        request,
        "language_links",
        lambda: navigation.language_links(request, page),
        per_address=page is not None,
    )
    return links if page is not None else navigation.view_language_links(request, links)


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


def json_ld_script(data):
    """`data` in a JSON-LD <script>, escaped like json_script so the text cannot close it."""
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = encoded.translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_meta(context, og_type="website"):
    """The meta description, OpenGraph and Twitter tags and JSON-LD (breadcrumbs; the
    organisation and site on the home page) of the current page: the same for every
    visitor of the address, so rendered once and kept in the fragment cache."""
    template = context.template.engine.get_template("includes/social_meta.html")
    return mark_safe(  # noqa: S308 -- rendered by the template, escaped there
        fragments.cached_fragment(
            context.get("request"),
            f"page_meta:{og_type}",
            lambda: template.render(context.new(page_meta_context(context, og_type))),
            per_address=True,
        )
    )


def page_meta_context(context, og_type):
    """What includes/social_meta.html prints (see portal.core.seo)."""
    page, request = context.get("page"), context.get("request")
    if page is None or not getattr(page, "pk", None):
        return {"description": seo.page_description(None)}
    language = page.locale.language_code
    alternates = [
        seo.OG_LOCALES.get(link["code"], link["code"])
        for link in language_links(request, page)
        if link["is_exact"] and link["code"] != language
    ]
    image = seo.share_image(page)
    meta = {
        "description": seo.page_description(page),
        "type": og_type,
        "title": context.get("subview_title") or page.seo_title or page.title,
        "url": canonical_url(context),
        "locale": seo.OG_LOCALES.get(language, language),
        "alternate_locales": alternates,
        "image": image,
    }
    graph = structured_graph(context, page, image)
    return {
        "description": meta["description"],
        "tags": seo.preview_tags(meta),
        "json_ld": json_ld_script({"@context": "https://schema.org", "@graph": graph}),
    }


def structured_graph(context, page, image):
    """What the page is (its own `structured_data(request)`: a NewsArticle, an Event,
    with its picture), its BreadcrumbList, and on a home page its Organization and WebSite."""
    if not hasattr(page, "structured_data"):
        return page_graph(context, page)
    own = dict(page.structured_data(context.get("request")))
    own.pop("@context", None)  # the graph's own
    if image["own"]:
        own.setdefault("image", [image["url"]])
    return [own, *page_graph(context, page)]


def page_graph(context, page):
    """BreadcrumbList of the page; on a home page also its Organization and WebSite."""
    request = context.get("request")
    if page.depth <= 2:
        home_url = page.get_full_url(request)
        trail = [(_("Home"), home_url)]
        return [
            *seo.organization_and_website(home_url, page.locale.language_code),
            seo.breadcrumb_list(trail),
        ]
    items, current = breadcrumb_trail(context)
    trail = [
        (_("Home") if item["depth"] == 2 else item["title"], absolute_url(item["url"]))
        for item in items
    ]
    trail.append((current, canonical_url(context)))
    return [seo.breadcrumb_list(trail)]


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


@register.simple_tag
def source_lang():
    """` lang="pl"` on a page in another language, else nothing: for a value that is not
    translated (a venue, a person's or an organisation's name, a street), which stays in the
    site's source language, Polish, so screen readers pronounce it as Polish."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.filter
def in_source_language(value):
    """`value` (a setting or field that is not translated) in a `<span lang="pl">` on a page
    in another language, for use inside a translated sentence; as it is on a Polish page."""
    if get_language() == settings.LANGUAGE_CODE:
        return value
    return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, value)


@register.filter
def elided_page_range(page):
    """The page numbers a listing links to: the first and the last, two either side of the
    current one, and the paginator's ELLIPSIS between (Django's get_elided_page_range). A
    link to every page made the research listing at 100,000 reports write 10,000 links, most
    of its rendering time and of no use to a visitor."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
