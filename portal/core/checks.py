"""Deploy check: the site's address (PORTAL_BASE_URL) is set and the default Site agrees.

Wagtail builds every page's full URL from the default Site, and the rest of the site's
absolute links from PORTAL_BASE_URL (portal/core/address.py); if the two disagree, links in
feeds, the sitemap and e-mails lead somewhere else than canonical and hreflang. Run by
`manage.py check --deploy --database default` (the Site is compared only when a database is
given, as Django asks of checks that read one).
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

from wagtail.models import Site

from portal.core.address import site_address

CONFIGURE = "Run `manage.py configure_site` to write PORTAL_BASE_URL to the default Site."


@register(Tags.sites, deploy=True)
def check_site_address(app_configs=None, databases=None, **kwargs):
    """PORTAL_BASE_URL is a usable address and, given a database, the default Site's."""
    if not settings.PORTAL_BASE_URL:
        return [
            Error(
                "PORTAL_BASE_URL is not set.",
                hint="Set it to the site's public address, e.g. https://portal.example.org.",
                id="portal.E001",
            )
        ]
    try:
        wanted = site_address(settings.PORTAL_BASE_URL)
    except ValueError as error:
        return [Error(f"PORTAL_BASE_URL: {error}", id="portal.E002")]
    if not databases or "default" not in databases:
        return []
    return _default_site_errors(wanted)


def _default_site_errors(wanted):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return [
            Error(
                "There is no default Site.",
                hint="Mark one as default in the admin (Settings → Sites), then run "
                "`manage.py configure_site`.",
                id="portal.E003",
            )
        ]
    if (site.hostname, site.port) != (wanted.hostname, wanted.port):
        return [
            Error(
                f"The default Site is {site.root_url} but PORTAL_BASE_URL is "
                f"{settings.PORTAL_BASE_URL}: links would lead to the wrong address.",
                hint=CONFIGURE,
                id="portal.E004",
            )
        ]
    return []
