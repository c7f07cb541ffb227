"""The log of views of sensitive personal data (Decree 13/2023, Art. 27: measures protecting
sensitive data include recording who processed it)."""

from .models import PersonalDataAccess
from .register import SENSITIVE_PRODUCER_FIELDS


def log_sensitive_view(viewer, producer, *, place: str) -> PersonalDataAccess:
    return PersonalDataAccess.objects.create(
        viewer=viewer,
        viewer_label=f"{viewer.full_name} <{viewer.email}> ({viewer.get_role_display()})"[:300],
        producer=producer,
        producer_label=producer.name[:200],
        fields=", ".join(SENSITIVE_PRODUCER_FIELDS),
        place=place[:100],
    )
