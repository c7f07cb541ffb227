"""Jobs of the catalogue app (found by Celery's autodiscovery)."""

from ocop_portal.tasks import app


@app.task(autoretry_for=(ConnectionError,), max_retries=3, retry_backoff=10)
def prepare_report_photo(report_id: int) -> None:
    """Re-encode a large label-report photo (catalogue.services.finish_report_photo)."""
    from .services import finish_report_photo

    finish_report_photo(report_id)
