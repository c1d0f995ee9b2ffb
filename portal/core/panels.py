from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class PlaceholderLogosPanel(Panel):
    """On the funding notice's edit screen: which logos are still the stand-in files the
    portal ships with, so an editor knows what to replace. The public page shows them as
    logos (with their alt text) and says nothing of it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Placeholder logos"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/admin/placeholder_logos.html"

        def is_shown(self):
            return bool(self.instance.pk and self.instance.placeholder_logos())

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["logos"] = self.instance.placeholder_logos()
            return context
