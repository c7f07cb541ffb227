"""A person's own data, as JSON (the data subject's right of access, Decree 13/2023, Art. 9)."""

import datetime

from django.utils import timezone

from privacy.models import PersonalDataAccess
from privacy.register import REGISTER
from producers.models import Membership

USER_FIELDS = ("email", "full_name", "phone", "role", "organisation", "date_joined", "last_login")


def _value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return str(value)
    return value


def _fields(obj, names) -> dict:
    return {name: _value(getattr(obj, name)) for name in names}


def _producer_fields() -> list[str]:
    personal = [e.field for e in REGISTER if e.model == "producers.Producer"]
    return ["name", "kind", "tax_code", "commune", *personal, "publish_contact"]


def personal_data_of(user) -> dict:
    """Everything the portal holds about ``user`` as a person (not the programme's records about
    their products, which belong to the producer)."""
    memberships = Membership.objects.filter(user=user).select_related("producer__commune")
    producers = []
    for membership in memberships:
        producer = membership.producer
        producers.append(
            {
                **_fields(producer, _producer_fields()),
                "is_owner": membership.is_owner,
                "products": [
                    {"name": p.name, "product_code": p.product_code}
                    for p in producer.products.order_by("name")
                ],
                "sensitive_data_views": [
                    {"by": a.viewer_label, "at": a.at.isoformat(), "where": a.place}
                    for a in PersonalDataAccess.objects.filter(producer=producer)
                ],
            }
        )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {**_fields(user, USER_FIELDS), "home_commune": _value(user.home_commune)},
        "consent_records": [
            _fields(record, ("version", "text_sha256", "language", "given_at", "ip_address"))
            for record in user.consent_records.all()
        ],
        "producers": producers,
        "deletion_requests": [
            _fields(request, ("requested_at", "state", "handled_at", "outcome"))
            for request in user.deletion_requests.all()
        ],
    }
