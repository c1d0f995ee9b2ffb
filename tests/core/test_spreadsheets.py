"""The rule the spreadsheet exports follow: what a spreadsheet would run becomes text."""

import pytest

from portal.core.spreadsheets import neutralise_formula


@pytest.mark.parametrize(
    "typed", ["=1+1", "+48 cmd|' /C calc'!A0", "-1+1", "@SUMA(A1:A9)", "\t=1+1", "\r=1+1"]
)
def test_a_value_a_spreadsheet_would_run_is_prefixed_with_a_quote(typed):
    assert neutralise_formula(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Anna Nowak", "a=b", "", 5, -5, None, True])
def test_other_values_are_left_as_they_are(value):
    assert neutralise_formula(value) == value
