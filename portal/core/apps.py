from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
