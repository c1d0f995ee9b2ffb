from django import template

from portal.core import navigation

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = navigation.home_page_for(request)
    current = context.get("page")
    return {"items": navigation.menu_items(navigation.main_menu(home), current)}


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
