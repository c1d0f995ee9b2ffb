"""Demo content of the statutory pages: the accessibility statement (linked from the footer
through the project settings) and the privacy policy, in Polish and English. The texts and
facts are in demo.yaml beside this module."""

from pathlib import Path

from wagtail.models import Site

from portal.core import demo_content
from portal.core.models import ProjectSettings, StandardPage

from .models import AccessibilityStatementPage, PrivacyPolicyPage

DATA_FILE = Path(__file__).with_name("demo.yaml")


def polish(texts):
    """The Polish value of each text in `texts` (facts stay as they are)."""
    return {
        key: value.pl if isinstance(value, demo_content.Translated) else value
        for key, value in texts.items()
    }


def all_segments(value):
    """Every Polish → English pair in `value`, however deep (lists of items included)."""
    if isinstance(value, demo_content.Translated):
        return {value.pl: value.en}
    found = {}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for item in items:
        found.update(all_segments(item))
    return found


def replace_plain_statement(home, slug):
    """The demo of earlier versions made the statement a three-sentence standard page at this
    address: remove it (and its translations) so the statutory page can take the address."""
    plain = demo_content.existing_child(home, StandardPage, slug)
    if plain is None:
        return
    for page in plain.get_translations(inclusive=True):
        page.delete()


@demo_content.demo_step(order=45)
def create_accessibility_statement(demo):
    """The statement in the minister's template, linked from every page's footer."""
    texts = demo_content.read_demo_data(DATA_FILE)["statement"]
    home = demo.home_pages["pl"]
    statement = AccessibilityStatementPage.objects.child_of(home).first()
    if statement is None:
        replace_plain_statement(home, texts["slug"].pl)
        fields = polish(texts)
        statement = AccessibilityStatementPage(
            **fields
            | {
                "barriers": [("barrier", polish(item)) for item in texts["barriers"]],
                "exemptions": [("exemption", polish(item)) for item in texts["exemptions"]],
            }
        )
        demo_content.publish_child(home, statement)
        demo.note("accessibility statement")
    project = ProjectSettings.for_site(Site.objects.get(is_default_site=True))
    if project.accessibility_page_id is None:
        project.accessibility_page = statement
        project.save(update_fields=["accessibility_page"])
    demo_content.translate_missing(demo, statement, all_segments(texts), texts["title"].en)


@demo_content.demo_step(order=46)
def create_privacy_policy(demo):
    """The privacy policy: registration (its retention read from the settings), the contact
    form and the polls."""
    texts = demo_content.read_demo_data(DATA_FILE)["privacy"]
    home = demo.home_pages["pl"]
    policy = PrivacyPolicyPage.objects.child_of(home).first()
    if policy is None:
        fields = polish(texts)
        registration, activities = fields.pop("registration"), fields.pop("activities")
        policy = PrivacyPolicyPage(
            **fields,
            processing=[("registration", polish(registration))]
            + [("activity", polish(activity)) for activity in activities],
        )
        demo_content.publish_child(home, policy)
        demo.note("privacy policy")
    demo_content.translate_missing(demo, policy, all_segments(texts), texts["title"].en)
