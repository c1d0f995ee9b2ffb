"""Who may edit what: a group of editors per zone, the moderators, and the workflow that
makes a zone editor's change wait for a moderator's approval.

`set_up_editing()` creates whatever is missing and leaves the rest alone, so it can run on
every `load_demo_content` and after an administrator adds a zone
(`manage.py set_up_zone_editing`). The group and collection it makes for a zone are
recorded on the zone, so renaming them in the admin does not break the link.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
    get_page_models,
)

from .models import Zone, ZonePage, ZoneTaggedMixin

MODERATORS = "Moderacja"
# What Wagtail's own migrations create (wagtailcore 0002 and 0050/0051)
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WORKFLOW = "Akceptacja moderacji"
APPROVAL_TASK = "Akceptacja przez Moderację"

ZONE_EDITOR_PAGE_ACTIONS = ["add", "change"]
MODERATOR_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
ZONE_EDITOR_MEDIA_ACTIONS = ["add", "change", "choose"]
MODERATOR_MEDIA_ACTIONS = ["add", "change", "delete", "choose"]


def set_up_editing():
    """Create the moderators, every zone's editors and the moderation workflow."""
    moderators = set_up_moderators()
    for zone in Zone.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        set_up_zone_editors(zone)
    set_up_workflow(moderators)
    return moderators


def set_up_moderators():
    """'Moderacja' may edit and publish every page, translate it, and manage every image and
    document."""
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        _permission("zones", "add_zone"),
        _permission("zones", "change_zone"),
        translating_permission(),
    )
    for action in MODERATOR_PAGE_ACTIONS:
        _grant_page(group.pk, Page.get_first_root_node(), action)
    grant_media(group, Collection.get_first_root_node(), MODERATOR_MEDIA_ACTIONS)
    return group


def set_up_zone_editors(zone):
    """'Redakcja: <zone>' may add, edit and translate (not publish) the zone's pages in every
    language and the images and documents in the zone's collection."""
    if zone.editor_group is None:
        zone.editor_group, _ = Group.objects.get_or_create(name=f"Redakcja: {zone.name}")
    if zone.collection is None:
        root = Collection.get_first_root_node()
        zone.collection = root.get_children().filter(name=zone.name).first() or root.add_child(
            name=zone.name
        )
    # Synchronised fields: every translation of the zone shares the group and collection.
    Zone.objects.filter(translation_key=zone.translation_key).update(
        editor_group=zone.editor_group, collection=zone.collection
    )
    zone.editor_group.permissions.add(
        _permission("wagtailadmin", "access_admin"), translating_permission()
    )
    grant_media(zone.editor_group, zone.collection, ZONE_EDITOR_MEDIA_ACTIONS)
    for page in ZonePage.objects.filter(zone__translation_key=zone.translation_key):
        grant_zone_page(page)
    for index in zone_content_indexes():
        for action in ZONE_EDITOR_PAGE_ACTIONS:
            _grant_page(zone.editor_group.pk, index, action)
    return zone.editor_group


def zone_content_indexes():
    """The pages below which zone-tagged content lives (the news index, the events index…):
    the allowed parents of every page type tagged with zones (ZoneTaggedMixin).
    Zone editors may add and edit there; ZoneContentMixin then limits them to what is
    tagged with their zones. A new family needs no change here."""
    parent_models = {
        parent
        for model in get_page_models()
        if issubclass(model, ZoneTaggedMixin)
        for parent in model.allowed_parent_page_models()
    }
    return [page for model in parent_models for page in model.objects.all()]


def grant_zone_page(page):
    """Give the zone's editors their rights on one of the zone's pages and its subtree,
    and take them from any other zone's editors (the page may have changed zone)."""
    zone_groups = dict(
        Zone.objects.filter(editor_group__isnull=False).values_list(
            "translation_key", "editor_group_id"
        )
    )
    group_id = zone_groups.get(page.zone.translation_key)
    others = set(zone_groups.values()) - {group_id}
    GroupPagePermission.objects.filter(page=page, group_id__in=others).delete()
    if group_id is None:
        return
    for action in ZONE_EDITOR_PAGE_ACTIONS:
        _grant_page(group_id, page, action)


def set_up_workflow(moderators):
    """One approval task for the moderators, on every home page, so any change by someone
    who cannot publish waits for 'Moderacja'. A workflow an administrator already put on a
    home page is left in place."""
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in Page.objects.filter(depth=2):
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def translating_permission():
    """wagtail-localize's one permission, needed by its Translate and Sync views. What may be
    translated is further limited to what the user may edit (zones.translating)."""
    return _permission("wagtail_localize", "submit_translation")


def remove_wagtail_defaults():
    """Remove what Wagtail's migrations create beside our roles: the groups "Moderators" and
    "Editors" (which hold rights on the whole tree, translating included) and the workflow
    "Moderators approval" on the root page. Left in place, a user put in them by mistake
    bypasses the zone rule, and two approval workflows confuse moderators. A workflow or
    task that already moderated something is disabled instead of deleted, so its history
    stays. Returns the names of what was removed or disabled."""
    removed = []
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        group.delete()
        removed.append(group.name)
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        workflow.deactivate()
        if not workflow.workflow_states.exists():
            workflow.delete()
        removed.append(workflow.name)
    for task in Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        task.deactivate()
        if not task.task_states.exists():
            task.delete()
    return removed


@receiver(post_save, sender=ZonePage)
def _grant_on_zone_page_save(sender, instance, raw=False, **kwargs):
    """A zone page created later (a new translation, say) is editable by its zone's
    editors; one a moderator moved to another zone changes hands."""
    if not raw:
        grant_zone_page(instance)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_page(group_id, page, action):
    GroupPagePermission.objects.get_or_create(
        group_id=group_id, page=page, permission=_permission("wagtailcore", f"{action}_page")
    )


def grant_media(group, collection, actions):
    # Wagtail checks image and document rights against its own models' permissions, also
    # when the site uses a custom document model.
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in actions:
            permission = _permission(app_label, f"{action}_{model}")
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
