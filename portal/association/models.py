"""The association's own pages: the projects it has carried out, the partnership of the
current project (built from the site settings), and the contact form."""

from urllib.parse import quote_plus

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail as admin_send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core import mail
from portal.core.blocks import BaseStreamBlock
from portal.core.models import Partner, ProjectSettings, StandardPage
from portal.core.pagination import page_of
from portal.core.ratelimit import retry_after
from portal.core.translatable import PAGE_TEXT_FIELDS

from . import tasks
from .forms import ContactFormBase, ContactFormBuilder

PROJECTS_PER_PAGE = 10
PARTNER_LOGO = "max-240x120"


class ProjectIndexPage(Page):
    """ "Projekty realizowane": the association's projects, the latest started first."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["core.StandardPage", "core.HomePage"]
    subpage_types = ["association.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project index")

    def projects(self):
        """The live, public projects below this index, the latest started first (ties: the
        one added last first). Every listed field is on the page row, so the listing costs
        the same few queries whatever its length."""
        return (
            ProjectPage.objects.child_of(self)
            .live()
            .public()
            .select_related("locale")
            .order_by("-start_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["results"] = page_of(request, self.projects(), PROJECTS_PER_PAGE)
        return context


class ProjectPage(Page):
    """A project of the association: what funded it, when it ran, its goal, partners,
    results and documents."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences for the list of projects and for search engines."),
    )
    programme = models.CharField(
        _("programme"),
        max_length=200,
        blank=True,
        help_text=_("The programme or initiative that funded the project."),
    )
    measure = models.CharField(
        _("priority and measure"),
        max_length=200,
        blank=True,
        help_text=_("For example: Priority I, Measure 1.2."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the project is under way."),
    )
    goal = RichTextField(_("goal"), features=["bold", "italic", "link", "ol", "ul"])
    results = StreamField(BaseStreamBlock, verbose_name=_("results"), blank=True)
    body = StreamField(BaseStreamBlock, verbose_name=_("more about the project"), blank=True)
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("documents"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldPanel("measure"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Funding and dates"),
        ),
        FieldPanel("goal"),
        InlinePanel("partners", label=_("Partner"), heading=_("Partners")),
        FieldPanel("results"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("programme"),
        index.SearchField("goal"),
        index.SearchField("results"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("locale_id"),
    ]

    # Texts are translated; the dates and files are the same facts in every language.
    # The partners are translatable inline objects (names and roles have English forms).
    translatable_fields = PAGE_TEXT_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("programme"),
        TranslatableField("measure"),
        TranslatableField("goal"),
        TranslatableField("results"),
        TranslatableField("body"),
        TranslatableField("partners"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("documents"),
    ]

    parent_page_types = ["association.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The project cannot end before it starts; check the dates.")}
            )

    def _siblings(self):
        """The other live, public projects of the same listing (same parent, so the same
        language)."""
        return ProjectPage.objects.sibling_of(self, inclusive=False).live().public()

    def previous_project(self):
        """The project that started just before this one (ties broken by creation)."""
        earlier = Q(start_date__lt=self.start_date) | Q(start_date=self.start_date, pk__lt=self.pk)
        return self._siblings().filter(earlier).order_by("-start_date", "-pk").first()

    def next_project(self):
        """The project that started just after this one."""
        later = Q(start_date__gt=self.start_date) | Q(start_date=self.start_date, pk__gt=self.pk)
        return self._siblings().filter(later).order_by("start_date", "pk").first()


class ProjectPartner(TranslatableMixin, Orderable):
    """An organisation that carried out a project with the association. Translatable, so
    the English page can give a name's English form and the role in English."""

    page = ParentalKey(ProjectPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("For example: leader, or what the partner was responsible for."),
    )
    website = models.URLField(_("website"), blank=True)

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        SynchronizedField("website"),
    ]
    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("website")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")

    def __str__(self):
        return self.name


def leader_and_partners(project_settings):
    """The partners in the site settings, the leader first and then the others, each in
    the editors' order, with their logos' renditions fetched in the same few queries."""
    images = get_image_model().objects.prefetch_renditions(PARTNER_LOGO)
    return list(
        Partner.objects.filter(settings=project_settings)
        .annotate(
            leader_first=Case(When(role=Partner.Role.LEADER, then=Value(0)), default=Value(1))
        )
        .order_by("leader_first", F("sort_order").asc(nulls_last=True), "pk")
        .prefetch_related(models.Prefetch("logo", queryset=images))
    )


class PartnershipPage(Page):
    """The leader and partners of the project, taken from the site settings (Settings →
    Project settings), so the list is kept in one place."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock, verbose_name=_("body"), blank=True)

    # The same fields as a standard page, so the same panels and search fields.
    content_panels = StandardPage.content_panels
    search_fields = StandardPage.search_fields

    parent_page_types = ["core.StandardPage", "core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partnership page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = leader_and_partners(ProjectSettings.for_request(request))
        return context


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form. Wagtail's own form field is not translatable, so
    wagtail-localize would copy the Polish labels to the English page; this one is, and
    only its texts are translated: the name under which answers are stored stays the same
    in every language."""

    class Purpose(models.TextChoices):
        NONE = "", _("None")
        NAME = "name", _("Full name")
        EMAIL = "email", _("E-mail address")
        PHONE = "tel", _("Phone number")
        ORGANISATION = "organization", _("Organisation")

    page = ParentalKey("ContactPage", related_name="form_fields", on_delete=models.CASCADE)
    autocomplete = models.CharField(
        _("input purpose"),
        max_length=20,
        choices=Purpose.choices,
        blank=True,
        help_text=_("Lets browsers fill the field in for people (WCAG 1.3.5)."),
    )

    panels = AbstractFormField.panels + [FieldPanel("autocomplete")]

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("autocomplete"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def clean(self):
        super().clean()
        if (self.clean_name or get_field_clean_name(self.label)) == ContactFormBase.HONEYPOT:
            raise ValidationError({"label": _("This label is reserved; choose another.")})


class ContactPage(AbstractEmailForm):
    """ "Kontakt": the office's address, phone and e-mail from the site settings, a link to
    the map, and a form whose messages are stored (Forms in the admin) and e-mailed to the
    office."""

    SENT_KEY = "association.contact_sent"

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Shown after a message is sent."),
    )
    to_address = models.CharField(
        _("send to"),
        max_length=255,
        blank=True,
        help_text=_(
            "E-mail addresses, separated by commas. Leave empty to send to the project "
            "office's e-mail in the project settings."
        ),
        validators=[validate_to_address],
    )
    from_address = models.EmailField(
        _("sent from"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty for the site's default sender."),
    )
    subject = models.CharField(
        _("subject of the e-mail"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty for “Message from the contact form” in the page's language."),
    )

    form_builder = ContactFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form field"), heading=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("E-mail to the office"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("locale_id"),
    ]

    translatable_fields = PAGE_TEXT_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        TranslatableField("subject"),
        TranslatableField("form_fields"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    # submissions_list_view_class (the messages in the admin, exported safe for spreadsheets)
    # is set in wagtail_hooks.py: admin views cannot be imported while models load.

    # --- where the message goes

    def recipients(self):
        """The addresses in `to_address`, or else the office's e-mail in the settings."""
        if self.to_address:
            return [address.strip() for address in self.to_address.split(",") if address.strip()]
        office = ProjectSettings.for_site(self.get_site()).email
        return [office] if office else []

    def office_page(self):
        """The source-language (Polish) version of this page: the office reads every
        message in its own language, whichever form the visitor used."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = self.get_translation_or_none(
            Locale.objects.get_for_language(settings.LANGUAGE_CODE)
        )
        return source.specific if source is not None else self

    def email_subject(self):
        office_page = self.office_page()
        with translation.override(settings.LANGUAGE_CODE):
            return office_page.subject or gettext("Message from the contact form")

    def process_form_submission(self, form):
        """Store the message (without the honeypot); a background task e-mails it to the
        office once it is stored, so a failing mail server loses nothing and answers no
        visitor with an error."""
        submission = self.get_submission_class().objects.create(
            form_data=form.submission_data(), page=self
        )
        mail.enqueue_with_the_change(tasks.send_contact_message, submission.pk)
        return submission

    def send_stored_message(self, submission):
        """E-mail a stored message to the office (called by the task; raises the mail
        server's error, so the task can try again)."""
        recipients = self.recipients()
        if not recipients:  # nowhere to send; the message is still in the admin
            return
        admin_send_mail(
            self.email_subject(),
            self.render_message(submission.form_data),
            recipients,
            self.from_address or settings.DEFAULT_FROM_EMAIL,
            reply_to=self.reply_to(submission.form_data),
        )

    def render_message(self, data):
        """The message in the office's language: the labels of the Polish form (answers
        are stored under the same names in every language), in the order of the form the
        visitor filled in, and the form's language."""
        office_page = self.office_page()
        labels = {field.clean_name: field.label for field in office_page.form_fields.all()}
        with translation.override(settings.LANGUAGE_CODE):
            lines = [
                f"{labels.get(name, field.label)}: {_email_value(data[name])}"
                for field in self.form_fields.all()
                if (name := field.clean_name) in data
            ]
            if office_page is not self:
                language = translation.get_language_info(self.locale.language_code)
                lines += [
                    "",
                    gettext("Form language: %(language)s")
                    % {"language": language["name_translated"]},
                ]
            lines += ["", gettext("Sent from %(url)s") % {"url": self.full_url}]
        return "\n".join(lines)

    def reply_to(self, data):
        """The first e-mail address the sender gave, so the office can simply answer."""
        for field in self.form_fields.all():
            if field.field_type == "email" and data.get(field.clean_name):
                return [data[field.clean_name]]
        return []

    # --- the page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        office = ProjectSettings.for_request(request)
        context["office"] = office
        context["map_url"] = office_map_url(office)
        return context

    def serve(self, request, *args, **kwargs):
        """Wagtail's form view with the site's rules: an invalid message comes back with
        400, the typed text and the errors next to the fields; too many posts from one
        address get 429; a bot that fills in the honeypot is told "thank you" and nothing
        is stored or sent; a sent message redirects to the thank-you view (post, redirect,
        get), so reloading it does not send it again."""
        if request.method == "POST":
            return self._receive(request)
        if request.session.get(self.SENT_KEY) == self.pk:
            del request.session[self.SENT_KEY]
            return self.render_landing_page(request)
        return self._form_page(request, self.get_form(page=self, user=request.user))

    def _receive(self, request):
        limit, window = settings.CONTACT_RATE_LIMIT
        if wait := retry_after(request, "contact", limit, window):
            typed = {
                name: value
                for name, value in request.POST.items()
                if name not in ("csrfmiddlewaretoken", ContactFormBase.HONEYPOT)
            }
            form = self.get_form(page=self, user=request.user, initial=typed)
            message = gettext("Too many messages from your address. Try again in a few minutes.")
            response = self._form_page(request, form, status=429, refused=message)
            response["Retry-After"] = str(wait)
            return response
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self._form_page(request, form, status=400)
        if not form.is_spam:
            self.process_form_submission(form)
        request.session[self.SENT_KEY] = self.pk
        return redirect(self.get_url(request))

    def _form_page(self, request, form, status=200, refused=None):
        context = self.get_context(request)
        context["form"] = form
        context["refused"] = refused
        return TemplateResponse(request, self.get_template(request), context, status=status)


def _email_value(value):
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    return value


def office_map_url(office):
    """A link to the office's address on OpenStreetMap (a search, so it needs no stored
    coordinates). A plain link: nothing from a third party is embedded in the page."""
    address = ", ".join(
        part for part in (office.street, f"{office.postcode} {office.city}".strip()) if part
    )
    if not address:
        return ""
    return f"https://www.openstreetmap.org/search?query={quote_plus(address)}"
