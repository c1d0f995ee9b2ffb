from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .booking import registration_summary


class RegistrationSummaryPanel(Panel):
    """On an event's edit page: confirmed, waiting and free seats and the accessibility
    needs added up, for those who may see registrations (the organisers)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Registrations so far"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/registration_summary.html"

        def is_shown(self):
            return bool(self.instance.pk and self.request.user.has_perm("events.view_registration"))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["summary"] = registration_summary(self.instance)
            return context
