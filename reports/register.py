"""Sổ cấp giấy chứng nhận: the certificate register (issue 18). Every certificate the province
issued, in order of issue, whatever became of it since: number, product, producer, stars,
decision, validity, status, and what replaced or revoked it. Read from each certificate's
certified copy, so the register says what was certified."""

import datetime
from collections.abc import Iterator

from django.utils import translation
from openpyxl import Workbook

from certificates.models import CertificateStatus

from . import permissions
from .exports import SheetWriter

HEADERS = (
    "Số giấy chứng nhận",
    "Lần cấp",
    "Mã sản phẩm",
    "Tên sản phẩm",
    "Chủ thể",
    "Địa chỉ",
    "Số sao",
    "Điểm",
    "Quyết định số",
    "Ngày quyết định",
    "Hiệu lực đến",
    "Tình trạng",
    "Thay thế bởi / thu hồi",
)


def register(user):
    """The certificates of the user's area (any status), oldest number first."""
    return (
        permissions.certificates_visible_to(user)
        .select_related("replaced_by")
        .order_by("decision_date", "number")
    )


def remark(certificate) -> str:
    if certificate.revoked_on:
        ground = certificate.get_revocation_ground_display()
        return f"Thu hồi từ {certificate.revoked_on:%d/%m/%Y}: {ground}"
    if certificate.replaced_by_id:
        return f"Thay thế bởi {certificate.replaced_by.number}"
    return ""


def rows(certificates, today: datetime.date):
    with translation.override("vi"):
        statuses = {status.value: str(status.label) for status in CertificateStatus}
    for certificate in certificates.iterator(chunk_size=500):
        yield [
            certificate.number,
            certificate.version,
            certificate.product_code,
            certificate.product_name,
            certificate.producer_name,
            certificate.printed_address,
            certificate.stars,
            certificate.average,
            certificate.decision_number,
            certificate.decision_date,
            certificate.valid_until,
            statuses[certificate.status(today)],
            remark(certificate),
        ]


def register_workbook(workbook: Workbook, user, today: datetime.date) -> Iterator[None]:
    writer = SheetWriter(
        workbook,
        "Sổ cấp GCN",
        HEADERS,
        preamble=("SỔ CẤP GIẤY CHỨNG NHẬN SẢN PHẨM OCOP", f"Tính đến ngày {today:%d/%m/%Y}"),
        widths=(22, 8, 20, 36, 32, 40, 8, 8, 18, 14, 14, 22, 36),
    )
    for row in rows(register(user), today):
        writer.append(row)
        yield
