import operator
from functools import reduce

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.core.robots import ROBOTS_DISALLOW_HOOK
from portal.core.routes import PAGE_ROUTES_HOOK, PageRoutes
from portal.core.sections import HomeSection, index_page, listing_url
from portal.core.spreadsheets import PolishSpreadsheetExportMixin
from zones.dashboard import is_zone_editor
from zones.listings import tagged_listing
from zones.models import attach_localized_zones

from . import views
from .admin_views import (
    EmailStatusColumn,
    RegistrationCreateView,
    RegistrationDeleteView,
    RegistrationEditView,
    RegistrationFilterSet,
    send_again,
)
from .dashboard import OrganiserPanel, ZoneEventsPanel
from .forms import RegistrationAddForm, RegistrationAdminForm, RegistrationForm
from .models import EVENTS_PER_PAGE, EventIndexPage, EventPage, events_of, upcoming
from .registrations import Registration


def upcoming_events(locale):
    return upcoming(events_of(locale))


def zone_calendar(zone_page, request):
    index = index_page(EventIndexPage, zone_page.locale)
    return {"calendar_url": index.calendar_url(zone_page.zone.slug) if index else ""}


@hooks.register("register_zone_listing")
def events_listing():
    return tagged_listing(
        items=upcoming_events,
        per_page=EVENTS_PER_PAGE,
        template="events/zone_events.html",
        context=zone_calendar,
        name="events",
        route=_("events/"),
        title=_("Events"),
        all_label=_("All events of this zone"),
        section_template="events/includes/event_list.html",
        order=30,
    )


@hooks.register("register_home_section")
def next_events_section():
    return HomeSection(
        name="events",
        title=_("Next events"),
        all_label=_("All events"),
        items=lambda home, limit: attach_localized_zones(
            list(upcoming_events(home.locale)[:limit]), home.locale
        ),
        url=lambda home: listing_url(home, EventIndexPage),
        template="events/includes/event_list.html",
        order=20,
    )


class RegistrationIndexView(PolishSpreadsheetExportMixin, IndexView):
    """The list of registrations, whose CSV/XLSX export opens in Polish Excel as the admin
    shows it (labels, local times) and turns what people typed into text that a spreadsheet
    never runs as a formula."""

    export_headings = {"event.start": _("Event date")}

    def get_base_queryset(self):
        """With each registration's event in the same query (its title and date)."""
        return super().get_base_queryset().select_related("event")


class RegistrationViewSet(ModelViewSet):
    """ "Zgłoszenia": the organisers' list of registrations, with filters and CSV/XLSX export.
    Only users with the registration permissions ("Organizatorzy", superusers) see it. The
    "E-mail" column shows an e-mail that was not delivered, with "Wyślij ponownie"."""

    model = Registration
    index_view_class = RegistrationIndexView
    add_view_class = RegistrationCreateView
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
    icon = "form"
    menu_label = _("Registrations")
    menu_order = 220
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "name",
        "institution",
        "event",
        "people",
        "status",
        EmailStatusColumn("email_status", label=_("E-mail")),
        "created_at",
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "institution"]
    # What people typed in the sign-up form (its fields, less the newsletter) comes between
    # the event and the record's own facts.
    list_export = [
        "event",
        "event.start",
        "status",
        *[name for name in RegistrationForm.Meta.fields if name != "newsletter"],
        "language",
        "newsletter",
        "consent_version",
        "consented_at",
        "created_at",
    ]
    export_filename = "zgloszenia"

    def get_form_class(self, for_update=False):
        return RegistrationAdminForm if for_update else RegistrationAddForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("send-again/<int:pk>/", send_again, name="send_again"),
        ]


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


def _has_registrations(pages):
    """Whether any event among `pages` or below them has registrations."""
    below = reduce(operator.or_, (Q(event__path__startswith=page.path) for page in pages))
    return Registration.objects.filter(below).exists()


@hooks.register("before_delete_page")
def keep_events_with_registrations(request, page):
    """An event with registrations (or an index holding one) is not deleted: the people who
    signed up must be told first. Cancel the event instead; the purge removes their data."""
    if _has_registrations([page]):
        messages.error(
            request,
            _("This page cannot be deleted: people have registered. Mark the event as cancelled."),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_events_with_registrations_in_bulk(request, action_type, objects, action_class_instance):
    pages = action_type == "delete" and objects and hasattr(objects[0], "path")
    if pages and _has_registrations(objects):
        messages.error(
            request, _("Some pages cannot be deleted: people have registered for their events.")
        )
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return None


@hooks.register(PAGE_ROUTES_HOOK)
def registration_routes():
    """Sign up, see the result and cancel: sub-views of every event page."""
    return PageRoutes(EventPage, views.registration_routes())


@hooks.register("construct_homepage_panels")
def events_panels(request, panels):
    """Organisers see their meetings and registrations; zone editors their zones' events."""
    if request.user.has_perm("events.view_registration"):
        panels.append(OrganiserPanel())
    if is_zone_editor(request.user):
        panels.append(ZoneEventsPanel())


@hooks.register(ROBOTS_DISALLOW_HOOK)
def registration_paths():
    """Search engines leave the sign-up, confirmation and cancel sub-views of every event
    alone (in each language: /pl/*/zapis/, /en/*/register/, ...)."""
    found = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found += [f"/{code}/*/{route.pattern}" for route in views.registration_routes()]
    return found
