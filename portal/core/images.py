"""An image field with the description that people who cannot see it hear instead."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField


def image_with_alt(name, *, label, alt_label, missing_alt, alt_help_text=""):
    """An abstract model that adds the image field `name` and its description `<name>_alt`,
    with their panels (`image_panels`), their translation (the description is translated,
    the image shared) and the rule that a chosen image has a description, said next to the
    description field. Each page type names its fields as before, so columns stay."""
    alt = f"{name}_alt"

    def clean(self):
        super(model, self).clean()
        if getattr(self, f"{name}_id") and not getattr(self, alt):
            raise ValidationError({alt: missing_alt})

    model = type(
        f"ImageWithAlt_{name}",
        (models.Model,),
        {
            "__module__": __name__,
            "__doc__": f"The image `{name}` and its description `{alt}`.",
            name: image_reference(verbose_name=label, editable=True),
            alt: models.CharField(alt_label, max_length=250, blank=True, help_text=alt_help_text),
            "image_panels": [FieldPanel(name), FieldPanel(alt)],
            "translatable_fields": [SynchronizedField(name), TranslatableField(alt)],
            "clean": clean,
            "Meta": type("Meta", (), {"abstract": True}),
        },
    )
    return model


def image_reference(*, editable=False, **options):
    """An optional link to an image of the library, dropped when the image is deleted;
    hidden from forms unless `editable` (the site draws or chooses the image itself)."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        editable=editable,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )
