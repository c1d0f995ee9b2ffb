"""The admin dashboard's events panels: the organisers' meetings and latest registrations,
and the coming events of a zone editor's zones. Each costs the same few queries however
many rows it shows."""

from django.conf import settings
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from zones.permissions import zone_keys_edited_by

from .models import EventPage
from .registrations import Registration

ROWS = 10


def coming_events():
    """Events that have not ended, in the source language (registrations belong to it),
    soonest first."""
    return EventPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, end__gte=timezone.now()
    ).order_by("start", "pk")


def with_seats(events):
    """Seats taken by confirmed registrations and people on the waiting list, per event."""
    return events.annotate(
        seats_taken=Coalesce(
            Sum(
                "registrations__people",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
            ),
            0,
        ),
        waiting=Coalesce(
            Sum(
                "registrations__people", filter=Q(registrations__status=Registration.Status.WAITING)
            ),
            0,
        ),
    )


class OrganiserPanel(Component):
    """ "Spotkania": the coming meetings with seats taken of the capacity and the waiting
    list, and the latest registrations."""

    name = "organiser"
    template_name = "events/admin/dashboard_organiser.html"
    order = 60

    def get_context_data(self, parent_context):
        latest = Registration.objects.exclude(status=Registration.Status.CANCELLED)
        return {
            "events": with_seats(coming_events())[:ROWS],
            "registrations": latest.select_related("event").order_by("-created_at", "-pk")[:ROWS],
        }


class ZoneEventsPanel(Component):
    """ "Wydarzenia moich stref": the coming events tagged with the zone editor's zones."""

    name = "zone_events"
    template_name = "events/admin/dashboard_zone_events.html"
    order = 55

    def get_context_data(self, parent_context):
        keys = zone_keys_edited_by(parent_context["request"].user)
        events = coming_events().filter(zones__translation_key__in=keys).distinct()
        return {"events": events[:ROWS], "heading": _("Coming events of my zones")}
