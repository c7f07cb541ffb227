"""Issuing a recognition: numbers, product code, validity, idempotence, upgrade, notices."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from certificates.models import Certificate, CertificateStatus, Notice, Sequence
from certificates.services import issue_certificate, issue_notice
from tests import factories

from .conftest import DECISION_DATE

pytestmark = pytest.mark.django_db


def test_approver_issues_a_certificate_with_the_first_number_of_the_year(scored, recognise):
    dossier = scored(stars=4)

    certificate = recognise(dossier)

    assert (certificate.number, certificate.stars, certificate.average) == (
        "OCOP-33-2026-0001",
        4,
        dossier.result.average,
    )
    assert (certificate.decision_number, certificate.decision_date) == (
        "1234/QĐ-UBND",
        DECISION_DATE,
    )


def test_approver_numbers_certificates_one_after_another(scored, recognise):
    dossiers = [scored(stars=3, product=factories.ProductFactory()) for _ in range(3)]

    numbers = [recognise(dossier, stars=3).number for dossier in dossiers]

    assert numbers == ["OCOP-33-2026-0001", "OCOP-33-2026-0002", "OCOP-33-2026-0003"]
    assert Sequence.objects.get(key="certificate:33:2026").last_value == 3


def test_certificate_numbers_restart_with_the_decision_year(scored, recognise):
    first = recognise(scored(product=factories.ProductFactory()))

    second = recognise(
        scored(product=factories.ProductFactory()), decision_date=datetime.date(2027, 1, 5)
    )

    assert (first.number, second.number) == ("OCOP-33-2026-0001", "OCOP-33-2027-0001")


def test_product_code_is_province_commune_sequence_year(scored, recognise, home_commune):
    dossier = scored()

    certificate = recognise(dossier)

    dossier.product.refresh_from_db()
    expected = f"33-{home_commune.code:05d}-001-2026"
    assert re.fullmatch(r"\d{2}-\d{5}-\d{3}-\d{4}", certificate.product_code)
    assert (certificate.product_code, dossier.product.product_code) == (expected, expected)


def test_product_codes_follow_the_communes_own_sequence(
    scored, recognise, producer_org, neighbour_commune
):
    ours = [scored(product=factories.ProductFactory(producer=producer_org)) for _ in range(2)]
    neighbour = factories.ProducerFactory(commune=neighbour_commune)
    theirs = scored(product=factories.ProductFactory(producer=neighbour))

    codes = [recognise(dossier).product_code.split("-")[2] for dossier in [*ours, theirs]]

    assert codes == ["001", "002", "001"]


@pytest.mark.parametrize(
    ("decision_date", "valid_until"),
    [
        (datetime.date(2026, 9, 10), datetime.date(2029, 9, 10)),
        (datetime.date(2028, 2, 29), datetime.date(2031, 2, 28)),
        (datetime.date(2026, 8, 31), datetime.date(2029, 8, 31)),
    ],
)
def test_certificate_is_valid_36_months_from_the_decision(
    scored, recognise, decision_date, valid_until
):
    certificate = recognise(scored(), decision_date=decision_date)

    assert certificate.valid_until == valid_until


def test_issuing_twice_for_one_dossier_returns_the_same_certificate(scored, recognise):
    dossier = scored()
    first = recognise(dossier)

    again = recognise(dossier, decision_number="9999/QĐ-UBND")

    assert (again.pk, again.number, again.decision_number) == (
        first.pk,
        first.number,
        "1234/QĐ-UBND",
    )
    assert Certificate.objects.count() == 1
    assert Sequence.objects.get(key="certificate:33:2026").last_value == 1


def test_upgrade_replaces_the_earlier_recognition_and_keeps_the_product_code(scored, recognise):
    first_dossier = scored(stars=3)
    earlier = recognise(first_dossier, stars=3)
    upgrade = factories.CouncilResultFactory(
        dossier__product=first_dossier.product,
        dossier__kind="upgrade",
        dossier__previous_certificate=earlier,
        stars=4,
    ).dossier

    later = recognise(upgrade, stars=4, decision_date=datetime.date(2027, 6, 1))

    earlier.refresh_from_db()
    assert earlier.replaced_by == later
    assert earlier.status(datetime.date(2027, 6, 2)) == CertificateStatus.REPLACED
    assert later.product_code == earlier.product_code
    assert list(Certificate.objects.current(datetime.date(2027, 6, 2))) == [later]


def test_revoked_certificate_is_not_marked_replaced_by_a_new_one(scored, recognise, approver):
    from certificates.services import revoke_certificate

    first_dossier = scored()
    earlier = recognise(first_dossier)
    revoke_certificate(
        earlier, by=approver, ground="quality", revoked_on=datetime.date(2026, 12, 1)
    )
    again = factories.CouncilResultFactory(dossier__product=first_dossier.product).dossier

    recognise(again, decision_date=datetime.date(2027, 6, 1))

    earlier.refresh_from_db()
    assert (earlier.replaced_by, earlier.status()) == (None, CertificateStatus.REVOKED)


def test_search_text_folds_product_producer_and_commune(scored, recognise, home_commune):
    certificate = recognise(scored())

    assert certificate.search_text.startswith("mat ong hoa nhan khoai chau hop tac xa mat ong")
    assert home_commune.name_folded in certificate.search_text


@pytest.mark.parametrize("stars", [1, 2, 6])
def test_approver_cannot_certify_outside_3_to_5_stars(scored, recognise, stars):
    with pytest.raises(ValidationError):
        recognise(scored(), stars=stars)

    assert Certificate.objects.count() == 0


@pytest.mark.parametrize("persona", ["producer", "stranger", "provincial_office", "council_member"])
def test_only_an_approver_can_issue_a_certificate(request, scored, persona):
    dossier = scored()

    with pytest.raises(PermissionDenied):
        issue_certificate(
            dossier,
            by=request.getfixturevalue(persona),
            decision_number="1/QĐ-UBND",
            decision_date=DECISION_DATE,
            stars=4,
        )

    assert Certificate.objects.count() == 0


def test_approver_issues_a_written_notice_for_a_2_star_result(scored, approver):
    dossier = scored(stars=2)

    notice = issue_notice(
        dossier, by=approver, decision_number="55/TB-OCOP", decision_date=DECISION_DATE
    )
    again = issue_notice(
        dossier, by=approver, decision_number="56/TB-OCOP", decision_date=DECISION_DATE
    )

    assert (notice.stars, notice.average, notice.decision_number) == (
        2,
        dossier.result.average,
        "55/TB-OCOP",
    )
    assert (again.pk, Notice.objects.count(), Certificate.objects.count()) == (notice.pk, 1, 0)


def test_approver_cannot_notify_a_3_star_result(scored, approver):
    with pytest.raises(ValidationError):
        issue_notice(
            scored(stars=3), by=approver, decision_number="1/TB", decision_date=DECISION_DATE
        )

    assert Notice.objects.count() == 0


def test_approver_issues_a_notice_for_a_knocked_out_product(scored, approver):
    dossier = scored(stars=0)

    notice = issue_notice(
        dossier, by=approver, decision_number="57/TB-OCOP", decision_date=DECISION_DATE
    )

    assert (notice.stars, Notice.objects.count()) == (0, 1)
