import datetime

import pytest

from portal.handbook import models

ATTRIBUTES = {
    "founders": "Organizacja prowadząca WTZ",
    "employer": "Spółdzielnia",
    "income": "Sprzedaż",
    "local_government_role": "Partner",
    "risks": "Ryzyko rynkowe",
    "suits": "Małe gminy",
}


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def handbook(home):
    """The model's page with twelve steps, the first acting zone being `zone` when given."""
    return make_handbook(home)


def make_handbook(home):
    """The `handbook` fixture's page, for a TestCase's setUpTestData too."""
    page = models.HandbookPage(title="Model", slug="model", intro="Jak działa model.")
    page.steps = [
        models.HandbookStep(
            title=f"Tytuł kroku {number}", body=f"<p>Opis kroku {number}</p>", sort_order=number
        )
        for number in range(1, 13)
    ]
    return publish_child(home, page)


@pytest.fixture
def sub_models(handbook):
    return make_sub_models(handbook)


def make_sub_models(handbook):
    """The sub-models' index below the model, with three sub-models A, B and C."""
    index = publish_child(handbook, models.SubModelIndexPage(title="Podmodele", slug="podmodele"))
    pages = [
        publish_child(
            index,
            models.SubModelPage(
                title=f"Podmodel {letter}",
                slug=f"podmodel-{letter.lower()}",
                summary=f"Opis podmodelu {letter}",
                **{name: f"{value} {letter}" for name, value in ATTRIBUTES.items()},
            ),
        )
        for letter in "ABC"
    ]
    return index, pages


@pytest.fixture
def stories(handbook):
    return publish_child(
        handbook, models.SuccessStoryIndexPage(title="Nasze sukcesy", slug="sukcesy")
    )


def make_story(index, zones, title="Chleb", founded=datetime.date(2015, 5, 1)):
    page = models.SuccessStoryPage(
        title=title,
        slug=title.lower(),
        cooperative=f"Spółdzielnia {title}",
        founded=founded,
        members=3,
        employed_participants=5,
        town="Konin",
        activity=f"Co robi {title}",
    )
    page.zones = zones
    return publish_child(index, page)
