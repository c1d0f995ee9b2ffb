"""The subscribe form, the double opt-in and the links of the e-mails, through the test
client: what a visitor sees and what is stored."""

import re
from datetime import timedelta

import pytest
import time_machine
from pytest_django.asserts import assertInHTML

from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from portal.core.page_cache import page_key
from portal.subscriptions import tokens
from portal.subscriptions.models import Subscription
from tests.factories import translate
from tests.html import one, select, text_of, texts
from tests.mail_servers import refusing_smtp, use_smtp

from .conftest import form_data, subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/pl/subskrypcja/"
LINK = re.compile(r"https?://\S+/subskrypcja/potwierdz/\S+/")


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST the subscribe form (e-mails queued after the commit are sent)."""

    def post(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(SUBSCRIBE, form_data(**fields))

    return post


def confirmation_link(message):
    return LINK.search(message.body).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_zone_page_offers_the_form_with_its_zone_chosen_and_no_csrf_token(client, zones):
    response = client.get("/pl/strefa-wtz/")

    chosen = [box["value"] for box in select(response, "form input[name=zones][checked]")]
    assert chosen == ["wtz"]  # the zone form; the footer's chooses none
    zone_form = one(response, ".subscribe--zone form")
    assert zone_form["action"] == SUBSCRIBE
    assert [box["value"] for box in select(zone_form, "input[name=zones][checked]")] == ["wtz"]
    footer_form = one(response, "footer .subscribe--footer form")
    assert select(footer_form, "input[name=zones][checked]") == []
    assert select(response, "input[name=csrfmiddlewaretoken]") == []  # cacheable page
    assert [box["value"] for box in select(footer_form, "input[name=kinds][checked]")] == [
        "reports",
        "news",
        "events",
    ]
    assert one(footer_form, "input[name=language][checked]")["value"] == "pl"
    assert one(footer_form, "input[name=frequency][checked]")["value"] == "at_once"


def test_pages_with_the_form_stay_in_the_page_cache_and_personal_ones_do_not(
    client, settings, zones
):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    subscription = subscriber("anna@example.org", [zones["wtz"]])
    preferences = f"/pl/subskrypcja/ustawienia/{tokens.manage_token(subscription)}/"

    for path in ("/pl/strefa-wtz/", SUBSCRIBE, preferences):
        client.get(path)

    assert caches["pages"].get(page_key("testserver", "/pl/strefa-wtz/", "pl")) is not None
    assert caches["pages"].get(page_key("testserver", SUBSCRIBE, "pl")) is not None
    assert caches["pages"].get(page_key("testserver", preferences, "pl")) is None
    assert "no-store" in client.get(preferences)["Cache-Control"]
    caches["pages"].clear()


def test_a_new_address_waits_for_confirmation_and_gets_the_link(send, zones):
    response = send()

    assert response.status_code == 303
    subscription = Subscription.objects.get(email="anna@example.org")
    assert subscription.status == Subscription.Status.PENDING
    assert [zone.slug for zone in subscription.zones.all()] == ["wtz"]
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert LINK.search(message.alternatives[0][0])  # the HTML part has the link too


def test_following_the_link_and_the_button_confirms(send, client, zones):
    send(zones=["wtz", "biznes"], kinds=["news"], frequency="weekly")
    link = path_of(confirmation_link(mail.outbox[0]))

    page = client.get(link)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert Subscription.objects.get().status == Subscription.Status.PENDING  # GET changes nothing
    assert one(page, "main form")["method"] == "post"

    done = client.post(link)
    assert done.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.CONFIRMED
    assert sorted(zone.slug for zone in subscription.zones.all()) == ["biznes", "wtz"]
    assert subscription.kinds == ["news"]
    assert subscription.frequency == "weekly"


def test_subscribing_again_reveals_nothing_and_changes_nothing_before_confirmation(
    send, client, zones
):
    known = subscriber("known@example.org", [zones["wtz"]], kinds=["reports"])
    new = send(email="new@example.org")
    again = send(email="known@example.org", zones=["biznes"], kinds=["events"])

    assert (new.status_code, new["Location"]) == (again.status_code, again["Location"])
    assert text_of(one(client.get(new["Location"]), "main")) == text_of(
        one(client.get(again["Location"]), "main")
    )
    known.refresh_from_db()
    assert known.status == Subscription.Status.CONFIRMED
    assert [zone.slug for zone in known.zones.all()] == ["wtz"]
    assert known.kinds == ["reports"]

    link = path_of(confirmation_link(mail.outbox[-1]))
    assert mail.outbox[-1].to == ["known@example.org"]
    client.post(link)
    known.refresh_from_db()
    assert [zone.slug for zone in known.zones.all()] == ["biznes"]
    assert known.kinds == ["events"]


def test_form_errors_come_back_400_next_to_the_fields_with_what_was_typed(send, zones):
    response = send(email="anna-at-example.org", zones=None, kinds=["news"], consent=None)

    assert response.status_code == 400
    form = one(response, "main form")
    assert text_of(one(form, "#id_email-error")) == "Wprowadź poprawny adres email."
    assert text_of(one(form, "#id_zones-error")) == "Wybierz co najmniej jedną strefę."
    assert one(form, "#id_consent-error")
    assert one(form, "#id_email")["value"] == "anna-at-example.org"
    assert one(form, "#id_email")["aria-describedby"] == "id_email-error"
    assert one(form, "#id_zones_0")["aria-describedby"] == "id_zones-error"
    assert [box["value"] for box in select(form, "input[name=kinds][checked]")] == ["news"]
    assertInHTML(
        '<a href="#id_zones_0">'
        "Strefy, które chcesz obserwować: Wybierz co najmniej jedną strefę.</a>",
        response.content.decode(),
    )
    # The consent's label is a sentence: its full stop ends it, no colon follows.
    consent = text_of(one(response, '#error-summary a[href="#id_consent"]'))
    assert consent.endswith("powyżej). Bez tej zgody nie możemy niczego Ci wysyłać.")
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_a_filled_honeypot_is_refused(send, zones):
    response = send(website="http://spam.example")

    assert response.status_code == 400
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_too_many_forms_from_one_address_get_429(send, settings, zones):
    settings.SUBSCRIPTION_RATE_LIMIT = (2, 600)
    assert send(email="a@example.org").status_code == 303
    assert send(email="b@example.org").status_code == 303

    refused = send(email="c@example.org")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert not Subscription.objects.filter(email="c@example.org").exists()


def test_a_tampered_confirmation_link_is_400(client, zones):
    token = tokens.confirmation_token(form_data() | {"consent": None})
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")

    assert client.get(f"/pl/subskrypcja/potwierdz/{forged}/").status_code == 400
    assert client.post(f"/pl/subskrypcja/potwierdz/{forged}/").status_code == 400
    assert client.get("/pl/subskrypcja/potwierdz/nonsense/").status_code == 400
    assert not Subscription.objects.exists()


def test_a_confirmation_link_older_than_7_days_is_410(send, client, zones):
    send()
    link = path_of(confirmation_link(mail.outbox[0]))

    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        assert client.get(link).status_code == 410
        assert client.post(link).status_code == 410
    assert Subscription.objects.get().status == Subscription.Status.PENDING


def test_one_click_unsubscribe_is_a_post_without_session_or_csrf_token(zones):
    subscription = subscriber("anna@example.org", [zones["wtz"]])
    mail_program = Client(enforce_csrf_checks=True)  # no cookie, no token: a mail program

    response = mail_program.post(
        f"/pl/subskrypcja/rezygnacja/{tokens.manage_token(subscription)}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED


def test_a_tampered_unsubscribe_or_preferences_link_is_400(client, zones):
    subscription = subscriber("anna@example.org", [zones["wtz"]])
    forged = tokens.manage_token(subscription)[:-2] + "xx"

    assert client.post(f"/pl/subskrypcja/rezygnacja/{forged}/").status_code == 400
    assert client.get(f"/pl/subskrypcja/ustawienia/{forged}/").status_code == 400
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CONFIRMED


def test_the_preferences_link_changes_choices_without_an_account(client, zones):
    subscription = subscriber("anna@example.org", [zones["wtz"]], kinds=["news"])
    url = f"/pl/subskrypcja/ustawienia/{tokens.manage_token(subscription)}/"

    page = client.get(url)
    assert page.status_code == 200
    assert [box["value"] for box in select(page, "main input[name=kinds][checked]")] == ["news"]

    wrong = client.post(url, {"zones": [], "kinds": ["events"], "language": "en"})
    assert wrong.status_code == 400
    assert one(wrong, "#id_zones-error")
    assert [box["value"] for box in select(wrong, "main input[name=kinds][checked]")] == ["events"]

    saved = client.post(
        url, {"zones": ["biznes"], "kinds": ["events"], "language": "en", "frequency": "weekly"}
    )
    assert saved.status_code == 200
    subscription.refresh_from_db()
    assert [zone.slug for zone in subscription.zones.all()] == ["biznes"]
    assert (subscription.kinds, subscription.language, subscription.frequency) == (
        ["events"],
        "en",
        "weekly",
    )


def test_with_the_mail_server_down_the_subscription_is_still_stored(send, settings, zones):
    with refusing_smtp() as server:
        use_smtp(settings, server)
        response = send()

    assert response.status_code == 303
    assert Subscription.objects.get().status == Subscription.Status.PENDING
    assert server.connections == 1


def test_the_english_footer_names_the_zones_in_english(client, zones, home_en):
    translate(zones["wtz"], name="WTZ zone")  # Strefa Biznesu is not translated yet

    response = client.get("/en/")

    footer_form = one(response, "footer .subscribe--footer form")
    assert texts(footer_form, "#footer-subscribe-zones label") == ["WTZ zone", "Strefa Biznesu"]
    assert one(footer_form, "input[name=language][checked]")["value"] == "en"
    assert footer_form["action"] == "/en/subscribe/"


def test_an_english_subscriber_follows_english_addresses_to_the_end(
    client, zones, home_en, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post("/en/subscribe/", form_data(language="en"))
    assert sent["Location"] == "/en/subscribe/sent/"
    assert client.get("/pl/subscribe/").status_code == 404  # each language has its own words

    link = path_of(re.search(r"https?://\S+/confirm/\S+/", mail.outbox[0].body).group(0))
    assert link.startswith("/en/subscribe/confirm/")
    confirmed = client.post(link)
    assert Subscription.objects.get().status == Subscription.Status.CONFIRMED
    preferences = one(confirmed, "main a")["href"]
    assert preferences.startswith("/en/subscribe/settings/")
    assert client.get(preferences).status_code == 200
