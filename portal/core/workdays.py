"""Polish working days: the demo dates its meetings relative to the day it runs, and a meeting
on Christmas Day or a Sunday is something no visitor would believe.

A working day is Monday to Friday that is not a statutory public holiday in Poland (the Act of
18 January 1951 on public holidays, with Christmas Eve since 2025). Easter Sunday and the days
that follow from it (Easter Monday, Pentecost, Corpus Christi) come from the Gregorian computus.
"""

import datetime

# (month, day) of the holidays with a fixed date.
FIXED_HOLIDAYS = {
    (1, 1),  # New Year's Day
    (1, 6),  # Epiphany
    (5, 1),  # Labour Day
    (5, 3),  # Constitution Day
    (8, 15),  # Assumption of Mary
    (11, 1),  # All Saints' Day
    (11, 11),  # Independence Day
    (12, 25),  # Christmas Day
    (12, 26),  # Second day of Christmas
}
CHRISTMAS_EVE = (12, 24)
CHRISTMAS_EVE_SINCE = 2025
# Days after Easter Sunday: Easter Monday, Pentecost Sunday, Corpus Christi.
EASTER_OFFSETS = (0, 1, 49, 60)


def easter_sunday(year):
    """Easter Sunday of `year` in the Gregorian calendar (the anonymous computus, also known as
    the Meeus/Jones/Butcher algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def polish_public_holidays(year):
    """The dates of Poland's statutory public holidays (days off work) in `year`."""
    fixed = set(FIXED_HOLIDAYS)
    if year >= CHRISTMAS_EVE_SINCE:
        fixed.add(CHRISTMAS_EVE)
    easter = easter_sunday(year)
    movable = {easter + datetime.timedelta(days=offset) for offset in EASTER_OFFSETS}
    return {datetime.date(year, month, day) for month, day in fixed} | movable


def is_working_day(day):
    """Whether offices in Poland are open on `day`: a weekday that is no public holiday."""
    return day.weekday() < 5 and day not in polish_public_holidays(day.year)


def nearest_working_day(day, direction=1):
    """`day` itself when it is a working day, else the next one (`direction=1`) or the one
    before (`direction=-1`)."""
    while not is_working_day(day):
        day += datetime.timedelta(days=direction)
    return day
