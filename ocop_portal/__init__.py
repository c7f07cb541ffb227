# Celery's app is created with the project so that every `.delay()` uses its settings (Celery's
# documented Django layout); `celery -A ocop_portal worker` finds it here.
from .tasks import app as celery_app

__all__ = ["celery_app"]
