"""The weekly digest (`manage.py send_zone_digests`): the items first published in one ISO
week in the subscriber's zones, grouped by kind, sent once per week however often the
command runs."""

import datetime
from io import StringIO

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command

from portal.subscriptions.models import DigestDelivery, Subscription
from tests.factories import NewsPageFactory, ReportPageFactory, ResearchIndexPageFactory, warsaw
from tests.html import select, text_of

from .conftest import subscriber

pytestmark = pytest.mark.django_db

WEEK = "2026-W47"  # Monday 16 to Sunday 22 November 2026


def published_on(day, factory, parent, zones, title):
    """A page first published on `day` (Warsaw noon), tagged with `zones`."""
    with time_machine.travel(warsaw(date=day, hour=12), tick=False):
        page = factory(parent=parent, live=False, title=title)
        page.zones = zones
        page.save_revision().publish()
    return page


@pytest.fixture
def week_of_content(home, news_index, zones):
    wtz, business = [zones["wtz"]], [zones["biznes"]]
    research = ResearchIndexPageFactory(parent=home)
    day = datetime.date(2026, 11, 16)
    published_on(day, NewsPageFactory, news_index, wtz, "Pierwsza wiadomość tygodnia")
    published_on(day, ReportPageFactory, research, wtz, "Raport o spółdzielniach")
    sunday = day + datetime.timedelta(days=6)
    published_on(sunday, NewsPageFactory, news_index, wtz, "Druga wiadomość tygodnia")
    published_on(sunday, NewsPageFactory, news_index, business, "Wiadomość innej strefy")
    next_monday = day + datetime.timedelta(days=7)
    published_on(next_monday, NewsPageFactory, news_index, wtz, "Wiadomość następnego tygodnia")


def send_digests(capture, week=WEEK):
    with capture(execute=True):
        call_command("send_zone_digests", "--week", week, stdout=StringIO())


def test_a_digest_groups_the_weeks_items_of_the_zones_followed_and_goes_once(
    zones, week_of_content, django_capture_on_commit_callbacks
):
    weekly = subscriber("weekly@example.org", [zones["wtz"]], frequency="weekly")
    subscriber("atonce@example.org", [zones["wtz"]])
    subscriber(
        "pending@example.org",
        [zones["wtz"]],
        frequency="weekly",
        status=Subscription.Status.PENDING,
    )

    send_digests(django_capture_on_commit_callbacks)

    [digest] = mail.outbox
    assert digest.to == ["weekly@example.org"]
    html = digest.alternatives[0][0]
    groups = {text_of(section.h2): texts_in(section) for section in select(html, "section")}
    assert groups == {
        "Aktualności": ["Pierwsza wiadomość tygodnia", "Druga wiadomość tygodnia"],
        "Badania i analizy": ["Raport o spółdzielniach"],
    }
    assert "Druga wiadomość tygodnia" in digest.body
    assert "Wiadomość następnego tygodnia" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    send_digests(django_capture_on_commit_callbacks)  # the timer fires again

    assert len(mail.outbox) == 1
    assert DigestDelivery.objects.get().subscription == weekly


def test_a_week_without_items_in_the_zones_sends_nothing(
    zones, week_of_content, django_capture_on_commit_callbacks
):
    subscriber("weekly@example.org", [zones["biznes"]], frequency="weekly", kinds=["reports"])

    send_digests(django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert not DigestDelivery.objects.exists()


def test_a_malformed_week_is_refused(db):
    with pytest.raises(Exception, match="2026-W48"):
        call_command("send_zone_digests", "--week", "48", stdout=StringIO())


def texts_in(section):
    return [text_of(link) for link in select(section, "h3 a")]
