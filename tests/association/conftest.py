import pytest

from django.utils import translation

from wagtail.models import Site

from portal.core.models import Partner, ProjectSettings
from tests.factories import ContactPageFactory, ProjectIndexPageFactory


@pytest.fixture(autouse=True)
def _polish_by_default():
    with translation.override("pl"):
        yield


@pytest.fixture
def office(home):
    """The project office in the site settings, with its leader and one partner."""
    project = ProjectSettings.for_site(Site.objects.get(is_default_site=True))
    project.office_name = "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"
    project.street = "ul. Chłapowskiego 15/1"
    project.postcode = "61-504"
    project.city = "Poznań"
    project.phone = "61 887 11 66"
    project.email = "biuro@example.org"
    project.partners = [
        Partner(name="Konimpex Sp. z o.o.", role=Partner.Role.PARTNER, sort_order=0),
        Partner(
            name="Stowarzyszenie Na Rzecz Spółdzielni Socjalnych",
            role=Partner.Role.LEADER,
            website="https://www.spoldzielnie.org",
            sort_order=1,
        ),
    ]
    project.save()
    return project


@pytest.fixture
def project_index(standard_page):
    """ "Projekty realizowane" below "O projekcie", as on the real site."""
    return ProjectIndexPageFactory(parent=standard_page)


@pytest.fixture
def contact_page(home, office):
    return ContactPageFactory(parent=home)
