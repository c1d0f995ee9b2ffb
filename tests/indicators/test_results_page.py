"""The public "Rezultaty projektu" page: the headline figures counted from the data, a
count under 5 shown as "< 5", no personal data, and the figures counted once a day."""

from django.core.cache import cache
from django.test import TestCase
from django.utils import translation

from portal.indicators.figures import public_count
from portal.indicators.models import ResultsPage
from tests.html import select, text_of

from .data import build_project, register


class PublicCount(TestCase):
    def test_a_count_under_five_is_shown_as_less_than_five(self):
        assert [public_count(count) for count in (0, 1, 4, 5, 6, 1234)] == [
            "< 5",
            "< 5",
            "< 5",
            "5",
            "6",
            "1234",
        ]


class ResultsPageFigures(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_project(cls)
        cls.page = ResultsPage(title="Rezultaty projektu", slug="rezultaty-projektu")
        cls.home.add_child(instance=cls.page)
        cls.page.save_revision().publish()

    def setUp(self):
        cache.clear()
        self.enterContext(translation.override("pl"))

    def _figures(self):
        response = self.client.get(self.page.url)
        assert response.status_code == 200
        return response, {
            element["data-figure"]: text_of(element)
            for element in select(response, "dd[data-figure]")
        }

    def test_the_headlines_are_counted_from_the_data_and_small_ones_hidden(self):
        _response, figures = self._figures()

        assert figures == {
            "meetings_held": "< 5",
            "attendees": "8",
            "institutions": "< 5",
            "institutions_wtz": "< 5",
            "institutions_local_government": "< 5",
            "reports_published": "< 5",
            "downloads": "5",
            "subscribers": "< 5",
        }

    def test_no_name_institution_or_address_of_a_registrant_is_shown(self):
        response, _figures = self._figures()

        page = response.content.decode()
        for personal in ("Anna Nowak", "@example.org", "WTZ w Koninie", "Gmina Konin"):
            assert personal not in page

    def test_the_figures_are_counted_once_a_day(self):
        self._figures()
        register(self.january, "confirmed", "Nowa instytucja", "ngo", people=4)

        _response, same_day = self._figures()
        cache.clear()  # what the next day's key does: nothing counted for it yet
        _response, next_day = self._figures()

        assert same_day["attendees"] == "8"
        assert next_day["attendees"] == "12"
