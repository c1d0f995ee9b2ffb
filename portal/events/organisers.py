"""The "Organizatorzy" group: the people who run events and may see registrations."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from zones.editing import translating_permission

from .models import EventIndexPage

ORGANISERS = "Organizatorzy"


def set_up_organisers():
    """Create the group (or complete its rights): admin access, the registrations' view,
    change and delete rights, and the running of events (add, edit, publish and translate
    below every events index). Zone editors are not in it, so they cannot see anybody's
    data. Idempotent: run again, it only adds the rights on indexes made since."""
    group, _ = Group.objects.get_or_create(name=ORGANISERS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="events",
            codename__in=["view_registration", "change_registration", "delete_registration"],
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
    return group
