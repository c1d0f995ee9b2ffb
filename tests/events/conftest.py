import pytest

from django.utils import translation

from portal.events.organisers import set_up_organisers
from tests.factories import EventIndexPageFactory, EventPageFactory, warsaw
from zones.editing import set_up_moderators


@pytest.fixture
def events_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def organiser(django_user_model, events_index):
    """A member of the organisers' group, who runs the events below the index."""
    user = django_user_model.objects.create_user(username="organizator", password="x")
    user.groups.add(set_up_organisers())
    return user


@pytest.fixture
def moderator(django_user_model, events_index):
    """A member of the moderators' group, who may publish anywhere on the site."""
    user = django_user_model.objects.create_user(username="moderacja", password="x")
    user.groups.add(set_up_moderators())
    return user


def meeting_of(events_index, capacity):
    """The meeting next week in Poznań with registration open and this many seats."""
    return EventPageFactory(
        parent=events_index,
        title="Spotkanie w Poznaniu",
        slug="spotkanie-w-poznaniu",
        capacity=capacity,
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
        organiser_email="organizator@example.org",
    )


@pytest.fixture
def meeting(events_index):
    """A 20-seat meeting next week with registration open."""
    return meeting_of(events_index, 20)


@pytest.fixture
def small_meeting(events_index):
    """The same meeting with 2 seats: what happens once it is full needs few bookings."""
    return meeting_of(events_index, 2)


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield
