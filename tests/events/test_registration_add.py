""" "Dodaj zgłoszenie": an organiser registers someone in the admin under the same rules as
the public form (seats, waiting list, one registration per address, group size)."""

import pytest

from portal.events.registrations import Registration
from tests.html import one, text_of

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/registrations/new/"


def typed(meeting, **changes):
    """What an organiser types for someone who signed up by phone."""
    return {
        "event": str(meeting.pk),
        "language": "pl",
        "name": "Ewa Telefoniczna",
        "email": "ewa@example.org",
        "institution": "Gmina Kórnik",
        "institution_type": "gmina",
        "people": "1",
        "needs_induction_loop": "on",
        "consent": "on",
    } | changes


def error_next_to(response, name):
    """The message Wagtail shows in the field's wrapper."""
    field = one(response, f'[data-field-wrapper]:has([name="{name}"])')
    return text_of(one(field, ".error-message"))


def test_organiser_adds_a_registration_that_gets_a_seat_and_an_email(
    client, organiser, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    assert client.get(ADD_URL).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, typed(meeting))

    assert response.status_code == 302
    registration = Registration.objects.get(email="ewa@example.org")
    assert (registration.event_id, registration.status) == (meeting.pk, "confirmed")
    assert registration.needs_induction_loop
    (confirmation,) = [message for message in mailoutbox if message.to == ["ewa@example.org"]]
    assert confirmation.subject == "Zgłoszenie potwierdzone: Spotkanie w Poznaniu"


def test_a_registration_added_to_a_full_event_waits(client, organiser, meeting):
    meeting.capacity = 1
    meeting.save()
    client.force_login(organiser)
    client.post(ADD_URL, typed(meeting, email="pierwsza@example.org"))

    client.post(ADD_URL, typed(meeting))

    assert Registration.objects.get(email="ewa@example.org").status == "waiting"


def test_the_same_address_twice_is_refused_next_to_the_email(client, organiser, meeting):
    client.force_login(organiser)
    client.post(ADD_URL, typed(meeting))

    response = client.post(ADD_URL, typed(meeting, name="Ewa Druga"))

    assert response.status_code == 400
    assert "już zapisany" in error_next_to(response, "email")
    assert one(response, 'input[name="name"]')["value"] == "Ewa Druga"  # nothing typed is lost
    assert Registration.objects.filter(email="ewa@example.org").count() == 1


def test_a_group_larger_than_the_seats_is_refused_next_to_the_number(client, organiser, meeting):
    meeting.capacity = 2
    meeting.save()
    client.force_login(organiser)

    response = client.post(ADD_URL, typed(meeting, people="3", companions="A\nB"))

    assert response.status_code == 400
    assert error_next_to(response, "people") == "Podaj liczbę od 1 do 2."
    assert not Registration.objects.exists()
