"""The background-job queue: Celery's app, and the generic jobs every part of the portal may use.

With ``CELERY_BROKER_URL`` (or ``REDIS_URL``) set, ``.delay()`` puts a job on Redis and a worker
(``celery -A ocop_portal worker``, deploy/ocop-worker.service) runs it. Without a broker the
settings turn on ``task_always_eager``: ``.delay()`` runs the job at once in the calling process,
so ``make run`` needs nothing but Python.

Call jobs after the transaction commits, so a worker never looks for a row it cannot see yet::

    transaction.on_commit(lambda: send_email.delay(subject, body, [user.email]))

Long jobs that report progress to a page are in the ``jobs`` app (``jobs.tasks.JobTask``).
"""

import os
import smtplib

from celery import Celery
from django.core.mail import EmailMultiAlternatives

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")

app = Celery("ocop_portal")
# Every CELERY_* setting in ocop_portal/settings.py configures this app.
app.config_from_object("django.conf:settings", namespace="CELERY")
# Loads <app>/tasks.py of every installed app when the worker starts.
app.autodiscover_tasks()


@app.task(
    autoretry_for=(smtplib.SMTPException, OSError),
    # A refused address or sender will be refused again: no point in retrying.
    dont_autoretry_for=(smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused),
    max_retries=5,
    retry_backoff=30,  # 30 s, 60 s, 120 s, … with jitter, at most 10 minutes apart
    retry_backoff_max=600,
    retry_jitter=True,
)
def send_email(subject: str, body: str, recipients: list[str], html: str | None = None) -> int:
    """Send one email from DEFAULT_FROM_EMAIL; retried when the mail server is unreachable.

    The arguments travel as JSON: pass plain strings (render templates before queueing).
    """
    message = EmailMultiAlternatives(subject=subject, body=body, to=list(recipients))
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
