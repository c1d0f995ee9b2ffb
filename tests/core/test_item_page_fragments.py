"""An item page's own body (a news article, a report, an event above its registration form)
kept as a fragment ({% item_fragment page %}): a visitor never sees it as it was before the
editor's last change to it or to anything it shows from elsewhere, and never another
visitor's form. Each request carries a query string of its own, as the bench's uncached
requests do, so no page cache answers it and the fragment is what is tested."""

import datetime
from itertools import count

import feedparser
import pytest
import time_machine
from icalendar import Calendar

from django.test import Client
from django.utils import timezone

from tests.factories import (
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HandbookPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProjectSettingsFactory,
    ReportPageFactory,
    ResearchIndexPageFactory,
    ZoneFactory,
    ZonePageFactory,
    warsaw,
)
from tests.html import one, text_of, texts

pytestmark = pytest.mark.django_db
_requests = count()


def fresh(client, page):
    """The page as an uncached request sees it (a query string of its own)."""
    return client.get(f"{page.url}?_visit={next(_requests)}")


def test_an_article_shows_its_own_and_its_neighbours_changes_at_once(client, home):
    zone = ZoneFactory(name="Strefa WTZ")
    index = NewsIndexPageFactory(parent=home)
    related = NewsPageFactory(parent=index, title="Stary sąsiad", zones=[zone])
    article = NewsPageFactory(parent=index, title="Artykuł", zones=[zone])
    page = fresh(client, article)
    assert texts(page, "h1") == ["Artykuł"]
    assert texts(page, ".card__title") == ["Stary sąsiad"]
    assert texts(page, ".article__meta .zone-mark") == ["Strefa: Strefa WTZ"]

    article.title = "Artykuł poprawiony"
    article.save_revision().publish()
    assert texts(fresh(client, article), "h1") == ["Artykuł poprawiony"]

    related.title = "Nowy sąsiad"
    related.save_revision().publish()
    page = fresh(client, article)
    assert texts(page, ".card__title") == ["Nowy sąsiad"]
    assert texts(page, ".prev-next a[rel=prev]") == ["Poprzedni artykuł Nowy sąsiad"]

    zone.name = "Strefa Warsztatów"
    zone.save()
    assert texts(fresh(client, article), ".article__meta .zone-mark") == [
        "Strefa: Strefa Warsztatów"
    ]


def test_a_report_shows_its_files_new_title_at_once(client, home):
    document = DocumentFactory(title="Stary plik")
    library = ResearchIndexPageFactory(parent=home)
    report = ReportPageFactory(parent=library, title="Raport")
    report.files = [("document", document)]
    report.save_revision().publish()
    assert texts(fresh(client, report), ".resource__title") == ["Stary plik"]
    document.title = "Nowy plik"
    document.save()
    assert texts(fresh(client, report), ".resource__title") == ["Nowy plik"]


def test_an_event_says_it_has_taken_place_once_it_has(client, home):
    index = EventIndexPageFactory(parent=home)
    now = timezone.now()
    event = EventPageFactory(
        parent=index,
        start=now - datetime.timedelta(hours=2),
        end=now + datetime.timedelta(seconds=20),
    )
    assert texts(fresh(client, event), ".article__header .notice") == []
    # Within the fragment's lifetime: only its key can tell the page has become past.
    with time_machine.travel(now + datetime.timedelta(seconds=30)):
        assert texts(fresh(client, event), ".article__header .notice") == [
            "To wydarzenie już się odbyło."
        ]


def test_each_visitor_of_an_event_gets_a_form_with_their_own_token(home):
    project = ProjectSettingsFactory(office_name="Biuro Projektu")
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
    )
    first, second = Client(), Client()
    first_page, second_page = fresh(first, event), fresh(second, event)
    first_token = one(first_page, "form input[name=csrfmiddlewaretoken]").get("value")
    second_token = one(second_page, "form input[name=csrfmiddlewaretoken]").get("value")
    assert first_token != second_token
    assert first_token not in second_page.content.decode()
    assert first_page.cookies["csrftoken"].value != second_page.cookies["csrftoken"].value
    # The part above the form did come from the fragment the first visitor's request kept.
    assert texts(second_page, "h1") == texts(first_page, "h1") == [event.title]
    # The information clause beside the consent is kept too, and follows the settings.
    assert "Biuro Projektu" in text_of(one(second_page, ".registration__form .information-clause"))
    project.office_name = "Nowe Biuro"
    project.save()
    assert "Nowe Biuro" in text_of(
        one(fresh(first, event), ".registration__form .information-clause")
    )

    # A form sent with a mistake comes back with what was typed; the next visitor's new form
    # (kept) is empty.
    action = one(first_page, "form.registration__form").get("action")
    sent = first.post(
        action,
        {"csrfmiddlewaretoken": first_token, "name": "Anna Nowak", "email": "nie-adres"},
    )
    assert 400 <= sent.status_code < 500
    assert one(sent, ".registration__form input[name=name]").get("value") == "Anna Nowak"
    assert one(sent, ".registration__form input[name=email]").get("value") == "nie-adres"
    later = fresh(Client(), event)
    assert one(later, ".registration__form input[name=name]").get("value") in (None, "")
    assert one(later, ".registration__form input[name=email]").get("value") in (None, "")


def test_a_kept_listing_page_answers_neither_another_page_nor_a_filter(client, home):
    zone = ZoneFactory()
    index = NewsIndexPageFactory(parent=home)
    articles = [NewsPageFactory(parent=index, title=f"Wiadomość {n:02}") for n in range(12)]
    articles[0].zones = [zone]
    articles[0].save_revision().publish()
    first = texts(fresh(client, index), ".news-item__title")
    assert first == [f"Wiadomość {n:02}" for n in range(11, 1, -1)]
    second = client.get(f"{index.url}?page=2&_visit={next(_requests)}")
    assert texts(second, ".news-item__title") == ["Wiadomość 01", "Wiadomość 00"]
    filtered = client.get(f"{index.url}?zone={zone.slug}&_visit={next(_requests)}")
    assert texts(filtered, ".news-item__title") == ["Wiadomość 00"]
    assert client.get(f"{index.url}?page=3&_visit={next(_requests)}").status_code == 404


def test_a_zone_page_shows_a_new_article_and_its_zones_new_audience_at_once(client, home):
    zone = ZoneFactory(audience="Dla warsztatów")
    zone_page = ZonePageFactory(parent=home, zone=zone)
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Starsza wiadomość", zones=[zone])
    page = fresh(client, zone_page)
    assert texts(page, ".zone-header__audience") == ["Dla warsztatów"]
    assert texts(page, ".zone-section .news-item__title") == ["Starsza wiadomość"]
    NewsPageFactory(parent=index, title="Nowa wiadomość", zones=[zone])
    zone.audience = "Dla samorządów"
    zone.save()
    page = fresh(client, zone_page)
    assert texts(page, ".zone-header__audience") == ["Dla samorządów"]
    assert texts(page, ".zone-section .news-item__title") == ["Nowa wiadomość", "Starsza wiadomość"]


def test_a_step_of_the_model_shows_each_steps_new_title_at_once(client, home):
    handbook = HandbookPageFactory(parent=home, steps=3)
    step = f"{handbook.url}krok-1/?_visit={next(_requests)}"
    assert texts(client.get(step), ".step-index li") == [
        "Tytuł kroku 1",
        "Tytuł kroku 2",
        "Tytuł kroku 3",
    ]
    steps = sorted(handbook.steps.all(), key=lambda step: step.sort_order)
    steps[1].title = "Nowy tytuł kroku 2"
    handbook.steps = steps
    handbook.save_revision().publish()
    page = client.get(f"{handbook.url}krok-1/?_visit={next(_requests)}")
    assert texts(page, ".step-index li")[1] == "Nowy tytuł kroku 2"
    assert texts(page, ".prev-next a[rel=next]") == ["Następny: krok 2Nowy tytuł kroku 2"]


def test_a_kept_report_listing_shows_a_new_report_at_once_and_never_answers_a_search(client, home):
    zone = ZoneFactory()
    zone_page = ZonePageFactory(parent=home, zone=zone)
    library = ResearchIndexPageFactory(parent=home)
    for n in range(12):
        ReportPageFactory(parent=library, title=f"Raport {n:02}", zones=[zone] if n < 2 else [])
    first = fresh(client, library)
    assert texts(first, ".report-item__title") == [f"Raport {n:02}" for n in range(11, 1, -1)]
    assert texts(first, ".results-count") == ["12 raportów"]
    second = client.get(f"{library.url}?page=2&_visit={next(_requests)}")
    assert texts(second, ".report-item__title") == ["Raport 01", "Raport 00"]
    searched = client.get(f"{library.url}?q=Raport+01&_visit={next(_requests)}")
    assert texts(searched, ".report-item__title") == ["Raport 01"]
    assert client.get(f"{library.url}?page=3&_visit={next(_requests)}").status_code == 404
    # The zone's own listing (its zone fixed) is kept apart from the library's.
    zone_reports = client.get(f"{zone_page.url}badania/?_visit={next(_requests)}")
    assert texts(zone_reports, ".report-item__title") == ["Raport 01", "Raport 00"]

    ReportPageFactory(parent=library, title="Raport nowy", zones=[zone])
    first = fresh(client, library)
    assert texts(first, ".report-item__title")[0] == "Raport nowy"
    assert texts(first, ".results-count") == ["13 raportów"]
    zone_reports = client.get(f"{zone_page.url}badania/?_visit={next(_requests)}")
    assert texts(zone_reports, ".report-item__title") == ["Raport nowy", "Raport 01", "Raport 00"]


def feed_titles(response):
    """The item titles of an RSS or Atom feed."""
    return [entry.title for entry in feedparser.parse(response.content).entries]


def calendar_summaries(response):
    return [str(event["summary"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def test_kept_feeds_show_a_new_item_at_once_and_keep_each_zone_apart(client, home):
    zone = ZoneFactory(slug="wtz")
    news = NewsIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, title="Dla wszystkich")
    EventPageFactory(parent=events, title="Spotkanie ogólne")
    for feed in ("rss", "atom"):
        assert feed_titles(client.get(f"{news.url}{feed}/?_visit={next(_requests)}")) == [
            "Dla wszystkich"
        ]
        assert feed_titles(client.get(f"{news.url}{feed}/wtz/?_visit={next(_requests)}")) == []
        assert client.get(f"{news.url}{feed}/nie-ma/?_visit={next(_requests)}").status_code == 404
    assert calendar_summaries(client.get(f"{events.url}ical/?_visit={next(_requests)}")) == [
        "Spotkanie ogólne"
    ]
    assert calendar_summaries(client.get(f"{events.url}ical/wtz/?_visit={next(_requests)}")) == []

    NewsPageFactory(parent=news, title="Dla WTZ", zones=[zone])
    EventPageFactory(parent=events, title="Spotkanie WTZ", zones=[zone])
    for feed in ("rss", "atom"):
        rss = client.get(f"{news.url}{feed}/?_visit={next(_requests)}")
        assert sorted(feed_titles(rss)) == ["Dla WTZ", "Dla wszystkich"]
        zone_feed = client.get(f"{news.url}{feed}/wtz/?_visit={next(_requests)}")
        assert feed_titles(zone_feed) == ["Dla WTZ"]
    calendar = client.get(f"{events.url}ical/wtz/?_visit={next(_requests)}")
    assert calendar_summaries(calendar) == ["Spotkanie WTZ"]
    assert calendar["Content-Type"].startswith("text/calendar")
    assert calendar["Content-Disposition"] == 'attachment; filename="wydarzenia.ics"'
