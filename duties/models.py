from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """When a timed duty (duties.schedule.DUTIES) last ran, and whether it succeeded."""

    command = models.CharField(_("command"), max_length=60, unique=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_ok = models.BooleanField(_("succeeded"), default=False)
    last_message = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        # The table of the removed jobs app, kept (duties/migrations/0001).
        db_table = "jobs_scheduledrun"
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self):
        return self.command
