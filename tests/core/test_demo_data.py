"""The demo's data files and its PDF writer: a broken file stops the load with its name and
the missing key, and leaves nothing behind; demo PDFs keep their Polish text searchable."""

import io
import shutil

import pytest
import yaml
from pypdf import PdfReader

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page

import zones.demo
from portal.core.demo_content import DemoDataError, Translated, demo_pdf, read_demo_data
from zones.models import Zone

pytestmark = pytest.mark.indexed


def write_yaml(path, content):
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_a_data_file_without_a_required_key_stops_the_load_and_leaves_nothing(
    tmp_path, monkeypatch
):
    broken = tmp_path / "demo.yaml"
    shutil.copy(zones.demo.DATA_FILE, broken)
    data = yaml.safe_load(broken.read_text(encoding="utf-8"))
    del data["zones"][2]["intro"]
    write_yaml(broken, data)
    monkeypatch.setattr(zones.demo, "DATA_FILE", broken)
    pages = Page.objects.count()

    with pytest.raises(CommandError) as error:
        call_command("load_demo_content", stdout=io.StringIO())

    assert str(error.value) == f"{broken}: zones[2] has no required key 'intro'"
    # The home pages, made before the zones, went with the rest of the transaction.
    assert Page.objects.count() == pages
    assert not Zone.objects.exists()


def test_a_text_without_its_polish_source_is_refused(tmp_path):
    path = write_yaml(tmp_path / "demo.yaml", {"index": {"title": {"en": "News"}}})

    with pytest.raises(DemoDataError, match=r"demo\.yaml: index\.title has no required key 'pl'"):
        read_demo_data(path)


def test_a_file_that_is_not_yaml_is_refused_with_its_name(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text("index: [unclosed", encoding="utf-8")

    with pytest.raises(DemoDataError, match=r"demo\.yaml: while parsing"):
        read_demo_data(path)


def test_texts_become_polish_english_pairs_and_facts_stay_as_written(tmp_path):
    path = write_yaml(
        tmp_path / "demo.yaml",
        {
            "news": [
                {"title": {"pl": "Aktualności", "en": "News"}, "days_ago": 4},
                {"title": {"pl": "Tylko po polsku"}, "zones": ["wtz"]},
            ]
        },
    )

    news = read_demo_data(path)["news"]

    assert news[0]["title"] == Translated("Aktualności", "News")
    assert dict([news[0]["title"]]) == {"Aktualności": "News"}  # a wagtail-localize segment
    assert news[1]["title"].en is None  # not translated yet
    assert (news[0]["days_ago"], news[1]["zones"]) == (4, ["wtz"])
    with pytest.raises(DemoDataError, match=r"news\[1\] has no required key 'lead'"):
        news[1]["lead"]


def test_a_demo_pdf_holds_its_polish_text_on_as_many_pages_as_it_needs():
    paragraph = "Zażółć gęślą jaźń: spółdzielnia socjalna przy warsztacie terapii zajęciowej."

    reader = PdfReader(io.BytesIO(demo_pdf("Łódź – raport", [paragraph] * 60)))

    assert len(reader.pages) > 1
    first = reader.pages[0].extract_text()
    assert first.startswith("Łódź – raport")
    assert paragraph in first
    assert paragraph in reader.pages[-1].extract_text()
