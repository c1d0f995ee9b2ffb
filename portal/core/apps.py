from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The module, not the class: a second AppConfig class in this module would keep Django from
# picking CoreConfig for portal.core.
from wagtail.contrib.frontend_cache import apps as frontend_cache_apps


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Site core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core import checks  # noqa: F401  (registers the deploy check)
        from portal.core.fragments import connect_invalidation
        from portal.core.front_cache import connect_signals
        from portal.core.lookups import cache_wagtail_lookups

        connect_signals()
        connect_invalidation()
        cache_wagtail_lookups()


class FrontendCacheConfig(frontend_cache_apps.WagtailFrontendCacheAppConfig):
    """wagtail.contrib.frontend_cache, installed without its publish/unpublish handlers.

    Those enqueue a task that purges the page's own addresses a worker's polling interval
    after the publish; portal.core.front_cache purges them, with every other affected
    address, in the publishing request. Not registering them is cleaner than disconnecting
    them afterwards: Wagtail connects one per page model without a dispatch_uid, and this
    app's ready() runs after core's (INSTALLED_APPS order), so a disconnect in core would
    find nothing to disconnect yet. Wagtail's ready() does nothing else.
    """

    default = False  # not portal.core's own config

    def ready(self):
        pass
