"""An editor creates and publishes a page through Wagtail's admin views, and a visitor then
finds it on the site (moved here from the browser tests: this is Wagtail's admin markup,
which Wagtail's own test utilities drive)."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.core.models import HomePage, StandardPage
from tests.factories import HomePageFactory, LocaleFactory


class EditorPublishesAStandardPage(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        LocaleFactory(language_code="en")
        cls.home = HomePageFactory(parent=Page.get_first_root_node())
        Site.objects.filter(is_default_site=True).update(root_page=cls.home)

    def setUp(self):
        # A superuser, as the site's editors are; signed in without django-axes's login
        # check (Wagtail's login() does not pass it the request).
        self.client.force_login(self.create_superuser("redaktor", password="haslo-2026"))

    def test_a_standard_page_can_be_added_below_the_home_page_only_where_allowed(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_the_published_page_is_on_the_site(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Spotkania informacyjne",
                    "intro": "Zapraszamy przedstawicieli WTZ i samorządów.",
                    "body": streamfield([]),
                }
            ),
        )
        published = StandardPage.objects.get(title="Spotkania informacyjne")
        self.assertTrue(published.live)
        self.client.logout()  # a visitor
        response = self.client.get(published.url)
        self.assertEqual(response.status_code, 200)
        self.assertTagInHTML("<h1>Spotkania informacyjne</h1>", response.content.decode())
        self.assertContains(response, "Zapraszamy przedstawicieli WTZ i samorządów.")
