"""The import's commit is all or nothing even when it fails half-way through writing: the second
row's certificate is saved, then something breaks, and nothing of the batch remains."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificates.models import Certificate
from dossiers.models import Dossier, Round
from evaluations.models import DossierEvent
from producers.models import Producer
from products.models import Product
from reports import services
from reports.models import ImportBatch, ImportedCertificate

from .test_import import _row, _xlsx


class Broken(Exception):
    pass


@pytest.fixture
def batch(client, provincial_office, today):
    """An uploaded, previewed file of three new rows (three producers, three years)."""
    content = _xlsx(
        _row(),
        _row(**{"Số giấy chứng nhận": "OCOP-33-2024-0003", "Tên sản phẩm": "Long nhãn sấy",
                "Tên chủ thể": "Hợp tác xã Long nhãn", "Mã số thuế": "0901234502",
                "Ngày quyết định": datetime.datetime(2024, 12, 2)}),
        _row(**{"Số giấy chứng nhận": "OCOP-33-2025-0007", "Tên sản phẩm": "Mật ong rừng",
                "Tên chủ thể": "Hợp tác xã Mật ong", "Mã số thuế": "0901234503",
                "Ngày quyết định": datetime.datetime(2025, 3, 4)}),
    )  # fmt: skip
    client.force_login(provincial_office)
    client.post(reverse("reports:import"), {"file": SimpleUploadedFile("cu.xlsx", content)})
    return ImportBatch.objects.get()


@pytest.fixture
def second_certificate_breaks(monkeypatch):
    """After the 2nd certificate of the batch is written (its producer, product, dossier, event and
    historical round with it), the commit fails."""
    settle = services._settle_replacements
    calls = []

    def breaking(certificate):
        settle(certificate)
        calls.append(certificate.number)
        if len(calls) == 2:
            raise Broken

    monkeypatch.setattr(services, "_settle_replacements", breaking)
    return calls


@pytest.mark.django_db
def test_a_commit_failing_after_the_second_certificate_leaves_nothing(
    batch, provincial_office, second_certificate_breaks
):
    with pytest.raises(Broken):
        services.commit_import(batch, by=provincial_office)

    batch.refresh_from_db()
    assert second_certificate_breaks == ["OCOP-33-2023-0012", "OCOP-33-2024-0003"]
    assert Certificate.objects.count() == 0
    assert ImportedCertificate.objects.count() == 0
    assert Producer.objects.filter(tax_code__startswith="090123450").count() == 0
    assert Product.objects.count() == 0
    assert Dossier.objects.count() == 0
    assert DossierEvent.objects.count() == 0
    assert Round.objects.filter(number=0).count() == 0
    assert (batch.committed_at, batch.committed_by, batch.created_count) == (None, None, 0)


@pytest.mark.django_db
def test_the_same_batch_commits_whole_once_the_fault_is_gone(
    batch, provincial_office, second_certificate_breaks, monkeypatch
):
    with pytest.raises(Broken):
        services.commit_import(batch, by=provincial_office)
    monkeypatch.undo()

    services.commit_import(batch, by=provincial_office)

    assert sorted(Certificate.objects.values_list("number", flat=True)) == [
        "OCOP-33-2023-0012",
        "OCOP-33-2024-0003",
        "OCOP-33-2025-0007",
    ]
    assert ImportedCertificate.objects.count() == 3
