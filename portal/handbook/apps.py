from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandbookConfig(AppConfig):
    name = "portal.handbook"
    label = "handbook"
    verbose_name = _("The model")
    default_auto_field = "django.db.models.BigAutoField"
