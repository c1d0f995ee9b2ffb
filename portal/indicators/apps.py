from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "portal.indicators"
    label = "indicators"
    verbose_name = _("Project indicators")
    default_auto_field = "django.db.models.BigAutoField"
