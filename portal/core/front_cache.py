"""What a change of content makes stale, and how the page cache and Varnish learn of it.

Publishing, unpublishing, moving or deleting a page purges every address that shows it
(`affected_urls`): the page in every language with its sub-views (`get_cached_paths()`),
in each language the pages above it (its listing, the zone page above a zone's page, the
home page with its sections), the pages that list it elsewhere (`listing_pages()`: the zone
pages of its zones, with their sub-views), and the sitemap. Each is dropped from the page
cache and sent as PURGE to each Varnish of FRONTEND_CACHE_URLS by wagtail.contrib.frontend_cache's
backends, in the publishing request itself right after the commit: the next request through
Varnish shows the change. Wagtail's own handlers would enqueue a task that purges the page's
own addresses again a worker's polling interval later; `FrontendCacheConfig` (apps.py) keeps
them from being registered, as this purges those addresses too (and covers moves, which
Wagtail leaves alone).

A settings or snippet change (the footer, a zone's name, the funding notice) shows on every
page: the page cache is emptied and each Varnish gets `BAN /` with the site's Host.

A Varnish that cannot be reached costs one short timeout and a warning (once a minute),
never a failed publish; for a few seconds after that it is not asked at all, so a publish
pays that timeout at most once. Its cache is then empty or will be within its own TTL.
"""

import logging
from contextlib import contextmanager
from http.client import HTTPException
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from .outages import Outage
from .page_cache import clear_pages, purge_pages
from .signals import Receiver, receivers_paused
from .sitemaps import sitemap_paths

logger = logging.getLogger(__name__)

# One per Varnish address: one that is down must not keep the others from being purged.
_outages = {}


def outage_of(address):
    if address not in _outages:
        _outages[address] = Outage(
            logger, f"Varnish at {address} unreachable, its cache was not purged", retry_after=5
        )
    return _outages[address]


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE <path> with the page's Host) with a timeout and a
    warning instead of a hang or an error, and `ban(host)`: BAN / for a whole site."""

    def purge(self, url):
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.send("PURGE", path, parts.netloc)

    def ban(self, host):
        self.send("BAN", "/", host)

    def send(self, method, path, host):
        outage = outage_of(self.cache_netloc)
        if outage.ongoing():
            return
        request = Request(  # noqa: S310 -- the address comes from FRONTEND_CACHE_URLS
            f"{self.cache_scheme}://{self.cache_netloc}{path}",
            method=method,
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )
        try:
            with urlopen(request, timeout=settings.FRONTEND_CACHE_TIMEOUT):  # noqa: S310
                pass
        except (OSError, HTTPException) as error:  # refused, timed out, 4xx/5xx, cut off
            outage.report(f"{method} {path} (Host {host}): {error}")


def affected_pages(page):
    """The page in every language and, for each, the pages that show it: its ancestors and
    the pages it says list it."""
    pages = {}
    for translation in page.get_translations(inclusive=True).specific(defer=True):
        pages[translation.pk] = translation
        pages.update((above.pk, above) for above in translation.get_ancestors().filter(depth__gt=1))
        listing_pages = getattr(translation, "listing_pages", None)
        if listing_pages is not None:
            pages.update((listing.pk, listing) for listing in listing_pages())
    return [pages[pk] for pk in sorted(pages)]


def affected_urls(page):
    """Every full address a change of `page` makes stale (see the module's docstring)."""
    batch = PurgeBatch()
    pages = affected_pages(page)
    batch.add_pages(pages)
    roots = {parts[1] for found in pages if (parts := found.get_url_parts(batch))}
    for root_url in roots:
        for path in sitemap_paths():
            batch.add_url(f"{root_url}/{path}")
    return batch.urls


def purge_front_caches(urls):
    """PURGE `urls` at each front cache that serves their host, now: not through Wagtail's
    `PurgeBatch.purge()`, which enqueues a task that a worker runs only a moment later."""
    for backend in get_backends().values():
        served = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if served:
            backend.purge_batch(served)


def purge_after_commit(urls):
    """Drop `urls` from the page cache and from Varnish once the change is committed (so no
    request in between caches the old content again), before the publishing request answers."""
    urls = sorted(urls)

    def purge():
        purge_pages(urls)
        purge_front_caches(urls)

    transaction.on_commit(purge)


def caches_pages():
    """True when something keeps pages that a change makes stale: the page cache or a front
    cache. Without either (the tests' settings, a site run without caches) a publish has
    nothing to purge, and working out its affected addresses would be wasted."""
    return settings.PAGE_CACHE_SECONDS > 0 or bool(get_backends())


def page_changed(instance, **kwargs):
    """Published or unpublished (a deleted page is unpublished first)."""
    if caches_pages():
        purge_after_commit(affected_urls(instance))


_addresses_before_move = {}


def page_moving(instance, **kwargs):
    if caches_pages():
        _addresses_before_move[instance.pk] = affected_urls(instance)


def page_moved(instance, **kwargs):
    """Where it was and where it is now are both stale."""
    before = _addresses_before_move.pop(instance.pk, set())
    if caches_pages():
        purge_after_commit(before | affected_urls(instance))


def shows_on_every_page(model):
    """Settings and snippets: the header, footer and zone names print them everywhere."""
    return issubclass(model, (BaseSiteSetting, BaseGenericSetting)) or model in get_snippet_models()


def site_hosts():
    """The Host header of each site, as Varnish keys its objects."""
    return sorted({urlsplit(site.root_url).netloc for site in Site.objects.all()})


def ban_sites():
    """Empty the page cache and ban every site from each Varnish, in the request that made
    the change, so its next page is built anew."""
    clear_pages()
    hosts = site_hosts()
    for backend in get_backends().values():
        if isinstance(backend, VarnishBackend):
            for host in hosts:
                backend.ban(host)


def setting_or_snippet_changed(sender, raw=False, **kwargs):
    if not raw and shows_on_every_page(sender):
        transaction.on_commit(ban_sites)


# The receivers that keep the page cache and Varnish current.
RECEIVERS = (
    Receiver(page_published, page_changed, dispatch_uid="front_cache_published"),
    Receiver(page_unpublished, page_changed, dispatch_uid="front_cache_unpublished"),
    Receiver(pre_page_move, page_moving, dispatch_uid="front_cache_moving"),
    Receiver(post_page_move, page_moved, dispatch_uid="front_cache_moved"),
    Receiver(post_save, setting_or_snippet_changed, dispatch_uid="front_cache_saved"),
    Receiver(post_delete, setting_or_snippet_changed, dispatch_uid="front_cache_deleted"),
)


def connect_signals():
    """Called once from the core app's ready()."""
    for receiver in RECEIVERS:
        receiver.connect()


@contextmanager
def one_ban_for_all():
    """No purge per change while a batch of changes runs (the demo's build publishes
    hundreds of pages, and each publish would work out its affected addresses among all the
    others); once it is over, the page cache is emptied and every site banned, once, after
    the commit."""
    with receivers_paused(RECEIVERS):
        yield
    transaction.on_commit(ban_sites)
