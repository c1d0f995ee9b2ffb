"""The admin speaks Polish to a Polish editor: a walk over the screens editors use fails on
any visible English text, and the project's own catalogue (LOCALE_PATHS) comes before
Wagtail's and wagtail-localize's, for the server's messages and the JavaScript ones.

English is recognised by common English words that are not also Polish words; user content
in this test is Polish, and a short allow-list covers names (Wagtail, English, PDF)."""

import json
import re

from bs4 import Comment
from wagtail_factories import ImageFactory

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import ngettext

from wagtail.models import Locale, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.operations import TranslationCreator

from portal.events.booking import book_seat
from tests.factories import (
    ContactPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    registration_data,
    warsaw,
)
from tests.html import parse, select, text_of, texts
from tests.zones.conftest import ZoneSiteTestCase
from zones.editing import WORKFLOW, set_up_zone_editors

ENGLISH_WORDS = frozenset(
    re.findall(
        r"\w+",
        """
        the and of for with your you this that these is are was were be been has have not from
        all any more less show view edit add delete save publish published unpublished draft
        drafts page pages image images document documents created sign search sort title choose
        upload select clear apply type user users help yes cancel submit translate translation
        translations sync workflow workflows task tasks moderation review approve reject
        comment comments history preview next previous close open report reports snippet
        snippets collection collections file files item items selected privacy public private
        locked unlocked changes version current create update new back field fields required
        error loading export download settings live in at an or owner actions language date
        filter filters account log out dashboard explorer revisions usage superscript subscript
        drop down landing
        """,
    )
)
# Names that read the same in Polish, and the languages' own names.
ALLOWED = {"Wagtail", "English", "PDF", "Portal WTZ", "WTZ", "CSV", "XLSX", "URL"}
ATTRIBUTES = ["placeholder", "aria-label", "title", "alt"]
WORD = re.compile(r"[^\W\d_]+")


def visible_texts(html):
    """What a person sees or hears on the page: text outside scripts and styles, the
    attributes read out (labels, titles, placeholders) and the labels of the sidebar, which
    Wagtail renders from JSON."""
    page = parse(html)
    sidebar = [json.loads(s.string or "{}") for s in select(page, "#wagtail-sidebar-props")]
    for hidden in page(["script", "style", "textarea"]):
        hidden.decompose()
    texts = [
        " ".join(node.split())
        for node in page.find_all(string=True)
        if not isinstance(node, Comment)
    ]
    texts += [el[name] for name in ATTRIBUTES for el in page.select(f"[{name}]")]
    texts += [el["value"] for el in page.select('input[type="submit"][value]')]
    texts += labels_in(sidebar)
    return [text for text in texts if text.strip()]


def labels_in(data):
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k in ("label", "title") and isinstance(v, str)]
        return found + [label for value in data.values() for label in labels_in(value)]
    if isinstance(data, list):
        return [label for value in data for label in labels_in(value)]
    return []


def english(text):
    """`text` if it has a word that only English has (names of the allow-list removed)."""
    for name in ALLOWED:
        text = text.replace(name, "")
    words = {word.lower() for word in WORD.findall(text)}
    return bool(words & ENGLISH_WORDS)


class PolishAdminTests(ZoneSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        site = cls.zone_site
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
        cls.news = NewsIndexPageFactory(parent=cls.home)
        cls.events = EventIndexPageFactory(parent=cls.home)
        for zone in site.zones.values():
            set_up_zone_editors(zone)
        cls.article = NewsPageFactory(
            parent=cls.news, title="Spółdzielnia w Kole", zones=[site.zones["wtz"]]
        )
        cls.article.save_revision(user=site.editors["wtz"])
        Workflow.objects.get(name=WORKFLOW).start(cls.article, site.editors["wtz"])
        cls.meeting = EventPageFactory(
            parent=cls.events,
            title="Spotkanie w Poznaniu",
            registration_opens=warsaw(days=-10),
            registration_closes=warsaw(days=5),
            zones=[site.zones["wtz"]],
        )
        cls.registration = book_seat(cls.meeting, notify=False, **registration_data())
        cls.image = ImageFactory(
            title="Warsztat stolarski", collection=site.zones["wtz"].collection
        )
        cls.document = site.documents["wtz"]
        cls.contact = ContactPageFactory(parent=cls.home)
        with translation.override("pl"):
            TranslationCreator(cls.admin, [cls.english()]).create_translations(cls.meeting)
        cls.meeting_en = cls.meeting.get_translation(cls.english())

    @staticmethod
    def english():
        return Locale.objects.get(language_code="en")

    def screens(self):
        """The admin screens an editor uses, by their address."""
        zone = self.zone_site.zones["wtz"]
        return [
            "/admin/",
            f"/admin/pages/{self.home.pk}/",
            f"/admin/pages/{self.news.pk}/",
            f"/admin/pages/{self.article.pk}/edit/",
            f"/admin/pages/add/news/newspage/{self.news.pk}/",
            f"/admin/pages/{self.article.pk}/history/",
            f"/admin/pages/{self.meeting.pk}/edit/",
            f"/admin/pages/{self.meeting_en.pk}/edit/",  # wagtail-localize's translation editor
            f"/admin/pages/{self.contact.pk}/edit/",  # the form builder and its preview modes
            f"/admin/localize/submit/page/{self.article.pk}/",
            "/admin/images/",
            f"/admin/images/{self.image.pk}/",
            "/admin/images/multiple/add/",
            "/admin/documents/",
            f"/admin/documents/edit/{self.document.pk}/",
            f"/admin/documents/delete/{self.document.pk}/",
            "/admin/documents/multiple/add/",
            "/admin/snippets/",
            "/admin/snippets/zones/zone/",
            f"/admin/snippets/zones/zone/edit/{zone.pk}/",
            "/admin/registrations/",
            f"/admin/registrations/inspect/{self.registration.pk}/",
            "/admin/registrations/new/",  # "Dodaj zgłoszenie"
            f"/admin/registrations/delete/{self.registration.pk}/",
            "/admin/workflows/list/",
            "/admin/workflows/tasks/index/",
            "/admin/reports/workflow/",
            "/admin/reports/workflow_tasks/",
        ]

    def english_on(self, user, paths):
        self.client.force_login(user)
        found = []
        for path in paths:
            response = self.client.get(path)
            assert response.status_code == 200, f"{path} answered {response.status_code}"
            found += [(path, text) for text in visible_texts(response) if english(text)]
        return found

    def test_the_screens_editors_use_show_no_english_to_the_polish_administrator(self):
        assert self.english_on(self.admin, self.screens()) == []

    def test_a_zone_editor_sends_a_page_to_moderation_in_polish(self):
        edit = f"/admin/pages/{self.meeting.pk}/edit/"
        self.client.force_login(self.zone_site.editors["wtz"])
        submit = select(self.client.get(edit), 'button[name="action-submit"]')

        assert [text_of(button) for button in submit] == [f"Wyślij do akceptacji ({WORKFLOW})"]
        assert self.english_on(self.zone_site.editors["wtz"], ["/admin/", edit]) == []

    def test_a_zone_editor_translates_in_polish(self):
        """The listing with the Translate and Sync buttons, the dashboard and the translation
        editor with the bar to submit it for moderation, as a zone editor sees them."""
        editor = self.zone_site.editors["wtz"]
        translation_editor = f"/admin/pages/{self.meeting_en.pk}/edit/"
        set_up_zone_editors(self.zone_site.zones["wtz"])  # the English tree, made since
        self.client.force_login(editor)
        assert select(self.client.get(translation_editor), ".translation-moderation button")

        paths = ["/admin/", f"/admin/pages/{self.events.pk}/", translation_editor]
        assert self.english_on(editor, paths) == []

    def test_the_explorers_link_to_the_live_page_is_named_whole(self):
        """Wagtail's status tag puts the translated "Visit the live page" into a title
        attribute unescaped: its own Polish text, with straight quotes, cut the title short."""
        self.client.force_login(self.admin)
        status = select(self.client.get(f"/admin/pages/{self.home.pk}/"), "a.w-status[title]")

        assert status
        assert {link["title"] for link in status} == {"Odwiedź opublikowaną stronę"}

    def test_a_wrong_publishing_schedule_is_explained_in_polish(self):
        """Wagtail's Polish called the expiry "data wykończenia" (of a finish), with a
        masculine adjective; the project's words for an expiry in the past are kept. (The
        admin shows these errors in its schedule dialog, which its script builds, so the
        form's errors are read.)"""
        self.client.force_login(self.admin)

        def errors_with(go_live_at, expire_at):
            data = {"title": self.events.title, "slug": self.events.slug, "intro": "Spotkania."}
            data |= {"go_live_at": go_live_at, "expire_at": expire_at}
            data["comments"] = inline_formset([])
            edit = f"/admin/pages/{self.events.pk}/edit/"
            form = self.client.post(edit, nested_form_data(data)).context["form"]
            return {message for messages in form.errors.values() for message in messages}

        assert errors_with("2040-02-01 10:00", "2040-01-01 10:00") == {
            "Data i godzina publikacji muszą być wcześniejsze niż data i godzina wygaśnięcia."
        }
        assert errors_with("", "2001-01-01 10:00") == {
            "Data i godzina wygaśnięcia muszą być w przyszłości."
        }

    def test_the_projects_catalogue_comes_first_also_in_the_javascript_catalogues(self):
        self.client.force_login(self.admin)
        wagtail_js = self.client.get("/admin/jsi18n/").content.decode()
        localize_js = self.client.get("/admin/localize/jsi18n/").content.decode()

        assert '"Autosave in progress\\u2026": "Trwa autozapis\\u2026"' in wagtail_js
        assert '"Publish in ": "Opublikuj: "' in localize_js

    def test_the_messages_the_issue_named_read_in_polish(self):
        """'0 Images / created in Portal WTZ' on the dashboard and 'Ten zgłoszenie został
        przywołany' (a plural message of Wagtail's) in the project's own Polish."""
        self.client.force_login(self.admin)
        summary = texts(self.client.get("/admin/"), ".w-summary li a")
        with translation.override("pl"):
            referenced = [
                ngettext(
                    "This %(model_name)s is referenced %(usage_count)s time.",
                    "This %(model_name)s is referenced %(usage_count)s times.",
                    count,
                )
                % {"model_name": "zgłoszenie", "usage_count": count}
                for count in (1, 3)
            ]

        assert "1 obraz w serwisie Portal WTZ" in summary
        assert "4 dokumenty w serwisie Portal WTZ" in summary
        assert referenced == ["Liczba odwołań (zgłoszenie): 1.", "Liczba odwołań (zgłoszenie): 3."]
