"""What a notice tells about a page: which kind it is (a report, a news item, an event), its
title, date, summary and address. The three families are named here, once; the rest of the
app asks `kind_of(page)` and `item_of(page)`."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from wagtail.models import PageLogEntry

from portal.core.address import absolute_url
from portal.events.models import EventPage
from portal.news.models import NewsPage
from portal.research.models import ReportPage

from .models import Kind

# kind: (page type, the field with its date, the field with its summary)
FAMILIES = {
    Kind.REPORTS: (ReportPage, "publication_date", "abstract"),
    Kind.NEWS: (NewsPage, "date", "lead"),
    Kind.EVENTS: (EventPage, "start", "lead"),
}


@dataclass(frozen=True)
class Item:
    kind: str
    title: str
    date: datetime.date
    summary: str
    url: str

    @property
    def kind_label(self):
        return Kind(self.kind).label


def kind_of(page):
    """The kind of `page` subscribers may ask for, or None for any other page type."""
    for kind, (model, _date, _summary) in FAMILIES.items():
        if isinstance(page, model):
            return kind
    return None


def item_of(page):
    """The notice's view of a specific page; an event's date is its day in local time."""
    kind = kind_of(page)
    _model, date_field, summary_field = FAMILIES[kind]
    date = getattr(page, date_field)
    if isinstance(date, datetime.datetime):
        date = timezone.localtime(date).date()
    return Item(
        kind=kind,
        title=page.title,
        date=date,
        summary=getattr(page, summary_field),
        url=absolute_url(page.url),
    )


def is_first_publication(page, revision):
    """Whether publishing `revision` just made `page` live for the first time.

    Wagtail's PublishRevisionAction sets `last_published_at` to the moment of every
    publish that makes the page live, and `first_published_at` to that same moment only
    when it was still empty, so the two are equal on the first publication. A publish made
    from a stale copy of the page (code holding the object from before its first publish)
    would set `first_published_at` again, so the page's log must also hold no publish of
    another revision. An alias (a page mirrored elsewhere in the tree) is not a
    publication of its own.
    """
    if page.alias_of_id is not None or not page.live or page.first_published_at is None:
        return False
    if page.first_published_at != page.last_published_at:
        return False
    earlier = PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
    if revision is not None:
        earlier = earlier.exclude(revision_id=revision.pk)
    return not earlier.exists()


def published_between(language, start, end):
    """Every page of the three families in `language` first published in [start, end),
    live, as (Item, its zones' translation keys), oldest first. A fixed number of queries."""
    items = []
    for model, _date, _summary in FAMILIES.values():
        pages = (
            model.objects.live()
            .filter(
                locale__language_code=language,
                first_published_at__gte=start,
                first_published_at__lt=end,
            )
            .prefetch_related("zones")
        )
        for page in pages:
            keys = {zone.translation_key for zone in page.zones.all()}
            items.append((page.first_published_at, item_of(page), keys))
    items.sort(key=lambda entry: entry[0])
    return [(item, keys) for _when, item, keys in items]


def week_bounds(week):
    """The first moment of ISO week `week` ("2026-W48") and of the next, in local time."""
    year, number = week.split("-W")
    monday = datetime.date.fromisocalendar(int(year), int(number), 1)
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
    return start, start + datetime.timedelta(days=7)


def previous_week(today=None):
    """The ISO week before the one `today` is in (the last full week), as "2026-W48"."""
    day = (today or timezone.localdate()) - datetime.timedelta(days=7)
    year, number, _weekday = day.isocalendar()
    return f"{year}-W{number:02d}"
