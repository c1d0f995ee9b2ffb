from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationConfig(AppConfig):
    name = "portal.association"
    label = "association"
    verbose_name = _("The association")
    default_auto_field = "django.db.models.BigAutoField"
