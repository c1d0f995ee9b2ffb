import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the administrator account if it does not exist. The password comes from "
        "ADMIN_PASSWORD, or is generated and printed once; an existing account is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("ADMIN_EMAIL", "admin@example.com"))

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Administrator '{username}' exists; password unchanged.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created administrator '{username}'."))
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write("Its password is the one in ADMIN_PASSWORD.")
        else:
            self.stdout.write(
                f"Its generated password (shown only now): {password}\n"
                "Change it at /admin/account/ after logging in."
            )
