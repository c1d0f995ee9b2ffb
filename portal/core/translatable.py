"""What wagtail-localize translates on every page type (no model imports, so any app's
models.py can use it)."""

from wagtail_localize.fields import TranslatableField

# The fields every page translates: what a visitor reads and the address.
PAGE_TEXT_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]
