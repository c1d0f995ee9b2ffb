"""The contact page: a Wagtail form whose messages are stored and e-mailed to the office,
that explains mistakes next to the fields (400, nothing typed lost), drops what bots send
and slows down floods (429)."""

import re

import pytest

from django.utils.translation import gettext

from wagtail.contrib.forms.models import FormSubmission

from portal.association.forms import MULTI_LINE_MAX_LENGTH
from portal.core.demo_content import translate
from portal.core.navigation import main_menu
from tests.mail_servers import DATABASE_TASKS, refusing_smtp, run_worker, use_smtp

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def message(**changes):
    data = {
        "imie": "Anna Nowak",
        "email": "anna@example.org",
        "temat": "Spółdzielnia przy WTZ",
        "wiadomosc": "Jak założyć spółdzielnię socjalną przy naszym warsztacie?",
        "zgoda": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_errors_are_shown_next_to_the_fields_with_400_and_what_was_typed_is_kept(
    client, contact_page, mailoutbox
):
    response = client.post(contact_page.url, message(email="anna-at-example", wiadomosc=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert '<a href="#id_email">' in html  # the summary leads to the field
    email_error = re.search(r'<p class="field__error" id="id_email-error">([^<]+)</p>', html)
    assert email_error.group(1) == gettext("Give an e-mail address like name@example.org.")
    assert re.search(r'<p class="field__error" id="id_wiadomosc-error">[^<]+</p>', html)
    email_input = re.search(r'<input type="email" name="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in email_input
    assert 'aria-describedby="id_email-error"' in email_input
    assert 'value="anna-at-example"' in email_input
    textarea = re.search(r"<textarea [^>]*>", html).group(0)
    assert 'aria-describedby="id_wiadomosc-error id_wiadomosc_helptext"' in textarea
    assert 'value="Anna Nowak"' in html
    assert 'value="Spółdzielnia przy WTZ"' in html
    assert re.search(r'<input type="checkbox" name="zgoda"[^>]* checked', html)
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


def test_missing_fields_are_named_and_refused_with_400(client, contact_page):
    response = client.post(contact_page.url, {"website": ""})
    assert response.status_code == 400
    html = response.content.decode()
    for name in ("imie", "email", "wiadomosc", "zgoda"):
        assert f'id="id_{name}-error"' in html
    assert 'id="id_temat-error"' not in html  # the subject is optional
    assert gettext("Tick this box to send the message.") in html


def test_a_valid_message_is_stored_and_e_mailed_to_the_office_in_the_settings(
    client, contact_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_page.url, message())
    assert response.status_code == 302
    assert response["Location"] == contact_page.url  # post, redirect, get

    submission = FormSubmission.objects.get()
    assert submission.page_id == contact_page.pk
    assert submission.form_data == {
        "imie": "Anna Nowak",
        "email": "anna@example.org",
        "temat": "Spółdzielnia przy WTZ",
        "wiadomosc": "Jak założyć spółdzielnię socjalną przy naszym warsztacie?",
        "zgoda": True,
    }  # and no honeypot

    (mail,) = mailoutbox
    assert mail.to == ["biuro@example.org"]  # ProjectSettings.email
    assert mail.reply_to == ["anna@example.org"]
    assert mail.subject == gettext("Message from the contact form")
    assert "Wiadomość: Jak założyć spółdzielnię socjalną przy naszym warsztacie?" in mail.body
    assert "Adres e-mail: anna@example.org" in mail.body
    assert "website" not in mail.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert 'role="status"' in thanks.content.decode()
    assert "<form" not in thanks.content.decode().split("<main")[1].split("</main>")[0]
    again = client.get(contact_page.url)  # a reload shows the form, nothing is sent again
    assert '<form class="contact-form__form"' in again.content.decode()
    assert len(mailoutbox) == 1


def test_the_office_is_told_the_site_address_the_message_came_from(
    client, contact_page, public_address, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, message(), HTTP_HOST="127.0.0.1:8000")
    (mail,) = mailoutbox
    assert mail.body.endswith(f"{public_address}{contact_page.url}")


def test_to_address_and_subject_on_the_page_win_over_the_defaults(
    client, contact_page, mailoutbox, django_capture_on_commit_callbacks
):
    contact_page.to_address = "a@example.org, b@example.org"
    contact_page.subject = "Z portalu"
    contact_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, message())
    assert mailoutbox[0].to == ["a@example.org", "b@example.org"]
    assert mailoutbox[0].subject == "Z portalu"


def test_without_any_address_the_message_is_still_stored(client, contact_page, office):
    office.email = ""
    office.save()
    assert client.post(contact_page.url, message()).status_code == 302
    assert FormSubmission.objects.count() == 1


def test_a_filled_in_honeypot_is_thanked_but_nothing_is_stored_or_sent(
    client, contact_page, mailoutbox
):
    response = client.post(contact_page.url, message(website="http://spam.example"))
    assert response.status_code == 302
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


def test_honeypot_is_hidden_from_people_and_out_of_the_tab_order(client, contact_page):
    html = client.get(contact_page.url).content.decode()
    honeypot = html[html.index('<div class="honeypot" aria-hidden="true">') :]
    assert re.search(r'<input type="text" name="website"[^>]*tabindex="-1"', honeypot)


def test_an_oversized_message_gets_a_clear_message_and_400(client, contact_page, mailoutbox):
    response = client.post(contact_page.url, message(wiadomosc="x" * (MULTI_LINE_MAX_LENGTH + 1)))
    assert response.status_code == 400
    html = response.content.decode()
    expected = gettext("Write at most %(limit_value)d characters (you wrote %(show_value)d).") % {
        "limit_value": MULTI_LINE_MAX_LENGTH,
        "show_value": MULTI_LINE_MAX_LENGTH + 1,
    }
    assert f'<p class="field__error" id="id_wiadomosc-error">{expected}</p>' in html
    assert "x" * (MULTI_LINE_MAX_LENGTH + 1) in html  # the text is not lost
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


def test_a_message_of_exactly_the_limit_is_accepted(client, contact_page):
    response = client.post(contact_page.url, message(wiadomosc="x" * MULTI_LINE_MAX_LENGTH))
    assert response.status_code == 302


def test_a_flood_of_posts_gets_429_with_retry_after_and_keeps_what_was_typed(
    client, contact_page, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CONTACT_RATE_LIMIT = (3, 600)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(contact_page.url, message()).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    response = client.post(contact_page.url, message(temat="Czwarta próba"))
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'value="Czwarta próba"' in html
    assert 'id="error-summary"' not in html
    assert FormSubmission.objects.count() == 3
    assert len(mailoutbox) == 3


def test_office_details_come_from_the_settings_with_a_map_link_and_nothing_embedded(
    client, contact_page
):
    html = client.get(contact_page.url).content.decode()
    assert "ul. Chłapowskiego 15/1" in html
    assert "61-504 Poznań" in html
    assert '<a href="tel:618871166">61 887 11 66</a>' in html
    assert '<a href="mailto:biuro@example.org">biuro@example.org</a>' in html
    assert (
        'href="https://www.openstreetmap.org/search?query='
        'ul.+Ch%C5%82apowskiego+15%2F1%2C+61-504+Pozna%C5%84"'
    ) in html
    assert "<iframe" not in html


def test_opening_hours_are_shown_when_set(client, contact_page, office):
    import datetime

    office.open_days = office.Weekdays.MON_FRI
    office.opens_at, office.closes_at = datetime.time(8), datetime.time(16)
    office.save()
    html = client.get(contact_page.url).content.decode()
    assert "08:00–16:00" in html


def test_the_main_menu_ends_with_the_contact_page(client, home, standard_page, contact_page):
    # Added last, as the demo does; editors can move it in the page tree.
    assert list(main_menu(home))[-1].specific == contact_page
    html = client.get("/pl/").content.decode()
    nav = html[html.index('class="main-nav"') :]
    assert nav.index(f'href="{contact_page.url}"') > nav.index(f'href="{standard_page.url}"')


def english_contact_page(contact_page, locales):
    return translate(
        contact_page,
        locales["en"],
        {
            "Kontakt": "Contact",
            "kontakt": "contact",
            "Napisz do nas.": "Write to us.",
            "Imię i nazwisko": "Name",
            "Adres e-mail": "E-mail address",
            "Temat": "Subject",
            "Wiadomość": "Message",
            "Do 5000 znaków.": "Up to 5000 characters.",
            "Zgadzam się na przetwarzanie danych": "I agree that my data is processed",
        },
    )


def test_english_page_has_english_labels_and_stores_answers_under_the_same_names(
    client, contact_page, home_en, locales, mailoutbox, django_capture_on_commit_callbacks
):
    english = english_contact_page(contact_page, locales)
    html = client.get(english.url).content.decode()
    assert '<html lang="en">' in html
    assert '<label for="id_imie">Name <span class="field__required">' in html
    assert "Imię i nazwisko" not in html
    assert '<p class="field__help" id="id_wiadomosc_helptext">Up to 5000 characters.</p>' in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english.url, message())
    assert response.status_code == 302
    assert response["Location"] == english.url
    submission = FormSubmission.objects.get()
    assert submission.page_id == english.pk
    assert set(submission.form_data) == {"imie", "email", "temat", "wiadomosc", "zgoda"}
    assert mailoutbox[0].to == ["biuro@example.org"]
    # The office reads the message in Polish, with the form's language named.
    assert "Wiadomość: Jak założyć" in mailoutbox[0].body
    assert "Język formularza: angielski" in mailoutbox[0].body
    assert "Message:" not in mailoutbox[0].body
    assert mailoutbox[0].subject == "Wiadomość z formularza kontaktowego"


@pytest.mark.parametrize("language", ["pl", "en"])
def test_contact_page_and_thank_you_render_with_the_page_language(
    client, contact_page, home_en, locales, language
):
    page = contact_page if language == "pl" else english_contact_page(contact_page, locales)
    response = client.get(page.url)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    thanks = client.get(client.post(page.url, message())["Location"])
    assert f'<html lang="{language}">' in thanks.content.decode()


def test_a_field_label_that_would_clash_with_the_honeypot_is_refused(contact_page):
    from django.core.exceptions import ValidationError

    from portal.association.models import ContactFormField

    field = ContactFormField(page=contact_page, label="Website", field_type="singleline")
    with pytest.raises(ValidationError) as error:
        field.full_clean(exclude=["page", "locale", "translation_key"])
    assert "label" in error.value.message_dict


@pytest.mark.django_db(transaction=True)  # the message is stored and e-mailed for real
@pytest.mark.parametrize("backend", ["immediate", "database"])
def test_with_the_mail_server_refusing_the_message_is_kept_and_the_sender_thanked(
    client, contact_page, settings, caplog, backend
):
    if backend == "database":
        settings.TASKS = DATABASE_TASKS
        settings.EMAIL_RETRY_DELAYS = [0]
    with refusing_smtp() as server:
        use_smtp(settings, server)
        response = client.post(contact_page.url, message())
        assert response.status_code == 302
        thanks = client.get(response["Location"])
        assert thanks.status_code == 200
        assert 'role="status"' in thanks.content.decode()
        if backend == "database":
            assert server.connections == 0  # the request only stored and queued it
            run_worker()
        attempts = 1 if backend == "immediate" else 2
        assert server.connections == attempts

    submission = FormSubmission.objects.get()  # nothing typed is lost
    assert submission.form_data["wiadomosc"].startswith("Jak założyć spółdzielnię")
    failure = f"Contact message {submission.pk}: attempt {attempts} of {attempts} failed"
    assert f"{failure} (SMTPConnectError); not delivered" in caplog.text
    assert "anna@example.org" not in caplog.text  # no personal data in the log
