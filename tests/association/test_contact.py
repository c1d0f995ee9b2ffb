"""The contact page: a Wagtail form whose messages are stored and e-mailed to the office,
that explains mistakes next to the fields (400, nothing typed lost), drops what bots send
and slows down floods (429)."""

import logging

import pytest
from pytest_django.asserts import assertInHTML

from django.utils.translation import gettext

from wagtail.contrib.forms.models import FormSubmission

from portal.association.forms import MULTI_LINE_MAX_LENGTH
from portal.core.demo_content import translate
from tests.core.test_redis_outage import use_redis, warnings_from
from tests.html import links, one, parse, select, text_of, texts
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
    page = parse(response)
    summary = one(page, "#error-summary")
    assert "#id_email" in [href for _, href in links(summary)]  # the summary leads to the field
    email_error = gettext("Give an e-mail address like name@example.org.")
    assert texts(page, "p.field__error#id_email-error") == [email_error]
    assert text_of(one(page, "p.field__error#id_wiadomosc-error"))
    email = one(page, "main input[type=email][name=email]")
    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"] == "id_email-error"
    assert email["value"] == "anna-at-example"
    textarea = one(page, "textarea[name=wiadomosc]")
    assert textarea["aria-describedby"] == "id_wiadomosc-error id_wiadomosc_helptext"
    assert one(page, "input[name=imie]")["value"] == "Anna Nowak"
    assert one(page, "input[name=temat]")["value"] == "Spółdzielnia przy WTZ"
    assert one(page, "input[type=checkbox][name=zgoda]").has_attr("checked")
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


def test_missing_fields_are_named_and_refused_with_400(client, contact_page):
    response = client.post(contact_page.url, {"website": ""})
    assert response.status_code == 400
    errors = {error["id"]: text_of(error) for error in select(response, "p.field__error")}
    # the subject is optional
    assert set(errors) == {f"id_{name}-error" for name in ("imie", "email", "wiadomosc", "zgoda")}
    assert errors["id_zgoda-error"] == gettext("Tick this box to send the message.")


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
    assert select(thanks, "main [role=status]")
    assert select(thanks, "main form") == []
    again = client.get(contact_page.url)  # a reload shows the form, nothing is sent again
    assert select(again, "main form.contact-form__form")
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
    honeypot = one(client.get(contact_page.url), "main form div.honeypot")
    assert honeypot["aria-hidden"] == "true"
    assert one(honeypot, "input[type=text][name=website]")["tabindex"] == "-1"


def test_an_oversized_message_gets_a_clear_message_and_400(client, contact_page, mailoutbox):
    response = client.post(contact_page.url, message(wiadomosc="x" * (MULTI_LINE_MAX_LENGTH + 1)))
    assert response.status_code == 400
    page = parse(response)
    expected = gettext("Write at most %(limit_value)d characters (you wrote %(show_value)d).") % {
        "limit_value": MULTI_LINE_MAX_LENGTH,
        "show_value": MULTI_LINE_MAX_LENGTH + 1,
    }
    assertInHTML(f'<p class="field__error" id="id_wiadomosc-error">{expected}</p>', str(page))
    assert one(page, "textarea[name=wiadomosc]").string.strip() == "x" * (
        MULTI_LINE_MAX_LENGTH + 1
    )  # the text is not lost
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
    assert 0 < int(response["Retry-After"]) <= 600  # what is left of the window
    page = parse(response)
    assert select(page, "main [role=alert]")
    assert one(page, "input[name=temat]")["value"] == "Czwarta próba"
    assert select(page, "#error-summary") == []
    assert FormSubmission.objects.count() == 3
    assert len(mailoutbox) == 3


def test_messages_are_taken_while_redis_refuses_to_count_them_with_one_warning(
    client, contact_page, settings, redis_server, mailoutbox, caplog
):
    """A full Redis refuses the rate limit's count (the cache backend meets it as a miss, as
    a lost connection): the messages still go through, and the office hears of it once."""
    use_redis(settings, redis_server, retry_after=0)
    settings.CONTACT_RATE_LIMIT = (1, 600)
    assert client.get(contact_page.url).status_code == 200  # the site's paths are cached
    redis_server.refuse_writes()

    with caplog.at_level(logging.WARNING):
        statuses = [client.post(contact_page.url, message()).status_code for _ in range(3)]

    assert statuses == [302] * 3
    assert FormSubmission.objects.count() == 3
    warnings = warnings_from(caplog, "portal.core.ratelimit")
    assert len(warnings) == 1
    assert "Rate limits not applied" in warnings[0]


def test_office_details_come_from_the_settings_with_a_map_link_and_nothing_embedded(
    client, contact_page
):
    page = parse(client.get(contact_page.url))
    office = one(page, "main section.office")
    address = text_of(one(office, "address"))
    assert "ul. Chłapowskiego 15/1" in address
    assert "61-504 Poznań" in address
    assert links(office) == [
        ("61 887 11 66", "tel:618871166"),
        ("biuro@example.org", "mailto:biuro@example.org"),
        (
            "Pokaż adres na mapie (OpenStreetMap)",
            "https://www.openstreetmap.org/search?query="
            "ul.+Ch%C5%82apowskiego+15%2F1%2C+61-504+Pozna%C5%84",
        ),
    ]
    assert select(page, "iframe") == []


def test_opening_hours_are_shown_when_set(client, contact_page, office):
    import datetime

    office.open_days = office.Weekdays.MON_FRI
    office.opens_at, office.closes_at = datetime.time(8), datetime.time(16)
    office.save()
    assert "08:00–16:00" in text_of(one(client.get(contact_page.url), "main section.office"))


def test_the_main_menu_ends_with_the_contact_page(client, home, standard_page, contact_page):
    # Added last, as the demo does; editors can move it in the page tree.
    menu = [href for _, href in links(client.get("/pl/"), "nav.main-nav a")]
    assert menu[-1] == contact_page.url
    assert menu.index(standard_page.url) < menu.index(contact_page.url)


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
    page = parse(client.get(english.url))
    assert one(page, "html")["lang"] == "en"
    assert one(page, "label[for=id_imie]").contents[0].strip() == "Name"
    assert "Imię i nazwisko" not in text_of(page)
    assert texts(page, "p.field__help#id_wiadomosc_helptext") == ["Up to 5000 characters."]

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
    assert one(response, "html")["lang"] == language
    thanks = client.get(client.post(page.url, message())["Location"])
    assert one(thanks, "html")["lang"] == language


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
        assert select(thanks, "main [role=status]")
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
