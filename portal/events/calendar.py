"""iCalendar files (RFC 5545, with the icalendar library) and schema.org Event data.

Times are written in UTC ("Z"), so a 10:00 meeting in Warsaw is right in every calendar
whatever the daylight-saving period. The UID comes from the event's translation key and
language, so it survives edits; SEQUENCE grows with every publication of that language
version, so calendars replace their copy.
"""

import datetime

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

PRODUCT_ID = "-//Portal WTZ//Wydarzenia//PL"
ICAL_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}
SCHEMA_STATUS = {
    "planned": "EventScheduled",
    "cancelled": "EventCancelled",
    "moved-online": "EventMovedOnline",
    "postponed": "EventPostponed",
}
SCHEMA_ATTENDANCE = {
    "in-person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}


def uid(event):
    """Stable across edits; one per language version, since each version has its own
    SEQUENCE (it is published on its own)."""
    return f"event-{event.translation_key}-{event.locale.language_code}@portal-wtz"


def location(event):
    """The venue as one line, or the platform for an online event."""
    if event.has_venue:
        place = [event.venue_name, event.street, f"{event.postcode} {event.city}".strip()]
        return ", ".join(part for part in place if part)
    return event.online_platform or "Online"


def feed(events, name, request, include_join_link=False):
    """A calendar with `events`. The join link of an online event goes only into the
    calendars sent to registered people (`include_join_link`)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_calendar_event(event, request, include_join_link))
    return calendar


def _calendar_event(event, request, include_join_link):
    entry = CalendarEvent()
    url = event.get_full_url(request)
    entry.add("uid", uid(event))
    entry.add("sequence", event.ical_sequence)
    entry.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    entry.add("dtstart", event.start.astimezone(datetime.UTC))
    entry.add("dtend", event.end.astimezone(datetime.UTC))
    entry.add("summary", event.title)
    description = [event.lead, url]
    if include_join_link and event.join_url:
        description.append(event.join_url)
    entry.add("description", "\n\n".join(description))
    entry.add("location", location(event))
    entry.add("url", url)
    entry.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    return entry


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def structured_data(event, request):
    """schema.org Event, for search engines (JSON-LD). The join link is never included."""
    url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": f"https://schema.org/{SCHEMA_STATUS[event.status]}",
        "eventAttendanceMode": "https://schema.org/"
        + SCHEMA_ATTENDANCE["online" if event.status == "moved-online" else event.attendance],
        "inLanguage": event.locale.language_code,
        "url": url,
    }
    places = []
    if event.has_venue:
        places.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street,
                    "postalCode": event.postcode,
                    "addressLocality": event.city,
                    "addressCountry": "PL",
                },
            }
        )
    if event.is_online or event.attendance == "mixed":
        places.append({"@type": "VirtualLocation", "url": url})
    data["location"] = places[0] if len(places) == 1 else places
    if event.organiser_name:
        organizer = {"@type": "Organization", "name": event.organiser_name}
        if event.organiser_email:
            organizer["email"] = event.organiser_email
        data["organizer"] = organizer
    return data
