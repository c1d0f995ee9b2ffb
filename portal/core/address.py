"""The site's own address, PORTAL_BASE_URL: every absolute link the site emits starts with it.

Wagtail builds a page's full URL (canonical, feeds, sitemap, .ics, e-mails) from the default
Site record's hostname and port, so `manage.py configure_site` writes the address there and a
deploy check (checks.py) compares the two. A link made from a path rather than from a page
(hreflang, an image rendition, a feed's own address) goes through absolute_url().
"""

from functools import cache
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(base_url):
    """An unsaved Site with the hostname and port whose `root_url` is `base_url`.

    Wagtail writes port 443 as https and every other port as http, with no path, so an
    address it cannot give back (https on another port, a path, a query) is refused here
    rather than turned silently into another one. Raises ValueError saying why.
    """
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{base_url!r} is not an http:// or https:// address with a host name.")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{base_url!r} must be only scheme, host and port, with no path.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]  # ValueError for a port out of range
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(
            f"{base_url!r}: Wagtail's Site serves https only on port 443 and http on any other."
        )
    hostname = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return Site(hostname=hostname, port=port)


@cache
def _root_url(base_url):
    return site_address(base_url).root_url


def base_url():
    """PORTAL_BASE_URL written the way Wagtail writes the Site's root URL (`http://host:80`
    becomes `http://host`), so a link made here and a page's full URL always agree."""
    return _root_url(settings.PORTAL_BASE_URL)


def absolute_url(url):
    """`url` (a path such as "/pl/aktualnosci/") on the site's own address, whatever host
    the request came in on; an address that is already absolute stays as it is (a media
    file on another storage, say)."""
    return urljoin(base_url() + "/", url)
