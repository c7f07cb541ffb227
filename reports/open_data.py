"""The open-data listing of recognised products: which certificates, and how each one reads.

Shared by the JSON listing and the catalogue CSV so the two always hold the same rows and fields.
The rows are the public catalogue's: current certificates (valid, due for re-evaluation, or
extended under Art. 12.3 until the re-evaluation's result).
"""

import datetime

from django.db.models import QuerySet

from certificates.models import Certificate
from certificates.services import verify_url
from regions.collation import vietnamese_order


def listed_certificates(filters: dict, today: datetime.date | None = None) -> QuerySet:
    """Current certificates matching the cleaned filters, in a stable order for paging."""
    certificates = Certificate.objects.current(today).search(filters.get("q"))
    if filters.get("stars"):
        certificates = certificates.filter(stars=filters["stars"])
    if filters.get("set"):
        certificates = certificates.filter(criteria_set=filters["set"])
    if filters.get("commune"):
        certificates = certificates.filter(commune_code=filters["commune"])
    if filters.get("former_district"):
        certificates = certificates.filter(former_district_code=filters["former_district"])
    # Every field comes from the certificate's certified copy (issue 18): no join needed.
    return certificates.order_by(vietnamese_order("product_name"), "number")


def certificate_record(certificate: Certificate, today: datetime.date | None = None) -> dict:
    """One recognised product as open data: plain values, ISO dates, codes not labels; what
    the certificate certified (its certified copy), not what the live rows say today."""
    c = certificate
    return {
        "certificate_number": c.number,
        "product_code": c.product_code,
        "product_name": c.product_name,
        "stars": c.stars,
        "producer": {"name": c.producer_name, "kind": c.producer_kind},
        "commune": {"code": c.commune_code, "name": c.commune_name},
        "former_district": (
            {"code": c.former_district_code, "name": c.former_district_name}
            if c.former_district_code
            else None
        ),
        "province": {"code": c.province_code, "name": c.province_name},
        "criteria_set": {
            "decision": c.criteria_decision,
            "number": c.criteria_set,
            "name": c.criteria_set_name,
        },
        "decision_number": certificate.decision_number,
        "decision_date": certificate.decision_date.isoformat(),
        "valid_until": certificate.valid_until.isoformat(),
        # Art. 12.3 of Decision 26/2026: valid past `valid_until` until the re-evaluation's
        # result, at the latest this day; null when no extension runs past the 36 months.
        "extended_until": (
            certificate.extended_until.isoformat()
            if certificate.extended_until and certificate.extended_until > certificate.valid_until
            else None
        ),
        "status": str(certificate.status(today)),
        "verification_url": verify_url(certificate),
    }
