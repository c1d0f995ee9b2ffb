from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from portal.core.address import site_address


class Command(BaseCommand):
    help = (
        "Write PORTAL_BASE_URL to Wagtail's default Site (hostname and port; the name too "
        "when it is empty), from which every absolute link is built. Safe to run again: an "
        "address that is already right is left alone."
    )

    def handle(self, *args, **options):
        try:
            wanted = site_address(settings.PORTAL_BASE_URL)
        except ValueError as error:
            raise CommandError(f"PORTAL_BASE_URL: {error}") from error
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(
                "There is no default Site: mark one as default in the admin (Settings → "
                "Sites) or run `manage.py load_demo_content`, then run this again."
            )
        before = site.root_url
        wanted_values = {
            "hostname": wanted.hostname,
            "port": wanted.port,
            # A name an administrator gave the site is theirs to keep.
            "site_name": site.site_name or settings.WAGTAIL_SITE_NAME,
        }
        changed = [field for field, value in wanted_values.items() if getattr(site, field) != value]
        for field in changed:
            setattr(site, field, wanted_values[field])
        taken = Site.objects.filter(hostname=wanted.hostname, port=wanted.port).exclude(pk=site.pk)
        if taken.exists():
            raise CommandError(
                f"Another Site already has {wanted.root_url}: delete it or make it the default "
                "(Settings → Sites), then run this again."
            )
        if not changed:
            self.stdout.write(f"The default Site is already {site.root_url}; nothing changed.")
            return
        # Saving a Site clears Wagtail's cache of site root URLs (its post_save signal).
        site.save(update_fields=changed)
        self.stdout.write(
            self.style.SUCCESS(
                f"The default Site is now {site.root_url} (was {before}); "
                f"changed: {', '.join(changed)}."
            )
        )
