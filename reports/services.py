"""Writes of the reports app: keeping an uploaded import file, and committing it.

A certificate recognised before the portal has no portal dossier, yet ``Certificate.dossier`` is
required. The import therefore records each one the way the portal would have: the producer (found
by tax code, else created), the product (found by producer and name, else created), a *historical
round* per province and year — number 0, named "Công nhận trước khi có cổng - năm YYYY", state
closed — holding an approved dossier with an audit row (action ``import``), and the certificate.
``ImportedCertificate`` remembers the file and row each came from.
"""

import datetime
import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from certificates.certified import freeze
from certificates.models import Certificate
from certificates.services import PRODUCT_CODE, next_value
from dossiers.models import Dossier, DossierAction, DossierKind, DossierState, Round, RoundState
from evaluations.models import DossierEvent
from ocop_portal.text import fold
from producers.models import Producer
from products.models import Product

from . import permissions
from .imports import CRITERIA_DECISION, HISTORICAL_ROUND_NUMBER, ImportRow, preview_import
from .models import ImportBatch, ImportedCertificate

HISTORICAL_ROUND_NAME = "Công nhận trước khi có cổng - năm {year}"
# Fields a spreadsheet register does not hold; the producer completes them on joining the portal.
PRODUCER_FIELDS_NOT_IMPORTED = [
    "registration_date",
    "phone",
    "representative_name",
    "representative_gender",
    "local_labour_share",
]


def store_import_file(*, content: bytes, file_name: str, by: User) -> tuple[ImportBatch, bool]:
    """Keep an uploaded file for preview and commit; (batch, created).

    The same bytes uploaded again give back the batch already kept (committed or not), so a file
    is previewed and committed from the server's copy, never re-uploaded.
    """
    if not permissions.can_import_certificates(by):
        raise PermissionDenied
    digest = hashlib.sha256(content).hexdigest()
    return ImportBatch.objects.get_or_create(
        file_sha256=digest,
        defaults={
            "province_id": permissions.import_province_id(by),
            "file_name": file_name[:255],
            "content": content,
            "uploaded_by": by,
        },
    )


@transaction.atomic
def commit_import(
    batch: ImportBatch, *, by: User, today: datetime.date | None = None
) -> ImportBatch:
    """Create the certificates of every new row, all or nothing.

    The rows are checked again inside the transaction (the portal may have changed since the
    preview); any error and nothing is written. A batch already committed is returned as it is.
    """
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.is_committed:
        return locked
    if not permissions.can_import_certificates(by):
        raise PermissionDenied
    if locked.province_id != permissions.import_province_id(by):
        raise PermissionDenied
    preview = preview_import(bytes(locked.content), province_id=locked.province_id, today=today)
    if preview.has_errors:
        raise ValidationError(_("The file has errors: nothing was imported. Correct them first."))
    rounds: dict[int, Round] = {}
    for row in preview.new_rows:
        year = row.values["decision_date"].year
        if year not in rounds:
            rounds[year] = _historical_round(locked.province_id, year)
        certificate = _import_row(row, round_=rounds[year], batch=locked, by=by)
        ImportedCertificate.objects.create(batch=locked, certificate=certificate, row=row.line)
    locked.row_count = len(preview.rows)
    locked.created_count = len(preview.new_rows)
    locked.unchanged_count = len(preview.rows) - len(preview.new_rows)
    locked.committed_by = by
    locked.committed_at = timezone.now()
    locked.save()
    return locked


def _historical_round(province_id: int, year: int) -> Round:
    round_, _created = Round.objects.get_or_create(
        province_id=province_id,
        year=year,
        number=HISTORICAL_ROUND_NUMBER,
        defaults={
            "name": HISTORICAL_ROUND_NAME.format(year=year),
            "criteria_decision": CRITERIA_DECISION,
            "opens_on": datetime.date(year, 1, 1),
            "local_cutoff_on": datetime.date(year, 1, 1),
            "council_meeting_on": datetime.date(year, 12, 31),
            "closes_on": datetime.date(year, 12, 31),
            "state": RoundState.CLOSED,
        },
    )
    return round_


def _producer(values: dict) -> Producer:
    producer = Producer.objects.filter(tax_code=values["tax_code"]).first()
    if producer is not None:
        return producer
    producer = Producer(
        kind=values["producer_kind"],
        name=values["producer_name"],
        tax_code=values["tax_code"],
        commune=values["commune_obj"],
        address_line=values["address_line"],
        phone=values["phone"],
        representative_name=values["representative"],
        # Unknown before the portal: the decision date stands in until the producer corrects it.
        registration_date=values["decision_date"],
        local_labour_share=0,
    )
    producer.full_clean(exclude=PRODUCER_FIELDS_NOT_IMPORTED)
    producer.save()
    return producer


def _product(values: dict, producer: Producer) -> Product:
    name = values["product_name"]
    product = Product.objects.filter(producer=producer, name_folded=fold(name)).first()
    if product is None:
        product = Product(
            producer=producer,
            name=name,
            criteria_decision=CRITERIA_DECISION,
            criteria_set=values["criteria_set"],
        )
    if not product.product_code:
        commune = producer.commune
        year = values["decision_date"].year
        product.product_code = values["product_code"] or PRODUCT_CODE.format(
            province=commune.province_id,
            commune=commune.code,
            sequence=next_value(f"product-code:{commune.province_id}:{commune.code}:{year}"),
            year=year,
        )
    product.full_clean()
    product.save()
    return product


def _import_row(row: ImportRow, *, round_: Round, batch: ImportBatch, by: User) -> Certificate:
    values = row.values
    product = _product(values, _producer(values))
    dossier = Dossier(round=round_, product=product, kind=DossierKind.FIRST)
    dossier.state = DossierState.APPROVED  # recorded, not moved: it never went through the portal
    dossier.save()
    DossierEvent.objects.create(
        dossier=dossier,
        actor=by,
        action=DossierAction.IMPORT,
        to_state=DossierState.APPROVED,
        data={"batch": batch.pk, "row": row.line, "file": batch.file_name},
    )
    certificate = Certificate(
        dossier=dossier,
        product=product,
        number=values["number"],
        stars=values["stars"],
        average=values["average"],
        decision_number=values["decision_number"],
        decision_date=values["decision_date"],
        valid_until=values["valid_until"],
        issued_by=by,
    )
    freeze(certificate, product)
    certificate.full_clean()
    certificate.save()
    _settle_replacements(certificate)
    return certificate


def _settle_replacements(certificate: Certificate) -> None:
    """A product holds one live recognition: the latest decision replaces the earlier ones."""
    live = Certificate.objects.filter(
        product=certificate.product, replaced_by__isnull=True, revoked_on__isnull=True
    ).order_by("-decision_date", "-pk")
    latest = live.first()
    live.exclude(pk=latest.pk).update(replaced_by=latest)
