import pytest

from portal.core.demo_content import translate
from tests.factories import PollFactory, StandardPageFactory

POLL_STRINGS = {
    "Czy planujesz założyć spółdzielnię socjalną?": (
        "Are you planning to found a social cooperative?"
    ),
    "Tak": "Yes",
    "Nie": "No",
}
PAGE_STRINGS = {
    "Sonda": "Poll page",
    "sonda-strona": "poll-page",
    "Wstęp do strony.": "The page's introduction.",
}


@pytest.fixture
def poll(locales):
    """An open Polish poll: 12 votes for "Tak", 18 for "Nie"."""
    return PollFactory(choices=[("Tak", 12), ("Nie", 18)])


@pytest.fixture
def poll_en(poll, locales):
    """Its English translation, made through wagtail-localize."""
    return translate(poll, locales["en"], POLL_STRINGS)


@pytest.fixture
def poll_page(home, poll):
    """A Polish page with the poll in its body."""
    return StandardPageFactory(
        parent=home,
        title="Sonda",
        slug="sonda-strona",
        body=[("poll", {"poll": poll, "heading": ""})],
    )


@pytest.fixture
def poll_page_en(poll_page, poll_en, home_en, locales):
    """The page's English translation: its poll block points at the English poll."""
    return translate(poll_page, locales["en"], PAGE_STRINGS)
