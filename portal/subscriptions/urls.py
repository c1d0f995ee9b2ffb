"""The subscription's addresses, each in the language of its page (i18n_patterns and
translated paths, as Django does it): /pl/subskrypcja/… and /en/subscribe/…."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(_("subscribe/sent/"), views.requested, name="subscription_requested"),
    path(_("subscribe/confirm/<str:token>/"), views.confirm, name="subscription_confirm"),
    path(
        _("subscribe/unsubscribe/<str:token>/"),
        views.unsubscribe,
        name="subscription_unsubscribe",
    ),
    path(
        _("subscribe/settings/<str:token>/"),
        views.preferences,
        name="subscription_preferences",
    ),
]
