import pytest

from django.utils import translation

from tests.factories import ResearchIndexPageFactory


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


@pytest.fixture
def library(home):
    """The research index ("Badania i analizy") below the home page."""
    return ResearchIndexPageFactory(parent=home)
