import django_filters

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core.blocks import BaseStreamBlock
from portal.core.fragments import kept_response
from portal.core.navigation import subpage_url
from portal.core.routes import CachedSubviewsMixin, registered_routes
from portal.core.translatable import PAGE_TEXT_FIELDS
from zones.filters import ZoneFilterSet
from zones.models import Zone, ZoneTaggedIndexPage, ZoneTaggedMixin, with_zone_ids

from . import calendar
from .admin_forms import EventIndexPageForm
from .forms import registration_context
from .panels import RegistrationSummaryPanel
from .permissions import EventIndexPermissionTester
from .registrations import Registration  # noqa: F401  (the model lives in its own module)

EVENTS_PER_PAGE = 10


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"))
    title = blocks.CharBlock(label=_("What happens"), max_length=200)
    speaker = blocks.CharBlock(label=_("Who speaks"), max_length=200, required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role or organisation"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("Speaker")


def events_of(locale):
    """The live, public events of one language, with their zones, for a listing."""
    return with_zone_ids(
        EventPage.objects.live().public().filter(locale=locale).select_related("locale")
    )


def upcoming(events, now=None):
    """Events that have not ended yet, soonest first."""
    return events.filter(end__gte=now or timezone.now()).order_by("start", "pk")


def past(events, now=None):
    """Events that have ended, newest first."""
    return events.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


class EventFilterSet(ZoneFilterSet):
    """The events by zone, kind and city (only the cities that have events)."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), empty_label=_("All kinds"))
    city = django_filters.ChoiceFilter(label=_("City"), empty_label=_("All places"))

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["kind"].extra["choices"] = EventPage.Kind.choices
        self.filters["city"].extra["choices"] = [(city, city) for city in cities]


class EventIndexPage(ZoneTaggedIndexPage):
    """ "Wydarzenia": upcoming events (soonest first) and the archive of past ones, with an
    iCalendar feed to subscribe to, for the whole site and for each zone."""

    subpage_types = ["events.EventPage"]
    base_form_class = EventIndexPageForm
    per_page = EVENTS_PER_PAGE
    sitemap_routes = ("past",)

    class Meta:
        verbose_name = _("events index")

    def permissions_for_user(self, user):
        """Organisers may run events here but not unpublish, delete or move the section."""
        return EventIndexPermissionTester(user, self)

    def events(self):
        return events_of(self.locale)

    def cities(self):
        return list(
            EventPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .exclude(city="")
            .order_by("city")
            .values_list("city", flat=True)
            .distinct()
        )

    def _listing(self, request, when):
        filters = EventFilterSet(
            request.GET, self.events(), locale=self.locale, cities=self.cities()
        )
        events = filters.listing()
        events = upcoming(events) if when == "upcoming" else past(events)
        return self.render_listing(
            request,
            filters,
            events,
            when=when,
            tabs=self.tabs(when, request),
            calendar_url=self.calendar_url(),
        )

    def tabs(self, current, request=None):
        query = request.GET.copy() if request else {}
        if query:
            query.pop("page", None)
        suffix = f"?{query.urlencode()}" if query else ""
        return [
            {"title": _("Upcoming"), "url": self.url + suffix, "is_current": current == "upcoming"},
            {
                "title": _("Past"),
                "url": subpage_url(self, "past") + suffix,
                "is_current": current == "past",
            },
        ]

    def calendar_url(self, zone_slug=None):
        if zone_slug:
            return subpage_url(self, "zone_calendar", args=[zone_slug])
        return subpage_url(self, "calendar")

    @path("")
    def upcoming_events(self, request):
        return self._listing(request, "upcoming")

    @path(_("past/"), name="past")
    def past_events(self, request):
        return self._listing(request, "past")

    @path("ical/", name="calendar")
    @path("ical/<slug:zone>/", name="zone_calendar")
    def calendar_feed(self, request, zone=None):
        return kept_response(request, "ical", lambda: self.calendar_response(request, zone))

    def calendar_response(self, request, zone=None):
        """The upcoming events (of one zone) as an iCalendar file."""
        events = upcoming(self.events())
        name = self.title
        if zone is not None:
            found = Zone.objects.for_locale(self.locale).filter(slug=zone).first()
            if found is None:
                raise Http404(_("There is no such zone."))
            events = events.filter(zones__translation_key=found.translation_key)
            name = f"{self.title}: {found.name}"
        return calendar.ics_response(calendar.feed(list(events), name, request), f"{self.slug}.ics")


class EventPage(ZoneTaggedMixin, CachedSubviewsMixin, Page):
    """An event: when and where (or online), for whom, what happens, how accessible the
    venue is, and the seats and registration window used by the registration form."""

    class Kind(models.TextChoices):
        INFO_MEETING = "info-meeting", _("Information and promotion meeting")
        CONFERENCE = "conference", _("Conference")
        TRAINING = "training", _("Training")
        WORKSHOP = "workshop", _("Workshop")
        STUDY_VISIT = "study-visit", _("Study visit")
        WEBINAR = "webinar", _("Webinar")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", _("Cancelled")
        MOVED_ONLINE = "moved-online", _("Moved online")
        POSTPONED = "postponed", _("Postponed")

    class Attendance(models.TextChoices):
        IN_PERSON = "in-person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    ACCESSIBILITY_FACTS = [
        ("step_free_entrance", "step-free"),
        ("accessible_toilet", "toilet"),
        ("induction_loop", "loop"),
        ("sign_language", "sign-language"),
        ("easy_read", "easy-read"),
        ("quiet_room", "quiet-room"),
    ]

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    lead = models.TextField(_("lead"), max_length=500)
    body = StreamField(BaseStreamBlock, verbose_name=_("description"), blank=True)

    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    directions = models.TextField(_("how to get there"), blank=True)
    online_platform = models.CharField(
        _("online platform"), max_length=100, blank=True, help_text=_("For example: Zoom.")
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("Sent only to registered participants; never shown on the site."),
    )

    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    speakers = StreamField([("speaker", SpeakerBlock())], verbose_name=_("speakers"), blank=True)

    step_free_entrance = models.BooleanField(_("step-free entrance"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    sign_language = models.BooleanField(_("Polish Sign Language interpreter"), default=False)
    easy_read = models.BooleanField(_("easy-to-read materials"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)

    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty when seats are not limited.")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)

    organiser_name = models.CharField(_("organiser"), max_length=200, blank=True)
    organiser_email = models.EmailField(_("organiser's e-mail"), blank=True)
    organiser_phone = models.CharField(_("organiser's phone"), max_length=40, blank=True)

    ical_sequence = models.PositiveIntegerField(default=0, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                ZoneTaggedMixin.zones_panel,
            ],
            heading=_("What and when"),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("directions"),
                FieldPanel("online_platform"),
                FieldPanel("join_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("agenda"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [FieldPanel(name) for name, _icon in ACCESSIBILITY_FACTS],
            heading=_("Accessibility of the venue"),
        ),
        RegistrationSummaryPanel(),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
            ],
            heading=_("Seats and registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                FieldPanel("organiser_email"),
                FieldPanel("organiser_phone"),
            ],
            heading=_("Organiser"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        *ZoneTaggedMixin.translatable_fields,
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("directions"),
        TranslatableField("agenda"),
        TranslatableField("speakers"),
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("status"),
        SynchronizedField("attendance"),
        SynchronizedField("venue_name"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("online_platform"),
        SynchronizedField("join_url"),
        *[SynchronizedField(name) for name, _icon in ACCESSIBILITY_FACTS],
        SynchronizedField("capacity"),
        SynchronizedField("registration_opens"),
        SynchronizedField("registration_closes"),
        SynchronizedField("organiser_name"),
        SynchronizedField("organiser_email"),
        SynchronizedField("organiser_phone"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    RESERVED_SLUGS = {"ical", "past", "minione"}  # routes of the events index

    def clean(self):
        super().clean()
        errors = {}
        for name in ("start", "end", "registration_opens", "registration_closes"):
            moment = getattr(self, name)
            if moment and not (2000 <= moment.year <= 2100):
                errors[name] = _("Give a date between the years 2000 and 2100.")
        if errors:
            raise ValidationError(errors)
        if self.slug in self.RESERVED_SLUGS:
            errors["slug"] = _("This address is used by the events list; choose another.")
        if self.registration_opens and self.end and self.registration_opens >= self.end:
            errors["registration_opens"] = _("Registration must open before the event ends.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.capacity is not None and self.capacity < 1:
            # 0 would close registration while saying seats are limited; "no seats" is
            # said by leaving registration closed (no opening date).
            errors["capacity"] = _(
                "Give at least 1 seat, or leave the field empty when seats are not limited."
            )
        if self.attendance != self.Attendance.ONLINE and not self.city:
            errors["city"] = _("Give the city of the venue, or choose online attendance.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.registration_closes and self.end and self.registration_closes > self.end:
            errors["registration_closes"] = _("Registration cannot close after the event ends.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """Keep the iCalendar sequence of the live record when a revision is restored or
        published: it only ever grows (see signals.py)."""
        page = super().with_content_json(content)
        page.ical_sequence = self.ical_sequence
        return page

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_online(self):
        return self.attendance == self.Attendance.ONLINE or self.status == self.Status.MOVED_ONLINE

    @property
    def has_venue(self):
        return not self.is_online and bool(self.city)

    def accessibility(self):
        """The venue's accessibility facts that are true, with their icon and label."""
        return [
            {"icon": icon, "label": self._meta.get_field(name).verbose_name}
            for name, icon in self.ACCESSIBILITY_FACTS
            if getattr(self, name)
        ]

    @path("")
    def event(self, request):
        return self.render(request)

    @classmethod
    def get_subpage_urls(cls):
        """Registration's sub-views (views.py, see core.routes), then its own."""
        return registered_routes(cls) + super().get_subpage_urls()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("registration", registration_context(self))
        context["register_url"] = subpage_url(self, "register")
        return context

    @path("ical/", name="ics")
    def ics(self, request):
        return calendar.ics_response(calendar.feed([self], self.title, request), f"{self.slug}.ics")

    def ics_url(self):
        return subpage_url(self, "ics")

    def structured_data(self, request):
        return calendar.structured_data(self, request)
