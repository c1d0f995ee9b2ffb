"""The contact form's e-mail to the office, sent by a background task (django-tasks).

The message is stored first (Forms in the admin); the task only e-mails it, so a mail
server that refuses or hangs costs the visitor nothing and loses nothing. A mail-server
error is retried after each of EMAIL_RETRY_DELAYS; a message that finally fails is logged
(by its number, never its content) and stays readable in the admin.
"""

from django_tasks import task

from wagtail.contrib.forms.models import FormSubmission

from portal.core import mail


@task()
def send_contact_message(submission_id, attempt=1):
    """E-mail stored message `submission_id` to the office of the page it was sent from."""
    submission = FormSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        return  # deleted in the admin before it went out
    mail.deliver(
        send_contact_message,
        f"Contact message {submission_id}",
        attempt,
        lambda: submission.page.specific.send_stored_message(submission),
        (submission_id,),
    )
