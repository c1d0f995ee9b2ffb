"""Demo content of the polls app: one open poll, in both languages, on the "O projekcie" page."""

from wagtail_localize.models import Translation, TranslationSource

from portal.core.demo_content import demo_step, translate_missing

from .models import Poll, PollChoice

# After the poll of the MUFLON site (855 votes there); the answers are worded anew.
QUESTION = (
    "Czy planujesz założyć spółdzielnię socjalną?",
    "Are you planning to found a social cooperative?",
)
ANSWERS = [
    ("Tak, jeszcze w tym roku", "Yes, this year", 212),
    ("Tak, ale za kilka lat", "Yes, but in a few years", 298),
    ("Jeszcze nie wiem", "I do not know yet", 231),
    ("Nie", "No", 114),
]
ABOUT_SLUG = "o-projekcie"


@demo_step(order=85)
def create_poll(demo):
    poll = Poll.objects.filter(locale=demo.source_locale, question=QUESTION[0]).first()
    created = poll is None
    if created:
        poll = Poll(locale=demo.source_locale, question=QUESTION[0])
        poll.choices = [
            PollChoice(label=label, votes=votes, sort_order=order, locale=demo.source_locale)
            for order, (label, _english, votes) in enumerate(ANSWERS)
        ]
        poll.save()
        demo.note("poll")
    strings = {QUESTION[0]: QUESTION[1], **{pl: en for pl, en, _votes in ANSWERS}}
    translate_missing(demo, poll, strings, "poll")
    if created:  # placed once; an editor who takes it off the page later is not overruled
        show_on_about_page(demo, poll)


def show_on_about_page(demo, poll):
    """Add the poll to the end of the about page and bring the page's translations up to
    date through wagtail-localize, so each language shows the poll in its own words."""
    about = demo.home_pages["pl"].get_children().filter(slug=ABOUT_SLUG).specific().first()
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
