"""The open-data listing of recognised products: which certificates, and how each one reads.

Shared by the JSON listing and the catalogue CSV so the two always hold the same rows and fields.
The rows are the public catalogue's: current certificates (valid or due for re-evaluation).
"""

import datetime

from django.db.models import QuerySet

from evaluations.certificates import verify_url
from evaluations.models import Certificate
from regions.collation import vietnamese_order

from .selectors import criteria_sets


def listed_certificates(filters: dict, today: datetime.date | None = None) -> QuerySet:
    """Current certificates matching the cleaned filters, in a stable order for paging."""
    certificates = Certificate.objects.current(today).search(filters.get("q"))
    if filters.get("stars"):
        certificates = certificates.filter(stars=filters["stars"])
    if filters.get("set"):
        certificates = certificates.filter(product__criteria_set=filters["set"])
    if filters.get("commune"):
        certificates = certificates.filter(product__producer__commune_id=filters["commune"])
    if filters.get("former_district"):
        certificates = certificates.filter(
            product__producer__commune__former_district__code=filters["former_district"]
        )
    return certificates.select_related(
        "product",
        "product__producer",
        "product__producer__commune",
        "product__producer__commune__former_district",
        "product__producer__commune__province",
    ).order_by(vietnamese_order("product__name"), "number")


def certificate_record(certificate: Certificate, today: datetime.date | None = None) -> dict:
    """One recognised product as open data: plain values, ISO dates, codes not labels."""
    product = certificate.product
    producer = product.producer
    commune = producer.commune
    info = criteria_sets(product.criteria_decision).get(product.criteria_set)
    return {
        "certificate_number": certificate.number,
        "product_code": certificate.product_code,
        "product_name": product.name,
        "stars": certificate.stars,
        "producer": {"name": producer.name, "kind": producer.kind},
        "commune": {"code": commune.code, "name": commune.name},
        "former_district": (
            {"code": commune.former_district.code, "name": commune.former_district.name}
            if commune.former_district
            else None
        ),
        "province": {"code": commune.province.code, "name": commune.province.full_name},
        "criteria_set": {
            "decision": product.criteria_decision,
            "number": product.criteria_set,
            "name": info.name if info else "",
        },
        "decision_number": certificate.decision_number,
        "decision_date": certificate.decision_date.isoformat(),
        "valid_until": certificate.valid_until.isoformat(),
        "status": str(certificate.status(today)),
        "verification_url": verify_url(certificate),
    }
