"""The repeatable items of the statutory pages: barriers and exemptions of the accessibility
statement, and the processing activities (one per form) of the privacy policy."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class BarrierBlock(blocks.StructBlock):
    """Content that is not accessible yet, and how a visitor gets it meanwhile."""

    content = blocks.TextBlock(label=_("What is not accessible"))
    alternative = blocks.TextBlock(
        label=_("How to get it meanwhile"),
        required=False,
        help_text=_("An alternative way of access, or when it will be fixed."),
    )

    class Meta:
        icon = "warning"
        label = _("Inaccessible content")


class ExemptionBlock(blocks.StructBlock):
    """Content the Act exempts, with the ground the entity relies on."""

    content = blocks.TextBlock(label=_("Exempted content"))
    reason = blocks.TextBlock(
        label=_("Reason"),
        help_text=_("The ground in the Act, e.g. films published before 23 September 2020."),
    )

    class Meta:
        icon = "info-circle"
        label = _("Exemption")


LEGAL_BASES = [
    ("consent", _("your consent (Article 6(1)(a) GDPR)")),
    ("contract", _("a contract with you or steps before one (Article 6(1)(b) GDPR)")),
    ("obligation", _("a legal obligation of the controller (Article 6(1)(c) GDPR)")),
    ("public_task", _("a task in the public interest (Article 6(1)(e) GDPR)")),
    ("interest", _("the controller's legitimate interest (Article 6(1)(f) GDPR)")),
]


class ProcessingValue(blocks.StructValue):
    def legal_basis_label(self):
        """The legal basis as a visitor reads it, in the page's language."""
        return dict(LEGAL_BASES).get(self.get("legal_basis"), "")


class ProcessingBlock(blocks.StructBlock):
    """One form or activity that collects personal data: why, on what basis, how long."""

    name = blocks.CharBlock(label=_("Form or activity"), max_length=160)
    data = blocks.TextBlock(label=_("Which data"))
    purpose = blocks.TextBlock(label=_("Purpose"))
    legal_basis = blocks.ChoiceBlock(label=_("Legal basis"), choices=LEGAL_BASES)
    retention = blocks.TextBlock(label=_("How long the data are kept"))

    class Meta:
        icon = "form"
        label = _("Form or activity")
        value_class = ProcessingValue


class RegistrationProcessingBlock(blocks.StructBlock):
    """Registration for meetings: how long the data are kept is not written here but read
    from REGISTRATION_RETENTION_DAYS, the setting the purge uses, so the two never differ."""

    data = blocks.TextBlock(label=_("Which data"))
    purpose = blocks.TextBlock(label=_("Purpose"))
    legal_basis = blocks.ChoiceBlock(label=_("Legal basis"), choices=LEGAL_BASES)

    class Meta:
        icon = "date"
        label = _("Registration for meetings")
        value_class = ProcessingValue
