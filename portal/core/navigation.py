"""What the header shows: the main menu, the breadcrumb trail and the language links.

Each is one or two queries whatever the size of the tree; templates only print the result.
A content family that wants its pages gathered under one menu entry (the zones) registers a
`MenuGroup` with the Wagtail hook ``register_menu_group``; core does not know the families.
A family whose pages the frame links to on every page (the news feeds, the privacy policy,
the easy-to-read section) registers `FramePages` with the hook ``register_frame_pages``:
they come with the header's one query instead of one query each.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Case, Q, When
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

MENU_GROUP_HOOK = "register_menu_group"
FRAME_PAGES_HOOK = "register_frame_pages"


@dataclass(frozen=True)
class MenuGroup:
    """One entry of the main menu that opens a list of the menu pages of `page_type`
    (the four zone pages under "Zones"), so many pages of one kind do not crowd the menu."""

    label: str
    page_type: type


def menu_groups():
    """The groups the families registered, in the order of INSTALLED_APPS."""
    return [register() for register in hooks.get_hooks(MENU_GROUP_HOOK)]


@dataclass(frozen=True)
class FramePages:
    """Pages of one content family that the frame of every page links to, in every
    language: `wanted()` is the Q that picks them among all pages (they are few: one or
    two a language), `annotations` what else each row needs. `frame_pages(request, name)`
    gives them, in the tree's order, from the header's query."""

    name: str
    wanted: Callable
    annotations: dict = field(default_factory=dict)


def frame_page_kinds():
    """The kinds the families registered, in the order of INSTALLED_APPS."""
    return [register() for register in hooks.get_hooks(FRAME_PAGES_HOOK)]


def frame_pages(request, name, page=None):
    """The rows of the registered `FramePages` called `name` (every language), from the
    query the header shares (`header_pages`); none without a request (no site to ask)."""
    if request is None:
        return []
    return header_pages(request, page)["frame"].get(name, [])


def group_of(page, groups):
    """The registered group `page` belongs to, or None."""
    return next(
        (group for group in groups if issubclass(page.specific_class, group.page_type)), None
    )


def header_pages(request, page):
    """The pages the header shows around `page` — the site's home pages in every language,
    the menu pages below them, the live pages above `page` and its live translations — in
    ONE query for the menu, the breadcrumb trail and the language links together (kept on
    the request: the three fragments may all be missing from the cache)."""
    memo = getattr(request, "_portal_header_pages", None)
    if memo is None:
        memo = request._portal_header_pages = {}
    key = getattr(page, "pk", None)
    if key is None and memo:
        # Without a page only what is the same on every page is asked for: any will do.
        return next(iter(memo.values()))
    if key not in memo:
        memo[key] = _header_pages(Site.find_for_request(request), page if key else None)
    return memo[key]


def _header_pages(site, page):
    """See `header_pages`: the query, and the rows sorted into what each part needs."""
    found = {"homes": {}, "menu": [], "ancestors": [], "translations": {}, "frame": {}}
    if site is None:
        return found
    root = site.root_page
    in_menu = menu_candidates(root)
    wanted = Q(translation_key=root.translation_key) | in_menu
    if page is not None:
        wanted |= Q(path__in=ancestor_paths(page), live=True)
        wanted |= Q(translation_key=page.translation_key, live=True)
    kinds = {f"frame_{kind.name}": kind for kind in frame_page_kinds()}
    flags, extra = {}, {}
    for flag, kind in kinds.items():
        wanted |= kind.wanted()
        flags[flag] = Case(When(kind.wanted(), then=True), default=False)
        extra.update(kind.annotations)
    rows = list(
        Page.objects.filter(wanted)
        .annotate(in_menu=Case(When(in_menu, then=True), default=False), **flags, **extra)
        .select_related("locale")
        .order_by("path")
    )
    for flag, kind in kinds.items():
        found["frame"][kind.name] = [row for row in rows if getattr(row, flag)]
    for row in rows:
        if row.translation_key == root.translation_key:
            found["homes"][row.locale.language_code] = row
    for row in rows:
        if page is not None and row.live and row.path in ancestor_paths(page):
            found["ancestors"].append(row)
        if page is not None and row.live and row.translation_key == page.translation_key:
            found["translations"][row.locale.language_code] = row
    found["menu"] = [row for row in rows if row.in_menu]
    return found


def menu_candidates(root):
    """Live public pages marked 'show in menus' one level below the home pages (of every
    language: which home is the visitor's is known only once the homes are read)."""
    return Q(depth=root.depth + 1, live=True, show_in_menus=True) & ~Page.objects.private_q()


def ancestor_paths(page):
    """The tree paths of the pages above `page`, from the home page down."""
    return [page.path[: Page.steplen * depth] for depth in range(2, page.depth)]


def site_homes(request, page=None):
    """The home pages of the request's site by language code (live or not), from the
    query the menu and the language links share (`header_pages`)."""
    return header_pages(request, page)["homes"]


def home_page_for(request, page=None):
    """The home page of the request's site in the active language (or the source one):
    the menu needs its place in the tree, not its fields."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    code = get_supported_content_language_variant(translation.get_language())
    return site_homes(request, page).get(code) or site.root_page


def main_menu(request, page=None):
    """Live public pages directly below the visitor's home page that editors marked 'show
    in menus', in the tree's order."""
    home = home_page_for(request, page)
    if home is None:
        return []
    return [row for row in header_pages(request, page)["menu"] if row.path.startswith(home.path)]


def menu_entries(request, page=None):
    """The main menu of the request's site in the active language, as plain data that the
    fragment cache can keep (titles, addresses, tree paths and group labels), from the
    header's one query."""
    groups = menu_groups()
    entries = []
    for item in main_menu(request, page):
        group = group_of(item, groups)
        entries.append(
            {
                "title": item.title,
                "url": item.get_url(request),
                "path": item.path,
                "group": str(group.label) if group else None,
            }
        )
    return entries


def menu_items(entries, current, in_subview=False):
    """Pair each menu entry (see `menu_entries`) with whether it is the current page or one
    of its ancestors.

    On a routable sub-view (a zone's resources, say) the page itself counts as an ancestor.
    The pages of a registered `MenuGroup` are gathered into one entry (a disclosure list) at
    the place of the first of them.
    """
    current_path = getattr(current, "path", "")
    items = []
    groups = {}
    for entry in entries:
        is_current = entry["path"] == current_path and not in_subview
        item = {
            "title": entry["title"],
            "url": entry["url"],
            "is_current": is_current,
            "is_ancestor": not is_current and current_path.startswith(entry["path"]),
        }
        label = entry["group"]
        if label is None:
            items.append(item)
            continue
        if label not in groups:
            groups[label] = {"label": label, "children": [], "is_ancestor": False}
            items.append(groups[label])
        group = groups[label]
        group["children"].append(item)
        group["is_ancestor"] = group["is_ancestor"] or item["is_current"] or item["is_ancestor"]
    return items


def breadcrumbs(request, page):
    """The live pages from the home page down to (not including) `page`."""
    return header_pages(request, page)["ancestors"]


def breadcrumb_entries(page, request):
    """The trail to `page` as plain data (title, address, depth) the fragment cache keeps."""
    return [
        {"title": item.title, "url": item.get_url(request), "depth": item.depth}
        for item in breadcrumbs(request, page)
    ]


def language_links(request, page):
    """One link per language: to this page's translation, or to that language's home page.

    Each item says whether it leads to the same page (`is_translation`) so the switcher can
    tell the visitor when it can only offer the other language's home page.
    """
    cache_key = ("language_links", getattr(page, "pk", None))
    cached = getattr(request, "_portal_language_links", {})
    if cache_key in cached:  # the switcher and the hreflang links ask for the same
        return cached[cache_key]
    current = translation.get_language()
    translations = header_pages(request, page)["translations"]
    homes = {code: home for code, home in site_homes(request, page).items() if home.live}
    subview = getattr(request, "routable_resolver_match", None)
    switch_query = _switch_query(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        is_translation = target is not None
        if target is None:
            target = homes.get(code)
        if target is None:
            continue
        exact = is_translation
        with translation.override(code):
            url = target.get_url(request)
        if is_translation and subview is not None and subview.url_name:
            # The same sub-view (a zone's resources, a step of the model) in the other
            # language; where it has no counterpart, the page itself, but not as hreflang.
            tail = counterpart_subpath(page, specific_translation(page, target), subview)
            exact = tail is not None
            url += tail or ""
        links.append(
            {
                "code": code,
                "name": str(name),
                "url": url,
                "switch_url": f"{reverse('switch_language', args=[code])}?{switch_query}"
                if switch_query
                else url,
                "is_current": code == current,
                "is_translation": is_translation,
                "is_exact": exact,
            }
        )
    cached[cache_key] = links
    request._portal_language_links = cached
    return links


def view_language_links(request, links):
    """`links` (those of an address outside the page tree) leading to the same view in each
    language: the site search and the subscription pages have translated routes, so a
    visitor switching language keeps the place, with the search typed, instead of landing
    on the home page. An address only Wagtail's page serving matches (a 404) keeps them, and
    so does the answer to a POST (a refused poll vote): its address may not answer a GET."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve" or request.method != "GET":
        return links
    address = request.get_full_path()
    counterparts = []
    for link in links:
        if not link["is_current"]:
            url = translate_url(address, link["code"])
            link = {**link, "url": url, "switch_url": url, "is_translation": True}
        counterparts.append(link)
    return counterparts


def specific_translation(page, row):
    """The translation `row` (a header row) of `page` in its specific form, with its
    locale: the page itself for its own language, which is already specific."""
    if row.pk == page.pk:
        return page
    specific = row.specific
    specific.locale = row.locale
    return specific


def counterpart_subpath(source, target, match):
    """The path, below `target` (a translation of `source`), of the sub-view of `source`
    that `match` resolved, or None where it has no counterpart. A page whose sub-views are
    not the same in every language (the model's steps, which editors may reorder or add in
    one language first) says how they correspond in `counterpart_subview()`."""
    name, args, kwargs = match.url_name, match.args, match.kwargs
    mapper = getattr(source, "counterpart_subview", None)
    if mapper is not None:
        found = mapper(target, name, args, kwargs)
        if found is None:
            return None
        name, args, kwargs = found
    with translation.override(target.locale.language_code):
        try:
            return target.reverse_subpage(name, args=args, kwargs=kwargs).lstrip("/")
        except NoReverseMatch:
            return None


def _switch_query(request, page):
    """The query of the switcher's links: they go through a redirect that finds the
    translation when it is followed, so a page deleted or unpublished meanwhile leads to
    that language's home page, not a 404. Empty for a page that is not in the tree."""
    if page is None or not getattr(page, "pk", None):
        return ""
    query = {"page": page.pk}
    page_url = page.get_url(request)
    if page_url and request.path.startswith(page_url) and request.path != page_url:
        query["sub"] = request.path[len(page_url) :]
    return urlencode(query)


def subpage_url(page, name, args=None, request=None, absolute=False):
    """The address of a routable page's sub-view, with the route in the page's language
    (routes such as "resources/" are translated); absolute when `request` is given or
    `absolute` is set (in e-mails, say)."""
    with translation.override(page.locale.language_code):
        tail = page.reverse_subpage(name, args=args).lstrip("/")
    if request is not None or absolute:
        return page.get_full_url(request) + tail
    return page.get_url() + tail
