import django_filters

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.core.spreadsheets import FormulaSafeExportMixin
from zones.additions import ZonePageAddition
from zones.models import Zone

from .models import Subscription


@hooks.register("register_zone_page_addition")
def zone_subscribe_form():
    """Every zone page ends with a subscribe form, that zone already chosen."""
    return ZonePageAddition(
        name="subscribe", template="subscriptions/includes/zone_form.html", order=50
    )


class SubscriptionFilterSet(WagtailFilterSet):
    zones = django_filters.ModelChoiceFilter(
        label=_("Zone"),
        queryset=Zone.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
            "sort_order"
        ),
    )

    class Meta:
        model = Subscription
        fields = ["zones", "status", "language", "frequency"]


class SubscriptionIndexView(FormulaSafeExportMixin, IndexView):
    """The list of subscribers, with their zones fetched in one query for the whole page
    (and for the export); the export turns what people typed into text that a spreadsheet
    never runs as a formula."""

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("zones")


class SubscriptionViewSet(ModelViewSet):
    """ "Subskrypcje": who asked for e-mails about which zones, for moderators (the
    subscription permissions), with filters and CSV/XLSX export. Read-only: people change
    their own subscription through the links of the e-mails."""

    model = Subscription
    index_view_class = SubscriptionIndexView
    filterset_class = SubscriptionFilterSet
    icon = "mail"
    menu_label = _("Subscriptions")
    menu_order = 230
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "email",
        "zone_names",
        "kinds_display",
        "language",
        "frequency",
        "status",
        "created_at",
    ]
    search_fields = ["email"]
    list_export = [*list_display, "confirmed_at", "consent_version"]
    export_filename = "subskrypcje"
    form_fields = ["zones", "reports", "news", "events", "language", "frequency", "status"]


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet("subscriptions")
