from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    name = "zones"
    verbose_name = _("Stakeholder zones")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import editing  # noqa: F401  (connects the zone page permission signal)
        from .moderation_notices import guard_moderation_notices

        guard_moderation_notices()
