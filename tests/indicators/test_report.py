"""The admin report "Wskaźniki projektu": the project team sees it (and its menu item), a
zone editor gets 403; the filters narrow the figures; the CSV and XLSX exports hold exactly
the table on the screen; the charts come with their numbers and a sentence."""

import csv
import io

import openpyxl

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import translation

from portal.events.organisers import set_up_organisers
from tests.html import one, select, text_of, texts
from zones.editing import set_up_moderators, set_up_zone_editors

from .data import build_project

REPORT = "/admin/reports/indicators/"


def _user(username, group=None, **flags):
    user = get_user_model().objects.create_user(username=username, password="x", **flags)
    if group is not None:
        user.groups.add(group)
    return user


class IndicatorsReport(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_project(cls)
        cls.moderator = _user("moderacja", set_up_moderators())
        cls.organiser = _user("organizator", set_up_organisers())
        cls.admin = _user("admin", is_superuser=True, is_staff=True)
        set_up_zone_editors(cls.zone_a)
        cls.zone_a.refresh_from_db()
        cls.zone_editor = _user("redaktor", cls.zone_a.editor_group)

    def setUp(self):
        self.enterContext(translation.override("pl"))

    def _screen(self, query=""):
        response = self.client.get(REPORT + query)
        assert response.status_code == 200
        table = one(response, "table.listing")
        headings = texts(table, "thead th")
        rows = [[text_of(cell) for cell in row.select("td")] for row in select(table, "tbody tr")]
        return headings, rows, response

    def _export(self, export_format, query=""):
        response = self.client.get(f"{REPORT}?export={export_format}{query}")
        assert response.status_code == 200
        return b"".join(response.streaming_content) if response.streaming else response.content

    def test_the_team_sees_the_report_and_its_menu_item(self):
        for user in (self.moderator, self.organiser, self.admin):
            self.client.force_login(user)
            sidebar = self.client.get("/admin/").content.decode()  # built from JSON there
            assert REPORT in sidebar, user
            assert self.client.get(REPORT).status_code == 200, user

    def test_a_zone_editor_is_refused(self):
        self.client.force_login(self.zone_editor)

        assert self.client.get(REPORT).status_code == 403
        assert self.client.get(REPORT + "?export=csv").status_code == 403
        assert REPORT not in self.client.get("/admin/").content.decode()

    def test_the_table_shows_the_total_months_zones_and_report_downloads(self):
        self.client.force_login(self.organiser)

        headings, rows, _response = self._screen()

        column = {heading: number for number, heading in enumerate(headings)}
        total = rows[0]
        assert total[column["Sekcja"]] == "Razem"
        assert total[column["Potwierdzone zgłoszenia"]] == "5"
        assert total[column["Uczestnicy (osoby)"]] == "8"
        assert total[column["Różne instytucje"]] == "4"
        scopes = [
            (row[column["Sekcja"]], row[column["Miesiąc, strefa lub raport"]]) for row in rows
        ]
        assert ("Miesiąc", "2025-03") in scopes
        assert ("Strefa", "Strefa Samorządów") in scopes
        assert total[column["Subskrybenci (potwierdzeni)"]] == "2"
        zone_a = rows[scopes.index(("Strefa", "Strefa WTZ"))]
        assert zone_a[column["Subskrybenci (potwierdzeni)"]] == "2"
        report = rows[scopes.index(("Pobrania raportów", "Raport o spółdzielniach"))]
        assert report[column["Pobrania dokumentów"]] == "5"

    def test_the_filters_narrow_the_figures(self):
        self.client.force_login(self.moderator)

        headings, rows, _response = self._screen(
            f"?start=2025-02-01&end=2025-03-31&zone={self.zone_b.pk}"
        )

        total = dict(zip(headings, rows[0], strict=True))
        assert total["Potwierdzone zgłoszenia"] == "3"
        assert total["Opublikowane aktualności"] == "0"
        assert total["Pobrania dokumentów"] == "5"

    def test_a_wrong_date_is_said_next_to_the_field_not_a_500(self):
        self.client.force_login(self.moderator)

        response = self.client.get(REPORT + "?start=jutro")

        assert response.status_code == 200
        assert texts(response, ".w-field__errors .error-message") == ["Wpisz poprawną datę."]
        assert one(response, "input#id_start")["value"] == "jutro"

    def test_the_csv_export_holds_the_table_on_the_screen(self):
        self.client.force_login(self.admin)
        headings, rows, _response = self._screen("?start=2025-01-01")

        exported = list(csv.reader(io.StringIO(self._export("csv", "&start=2025-01-01").decode())))

        assert exported == [headings, *rows]

    def test_the_xlsx_export_holds_the_table_on_the_screen(self):
        self.client.force_login(self.admin)
        headings, rows, _response = self._screen()

        sheet = openpyxl.load_workbook(io.BytesIO(self._export("xlsx"))).active
        exported = [
            ["" if cell is None else str(cell) for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]

        assert exported == [headings, *rows]

    def test_each_chart_has_its_numbers_in_a_table_and_a_sentence(self):
        self.client.force_login(self.organiser)

        _headings, _rows, response = self._screen()

        charts = select(response, "figure.bar-chart")
        assert len(charts) == 2
        for chart in charts:
            assert chart.select_one("svg[role=img]")["aria-describedby"]
            assert chart.select("script") == []
        by_type = {text_of(row.th): text_of(row.td) for row in charts[1].select("table tbody tr")}
        assert by_type == {
            "WTZ": "1",
            "Samorząd": "1",
            "Biznes": "1",
            "Organizacje pozarządowe": "0",
            "Inne": "1",
        }
        summary = text_of(charts[0].select_one("p"))
        assert summary == (
            "Łączna liczba uczestników spotkań: 8; miesiące ze spotkaniami: 2; najwięcej "
            "uczestników (5) w miesiącu 2025-03."
        )
