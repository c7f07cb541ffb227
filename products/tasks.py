"""Jobs of the products app (found by Celery's autodiscovery)."""

from ocop_portal.tasks import app


@app.task(autoretry_for=(ConnectionError,), max_retries=3, retry_backoff=10)
def prepare_photo(photo_id: int) -> None:
    """Make a large photo's display copy and thumbnail (products.services.finish_photo)."""
    from .services import finish_photo

    finish_photo(photo_id)
