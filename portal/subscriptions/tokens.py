"""The signed links of the subscription e-mails; none needs an account or a session.

- The confirmation link carries the address and the preferences to apply, signed with a
  timestamp (django.core.signing.TimestampSigner): valid SUBSCRIPTION_CONFIRM_MAX_AGE
  seconds (7 days). It is the only thing that makes a subscription confirmed, so
  subscribing again with someone else's address cannot change their preferences.
- The unsubscribe and preferences links carry the subscription's `key`, signed without a
  time limit (an old e-mail's unsubscribe link must keep working); a new key voids them.

A link that was tampered with raises BadLink (the views answer 400), a confirmation link
past its age ExpiredLink (410).
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "portal.subscriptions.confirm"
MANAGE_SALT = "portal.subscriptions.manage"


class BadLink(Exception):
    """The link was not made by the site, or was changed."""


class ExpiredLink(BadLink):
    """The confirmation link was made by the site, but too long ago."""


def confirmation_token(preferences):
    """The confirmation link's token for `preferences` (a dict of JSON values: email,
    zones as Zone ids, kinds, language, frequency)."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(preferences, compress=True)


def preferences_from(token):
    """The preferences a confirmation token carries."""
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
            token, max_age=settings.SUBSCRIPTION_CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except (signing.BadSignature, ValueError) as error:
        raise BadLink from error


def manage_token(subscription):
    """The token of the unsubscribe and preferences links of `subscription`."""
    return signing.Signer(salt=MANAGE_SALT).sign(subscription.key.hex)


def key_from(token):
    """The subscription key a manage token carries."""
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise BadLink from error
