"""Demo content of the association: its projects below "O projekcie", the partnership page
and the contact page, each with its English translation made through wagtail-localize.

Facts come from the source documents (shared/seeds 000, 002 and 004); the texts are our
own. The sources give no dates for the WTZ model project, so its period is illustrative,
and its page says so. The texts and facts are in demo.yaml beside this module.
"""

from pathlib import Path

from wagtail.documents import get_document_model

from portal.core import demo_content
from portal.core.models import StandardPage

from .models import (
    ContactFormField,
    ContactPage,
    PartnershipPage,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
)

DATA_FILE = Path(__file__).with_name("demo.yaml")


def _strings(*pairs):
    return {pl: en for pl, en in pairs if pl}


@demo_content.demo_step(order=80)
def create_projects(demo):
    """ "Projekty realizowane" below "O projekcie", with the three projects."""
    data = demo_content.read_demo_data(DATA_FILE)
    about = demo_content.existing_child(demo.home_pages["pl"], StandardPage, data["about_page"])
    if about is None:  # an editor removed or renamed it: leave the tree alone
        return
    texts = data["project_index"]
    index = demo_content.existing_child(about, ProjectIndexPage, texts["slug"].pl)
    if index is None:
        index = ProjectIndexPage(**{field: text.pl for field, text in texts.items()})
        demo_content.publish_child(about, index)
        demo.note("project index")
    demo_content.translate_missing(demo, index, _strings(*texts.values()), "project index")
    for project_data in data["projects"]:
        project = demo_content.existing_child(index, ProjectPage, project_data["slug"].pl)
        if project is None:
            project = _new_project(project_data)
            demo_content.publish_child(index, project)
            demo.note(f"project {project_data['slug'].pl}")
        demo_content.translate_missing(
            demo, project, _project_strings(project_data), f"project {project_data['slug'].en}"
        )


def _project_strings(data):
    """The Polish → English segments of one project."""
    fields = ("title", "slug", "summary", "programme", "measure", "goal")
    return _strings(
        *(data[field] for field in fields),
        *data["results"],
        *(text for block in data["body"] for text in block.values()),
        *(partner["name"] for partner in data["partners"]),
        *(partner["role"] for partner in data["partners"]),
    )


def _body_block(block):
    """A stream block from `{heading: text}` or `{paragraph: text}` in the data file."""
    if "heading" in block:
        return ("heading", {"text": block["heading"].pl, "level": "h2"})
    return ("paragraph", f"<p>{block['paragraph'].pl}</p>")


def _new_project(data):
    document = data.get("document")
    project = ProjectPage(
        title=data["title"].pl,
        slug=data["slug"].pl,
        summary=data["summary"].pl,
        programme=data["programme"].pl,
        measure=data["measure"].pl,
        start_date=data["start_date"],
        end_date=data["end_date"],
        goal=f"<p>{data['goal'].pl}</p>",
        results=[("paragraph", f"<p>{text.pl}</p>") for text in data["results"]],
        body=[_body_block(block) for block in data["body"]],
        documents=[("document", _document(document))] if document else [],
    )
    project.partners = [
        ProjectPartner(
            name=partner["name"].pl,
            role=partner["role"].pl,
            website=partner["website"],
            sort_order=number,
        )
        for number, partner in enumerate(data["partners"])
    ]
    return project


def _document(data):
    Document = get_document_model()
    document = Document.objects.filter(title=data["title"]).first()
    if document is None:
        content = demo_content.demo_pdf(data["title"], data["paragraphs"])
        document = Document.objects.create(
            title=data["title"],
            file=demo_content.demo_file(data["file"], content),
            file_size=len(content),
            language="pl",
            description=data["description"],
        )
    return document


@demo_content.demo_step(order=81)
def create_partnership_page(demo):
    """The partnership page below "O projekcie": its list comes from the project settings."""
    data = demo_content.read_demo_data(DATA_FILE)
    about = demo_content.existing_child(demo.home_pages["pl"], StandardPage, data["about_page"])
    if about is None:
        return
    texts = data["partnership"]
    page = demo_content.existing_child(about, PartnershipPage, texts["slug"].pl)
    if page is None:
        page = PartnershipPage(
            title=texts["title"].pl,
            slug=texts["slug"].pl,
            intro=texts["intro"].pl,
            body=[("paragraph", f"<p>{texts['body'].pl}</p>")],
        )
        demo_content.publish_child(about, page)
        demo.note("partnership page")
    demo_content.translate_missing(demo, page, _strings(*texts.values()), "partnership page")


@demo_content.demo_step(order=82)
def create_contact_page(demo):
    """ "Kontakt", the last entry of the main menu, with its form in both languages."""
    data = demo_content.read_demo_data(DATA_FILE)
    texts, fields = data["contact"], data["contact_fields"]
    home = demo.home_pages["pl"]
    page = demo_content.existing_child(home, ContactPage, texts["slug"].pl)
    if page is None:
        page = ContactPage(
            title=texts["title"].pl,
            slug=texts["slug"].pl,
            intro=texts["intro"].pl,
            thank_you_text=f"<p>{texts['thank_you'].pl}</p>",
            subject=texts["subject"].pl,
            show_in_menus=True,
        )
        page.form_fields = [
            ContactFormField(
                clean_name=field["name"],
                label=field["label"].pl,
                field_type=field["type"],
                required=field["required"],
                autocomplete=field["autocomplete"],
                help_text=field["help_text"].pl,
                sort_order=number,
            )
            for number, field in enumerate(fields)
        ]
        demo_content.publish_child(home, page)
        demo.note("contact page")
    strings = _strings(
        *texts.values(),
        *(field["label"] for field in fields),
        *(field["help_text"] for field in fields),
    )
    demo_content.translate_missing(demo, page, strings, "contact page")
