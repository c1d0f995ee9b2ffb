"""The rule that puts the demo's meetings and news on Polish working days: no weekends, no
statutory public holidays (Easter and the days it moves included)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from portal.core.workdays import (
    easter_sunday,
    is_working_day,
    nearest_working_day,
    polish_public_holidays,
)

D = datetime.date


def test_easter_sunday_matches_the_church_calendar():
    known = [D(2000, 4, 23), D(2019, 4, 21), D(2024, 3, 31), D(2025, 4, 20), D(2026, 4, 5)]
    known += [D(2027, 3, 28), D(2038, 4, 25)]
    assert [easter_sunday(day.year) for day in known] == known


def test_the_movable_and_fixed_holidays_of_2026_are_days_off():
    holidays = polish_public_holidays(2026)
    # Easter Monday, Corpus Christi, Christmas Eve (a holiday since 2025), Independence Day
    for day in (D(2026, 4, 6), D(2026, 6, 4), D(2026, 12, 24), D(2026, 11, 11)):
        assert day in holidays
        assert not is_working_day(day)
    assert D(2024, 12, 24) not in polish_public_holidays(2024)
    assert is_working_day(D(2026, 12, 23))  # a Wednesday before Christmas


def test_a_meeting_due_at_christmas_moves_after_it_and_a_past_one_before_it():
    assert nearest_working_day(D(2026, 12, 25)) == D(2026, 12, 28)  # Friday → Monday
    assert nearest_working_day(D(2027, 1, 1), direction=-1) == D(2026, 12, 31)
    assert nearest_working_day(D(2027, 1, 6)) == D(2027, 1, 7)  # Epiphany
    assert nearest_working_day(D(2026, 12, 2)) == D(2026, 12, 2)  # already a working day


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)), st.sampled_from([1, -1]))
def test_the_nearest_working_day_is_a_weekday_and_no_holiday_within_a_week(day, direction):
    found = nearest_working_day(day, direction)
    assert found.weekday() < 5
    assert found not in polish_public_holidays(found.year)
    assert 0 <= (found - day).days * direction < 7
