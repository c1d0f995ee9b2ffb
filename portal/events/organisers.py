"""The "Organizatorzy" group: the people who run events and may see registrations."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupPagePermission

from zones.editing import grant_media, translating_permission

from .models import EventIndexPage

# Images and documents for events: pick from the library, upload new ones (and change their
# own uploads, which Wagtail allows to whoever may add); deleting is left to moderators.
ORGANISER_MEDIA_ACTIONS = ["add", "choose"]

ORGANISERS = "Organizatorzy"


def set_up_organisers():
    """Create the group (or complete its rights): admin access, the registrations' view,
    add, change and delete rights, images and documents for events, and the running of
    events (add, edit, publish and translate below every events index). Zone editors are
    not in it, so they cannot see anybody's data. Idempotent: run again, it only adds the
    rights on indexes made since."""
    group, _ = Group.objects.get_or_create(name=ORGANISERS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="events",
            codename__in=[
                "view_registration",
                "add_registration",
                "change_registration",
                "delete_registration",
            ],
        ),
        translating_permission(),
    )
    for index in EventIndexPage.objects.all():
        for action in ("add", "change", "publish"):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page"
                ),
            )
    grant_event_media(group)
    return group


def grant_event_media(group):
    """Let organisers put images and documents on events: without rights on a collection
    Wagtail's chooser is empty for them and has no upload tab."""
    grant_media(group, Collection.get_first_root_node(), ORGANISER_MEDIA_ACTIONS)
