"""`{% privacy_policy_link %}`: the link to the privacy policy in the visitor's language,
printed in the footer and next to every form's consent."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from portal.core.fragments import cached_value, versioned_key
from portal.core.navigation import frame_pages

register = template.Library()


def privacy_policy_in_language(request, language, page=None):
    """(address, title) of the live privacy policy in `language`, or () when there is none:
    from the header's query, then kept in the cache under the fragments' version, which a
    publish, unpublish, move or deletion of a page renews."""
    site = Site.find_for_request(request) if request is not None else None
    site_key = str(site.pk if site else 0)

    def build():
        policies = frame_pages(request, "privacy_policy", page)
        policy = next((row for row in policies if row.locale.language_code == language), None)
        if policy is None:
            return ()
        return (policy.get_url(request), policy.title)

    key = versioned_key("privacy-policy", site_key, language, request=request)
    return cached_value(key, build)


@register.simple_tag(takes_context=True)
def privacy_policy_link(context, text=None):
    """A link to the privacy policy (its title, or `text`), or nothing while none is live."""
    language = get_supported_content_language_variant(translation.get_language())
    found = privacy_policy_in_language(context.get("request"), language, context.get("page"))
    if not found:
        return ""
    url, title = found
    return format_html('<a href="{}">{}</a>', url, text or title)
