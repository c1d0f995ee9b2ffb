import pytest

from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory, StandardPageFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def locales(db):
    polish = Locale.objects.get_or_create(language_code="pl")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    return {"pl": polish, "en": english}


@pytest.fixture
def home(locales):
    """The Polish home page as the default site's root, like the real site."""
    page = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = page
    site.save()
    if welcome.pk != page.pk and type(welcome.specific) is Page:
        welcome.delete()
    return page


@pytest.fixture
def home_en(home, locales):
    """The English translation of the home page."""
    page = home.copy_for_translation(locales["en"])
    page.title = "Portal WTZ"
    page.slug = "home"
    page.hero_title = "Social cooperatives beside workshops"
    page.zones_heading = "Choose your zone"
    page.save_revision().publish()
    return page


@pytest.fixture
def standard_page(home):
    return StandardPageFactory(
        parent=home, title="O projekcie", slug="o-projekcie", show_in_menus=True
    )
