"""What the translation editor adds for editors who may not publish (zones.translating)."""

from django import template

from ..translating import props_without_delete
from ..translating import translation_actions as actions_for

register = template.Library()


@register.simple_tag
def translation_actions(page_perms, page):
    """The names of the "save" and "submit" buttons to show, or {} for nobody."""
    return actions_for(page_perms, page)


@register.filter
def without_delete(props):
    """wagtail-localize's editor props with no Delete in its footer (zones.translating)."""
    return props_without_delete(props)
