"""Wagtail's moderation notices (a change submitted, approved or rejected, a task to
review) go out as Wagtail sends them, inside the moderation action's request, but a mail
server that refuses, drops or does not answer (within EMAIL_TIMEOUT) no longer fails that
action with a 500: the change is submitted or approved, and the notice is logged as not
sent. Wagtail itself catches only some connection errors (not an SMTP refusal, nor the
timeout as smtplib reports it).

The approval e-mail also carries the moderator's comment: Wagtail passes the comment only
to the rejection e-mail (templates/wagtailadmin/notifications/workflow_state_approved.*).
"""

import logging

from wagtail.admin import signal_handlers as wagtail_handlers
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from portal.core.mail import MAIL_SERVER_ERRORS

logger = logging.getLogger(__name__)


class ApprovalWithCommentNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's approval e-mail to the author, with the comment the moderator left when
    approving (the last task's), so "approved, but fix the date next time" reaches them."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        context["comment"] = task_state.specific.get_comment() if task_state else ""
        return context


# Each notifier with its signal, sender and the dispatch id Wagtail connects it under
# (wagtail/admin/signal_handlers.py).
NOTICES = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        wagtail_handlers.task_submission_email_notifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        wagtail_handlers.workflow_submission_email_notifier,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        wagtail_handlers.workflow_rejection_email_notifier,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        ApprovalWithCommentNotifier(),
    ),
]


def _never_failing(notifier):
    def send_notice(sender, **kwargs):
        try:
            return notifier(sender=sender, **kwargs)
        except MAIL_SERVER_ERRORS as error:
            logger.warning("Moderation notice not sent (%s)", type(error).__name__)
            return False

    return send_notice


def guard_moderation_notices():
    """Connect each notifier, wrapped, under Wagtail's own dispatch id. Whichever app is
    ready first, Wagtail's bare connection is removed here or, connected later under the
    same id, ignored by the signal (it keeps the first receiver of an id)."""
    for signal, sender, dispatch_uid, notifier in NOTICES:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(
            _never_failing(notifier), sender=sender, dispatch_uid=dispatch_uid, weak=False
        )
