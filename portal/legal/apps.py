from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "portal.legal"
    label = "legal"
    verbose_name = _("Statutory information")
    default_auto_field = "django.db.models.BigAutoField"
