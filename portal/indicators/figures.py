"""The project's indicators: how many meetings, people and institutions it reached, what it
published, how often its reports were downloaded — in total, per month and per zone.

Each figure set is a fixed number of aggregate queries (GROUP BY with conditional counts),
whatever the number of events, registrations or pages: no loop runs a query per row.

The figures are computed from the registrations themselves. `purge_registrations` only
anonymises a registration (name, e-mail, phone, position, companions, "other needs"): its
event, status, number of people, institution, institution type and needs stay, and the
event cannot be deleted while registrations point at it. So every figure here is the same
before and after a purge (tests/indicators/test_figures.py proves it), and no second copy
of the counts has to be kept in step (see the README, "Project indicators").
"""

import dataclasses
import datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Count, DateField, F, Q, Sum, Value, When
from django.db.models.functions import Lower, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.events.models import EventPage
from portal.events.registrations import Registration
from portal.news.models import NewsPage
from portal.research.models import ReportPage

from .downloads import DocumentDownload

CONFIRMED = Q(status=Registration.Status.CONFIRMED)
NOT_CANCELLED = ~Q(status=Registration.Status.CANCELLED)
Types = Registration.InstitutionType

# The five groups the funder asks about, from the registration form's institution types.
# A social cooperative is an enterprise (of the social economy), so it counts as business;
# ROPS, PCPR and OPS are units of local government.
INSTITUTION_GROUPS = {
    "institutions_wtz": (_("WTZ"), [Types.WTZ]),
    "institutions_local_government": (
        _("Local government"),
        [Types.MUNICIPALITY, Types.COUNTY, Types.REGION, Types.SOCIAL_SERVICES],
    ),
    "institutions_business": (_("Businesses"), [Types.BUSINESS, Types.COOPERATIVE]),
    "institutions_ngo": (_("NGOs"), [Types.NGO]),
    "institutions_other": (_("Other institutions"), [Types.OTHER]),
}

# The figures in the order of the report's columns, with their headings.
FIGURES = {
    "meetings_held": _("Meetings held"),
    "events_published": _("Events published"),
    "news_published": _("News published"),
    "reports_published": _("Reports published"),
    "registrations_confirmed": _("Registrations confirmed"),
    "registrations_waiting": _("Registrations waiting"),
    "registrations_cancelled": _("Registrations cancelled"),
    "attendees": _("Attendees (people)"),
    "institutions": _("Distinct institutions"),
    **{name: label for name, (label, _types) in INSTITUTION_GROUPS.items()},
    **{name: label for name, label in Registration.NEEDS},
    "downloads": _("Document downloads"),
    "subscribers": _("Subscribers (confirmed)"),
}
NEEDS = [name for name, _label in Registration.NEEDS]


@dataclasses.dataclass(frozen=True)
class Period:
    """What the figures cover: the days from `start` to `end` (both included, either open)
    and one zone (a Polish `Zone`, as pages are tagged) or all of them."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    zone: object = None

    def days(self, field):
        """The filter that keeps `field` (a date, or a moment read in Warsaw time) in range."""
        found = Q()
        if self.start:
            found &= Q(**{f"{field}__gte": self.start})
        if self.end:
            found &= Q(**{f"{field}__lte": self.end})
        return found

    def zones(self, prefix=""):
        return Q(**{f"{prefix}zones": self.zone}) if self.zone else Q()


def _institution(name):
    """One group of institutions: how many distinct institutions (by name, case-folded)
    confirmed a place. One institution that came to three meetings counts once."""
    _label, types = INSTITUTION_GROUPS[name]
    return Count(
        Lower("institution"), distinct=True, filter=CONFIRMED & Q(institution_type__in=types)
    )


def registration_figures():
    """The aggregates of registrations: statuses, people, institutions and needs."""
    return {
        "registrations_confirmed": Count("pk", filter=CONFIRMED),
        "registrations_waiting": Count("pk", filter=Q(status=Registration.Status.WAITING)),
        "registrations_cancelled": Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        "attendees": Sum("people", filter=CONFIRMED, default=0),
        "institutions": Count(Lower("institution"), distinct=True, filter=CONFIRMED),
        **{name: _institution(name) for name in INSTITUTION_GROUPS},
        # Counts only: who needed what never leaves the registrations admin.
        **{name: Count("pk", filter=NOT_CANCELLED & Q(**{name: True})) for name in NEEDS},
    }


def event_figures(now):
    """Events counted once per event, whatever the number of its translations."""
    return {
        "events_published": Count("translation_key", distinct=True),
        "meetings_held": Count(
            "translation_key",
            distinct=True,
            filter=Q(end__lt=now) & ~Q(status=EventPage.Status.CANCELLED),
        ),
    }


def _sources(period, now):
    """Each source of figures: its rows in the period, the field that dates them, and
    its aggregates. A page is counted once across its translations (translation_key)."""
    registrations = Registration.objects.filter(
        period.days("event__start__date"), period.zones("event__"), event__live=True
    )
    events = EventPage.objects.live().filter(period.days("start__date"), period.zones())
    news = NewsPage.objects.live().filter(period.days("date"), period.zones())
    reports = ReportPage.objects.live().filter(period.days("publication_date"), period.zones())
    found = [
        (registrations, month_of_event(events), "event__zones", registration_figures()),
        (events, TruncMonth("start"), "zones", event_figures(now)),
        (
            news,
            TruncMonth("date"),
            "zones",
            {"news_published": Count("translation_key", distinct=True)},
        ),
        (
            reports,
            TruncMonth("publication_date"),
            "zones",
            {"reports_published": Count("translation_key", distinct=True)},
        ),
    ]
    subscriptions = confirmed_subscriptions(period)
    if subscriptions is not None:
        # A subscription is one address: in total each counts once, in each of its zones once.
        subscribers = {"subscribers": Count("pk", distinct=True)}
        found.append((subscriptions, TruncMonth("confirmed_at"), "zones", subscribers))
    return found


def confirmed_subscriptions(period):
    """The subscriptions confirmed in the period and still confirmed (an address that has
    since unsubscribed is not a subscriber any more), or None without the subscriptions
    app. Read through the app registry, not imported: portal.subscriptions is a sibling in
    the same import-linter layer, and siblings are independent of each other."""
    try:
        subscription = apps.get_model("subscriptions", "Subscription")
    except LookupError:
        return None
    return subscription.objects.filter(
        period.days("confirmed_at__date"),
        period.zones(),
        status=subscription.Status.CONFIRMED,
    )


def month_of_event(events):
    """A registration's month, the month of its event's start (Warsaw time), as a CASE on
    the event's id: one query cuts the events' starts to months, so the database does not
    convert a moment to Warsaw time for each of thousands of registrations (SQLite does that
    in Python, row by row)."""
    months = {}
    found = events.annotate(month=TruncMonth("start")).values_list("pk", "month").order_by()
    for event, month in found:
        months.setdefault(_as_date(month), []).append(event)
    whens = [When(event_id__in=ids, then=Value(month)) for month, ids in months.items()]
    return Case(*whens, default=None, output_field=DateField()) if whens else Value(None)


def _empty_row():
    return dict.fromkeys(FIGURES, 0)


def indicators(period=None, now=None):
    """The figures of `period`: {"total": row, "months": {month: row}, "zones": {zone id:
    row}}, each row a dict of every figure in FIGURES. Three aggregate queries per source
    (total, by month, by zone), one for the events' months and one for the downloads:
    19 queries, whatever the data."""
    period = period or Period()
    now = now or timezone.now()
    total = _empty_row()
    months = {}
    zones = {}
    for rows, month_of, zoned_by, figures in _sources(period, now):
        total.update(rows.aggregate(**figures))
        by_month = rows.annotate(month=month_of).values("month").order_by()
        for found in by_month.annotate(**figures):
            month = _as_date(found.pop("month"))
            if month is not None:
                months.setdefault(month, _empty_row()).update(found)
        by_zone = rows.values(zone=F(zoned_by)).filter(zone__isnull=False).order_by()
        for found in by_zone.annotate(**figures):
            zone = found.pop("zone")
            if period.zone is None or zone == period.zone.pk:
                zones.setdefault(zone, _empty_row()).update(found)
    downloads = downloads_by_month(period)
    total["downloads"] = sum(downloads.values())
    for month, count in downloads.items():
        months.setdefault(month, _empty_row())["downloads"] = count
    return {"total": total, "months": dict(sorted(months.items())), "zones": zones}


def _as_date(month):
    """TruncMonth gives a date for a date field and an aware moment for a moment (cut in
    the site's time zone); the report wants the first day of the month either way."""
    if isinstance(month, datetime.datetime):
        return timezone.localtime(month).date()
    return month


def downloads_by_month(period):
    """Downloads of every document per month of the period (one query). The zone filter
    keeps the downloads of documents of the zone's reports (see report_downloads)."""
    counters = DocumentDownload.objects.filter(period.days("day"))
    if period.zone:
        counters = counters.filter(document_id__in=_document_ids(_reports(period)))
    found = (
        counters.annotate(month=TruncMonth("day"))
        .values("month")
        .order_by("month")
        .annotate(total=Sum("count"))
    )
    return {row["month"]: row["total"] for row in found}


def _reports(period):
    """The live reports in the site's default language (translations share the files)."""
    reports = ReportPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE,
        **({"zones": period.zone} if period.zone else {}),
    )
    return list(reports.order_by("-publication_date", "pk").only("pk", "title", "files"))


def _files_of(report):
    """The ids of a report's documents, read from the stored stream without loading them."""
    return [block["value"] for block in report.files.raw_data if block.get("value")]


def _document_ids(reports):
    return {document for report in reports for document in _files_of(report)}


def report_downloads(period=None):
    """Downloads of each report's documents in the period, most downloaded first: two
    queries (the reports; the counters summed by document), whatever their number."""
    period = period or Period()
    reports = _reports(period)
    counted = dict(
        DocumentDownload.objects.filter(period.days("day"), document_id__in=_document_ids(reports))
        .values("document_id")
        .order_by()
        .annotate(total=Sum("count"))
        .values_list("document_id", "total")
    )
    found = [
        {"report": report, "downloads": sum(counted.get(pk, 0) for pk in set(_files_of(report)))}
        for report in reports
    ]
    return sorted(found, key=lambda row: -row["downloads"])


SMALL_COUNT = 5
CACHE_SECONDS = 24 * 60 * 60
# The figures the public page shows, in its order, with what each counts.
HEADLINES = {
    "meetings_held": _("meetings held"),
    "attendees": _("people at our meetings"),
    "institutions": _("institutions that took part"),
    "institutions_wtz": _("occupational therapy workshops (WTZ)"),
    "institutions_local_government": _("local government units"),
    "reports_published": _("reports and analyses published"),
    "downloads": _("downloads of our documents"),
    "subscribers": _("people who receive our news by e-mail"),
}


def public_count(count):
    """A count as the public may see it: below 5 it says "< 5", so a small group (one
    institution, two people who needed an interpreter) cannot be picked out."""
    return f"< {SMALL_COUNT}" if count < SMALL_COUNT else str(count)


def public_headlines():
    """The headline figures of the whole project for the public page, counted once a day
    (Warsaw time) and kept in the cache until the next day: no personal data, only totals,
    each as public_count() shows it."""
    key = f"indicators:headlines:{timezone.localdate().isoformat()}"
    total = cache.get(key)
    if total is None or total.keys() != HEADLINES.keys():  # counted before a figure was added
        figures = indicators()["total"]
        total = {name: figures[name] for name in HEADLINES}
        cache.set(key, total, CACHE_SECONDS)
    return [
        {"key": name, "label": label, "value": public_count(total[name])}
        for name, label in HEADLINES.items()
    ]
