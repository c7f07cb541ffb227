"""The certified copy: what a certificate states, taken from the live rows when it is issued.

Decision 26/2026 Art. 7.3.e: the certificate is issued with the recognition decision for the
product as evaluated. What it states must mean the same for its 36 months whatever the producer
later does to the product and profile rows, so the certificate keeps its own copy of it; the
public pages, the PDF, open data and every export read that copy (issue 18).
"""

from producers.models import Producer
from products.models import Product

# The copy's fields on Certificate, and the live field each is taken from: what a producer may
# not edit while one of its certificates is current (products.services, producers.services).
PRODUCT_FIELDS = ("name", "criteria_set", "criteria_decision", "product_code")
PRODUCER_FIELDS = ("name", "kind", "commune", "address_line")


def printed_address(producer: Producer) -> str:
    """The address a certificate prints: the commune and province only, unless the producer
    chose to publish its contact details on the public catalogue (then the street too)."""
    commune = producer.commune
    parts = [commune.name, commune.province.full_name]
    if producer.publish_contact and producer.address_line.strip():
        parts.insert(0, producer.address_line.strip())
    return ", ".join(parts)


def criteria_set_name(decision: str, number: int) -> str:
    from criteria.scoring import ScoringError, load_criteria_set

    try:
        return load_criteria_set(decision, number).name
    except ScoringError:  # a decision whose catalogue is not loaded (older records)
        return ""


def copy_of(product: Product, certificate=None) -> dict:
    """The certificate fields holding what is certified, from the live product and producer."""
    producer = product.producer
    commune = producer.commune
    district = commune.former_district
    return {
        "product_name": product.name,
        "product_code": product.product_code or getattr(certificate, "product_code", ""),
        "producer_name": producer.name,
        "producer_kind": producer.kind,
        "printed_address": printed_address(producer),
        "commune_code": commune.code,
        "commune_name": commune.name,
        "former_district_code": district.code if district else None,
        "former_district_name": district.name if district else "",
        "province_code": commune.province_id,
        "province_name": commune.province.full_name,
        "criteria_decision": product.criteria_decision,
        "criteria_set": product.criteria_set,
        "criteria_set_name": criteria_set_name(product.criteria_decision, product.criteria_set),
    }


def freeze(certificate, product: Product) -> None:
    """Write the certified copy (and the search column built from it) onto ``certificate``."""
    for name, value in copy_of(product, certificate).items():
        setattr(certificate, name, value)
    certificate.search_text = certificate.build_search_text()


def differs(certificate, product: Product) -> bool:
    """Whether the live rows no longer say what ``certificate`` certified."""
    return any(getattr(certificate, k) != v for k, v in copy_of(product, certificate).items())
