"""Whatever a visitor, a bot or a broken proxy sends in the query string or the form body,
no public address of the site answers with a server error.

Hypothesis generates malformed requests for every public route: odd encodings (a declared
charset of utf-16, latin-1, an unknown one, one that is no text encoding), invalid UTF-8
bytes, percent-encoded garbage, Unicode digits, NULs, huge and very long values, repeated and
empty keys, broken multipart bodies. Each answer must be below 500. The runs are derandomised
(the same examples on every CI run) and use no example database.

The site is built once from the factories, for one test that checks each route in a
subtest of its own. The requests go through Django's
test client with the request class the site's WSGI handler uses (see `portal_requests`), and
the forms are posted the way a browser does: with the CSRF cookie and token, checked.
"""

import functools
import itertools
import logging
from dataclasses import dataclass
from unittest import mock
from urllib.parse import quote_from_bytes

import hypothesis
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from django.test import Client
from django.test.client import encode_multipart

from wagtail.models import Page, Site

from portal.core.http import PortalWSGIRequest
from portal.core.navigation import subpage_url
from portal.events import booking, emails
from portal.handbook.models import HandbookPage, HandbookStep
from tests.conftest import make_locales
from tests.factories import (
    ContactPageFactory,
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PollFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
    ZoneFactory,
    ZonePageFactory,
    warsaw,
)

pytestmark = pytest.mark.django_db

# --- what malformed input looks like

UNICODE_DIGITS = "²³¹⁰₂٣۵߂३৪੭౧๓໔༣၅០᠓１𝟗"
TRICKY_VALUES = [
    "", "\x00", "1\x00", "0", "-1", "+3", " 2 ", "1_0", "0x10", "1.5", "1e400", "nan",
    "2147483647", "2147483648", "9223372036854775808", "99999999999999999999",
    "%", "%zz", "%F", "%FF", "%00", "&", "=", "+", "'", '"', "<script>", "../../etc/passwd",
]  # fmt: skip
# Made once: Hypothesis draws long text one character at a time, which is slow. A few kilobytes:
# gunicorn refuses a longer request line; 5001 is one past the contact form's limit.
LONG_VALUES = ["9" * 2000, "ą" * 500, "%FF" * 500, "\x00" * 500, "x" * 5001]
CHARSETS = [
    "utf-8", "UTF-8", "utf-16", "utf-16-le", "utf-32", "latin-1", "iso-8859-2", "cp1250",
    "ascii", "utf-7", "nonsense", "base64", "hex", "rot13", "zlib", "idna", "punycode",
    "undefined", "unicode_escape",
]  # fmt: skip
ODD_CONTENT_TYPE_TAILS = [f"; charset={name}" for name in CHARSETS] + [
    "; charset=", "; charset*=bogus''x", "; charset*=utf-8''%FF", "; charset=\"utf-16\"",
]  # fmt: skip
TOO_MANY_FIELDS = b"&".join([b"a=1"] * 10_001)  # more than DATA_UPLOAD_MAX_NUMBER_FIELDS
TOO_BIG_BODY = b"a=" + b"x" * 2_700_000  # more than DATA_UPLOAD_MAX_MEMORY_SIZE
CSRF_SECRET = "a" * 32  # the CSRF cookie; a 32-character token equal to it passes the check

# Any code point but surrogates, NUL included: what st.text() draws by default (its
# characters(codec="utf-8")), said without the codec, whose table Hypothesis builds by
# encoding all 1.1 million code points (1.7 s of CPU per process on a clean clone).
any_character = st.characters(exclude_categories=["Cs"])
values = st.one_of(
    st.sampled_from(TRICKY_VALUES),
    st.text(any_character, max_size=20),
    st.text(alphabet=UNICODE_DIGITS + "0123456789", min_size=1, max_size=12),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.binary(max_size=16),  # raw bytes: mostly invalid UTF-8
    st.sampled_from(LONG_VALUES),
)


def mostly(usual, *odd):
    """`usual` nine times in ten, one of `odd` otherwise: most requests should reach the
    view's own parsing rather than stop at the charset or the CSRF check."""
    return st.sampled_from([usual] * 9 + [st.sampled_from(list(odd))]).flatmap(
        lambda choice: choice if isinstance(choice, st.SearchStrategy) else st.just(choice)
    )


@functools.cache
def keys(names):
    """The route's own parameter names, mostly, and some odd ones. One strategy per tuple
    of names, made once: a strategy made anew in every draw costs Hypothesis its set-up
    (labels, emptiness) each time."""
    return st.one_of(
        st.sampled_from(names) if names else st.nothing(),
        st.sampled_from(["", "page", "page[]", "\x00", "q", "t", "csrfmiddlewaretoken"]),
        st.text(any_character, max_size=8),
    )


def as_bytes(value, charset):
    if isinstance(value, bytes):
        return value
    return value.encode(charset, errors="replace")


@functools.cache
def fields_of(names, max_size):
    """Up to `max_size` (key, value) pairs, keys among `names` mostly."""
    return st.lists(st.tuples(keys(names), values), max_size=max_size)


QUERY_CHARSETS = st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16"])
SEPARATORS = st.sampled_from([b"&", b"&", b";", b"&&"])
TOKEN_PLACES = st.sampled_from(["body", "header", "body", "header", "nowhere"])
BODY_KINDS = st.sampled_from(["urlencoded", "urlencoded", "multipart", "bytes"])
OTHER_CONTENT_TYPES = st.sampled_from(["", "text/plain", "application/json", "multipart/form-data"])
RAW_BODIES = st.one_of(st.binary(max_size=200), st.just(TOO_BIG_BODY))


@st.composite
def query_bytes(draw, names):
    """A query string as the bytes a client sends: pairs with repeated and empty keys,
    percent-encoded in UTF-8, latin-1 or UTF-16, or left raw; joined by & or ;; now and
    then more fields than Django accepts."""
    if draw(st.integers(0, 99)) == 0:
        return TOO_MANY_FIELDS
    pairs = draw(fields_of(names, 5))
    charset = draw(QUERY_CHARSETS)
    raw = draw(st.booleans())
    separator = draw(SEPARATORS)
    parts = []
    for key, value in pairs:
        key, value = as_bytes(key, charset), as_bytes(value, charset)
        if not raw:
            key, value = quote_from_bytes(key).encode(), quote_from_bytes(value).encode()
        parts.append(key + b"=" + value if value or draw(st.booleans()) else key)
    return separator.join(parts)


@st.composite
def form_post(draw, names):
    """A form body, its Content-Type and headers: URL-encoded or multipart, in any
    declared charset, or bytes that are neither; the CSRF token in the body or in the
    header (now and then nowhere)."""
    fields = draw(fields_of(names, 8))
    token_in = draw(TOKEN_PLACES)
    if token_in == "body":
        fields.insert(draw(st.integers(0, len(fields))), ("csrfmiddlewaretoken", CSRF_SECRET))
    headers = {"HTTP_X_CSRFTOKEN": CSRF_SECRET} if token_in == "header" else {}
    kind = draw(BODY_KINDS)
    tail = draw(CONTENT_TYPE_TAILS)
    if kind == "urlencoded":
        charset = draw(QUERY_CHARSETS)
        body = b"&".join(quote_bytes(key, charset) + b"=" + quote_bytes(value, charset)
                         for key, value in fields)  # fmt: skip
        return body, "application/x-www-form-urlencoded" + tail, headers
    if kind == "multipart":
        boundary = draw(BOUNDARIES)
        body = multipart(fields, boundary or "BoUnDaRy")
        if draw(st.integers(0, 9)) == 0:
            body = body[: draw(st.integers(0, len(body)))]  # cut short
        return body, f"multipart/form-data; boundary={boundary}" + tail, headers
    body = draw(RAW_BODIES)
    content_type = draw(OTHER_CONTENT_TYPES)
    return body, content_type + tail, headers


CONTENT_TYPE_TAILS = mostly("", *ODD_CONTENT_TYPE_TAILS)
BOUNDARIES = mostly("BoUnDaRy", "", "x" * 71, "ü", "a b")


def quote_bytes(value, charset="utf-8"):
    return quote_from_bytes(as_bytes(value, charset)).encode()


def multipart(fields, boundary):
    """Django's own encoder; repeated keys become lists, bytes are sent as latin-1 text."""
    data = {}
    for key, value in fields:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        data.setdefault(key, []).append(text)
    return encode_multipart(boundary, data)


# --- the site, built once for the module


@dataclass
class Built:
    urls: dict
    page_ids: list
    tokens: list


def build_site():
    """One page of each public kind, with the content their listings, feeds and forms
    need: a zone and its page, news, an event open for registration (no seat limit, so
    bookings that succeed do not close it), research, the model with its 12 steps, the
    contact page and a poll; English translations for the switcher."""
    locales = make_locales()
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    zone = ZoneFactory(slug="wtz", name="Strefa WTZ")
    zone_page = ZonePageFactory(parent=home, zone=zone)
    DocumentFactory(title="Poradnik", zones=[zone])
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, zones=[zone])
    events = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=events,
        zones=[zone],
        capacity=None,
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
    )
    research = ResearchIndexPageFactory(parent=home)
    report = ReportPageFactory(parent=research, zones=[zone])
    handbook = HandbookPage(title="Model", slug="model", intro="Jak działa model.")
    handbook.steps = [
        HandbookStep(title=f"Krok {number}", body=f"<p>Opis {number}</p>", sort_order=number)
        for number in range(1, 13)
    ]
    home.add_child(instance=handbook)
    handbook.save_revision().publish()
    contact = ContactPageFactory(parent=home)
    poll = PollFactory()
    home_en = home.copy_for_translation(locales["en"])
    home_en.save_revision().publish()
    for page in (news, events, handbook):
        page.copy_for_translation(locales["en"]).save_revision().publish()
    registration = booking.book_seat(
        event,
        language="pl",
        name="Anna Nowak",
        email="anna@example.org",
        institution="WTZ Poznań",
        institution_type="wtz",
        people=1,
        consent_version="test",
    )
    return Built(
        urls={
            "home": home.url,
            "news": news.url,
            "news_rss": subpage_url(news, "rss"),
            "news_atom": subpage_url(news, "atom"),
            "news_zone_rss": subpage_url(news, "zone_rss", args=["wtz"]),
            "events": events.url,
            "events_past": subpage_url(events, "past"),
            "events_ical": subpage_url(events, "calendar"),
            "events_zone_ical": subpage_url(events, "zone_calendar", args=["wtz"]),
            "event": event.url,
            "event_ics": subpage_url(event, "ics"),
            "register": subpage_url(event, "register"),
            "cancel": subpage_url(event, "cancel"),
            "research": research.url,
            "report": report.url,
            "handbook": handbook.url,
            "zone": zone_page.url,
            "zone_reports": zone_page.listing_url("reports"),
            "zone_news": zone_page.listing_url("news"),
            "zone_events": zone_page.listing_url("events"),
            "zone_resources": zone_page.listing_url("resources"),
            "zone_stories": zone_page.listing_url("stories"),
            "contact": contact.url,
            "vote": f"/pl/sonda/{poll.pk}/",
        },
        page_ids=[home.pk, news.pk, events.pk, event.pk, handbook.pk, zone_page.pk],
        tokens=[emails.cancel_token(registration)],
    )


@pytest.fixture
def site(db):
    """Built once for the one test below, which sends every route its examples."""
    return build_site()


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """Thousands of requests from one address: the rate limits would answer 429 before
    the forms are read."""
    settings.REGISTRATION_RATE_LIMIT = settings.CONTACT_RATE_LIMIT = (10**9, 600)
    settings.POLL_RATE_LIMIT = (10**9, 600)


@pytest.fixture
def portal_requests():
    """The test client builds plain WSGIRequests; the site's WSGI handler builds
    PortalWSGIRequests (portal/core/http.py), which is what a request with an unusable
    Content-Type meets in production. Build those here too."""
    with mock.patch("django.test.client.WSGIRequest", PortalWSGIRequest):
        yield


@pytest.fixture(autouse=True)
def _lean_client():
    """Two costs of the test client these tests have no use for, together about a third of
    each request's time: it copies the context of every template it renders (for
    `response.context`), and every 4xx logs a warning, thousands of them here (errors are
    still logged)."""
    with mock.patch("django.test.client.store_rendered_templates", lambda *args, **kwargs: None):
        logging.disable(logging.WARNING)
        yield
        logging.disable(logging.NOTSET)


# --- the routes and how many examples each gets


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    url: str  # a key of Built.urls
    params: tuple  # the parameter names the route reads
    examples: int
    tail: object = None  # a strategy for what follows the path (a step, a zone's slug)


LISTING = ("page", "zone", "year", "kind", "city", "language", "q", "sort")
REGISTRATION = (
    "name", "email", "phone", "institution", "institution_type", "position", "people",
    "companions", "needs_wheelchair", "needs_sign_language", "needs_diet", "needs_other",
    "newsletter", "consent", "website",
)  # fmt: skip
CONTACT = ("imie", "email", "temat", "wiadomosc", "zgoda", "website")
step_numbers = st.one_of(
    st.integers(0, 15).map(str), st.integers(0, 10**25).map(str), st.sampled_from(["04", "007"])
).map(lambda number: f"krok-{number}/")
zone_slugs = st.one_of(
    st.just("wtz"), st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True, alphabet=any_character)
).map(lambda slug: f"{slug}/")

# The examples each route gets in one run. Routes that parse parameters of their own
# (listings and their filters, the switcher, the forms, the cancel link, the model's steps)
# get most; the others read nothing but what every request carries. The pages are checked
# here, the forms and links that act in test_malformed_forms_property.py: two files, so
# that the two test processes (pytest-xdist, a file per process) share the work.
PAGE_ROUTES = [
    Route("home", "GET", "home", ("untranslated", "page"), examples=30),
    Route("news listing", "GET", "news", LISTING, examples=120),
    Route("news RSS", "GET", "news_rss", ("page", "zone"), examples=40),
    Route("news Atom", "GET", "news_atom", ("page",), examples=30),
    Route("news RSS of a zone", "GET", "news_zone_rss", ("page",), examples=30),
    Route("events listing", "GET", "events", LISTING, examples=80),
    Route("past events", "GET", "events_past", LISTING, examples=50),
    Route("events iCal", "GET", "events_ical", ("zone",), examples=40),
    Route("events iCal of a zone", "GET", "events_ical", (), examples=40, tail=zone_slugs),
    Route("event page", "GET", "event", ("page",), examples=30),
    Route("event .ics", "GET", "event_ics", (), examples=30),
    Route("research listing", "GET", "research", LISTING, examples=130),
    Route("report page", "GET", "report", (), examples=30),
    Route("model steps", "GET", "handbook", ("page",), examples=80, tail=step_numbers),
    Route("zone page", "GET", "zone", ("page",), examples=30),
    Route("zone reports", "GET", "zone_reports", LISTING, examples=60),
    Route("zone news", "GET", "zone_news", LISTING, examples=40),
    Route("zone events", "GET", "zone_events", LISTING, examples=40),
    Route("zone resources", "GET", "zone_resources", LISTING, examples=60),
    Route("zone stories", "GET", "zone_stories", LISTING, examples=30),
]
FORM_ROUTES = [
    Route("language switcher", "GET", "switch", ("page", "sub"), examples=300),
    Route("cancel link", "GET", "cancel", ("t",), examples=80),
    Route("registration", "POST", "register", REGISTRATION, examples=200),
    Route("cancellation", "POST", "cancel", ("t",), examples=80),
    Route("poll vote", "POST", "vote", ("choice", "next"), examples=250),
    Route("contact form", "POST", "contact", CONTACT, examples=200),
]
ROUTES = PAGE_ROUTES + FORM_ROUTES
EXAMPLES_PER_RUN = sum(route.examples for route in ROUTES)
assert EXAMPLES_PER_RUN >= 2000, "the issue asks for at least 2,000 examples per CI run"


def switcher_query(built):
    """The switcher's own parameters, with real page ids and sub-view paths among them."""
    page = st.one_of(st.sampled_from([str(pk) for pk in built.page_ids]), values)
    sub = st.one_of(st.sampled_from(["krok-3/", "krok-99999999999999999999/", "przeszle/"]), values)
    return st.builds(
        lambda page, sub, rest: b"page=" + quote_bytes(page) + b"&sub=" + quote_bytes(sub) + rest,
        page,
        sub,
        query_bytes(("page", "sub")).map(lambda query: b"&" + query if query else b""),
    )


def request_strategy(route, built):
    """The path, the raw query string, the body with its Content-Type and headers, and
    the Content-Type a GET declares (mostly none)."""
    if route.url == "switch":
        path = st.sampled_from(["/language/en/", "/language/pl/", "/language/xx/"])
        query = switcher_query(built)
    else:
        base = built.urls[route.url]
        path = st.just(base) if route.tail is None else route.tail.map(lambda tail: base + tail)
        query = query_bytes(route.params)
        if route.params == ("t",):
            token = st.one_of(st.sampled_from(built.tokens), values)
            query = st.builds(lambda t, rest: b"t=" + quote_bytes(t) + b"&" + rest, token, query)
    body = form_post(route.params) if route.method == "POST" else st.just((b"", "", {}))
    declared = mostly("", *(f"text/plain{tail}" for tail in ODD_CONTENT_TYPE_TAILS))
    return st.tuples(path, query, body, declared)


def send(client, route, path, query, body, declared):
    """One request as a new visitor with the CSRF cookie (the checks are on)."""
    client.cookies.clear()
    client.cookies["csrftoken"] = CSRF_SECRET
    extra = {"QUERY_STRING": query.decode("latin-1")}  # WSGI's way of carrying raw bytes
    if route.method == "POST":
        data, content_type, headers = body
        return client.generic(
            "POST", path, data=data, content_type=content_type, **headers, **extra
        )
    if declared:  # a GET that declares a charset: Django decodes the query string with it
        extra["CONTENT_TYPE"] = declared
    return client.generic("GET", path, **extra)


def test_malformed_requests_to_pages_never_get_a_server_error(site, portal_requests, subtests):
    """One test (the site is built once) with a subtest per route, reported by name."""
    check_routes(PAGE_ROUTES, site, subtests)


def check_routes(routes, site, subtests):
    for route in routes:
        with subtests.test(route=route.name):
            check_route(route, site)


def check_route(route, site):
    """Send `route` its budget of examples; every answer must be below 500."""
    client = Client(enforce_csrf_checks=True)
    sent = itertools.count()

    @hypothesis.settings(
        max_examples=route.examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(request_strategy(route, site))
    def check(request):
        next(sent)
        response = send(client, route, *request)
        assert response.status_code < 500, (route.name, request, response.status_code)

    check()
    assert next(sent) >= route.examples  # the budget was spent on this route
