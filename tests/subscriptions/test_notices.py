"""Notices of new content: on the first publication of a report, news item or event tagged
with a zone, one e-mail to each confirmed "at once" subscriber of that zone in the page's
language who asked for that kind; nothing on later edits or on publishing again."""

import datetime

import pytest

from django.core import mail

from portal.subscriptions import tokens
from portal.subscriptions.models import Subscription
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
)
from tests.html import one
from tests.mail_servers import refusing_smtp, use_smtp

from .conftest import subscriber

pytestmark = pytest.mark.django_db

Status = Subscription.Status


@pytest.fixture
def subscribers(zones):
    """One subscriber who should hear of a news item of Strefa WTZ, and six who should not."""
    wtz, business = zones["wtz"], zones["biznes"]
    return {
        "reader": subscriber("reader@example.org", [wtz, business]),
        "unconfirmed": subscriber("pending@example.org", [wtz], status=Status.PENDING),
        "left": subscriber("left@example.org", [wtz], status=Status.UNSUBSCRIBED),
        "weekly": subscriber("weekly@example.org", [wtz], frequency="weekly"),
        "other_zone": subscriber("business@example.org", [business]),
        "no_news": subscriber("reports@example.org", [wtz], kinds=["reports", "events"]),
        "english": subscriber("english@example.org", [wtz], language="en"),
    }


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's latest revision, as the admin's "Publish" does, and run what waits
    for the commit (the queued announcement)."""

    def go(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return go


def draft(factory, parent, zones, **fields):
    """A page saved but never published, tagged with `zones`."""
    page = factory(parent=parent, live=False, **fields)
    page.zones = zones
    return page


def test_first_publication_of_a_news_item_notifies_each_matching_subscriber_once(
    news_index, zones, subscribers, publish, public_address
):
    news = draft(
        NewsPageFactory,
        news_index,
        [zones["wtz"]],
        title="Nowa spółdzielnia w Kaliszu",
        date=datetime.date(2026, 11, 30),
        lead="Spółdzielnia zatrudni uczestników WTZ.",
    )

    publish(news)

    [notice] = mail.outbox
    assert notice.to == ["reader@example.org"]
    assert notice.subject == "Aktualności: Nowa spółdzielnia w Kaliszu"
    page_url = f"{public_address}/pl/aktualnosci/{news.slug}/"
    for text in ("Nowa spółdzielnia w Kaliszu", "30 listopada 2026", news.lead, page_url):
        assert text in notice.body
    html = notice.alternatives[0][0]
    assert one(html, "h3 a")["href"] == page_url
    token = tokens.manage_token(subscribers["reader"])
    unsubscribe = f"{public_address}/pl/subskrypcja/rezygnacja/{token}/"
    assert notice.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"{public_address}/pl/subskrypcja/ustawienia/{token}/" in notice.body


def test_editing_or_publishing_again_sends_nothing(news_index, zones, subscribers, publish):
    news = publish(draft(NewsPageFactory, news_index, [zones["wtz"]]))
    mail.outbox.clear()

    news.title = "Poprawiony tytuł"
    publish(news)
    news.unpublish()
    publish(news)

    assert mail.outbox == []


def test_reports_and_events_are_announced_too(home, zones, subscribers, publish):
    report = draft(ReportPageFactory, ResearchIndexPageFactory(parent=home), [zones["wtz"]])
    event = draft(EventPageFactory, EventIndexPageFactory(parent=home), [zones["wtz"]])

    publish(report)
    publish(event)

    recipients = sorted((message.to[0], message.subject.split(":")[0]) for message in mail.outbox)
    assert recipients == [
        ("reader@example.org", "Badania i analizy"),
        ("reader@example.org", "Wydarzenia"),
        ("reports@example.org", "Badania i analizy"),
        ("reports@example.org", "Wydarzenia"),
    ]


def test_a_page_without_zones_is_announced_to_nobody(news_index, subscribers, publish):
    publish(draft(NewsPageFactory, news_index, []))

    assert mail.outbox == []


def test_with_the_mail_server_down_the_publication_still_succeeds(
    news_index, zones, subscribers, publish, settings
):
    news = draft(NewsPageFactory, news_index, [zones["wtz"]])

    with refusing_smtp() as server:
        use_smtp(settings, server)
        publish(news)

    news.refresh_from_db()
    assert news.live
    assert server.connections == 1  # the reader's notice was attempted
