"""The pages the law asks of a publicly funded site: the accessibility statement in the
minister's template (the Act of 4 April 2019 on the digital accessibility of public bodies'
websites and mobile applications) and the privacy policy (GDPR Articles 13 and 14)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.core.address import absolute_url
from portal.core.translatable import PAGE_TEXT_FIELDS

from .blocks import BarrierBlock, ExemptionBlock, ProcessingBlock, RegistrationProcessingBlock

# The Ombudsman's page on complaints, linked from the statement's complaint procedure.
OMBUDSMAN_URL = "https://bip.brpo.gov.pl/pl"
# The President of the Personal Data Protection Office, where a data subject complains.
PUODO_URL = "https://uodo.gov.pl/pl/83/155"


class StatutoryPage(Page):
    """A page the law asks for: one per language, right below the home page, with nothing
    below it."""

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class AccessibilityStatementPage(StatutoryPage):
    """ "Deklaracja dostępności": each section of the statutory template is a field, so an
    editor cannot leave one out, and the template prints them in the template's order, with
    its headings and the HTML ids the national monitoring reads (a11y-…)."""

    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    class Assessment(models.TextChoices):
        SELF = "self", _("a self-assessment by the public entity")
        EXTERNAL = "external", _("an assessment by an external entity")

    entity_name = models.CharField(_("public entity"), max_length=255)
    site_name = models.CharField(_("name of the site"), max_length=255)
    published_on = models.DateField(_("date the site was published"))
    updated_on = models.DateField(_("date of the last significant update"))
    compliance = models.CharField(_("compliance status"), max_length=10, choices=Compliance.choices)
    barriers = StreamField(
        [("barrier", BarrierBlock())], blank=True, verbose_name=_("inaccessible content")
    )
    exemptions = StreamField(
        [("exemption", ExemptionBlock())], blank=True, verbose_name=_("exemptions")
    )
    prepared_on = models.DateField(_("date the statement was prepared"))
    assessment = models.CharField(
        _("the statement is based on"), max_length=10, choices=Assessment.choices
    )
    assessor = models.CharField(
        _("external entity"),
        max_length=255,
        blank=True,
        help_text=_("Who assessed the site, when the statement is based on their assessment."),
    )
    contact_person = models.CharField(_("contact person"), max_length=160)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40)
    complaint_recipient = models.TextField(
        _("complaints go to"),
        help_text=_("Who decides complaints (usually the head of the entity) and their address."),
    )
    office_address = models.TextField(_("address of the main office"))
    entrances = models.TextField(_("entrances and security checks"))
    lifts = models.TextField(_("corridors, stairs and lifts"))
    parking = models.TextField(_("parking for people with disabilities"))
    assistance_dog = models.TextField(_("entering with an assistance dog"))
    sign_language = models.TextField(_("sign-language interpreter"))
    mobile_apps = models.TextField(
        _("mobile applications"),
        help_text=_("The entity's apps and where to get them, or that it has none."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("site_name"),
                FieldPanel("published_on"),
                FieldPanel("updated_on"),
            ],
            heading=_("The entity and the site"),
        ),
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("barriers"), FieldPanel("exemptions")],
            heading=_("Compliance status"),
        ),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("assessment"), FieldPanel("assessor")],
            heading=_("Preparation of the statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("complaint_recipient"),
            ],
            heading=_("Feedback, contact and complaints"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("office_address"),
                FieldPanel("entrances"),
                FieldPanel("lifts"),
                FieldPanel("parking"),
                FieldPanel("assistance_dog"),
                FieldPanel("sign_language"),
            ],
            heading=_("Architectural accessibility"),
        ),
        FieldPanel("mobile_apps"),
    ]

    translatable_fields = PAGE_TEXT_FIELDS + [
        TranslatableField("entity_name"),
        TranslatableField("site_name"),
        SynchronizedField("published_on"),
        SynchronizedField("updated_on"),
        SynchronizedField("compliance"),
        TranslatableField("barriers"),
        TranslatableField("exemptions"),
        SynchronizedField("prepared_on"),
        SynchronizedField("assessment"),
        TranslatableField("assessor"),
        TranslatableField("contact_person"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        TranslatableField("complaint_recipient"),
        TranslatableField("office_address"),
        TranslatableField("entrances"),
        TranslatableField("lifts"),
        TranslatableField("parking"),
        TranslatableField("assistance_dog"),
        TranslatableField("sign_language"),
        TranslatableField("mobile_apps"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("entity_name"),
        index.SearchField("barriers"),
        index.SearchField("exemptions"),
        index.SearchField("entrances"),
        index.SearchField("lifts"),
        index.SearchField("parking"),
        index.SearchField("assistance_dog"),
        index.SearchField("sign_language"),
        index.SearchField("mobile_apps"),
        index.FilterField("locale_id"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")

    def clean(self):
        """The template's conditional parts: a status short of full compliance names what is
        not accessible, an external assessment names who made it, and the dates follow each
        other (the site is updated after it is published)."""
        super().clean()
        errors = {}
        if self.compliance in (self.Compliance.PARTIAL, self.Compliance.NONE) and not (
            self.barriers or self.exemptions
        ):
            errors["compliance"] = _(
                "A site that is not fully compliant lists its inaccessible content or exemptions."
            )
        if self.assessment == self.Assessment.EXTERNAL and not self.assessor:
            errors["assessor"] = _("Name the external entity that assessed the site.")
        if self.published_on and self.updated_on and self.updated_on < self.published_on:
            errors["updated_on"] = _("The last update cannot be earlier than the publication.")
        if errors:
            raise ValidationError(errors)

    @property
    def site_url(self):
        """The address of the site the statement is about: this site's own public address
        (PORTAL_BASE_URL), so it never drifts from where the site really is."""
        return absolute_url("/")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ombudsman_url"] = OMBUDSMAN_URL
        return context


class PrivacyPolicyPage(StatutoryPage):
    """ "Polityka prywatności": what GDPR Article 13 says a person must be told when their
    data are collected, one field per part, with a processing item for each form."""

    controller = models.TextField(
        _("controller"), help_text=_("The name and address of the controller of the data.")
    )
    controller_email = models.EmailField(_("controller's e-mail"))
    protection_contact = models.TextField(
        _("data protection contact"),
        help_text=_("The data protection officer, or the person who answers about data."),
    )
    protection_email = models.EmailField(_("data protection e-mail"))
    processing = StreamField(
        [("registration", RegistrationProcessingBlock()), ("activity", ProcessingBlock())],
        min_num=1,
        verbose_name=_("purposes and legal bases"),
    )
    recipients = models.TextField(_("recipients of the data"))
    rights_note = models.TextField(
        _("how to use your rights"), help_text=_("Where and how to send a request.")
    )
    cookies = models.TextField(_("cookies"), blank=True)
    updated_on = models.DateField(_("date of the last update"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("controller"),
                FieldPanel("controller_email"),
                FieldPanel("protection_contact"),
                FieldPanel("protection_email"),
            ],
            heading=_("Controller and contact"),
        ),
        FieldPanel("processing"),
        FieldPanel("recipients"),
        FieldPanel("rights_note"),
        FieldPanel("cookies"),
        FieldPanel("updated_on"),
    ]

    translatable_fields = PAGE_TEXT_FIELDS + [
        TranslatableField("controller"),
        SynchronizedField("controller_email"),
        TranslatableField("protection_contact"),
        SynchronizedField("protection_email"),
        TranslatableField("processing"),
        TranslatableField("recipients"),
        TranslatableField("rights_note"),
        TranslatableField("cookies"),
        SynchronizedField("updated_on"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("controller"),
        index.SearchField("processing"),
        index.SearchField("recipients"),
        index.SearchField("cookies"),
        index.FilterField("locale_id"),
    ]

    class Meta:
        verbose_name = _("privacy policy")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.REGISTRATION_RETENTION_DAYS
        context["puodo_url"] = PUODO_URL
        return context
