"""The admin dashboard's panels for the zone editors and the moderators.

Wagtail's dashboard shows everybody the same panels; these tell each role what waits for
it: a zone editor sees the drafts of their zones and what a moderator has yet to approve,
a moderator sees every page waiting for approval in either language. Each panel costs
the same few queries however many rows it shows.
"""

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, WorkflowState, get_default_page_content_type, get_page_models

from .editing import MODERATORS
from .models import ZonePage, ZoneTaggedMixin
from .permissions import zone_keys_edited_by

ROWS = 10
# Wagtail's own "Awaiting your review", which ModerationQueuePanel replaces for moderators.
WAGTAILS_REVIEW_PANEL = WorkflowObjectsToModeratePanel.name


def is_moderator(user):
    """Moderators (and superusers) review what zone editors submit."""
    return user.is_superuser or any(group.name == MODERATORS for group in user.groups.all())


def is_zone_editor(user):
    """Zone editors are in a zone's editors' group and do not publish themselves."""
    return bool(zone_keys_edited_by(user)) and not is_moderator(user)


def pages_of_zones(keys):
    """Every page that belongs to one of the zones `keys` (translation keys): the zones'
    landing pages and the content tagged with them, in every language, in one query."""
    belongs = Q(
        pk__in=Subquery(ZonePage.objects.filter(zone__translation_key__in=keys).values("pk"))
    )
    for model in get_page_models():
        if issubclass(model, ZoneTaggedMixin) and not model._meta.abstract:
            tagged = model.objects.filter(zones__translation_key__in=keys).values("pk")
            belongs |= Q(pk__in=Subquery(tagged))
    return Page.objects.filter(belongs)


def in_moderation():
    """Whether a page waits in a workflow (Wagtail keeps the page id as text there)."""
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


class ZoneEditorPanel(Component):
    """ "Moje strefy": the drafts of the editor's zones and their pages in moderation."""

    name = "zone_editor"
    template_name = "zones/admin/dashboard_zone_editor.html"
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        pages = (
            pages_of_zones(zone_keys_edited_by(user))
            .annotate(waiting=in_moderation())
            .select_related("locale", "latest_revision__user")
            .order_by("-latest_revision_created_at", "-pk")
        )
        return {
            "drafts": pages.filter(has_unpublished_changes=True, waiting=False)[:ROWS],
            "in_moderation": pages.filter(waiting=True)[:ROWS],
        }


class ModerationQueuePanel(Component):
    """ "Do akceptacji": every page waiting for a moderator, Polish pages and translations
    alike, with its language, who sent it and when, and links to Wagtail's editor (where the
    moderator approves or requests changes) and to the preview of the submitted revision.
    It replaces Wagtail's "Awaiting your review", which lists the same pages but asks a few
    queries per row and does not tell a translation from a Polish edit."""

    name = "moderation_queue"
    template_name = "zones/admin/dashboard_moderation_queue.html"
    order = 50

    def get_context_data(self, parent_context):
        states = list(
            WorkflowState.objects.active()
            .filter(base_content_type=get_default_page_content_type())
            .select_related("requested_by", "current_task_state__task")
            .order_by("-current_task_state__started_at", "-pk")[:ROWS]
        )
        pages = Page.objects.filter(pk__in=[int(state.object_id) for state in states])
        by_id = {page.pk: page for page in pages.select_related("locale")}
        queue = [
            {"state": state, "page": page}
            for state in states
            if (page := by_id.get(int(state.object_id)))
        ]
        return {"queue": queue, "source_language": settings.LANGUAGE_CODE}
