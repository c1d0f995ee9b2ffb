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
        connect_fragment_invalidation()


def connect_fragment_invalidation():
    """Zone names and colours are shown in cached fragments (zone sections, home listings):
    a zone saved or deleted stores a new fragment version."""
    from django.db.models.signals import post_delete, post_save

    from portal.core.fragments import invalidate_fragments

    from .models import Zone

    for signal in (post_save, post_delete):
        signal.connect(invalidate_fragments, sender=Zone, dispatch_uid=f"fragments-zone-{signal}")
