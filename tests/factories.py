"""Factories mirroring the page tree: root → HomePage (pl, with an en translation) → pages."""

import datetime

import factory
import wagtail_factories

from django.core.files.base import ContentFile
from django.db import connection
from django.db.models import F
from django.test import TestCase
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from portal.association import models as association
from portal.core.demo_content import demo_pdf
from portal.core.models import FundingNotice, HomePage, ProjectSettings, StandardPage
from portal.easyread.models import EasyReadPage, SignLanguagePage
from portal.events.models import EventIndexPage, EventPage
from portal.handbook import models as handbook
from portal.legal.models import AccessibilityStatementPage, PrivacyPolicyPage
from portal.news.models import NewsIndexPage, NewsPage
from portal.polls.models import Poll, PollChoice
from portal.research.models import ReportPage, ResearchIndexPage
from tests.pdfs import pdf_file
from zones.models import Zone, ZonePage


class LocaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)

    language_code = "pl"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Portal WTZ"
    slug = "strona-glowna"
    hero_title = "Spółdzielnie socjalne przy WTZ"
    hero_text = "Tekst wprowadzający"
    zones_heading = "Wybierz swoją strefę"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Strona {n}")
    slug = factory.Sequence(lambda n: f"strona-{n}")
    intro = "Wstęp do strony."


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="pl"))
    slug = factory.Sequence(lambda n: f"strefa-{n}")
    name = factory.Sequence(lambda n: f"Strefa {n}")
    intro = "Krótki opis strefy."
    audience = "Dla kogo jest ta strefa"
    colour = Zone.Colour.TEAL
    icon = Zone.Icon.WORKSHOP
    sort_order = factory.Sequence(lambda n: n)


class ZonePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ZonePage

    title = factory.LazyAttribute(lambda page: page.zone.name)
    slug = factory.LazyAttribute(lambda page: f"strefa-{page.zone.slug}")
    intro = factory.LazyAttribute(lambda page: f"Wstęp strefy {page.zone.name}.")
    show_in_menus = True
    contact_name = "Jan Kontaktowy"
    contact_email = "kontakt@example.org"
    contact_phone = "61 000 00 00"


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small real file in the document library."""

    class Meta:
        model = get_document_model()
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(b"%PDF-1.4 demo", name=f"{slugify(document.title)}.pdf")
    )
    file_size = 13
    kind = "guide"
    language = "pl"

    @factory.post_generation
    def zones(self, create, zones):
        if create and zones:
            self.zones.set(zones)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktualności"
    slug = "aktualnosci"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Artykuł {n}")
    slug = factory.Sequence(lambda n: f"artykul-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    lead = factory.LazyAttribute(lambda page: f"Zajawka: {page.title}")

    @factory.post_generation
    def zones(self, create, zones):
        if create and zones:
            self.zones = zones
            self.save_revision().publish()


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Wydarzenia"
    slug = "wydarzenia"


class EventPageFactory(wagtail_factories.PageFactory):
    """A meeting in Poznań a week from now, 10:00–13:00 Warsaw time."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Spotkanie {n}")
    slug = factory.Sequence(lambda n: f"spotkanie-{n}")
    kind = EventPage.Kind.INFO_MEETING
    lead = "Spotkanie dla WTZ i samorządów."
    start = factory.LazyFunction(lambda: warsaw(days=7, hour=10))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=3))
    city = "Poznań"
    venue_name = "Sala konferencyjna"
    street = "ul. Chłapowskiego 15/1"
    postcode = "61-504"
    capacity = 30
    organiser_name = "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"
    organiser_email = "biuro@example.org"

    @factory.post_generation
    def zones(self, create, zones):
        if create and zones:
            self.zones = zones
            self.save_revision().publish()


def warsaw(days=0, hour=10, minute=0, date=None):
    """An aware moment at `hour` Warsaw time, `days` from today (or on `date`)."""
    day = date or timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class ResearchIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResearchIndexPage

    title = "Badania i analizy"
    slug = "badania-i-analizy"


class ReportPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ReportPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Raport {n}")
    slug = factory.Sequence(lambda n: f"raport-{n}")
    kind = ReportPage.Kind.RESEARCH
    publication_date = factory.Sequence(
        lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
    )
    abstract = factory.LazyAttribute(lambda page: f"Streszczenie: {page.title}")

    @factory.post_generation
    def zones(self, create, zones):
        if create and zones:
            self.zones = zones
            self.save_revision().publish()


def pdf_document(title, paragraphs, language="pl"):
    """A document holding a real PDF made by the demo helper, its text read as after a
    committed upload (a test's transaction never commits, so its on-commit tasks run here)."""

    content = demo_pdf(title, paragraphs)
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = get_document_model().objects.create(
            title=title,
            file=ContentFile(content, name=f"{slugify(title)}.pdf"),
            file_size=len(content),
            language=language,
        )
    document.refresh_from_db()
    return document


def pdf_of_pages(count, words=lambda number: f"strona{number}", per_node=500):
    """A real PDF of `count` small pages, page n saying `words(n)`, built by hand so that
    20,000 pages take a fraction of a second (pypdf's writer needs seconds). Like books
    from real publishers, its page tree has several levels and the pages inherit their
    font and size from their parent node."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects.append(font)
    inherited = b"/Resources << /Font << /F1 3 0 R >> >> /MediaBox [0 0 300 60]"
    nodes = []
    for first in range(1, count + 1, per_node):
        numbers = range(first, min(first + per_node, count + 1))
        node = len(objects) + 1
        objects.append(None)  # the node, once its pages are numbered
        kids = []
        for number in numbers:
            stream = b"BT /F1 12 Tf 20 20 Td (%s) Tj ET" % words(number).encode("cp1252")
            objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
            objects.append(
                b"<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>" % (node, len(objects))
            )
            kids.append(b"%d 0 R" % len(objects))
        objects[node - 1] = b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (
            b" ".join(kids),
            len(numbers),
        )
        nodes.append(b"%d 0 R" % node)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d %s >>" % (
        b" ".join(nodes),
        count,
        inherited,
    )
    return pdf_file(objects)


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = association.ProjectIndexPage

    title = "Projekty realizowane"
    slug = "projekty-realizowane"
    intro = "Projekty stowarzyszenia."


class ProjectPageFactory(wagtail_factories.PageFactory):
    """A finished project; `partners=[("Name", "role"), …]` adds its partners."""

    class Meta:
        model = association.ProjectPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    summary = factory.LazyAttribute(lambda page: f"O projekcie {page.title}.")
    programme = "Program Operacyjny Kapitał Ludzki"
    measure = "Priorytet I, Działanie 1.2"
    start_date = factory.Sequence(lambda n: datetime.date(2010, 1, 1) + datetime.timedelta(days=n))
    end_date = factory.LazyAttribute(lambda page: page.start_date + datetime.timedelta(days=365))
    goal = "<p>Cel projektu.</p>"

    @factory.post_generation
    def partners(self, create, partners):
        if create and partners:
            self.partners = [
                association.ProjectPartner(name=name, role=role, sort_order=number)
                for number, (name, role) in enumerate(partners)
            ]
            self.save_revision().publish()


class PartnershipPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = association.PartnershipPage

    title = "Partnerstwo"
    slug = "partnerstwo"
    intro = "Lider i partnerzy projektu."


class ContactPageFactory(wagtail_factories.PageFactory):
    """The contact page with the usual fields: name, e-mail, subject, message, consent."""

    class Meta:
        model = association.ContactPage
        skip_postgeneration_save = True

    title = "Kontakt"
    slug = "kontakt"
    intro = "Napisz do nas."
    show_in_menus = True

    @factory.post_generation
    def fields(self, create, fields):
        if not create:
            return
        self.form_fields = [
            association.ContactFormField(sort_order=number, **field)
            for number, field in enumerate(fields or CONTACT_FIELDS)
        ]
        self.save_revision().publish()


CONTACT_FIELDS = [
    {"clean_name": "imie", "label": "Imię i nazwisko", "field_type": "singleline",
     "autocomplete": "name"},
    {"clean_name": "email", "label": "Adres e-mail", "field_type": "email",
     "autocomplete": "email"},
    {"clean_name": "temat", "label": "Temat", "field_type": "singleline", "required": False},
    {"clean_name": "wiadomosc", "label": "Wiadomość", "field_type": "multiline",
     "help_text": "Do 5000 znaków."},
    {"clean_name": "zgoda", "label": "Zgadzam się na przetwarzanie danych",
     "field_type": "checkbox"},
]  # fmt: skip


class PollFactory(factory.django.DjangoModelFactory):
    """A Polish poll; `choices=[("Tak", 12), ("Nie", 18)]` gives its answers and votes."""

    class Meta:
        model = Poll
        skip_postgeneration_save = True

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="pl"))
    question = "Czy planujesz założyć spółdzielnię socjalną?"

    @factory.post_generation
    def choices(self, create, choices):
        if not create:
            return
        for order, (label, votes) in enumerate(choices or [("Tak", 0), ("Nie", 0)]):
            PollChoice.objects.create(poll=self, label=label, votes=votes, sort_order=order)


def translate(instance, language="en", **fields):
    """The `language` translation of a page or snippet, with `fields` in that language,
    saved (a page also published), as an editor's finished translation would be."""
    translation = instance.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(translation, name, value)
    if isinstance(translation, Page):
        translation.save_revision().publish()
    else:
        translation.save()
    return translation


def logo_value(image, alt_text="Unia Europejska", decorative=False):
    """A logo's ImageBlock value as a StreamField is given it in Python."""
    return {"image": image, "alt_text": alt_text, "decorative": decorative}


class FundingNoticeFactory(factory.django.DjangoModelFactory):
    """The funding notice in the footer, with one logo and the text a screen reader says."""

    class Meta:
        model = FundingNotice

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="pl"))
    title = "EFS – Kapitał Ludzki"
    text = "<p>Projekt współfinansowany ze środków Unii Europejskiej.</p>"
    logos = factory.LazyFunction(
        lambda: [("logo", {"image": logo_value(wagtail_factories.ImageFactory()), "url": ""})]
    )


class ProjectSettingsFactory(factory.django.DjangoModelFactory):
    """The default site's settings: the office the footer shows and the funding notice."""

    class Meta:
        model = ProjectSettings
        django_get_or_create = ("site",)

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    office_name = "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"
    street = "ul. Chłapowskiego 15/1"
    postcode = "61-504"
    city = "Poznań"
    phone = "61 887 11 66"
    email = "biuro@example.org"
    funding_notice = factory.SubFactory(FundingNoticeFactory)


class HandbookPageFactory(wagtail_factories.PageFactory):
    """The model with its twelve steps ("Tytuł kroku 1" … "Tytuł kroku 12")."""

    class Meta:
        model = handbook.HandbookPage
        skip_postgeneration_save = True

    title = "Model"
    slug = "model"
    intro = "Jak działa model."

    @factory.post_generation
    def steps(self, create, count):
        if not create:
            return
        self.steps = [
            handbook.HandbookStep(
                title=f"Tytuł kroku {number}", body=f"<p>Opis kroku {number}</p>",
                sort_order=number,
            )
            for number in range(1, (count or 12) + 1)
        ]  # fmt: skip
        self.save_revision().publish()


class SubModelIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = handbook.SubModelIndexPage

    title = "Podmodele"
    slug = "podmodele"
    intro = "Podmodele porównane."


class SubModelPageFactory(wagtail_factories.PageFactory):
    """A sub-model whose compared attributes say which sub-model they belong to."""

    class Meta:
        model = handbook.SubModelPage

    title = factory.Sequence(lambda n: f"Podmodel {n}")
    slug = factory.Sequence(lambda n: f"podmodel-{n}")
    summary = factory.LazyAttribute(lambda page: f"Opis: {page.title}")
    founders = factory.LazyAttribute(lambda page: f"Organizacja prowadząca WTZ ({page.title})")
    employer = factory.LazyAttribute(lambda page: f"Spółdzielnia socjalna ({page.title})")
    income = factory.LazyAttribute(lambda page: f"Sprzedaż usług i dotacje ({page.title})")
    local_government_role = "Członek założyciel"
    risks = "Ryzyko rynkowe"
    suits = "Małe gminy"


class SuccessStoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = handbook.SuccessStoryIndexPage

    title = "Nasze sukcesy"
    slug = "nasze-sukcesy"


class SuccessStoryPageFactory(wagtail_factories.PageFactory):
    """A cooperative founded thanks to the model; `zones=[…]` tags it."""

    class Meta:
        model = handbook.SuccessStoryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Spółdzielnia {n}")
    slug = factory.Sequence(lambda n: f"spoldzielnia-{n}")
    cooperative = factory.LazyAttribute(lambda page: page.title)
    founded = datetime.date(2015, 5, 1)
    members = 3
    employed_participants = 5
    town = "Konin"
    activity = "Piekarnia i catering."

    zones = factory.PostGeneration(lambda page, create, zones, **kwargs: tag(page, zones))


def tag(page, zones):
    """Tag a page just created with `zones` (if any) and publish it again."""
    if zones:
        page.zones = zones
        page.save_revision().publish()


def build_home():
    """The Polish home page as the default site's root and its English translation, for a
    test class's setUpTestData (the `home` and `home_en` fixtures, once per class)."""
    LocaleFactory(language_code="pl")
    LocaleFactory(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node())
    make_site_root(home)
    home_en = translate(home, title="Portal WTZ", slug="home", hero_title="Cooperatives")
    return home, home_en


def make_site_root(page):
    """Make `page` the default site's root (a site is made if a flush removed it), in place
    of Wagtail's "Welcome to your new Wagtail site!" page, which is then removed."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=page, is_default_site=True)
        return
    welcome = site.root_page
    site.root_page = page
    site.save()
    if welcome.pk != page.pk and type(welcome.specific) is Page and welcome.is_leaf():
        remove_leaf_page(welcome)


def remove_leaf_page(page):
    """Delete a plain `Page` without children that nothing points to (Wagtail's welcome
    page as migrations leave it) with one DELETE, and count one child less for its parent.
    Wagtail's page deletion first asks each of the tables that may point to a page (about
    90 queries, 0.1 s of CPU), in each of the ~500 tests that make a home page. A row that
    still pointed to the page would fail the test: Django checks the deferred foreign keys
    at the end of each test."""
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Page._meta.db_table)
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [page.pk])  # noqa: S608
    parent_path = page.path[: -Page.steplen]
    Page.objects.filter(path=parent_path).update(numchild=F("numchild") - 1)


class EasyReadPageFactory(wagtail_factories.PageFactory):
    """An easy-to-read page with two lines: one with a pictogram, one without a picture."""

    class Meta:
        model = EasyReadPage

    title = factory.Sequence(lambda n: f"Tekst łatwy {n}")
    slug = factory.Sequence(lambda n: f"tekst-latwy-{n}")
    body = factory.LazyFunction(
        lambda: [
            ("line", {"text": "Ten portal jest o pracy.", "pictogram": "work"}),
            ("line", {"text": "Możesz nas zapytać.", "pictogram": ""}),
        ]
    )


class SignLanguagePageFactory(wagtail_factories.PageFactory):
    """The sign language page with one video on YouTube."""

    class Meta:
        model = SignLanguagePage

    title = "Polski język migowy (PJM)"
    slug = "polski-jezyk-migowy"
    body = factory.LazyFunction(
        lambda: [
            (
                "video",
                {
                    "title": "O portalu w PJM",
                    "url": "https://www.youtube.com/watch?v=PJMdemo0001",
                    "description": "Portal mówi o pracy.",
                },
            )
        ]
    )


def registration_data(name="Anna Nowak", **fields):
    """What the sign-up form gives `book_seat` for one person from a WTZ (the e-mail made
    from the name), with `fields` changed."""
    email = f"{name.split()[0].lower()}@example.org"
    return {
        "language": "pl",
        "name": name,
        "email": email,
        "institution": "WTZ Poznań",
        "institution_type": "wtz",
        "people": 1,
        "consent_version": "1",
        **fields,
    }


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    """A statement with every section filled in, partially compliant with one barrier and
    one exemption."""

    class Meta:
        model = AccessibilityStatementPage

    title = "Deklaracja dostępności"
    slug = "deklaracja-dostepnosci"
    entity_name = "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"
    site_name = "Portal WTZ"
    published_on = datetime.date(2026, 10, 1)
    updated_on = datetime.date(2026, 12, 1)
    compliance = AccessibilityStatementPage.Compliance.PARTIAL
    barriers = factory.LazyFunction(
        lambda: [("barrier", {"content": "Stare raporty PDF", "alternative": "Prześlemy tekst."})]
    )
    exemptions = factory.LazyFunction(
        lambda: [("exemption", {"content": "Nagrania z 2014 r.", "reason": "Sprzed 2020 r."})]
    )
    prepared_on = datetime.date(2026, 11, 30)
    assessment = AccessibilityStatementPage.Assessment.SELF
    contact_person = "Jan Nowak"
    contact_email = "dostepnosc@example.org"
    contact_phone = "61 887 11 66"
    complaint_recipient = "Zarząd Stowarzyszenia, ul. Chłapowskiego 15/1, 61-504 Poznań"
    office_address = "ul. Chłapowskiego 15/1, 61-504 Poznań"
    entrances = "Jedno wejście bez schodów."
    lifts = "Biuro na parterze."
    parking = "Miejsce dla osób z niepełnosprawnością przed budynkiem."
    assistance_dog = "Można wejść z psem asystującym."
    sign_language = "Tłumacz PJM po zgłoszeniu 3 dni wcześniej."
    mobile_apps = "Nie mamy aplikacji mobilnych."


class PrivacyPolicyPageFactory(wagtail_factories.PageFactory):
    """A privacy policy with registration (retention from the settings) and the contact form."""

    class Meta:
        model = PrivacyPolicyPage

    title = "Polityka prywatności"
    slug = "polityka-prywatnosci"
    controller = "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych, ul. Chłapowskiego 15/1, Poznań"
    controller_email = "biuro@example.org"
    protection_contact = "Koordynator projektu"
    protection_email = "dane@example.org"
    processing = factory.LazyFunction(
        lambda: [
            ("registration", {"data": "Imię, e-mail", "purpose": "Spotkanie",
                              "legal_basis": "consent"}),
            ("activity", {"name": "Formularz kontaktowy", "data": "Imię, e-mail",
                          "purpose": "Odpowiedź", "legal_basis": "consent",
                          "retention": "Do załatwienia sprawy."}),
        ]
    )  # fmt: skip
    recipients = "Firma hostingowa."
    rights_note = "Napisz do biura."
    updated_on = datetime.date(2026, 12, 1)
