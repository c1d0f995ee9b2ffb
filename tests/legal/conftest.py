import pytest

from django.utils import translation


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield
