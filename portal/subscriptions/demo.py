"""Demo subscribers for the moderators' listing, from demo.yaml beside this module. No
e-mail is sent: they are stored as the confirmation link would leave them."""

from pathlib import Path

from django.utils import timezone

from portal.core import demo_content

from . import subscribing
from .models import Subscription

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_content.demo_step(order=90)
def create_subscriptions(demo):
    for entry in demo_content.read_demo_data(DATA_FILE)["subscriptions"]:
        if Subscription.objects.filter(email=entry["email"]).exists():
            continue  # a moderator may have changed or removed it: leave it
        subscription = Subscription(email=entry["email"], status=entry["status"])
        if entry["status"] == Subscription.Status.CONFIRMED:
            subscription.confirmed_at = timezone.now()
        subscription.save()
        subscribing.apply_preferences(
            subscription,
            {key: entry[key] for key in ("zones", "kinds", "language", "frequency")},
        )
        demo.note("subscription")
