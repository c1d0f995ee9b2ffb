"""Demo content of the indicators: the "Rezultaty projektu" page in both languages. Its
figures are not in the demo data: the page counts them from the demo's events,
registrations and reports, made by the earlier steps. The texts are in demo.yaml."""

from pathlib import Path

from portal.core import demo_content

from .models import ResultsPage

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_content.demo_step(order=95)
def create_results_page(demo):
    """After the events and their registrations (order 79) and the reports (72), which the
    page counts."""
    texts = demo_content.read_demo_data(DATA_FILE)["page"]
    home = demo.home_pages["pl"]
    page = demo_content.existing_child(home, ResultsPage, texts["slug"].pl)
    if page is None:
        page = ResultsPage(title=texts["title"].pl, slug=texts["slug"].pl, intro=texts["intro"].pl)
        demo_content.publish_child(home, page)
        demo.note("results page")
    demo_content.translate_missing(demo, page, demo_content.segments(texts), "results page")
