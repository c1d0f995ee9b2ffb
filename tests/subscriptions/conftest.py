import pytest

from portal.subscriptions.models import Kind, Subscription
from tests.factories import NewsIndexPageFactory, ZoneFactory, ZonePageFactory


@pytest.fixture
def zones(home):
    """Two zones, each with its landing page."""
    wtz = ZoneFactory(slug="wtz", name="Strefa WTZ")
    business = ZoneFactory(slug="biznes", name="Strefa Biznesu")
    for zone in (wtz, business):
        ZonePageFactory(parent=home, zone=zone)
    return {"wtz": wtz, "biznes": business}


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def subscriber(email, zones, status=Subscription.Status.CONFIRMED, **fields):
    """A subscription as the form and the confirmation link would leave it."""
    fields.setdefault("language", "pl")
    kinds = fields.pop("kinds", list(Kind.values))
    subscription = Subscription(email=email, status=status, **fields)
    subscription.set_kinds(kinds)
    subscription.save()
    subscription.zones.set(zones)
    return subscription


def form_data(**fields):
    """A subscribe form as a visitor fills it in: one zone, every kind, Polish, at once."""
    data = {
        "email": "anna@example.org",
        "zones": ["wtz"],
        "kinds": list(Kind.values),
        "language": "pl",
        "frequency": Subscription.Frequency.AT_ONCE,
        "consent": "on",
        "website": "",
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}
