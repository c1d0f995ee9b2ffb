from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from ..forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("subscriptions/includes/section.html", takes_context=True)
def subscribe_section(context, place, zone=None):
    """An empty subscribe form as a section of a page: `place` ("zone", "footer") prefixes
    its ids; on a zone page that zone is already chosen. The same for every visitor (no
    CSRF token), so it may sit in a cached page or fragment. The request goes along: the
    privacy policy link is then the one the footer already looked up for the site. So do
    the site's settings: an inclusion tag's context leaves out the context processors', and
    the information clause names the data controller from the project settings."""
    return {
        "request": context.get("request"),
        "settings": context.get("settings"),
        "place": place,
        "heading": _("Subscribe to this zone's news") if zone else _("Subscribe to the news"),
        "intro": _(
            "New reports, news and events by e-mail, at once or once a week. "
            "We ask you to confirm by e-mail first."
        ),
        "form": SubscribeForm.blank(
            zone_slug=zone.slug if zone else None, auto_id=f"{place}-subscribe-%s"
        ),
        "action": reverse("subscribe"),
    }
