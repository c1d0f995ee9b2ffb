"""The visitor's address, also behind the proxies in front of the site (Varnish, nginx).

Behind a proxy REMOTE_ADDR is the proxy's address, so every visitor would share one rate
limit. Each proxy we run appends the address it saw to X-Forwarded-For; with
TRUSTED_PROXY_COUNT = N the visitor is the Nth entry from the right. Entries further left
came from the visitor and may be made up, so they are never read.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address the outermost trusted proxy saw, or REMOTE_ADDR when no proxy is trusted
    or the header does not have a valid address where a trusted proxy put one."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote_addr
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(entries) < trusted:
        return remote_addr
    try:
        return str(ipaddress.ip_address(entries[-trusted].strip()))
    except ValueError:
        return remote_addr
