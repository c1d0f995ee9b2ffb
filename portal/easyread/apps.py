from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EasyReadConfig(AppConfig):
    name = "portal.easyread"
    label = "easyread"
    verbose_name = _("Easy to read and sign language")
    default_auto_field = "django.db.models.BigAutoField"
