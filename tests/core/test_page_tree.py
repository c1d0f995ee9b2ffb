"""What an editor may add below the home page: each family says it with its own
parent_page_types (core names none of them), and the result is the site's sections."""

from wagtail.test.utils import WagtailPageTestCase

from portal.association.models import ContactPage, PartnershipPage, ProjectIndexPage
from portal.core.models import HomePage, StandardPage
from portal.easyread.models import EasyReadPage, SignLanguagePage
from portal.events.models import EventIndexPage, EventPage
from portal.handbook.models import HandbookPage
from portal.indicators.models import ResultsPage
from portal.legal.models import AccessibilityStatementPage, PrivacyPolicyPage
from portal.news.models import NewsIndexPage, NewsPage
from portal.research.models import ReportPage, ResearchIndexPage
from zones.models import ZonePage


class HomePageChildrenTests(WagtailPageTestCase):
    def test_the_home_page_takes_the_sections_and_nothing_else(self):
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {
                StandardPage,
                ZonePage,
                NewsIndexPage,
                EventIndexPage,
                ResearchIndexPage,
                HandbookPage,
                ProjectIndexPage,
                PartnershipPage,
                ContactPage,
                AccessibilityStatementPage,
                PrivacyPolicyPage,
                EasyReadPage,
                SignLanguagePage,
                ResultsPage,
            },
        )

    def test_articles_events_and_reports_go_into_their_sections_not_onto_the_home_page(self):
        for page_type in (NewsPage, EventPage, ReportPage, HomePage):
            self.assertCanNotCreateAt(HomePage, page_type)
