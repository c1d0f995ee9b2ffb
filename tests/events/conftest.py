import pytest

from django.utils import translation

from tests.factories import EventIndexPageFactory, EventPageFactory, warsaw


@pytest.fixture
def events_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def meeting(events_index):
    """A 20-seat meeting next week with registration open."""
    return EventPageFactory(
        parent=events_index,
        title="Spotkanie w Poznaniu",
        slug="spotkanie-w-poznaniu",
        capacity=20,
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
        organiser_email="organizator@example.org",
    )


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield
