"""The statutory pages as visitors read them: the accessibility statement in the minister's
template (its sections in order, with the template's headings and ids, dates a machine can
read), the privacy policy (what GDPR Article 13 asks), the footer links to both, and the
information clause with the policy's link beside every form's consent.

The site is built once for the module (setUpTestData), in Polish and English.
"""

from django.template import Context, Template
from django.test import RequestFactory, TestCase, override_settings
from django.utils import translation

from wagtail.models import Site

from portal.core.lookups import restricted_paths
from portal.legal.models import AccessibilityStatementPage
from tests.factories import (
    AccessibilityStatementPageFactory,
    ContactPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    PrivacyPolicyPageFactory,
    ProjectSettingsFactory,
    build_home,
    translate,
    warsaw,
)
from tests.html import links, one, select, text_of, texts

# The ids of the template that the national monitoring reads.
TEMPLATE_IDS = [
    "a11y-deklaracja",
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
]
STATEMENT = {
    "/pl/deklaracja-dostepnosci/": (
        "Deklaracja dostępności",
        [
            "Status pod względem zgodności z ustawą",
            "Przygotowanie deklaracji w sprawie dostępności",
            "Informacje zwrotne i dane kontaktowe",
            "Procedura wnioskowo-skargowa",
            "Dostępność architektoniczna",
            "Aplikacje mobilne",
        ],
    ),
    "/en/accessibility-statement/": (
        "Accessibility statement",
        [
            "Compliance status",
            "Preparation of the accessibility statement",
            "Feedback and contact details",
            "Request and complaint procedure",
            "Architectural accessibility",
            "Mobile applications",
        ],
    ),
}
PRIVACY = {
    "/pl/polityka-prywatnosci/": [
        "Administrator danych",
        "Kontakt w sprawie ochrony danych",
        "Cele i podstawy prawne przetwarzania",
        "Odbiorcy danych",
        "Twoje prawa",
        "Skarga do organu nadzorczego",
    ],
    "/en/privacy-policy/": [
        "Who controls your data",
        "Data protection contact",
        "Purposes and legal bases",
        "Who receives your data",
        "Your rights",
        "Complaint to the supervisory authority",
    ],
}


class StatutoryPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        home, _home_en = build_home()
        cls.statement = AccessibilityStatementPageFactory(parent=home)
        translate(cls.statement, title="Accessibility statement", slug="accessibility-statement")
        ProjectSettingsFactory(accessibility_page=cls.statement)
        privacy = PrivacyPolicyPageFactory(parent=home)
        translate(privacy, title="Privacy policy", slug="privacy-policy")
        cls.event = EventPageFactory(
            parent=EventIndexPageFactory(parent=home),
            registration_opens=warsaw(days=-1),
            registration_closes=warsaw(days=5),
        )
        contact = ContactPageFactory(parent=home)
        translate(contact, title="Contact", slug="contact")

    def test_every_statement_section_is_shown_in_the_template_order_with_its_heading(self):
        for address, (title, headings) in STATEMENT.items():
            with self.subTest(address):
                article = one(self.client.get(address), "article.statement")
                self.assertEqual(texts(article, "h1"), [title])
                self.assertEqual(texts(article, "h2"), headings)
                for template_id in TEMPLATE_IDS:
                    one(article, f"#{template_id}")
                self.assertEqual(
                    one(article, "time#a11y-data-publikacja")["datetime"], "2026-10-01"
                )
                self.assertEqual(
                    one(article, "time#a11y-data-aktualizacja")["datetime"], "2026-12-01"
                )
                self.assertEqual(
                    one(article, "time#a11y-data-sporzadzenie")["datetime"], "2026-11-30"
                )
                self.assertEqual(text_of(one(article, "#a11y-podmiot")), self.statement.entity_name)
                self.assertEqual(one(article, "a#a11y-url")["href"], "http://testserver/")
                self.assertEqual(
                    one(article, "a#a11y-email")["href"], "mailto:dostepnosc@example.org"
                )
                self.assertEqual(one(article, "a#a11y-telefon")["href"], "tel:618871166")
                # The barrier and the exemption, each under its own subheading.
                self.assertIn(
                    "Stare raporty PDF", text_of(one(article, "#statement-barriers + ul"))
                )
                self.assertIn("Sprzed 2020 r.", text_of(one(article, "#statement-exemptions + ul")))
                self.assertIn("Rzecznik", text_of(one(article, "#statement-ombudsman + p a")))

    def test_status_and_assessment_read_as_the_template_words_them(self):
        self.statement.compliance = AccessibilityStatementPage.Compliance.FULL
        self.statement.assessment = AccessibilityStatementPage.Assessment.EXTERNAL
        self.statement.assessor = "Fundacja Audytu Dostępności"
        self.statement.barriers = self.statement.exemptions = []
        self.statement.save_revision().publish()
        article = one(self.client.get("/pl/deklaracja-dostepnosci/"), "article.statement")
        self.assertEqual(text_of(one(article, "#a11y-status strong")), "zgodna")
        self.assertEqual(text_of(one(article, "#a11y-audytor")), "Fundacja Audytu Dostępności")
        self.assertEqual(select(article, "#statement-barriers"), [])

    def test_every_privacy_part_is_shown_with_its_heading(self):
        for address, headings in PRIVACY.items():
            with self.subTest(address):
                article = one(self.client.get(address), "article.privacy")
                self.assertEqual(texts(article, "h2"), headings)
                self.assertEqual(one(article, "header time")["datetime"], "2026-12-01")
                purposes = texts(article, "section[aria-labelledby=privacy-purposes] h3")
                self.assertEqual(len(purposes), 2)
                self.assertEqual(purposes[1], "Formularz kontaktowy")
                self.assertIn("PUODO", text_of(one(article, "#privacy-complaint + p a")))

    @override_settings(REGISTRATION_RETENTION_DAYS=45)
    def test_registration_retention_is_the_setting_the_purge_uses(self):
        article = one(self.client.get("/pl/polityka-prywatnosci/"), "article.privacy")
        retention = text_of(one(article, ".privacy__retention"))
        self.assertTrue(retention.startswith("45 dni po zakończeniu spotkania"), retention)

    def test_the_policy_link_costs_one_query_then_none(self):
        """Looked up with the header's one query of the pages every page links to (in every
        language at once), then kept until something is published. (The site with its root page,
        its root paths and the private parts of the tree are what every page request has
        found before the footer.)"""
        request = RequestFactory().get("/pl/")
        request._wagtail_site = Site.objects.select_related("root_page").get(is_default_site=True)
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        restricted_paths()
        template = Template("{% load legal_tags %}{% privacy_policy_link %}")
        with self.assertNumQueries(1):
            first = template.render(Context({"request": request}))
        with self.assertNumQueries(0):
            self.assertEqual(template.render(Context({"request": request})), first)
        self.assertEqual(links(first), [("Polityka prywatności", "/pl/polityka-prywatnosci/")])
        with translation.override("en"), self.assertNumQueries(0):
            english = template.render(Context({"request": request}))
        self.assertEqual(links(english), [("Privacy policy", "/en/privacy-policy/")])

    def test_the_footer_links_both_statutory_pages_in_each_language(self):
        self.assertEqual(
            links(self.client.get("/pl/"), ".site-footer__links a"),
            [
                ("Deklaracja dostępności", "/pl/deklaracja-dostepnosci/"),
                ("Polityka prywatności", "/pl/polityka-prywatnosci/"),
            ],
        )
        self.assertEqual(
            links(self.client.get("/en/"), ".site-footer__links a"),
            [
                ("Accessibility statement", "/en/accessibility-statement/"),
                ("Privacy policy", "/en/privacy-policy/"),
            ],
        )

    def test_the_registration_consent_has_the_information_clause_and_policy_link(self):
        fieldset = one(self.client.get(self.event.url), "fieldset:has(#id_consent)")
        clause = one(fieldset, ".information-clause")
        self.assertIn("Administratorem Twoich danych jest Stowarzyszenie", text_of(clause))
        self.assertIn("nie dłużej niż 90 dni po nim", text_of(clause))
        self.assertEqual(links(clause), [("Polityka prywatności", "/pl/polityka-prywatnosci/")])

    def test_the_contact_consent_has_the_same_clause_in_english(self):
        form = one(self.client.get("/en/contact/"), "form.contact-form__form")
        clause = one(form, ".information-clause")
        self.assertIn("The controller of your data is Stowarzyszenie", text_of(clause))
        self.assertIn("to answer your message", text_of(clause))
        self.assertEqual(links(clause), [("Privacy policy", "/en/privacy-policy/")])

    def test_the_footer_subscribe_form_names_the_controller_too(self):
        form = one(self.client.get("/pl/"), ".site-footer form.subscribe-form")
        clause = one(form, ".information-clause")
        self.assertIn("Administratorem Twoich danych jest Stowarzyszenie", text_of(clause))
        self.assertEqual(links(clause), [("Polityka prywatności", "/pl/polityka-prywatnosci/")])
