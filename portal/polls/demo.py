"""Demo content of the polls app: one open poll, in both languages, on the "O projekcie" page.
Its question, answers and votes are in demo.yaml beside this module."""

from pathlib import Path

from wagtail_localize.models import Translation, TranslationSource

from portal.core import demo_content

from .models import Poll, PollChoice

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_content.demo_step(order=85)
def create_poll(demo):
    data = demo_content.read_demo_data(DATA_FILE)
    question, answers = data["question"], data["answers"]
    poll = Poll.objects.filter(locale=demo.source_locale, question=question.pl).first()
    created = poll is None
    if created:
        poll = Poll(locale=demo.source_locale, question=question.pl)
        poll.choices = [
            PollChoice(
                label=answer["label"].pl,
                votes=answer["votes"],
                sort_order=order,
                locale=demo.source_locale,
            )
            for order, answer in enumerate(answers)
        ]
        poll.save()
        demo.note("poll")
    strings = dict([question, *(answer["label"] for answer in answers)])
    demo_content.translate_missing(demo, poll, strings, "poll")
    if created:  # placed once; an editor who takes it off the page later is not overruled
        show_on_page(demo, poll, data["page"])


def show_on_page(demo, poll, slug):
    """Add the poll to the end of the page `slug` (the about page) and bring the page's
    translations up to date through wagtail-localize, so each language shows the poll in
    its own words."""
    about = demo.home_pages["pl"].get_children().filter(slug=slug).specific().first()
    if about is None or about.has_unpublished_changes:
        return  # deleted, or an editor's draft is waiting: leave the page to the editors
    if any(block.block_type == "poll" for block in about.body):
        return
    about.body.append(("poll", {"poll": poll, "heading": ""}))
    about.save_revision().publish()
    demo.note("poll on the about page")
    source, _created = TranslationSource.update_or_create_from_instance(about)
    for translation in Translation.objects.filter(
        source=source, target_locale__in=demo.translation_locales
    ):
        # As in `translate()`: save a draft, then publish it here, from the database.
        translation.save_target(publish=False)
        about.get_translation(translation.target_locale).get_latest_revision().publish()
        demo.note(f"poll on the about page ({translation.target_locale.language_code})")
