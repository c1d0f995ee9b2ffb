"""The moderators ("Moderacja", made by zones.editing) see the subscribers' listing and
export it. The permission is given when that group is created and after every migrate (for
a group that existed before this app), so no set-up command needs to know about this app."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from zones.editing import MODERATORS

VIEW_SUBSCRIBERS = "view_subscription"


def let_moderators_see_subscribers(group):
    group.permissions.add(
        Permission.objects.get(content_type__app_label="subscriptions", codename=VIEW_SUBSCRIBERS)
    )


@receiver(post_save, sender=Group)
def on_moderators_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.name == MODERATORS:
        let_moderators_see_subscribers(instance)


def on_migrate(sender, app_config=None, **kwargs):
    """After `migrate`: the permission exists (made here if auth's handler has not run
    yet for this app), and an existing moderators' group has it."""
    create_permissions(sender, verbosity=0)
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        let_moderators_see_subscribers(group)


def connect(app_config):
    post_migrate.connect(on_migrate, sender=app_config)
