"""Demo news, drawn from the project's announcements and written in our own words. The texts,
zones and dates are in demo.yaml beside this module; dates are relative to the day the command
runs, so the archive always spans several years."""

import datetime
from pathlib import Path

from django.utils import timezone

from portal.core import demo_content
from portal.core.workdays import nearest_working_day
from zones.models import Zone

from .models import NewsIndexPage, NewsPage

DATA_FILE = Path(__file__).with_name("demo.yaml")


def _date(item):
    """`days_ago` before today (moved back to a working day: the office publishes on working
    days), or the latest `every_year_on` day before today."""
    today = timezone.localdate()
    if "every_year_on" in item:
        month, day = item["every_year_on"]["month"], item["every_year_on"]["day"]
        year = today.year if (today.month, today.day) > (month, day) else today.year - 1
        return datetime.date(year, month, day)
    return nearest_working_day(today - datetime.timedelta(days=item["days_ago"]), direction=-1)


@demo_content.demo_step(order=65)
def create_news(demo):
    data = demo_content.read_demo_data(DATA_FILE)
    index = demo_content.index_page(demo, NewsIndexPage, data["index"], "news index")
    zones = {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}
    for item in data["news"]:
        texts = {key: item[key] for key in ("title", "slug", "lead", "body")}
        page = demo_content.existing_child(index, NewsPage, texts["slug"].pl)
        if page is None:
            page = NewsPage(
                title=texts["title"].pl,
                slug=texts["slug"].pl,
                date=_date(item),
                lead=texts["lead"].pl,
                body=[("paragraph", f"<p>{texts['body'].pl}</p>")],
            )
            page.zones = [zones[slug] for slug in item["zones"] if slug in zones]
            index.add_child(instance=page)
            page.save_revision().publish()
            demo.note(f"news {page.title}")
        if texts["title"].en is None:
            continue
        for locale in demo.translation_locales:
            if page.get_translation_or_none(locale) is None:
                demo_content.translate(page, locale, dict(texts.values()))
                demo.note(f"news {texts['title'].en} ({locale.language_code})")
