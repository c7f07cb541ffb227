"""Decision 26/2026, Art. 12.3: a certificate whose holder could not file its re-evaluation in the
180-to-120-day window when the rules changed stays valid until the result, at most 180 days after
its expiry. The provincial office records it; status, listings, the expiry job, the verification
page and the open data follow it."""

import csv
import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from certificates.extensions import extend_certificate
from certificates.models import Certificate, CertificateStatus
from certificates.models.certificate import EXTENSION_BASIS
from certificates.services import issue_certificate, issue_notice
from dossiers.models import DossierKind, DossierState
from evaluations import services, transitions
from tests import factories

# The clock is pinned (15/09/2026, or the day a test travels to): nothing reads the real date.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]

D = datetime.date
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# Decided 1/8/2023: valid until 1/8/2026; its window (2/2 to 3/4/2026) closed before
# Decision 26/2026 took effect on 22/5/2026, so the holder could not have filed in it.
DECIDED = D(2023, 8, 1)
EXPIRES = D(2026, 8, 1)
LIMIT = D(2027, 1, 28)  # 180 days after expiry
RECORDED = D(2026, 7, 15)
BASIS = EXTENSION_BASIS + " Công văn số 45/UBND-NN của UBND xã Tân Hưng ngày 10/7/2026."


def _at(day: datetime.date):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(9), tzinfo=VN))


@pytest.fixture
def certificate(producer_org):
    product = factories.ProductFactory(producer=producer_org, name="Nhãn lồng Tân Hưng")
    return factories.CertificateFactory(
        dossier__product=product, decision_date=DECIDED, valid_until=EXPIRES
    )


@pytest.fixture
def extended(certificate, provincial_office):
    with _at(RECORDED):
        return extend_certificate(certificate, by=provincial_office, basis=BASIS)


def test_provincial_office_records_the_extension_with_its_basis(extended, provincial_office):
    extended.refresh_from_db()

    assert (extended.extended_until, extended.extension_basis, extended.extended_by) == (
        LIMIT,
        BASIS,
        provincial_office,
    )
    assert extended.extended_at.astimezone(VN).date() == RECORDED


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (EXPIRES, CertificateStatus.EXPIRING),
        (EXPIRES + datetime.timedelta(days=1), CertificateStatus.EXTENDED),
        (LIMIT, CertificateStatus.EXTENDED),
        (LIMIT + datetime.timedelta(days=1), CertificateStatus.EXPIRED),
    ],
)
def test_status_is_extended_from_expiry_to_at_most_180_days_after(extended, today, status):
    assert extended.status(today) == status
    assert Certificate.objects.current(today).filter(pk=extended.pk).exists() == (
        status != CertificateStatus.EXPIRED
    )
    assert Certificate.objects.lapsed(today).filter(pk=extended.pk).exists() == (
        status == CertificateStatus.EXPIRED
    )


def test_without_an_extension_the_certificate_expires_the_day_after(certificate):
    day_after = EXPIRES + datetime.timedelta(days=1)

    assert certificate.status(day_after) == CertificateStatus.EXPIRED
    assert not Certificate.objects.current(day_after).exists()


def test_expiry_job_waits_for_the_end_of_the_extension(extended, mailoutbox):
    with _at(D(2026, 10, 1)):
        call_command("expire_certificates", stdout=io.StringIO())
    extended.refresh_from_db()
    assert extended.expiry_recorded_on is None

    with _at(LIMIT + datetime.timedelta(days=1)):
        call_command("expire_certificates", stdout=io.StringIO())
    extended.refresh_from_db()
    assert extended.expiry_recorded_on == LIMIT + datetime.timedelta(days=1)


def test_a_result_notice_ends_the_extension_on_its_date(extended, approver):
    dossier = factories.CouncilResultFactory(
        dossier__product=extended.product,
        dossier__kind=DossierKind.RE_EVALUATION,
        dossier__previous_certificate=extended,
        stars=2,
        band_stars=2,
    ).dossier

    issue_notice(dossier, by=approver, decision_number="88/TB-UBND", decision_date=D(2026, 11, 20))

    extended.refresh_from_db()
    assert extended.extended_until == D(2026, 11, 20)
    assert extended.status(D(2026, 11, 20)) == CertificateStatus.EXTENDED
    assert extended.status(D(2026, 11, 21)) == CertificateStatus.EXPIRED


def test_the_communes_refusal_of_the_re_evaluation_ends_the_extension(extended, commune_officer):
    dossier = factories.DossierFactory(
        product=extended.product,
        kind=DossierKind.RE_EVALUATION,
        previous_certificate=extended,
        state=DossierState.SUBMITTED,
    )

    with _at(D(2026, 9, 10)):
        transitions.reject_dossier(dossier, by=commune_officer, reason="Hồ sơ không đúng sản phẩm.")

    extended.refresh_from_db()
    assert extended.extended_until == D(2026, 9, 10)
    assert extended.status(D(2026, 9, 11)) == CertificateStatus.EXPIRED


def test_refusing_a_first_evaluation_leaves_the_producers_extension_alone(
    extended, commune_officer
):
    other = factories.DossierFactory(
        product__producer=extended.product.producer, state=DossierState.SUBMITTED
    )

    with _at(D(2026, 9, 10)):
        transitions.reject_dossier(other, by=commune_officer, reason="Trùng sản phẩm.")

    extended.refresh_from_db()
    assert extended.extended_until == LIMIT


def test_a_new_recognition_ends_and_replaces_the_extended_certificate(extended, approver):
    dossier = factories.CouncilResultFactory(
        dossier__product=extended.product,
        dossier__kind=DossierKind.RE_EVALUATION,
        dossier__previous_certificate=extended,
        stars=4,
    ).dossier

    new = issue_certificate(
        dossier, by=approver, decision_number="99/QĐ-UBND", decision_date=D(2026, 10, 5), stars=4
    )

    extended.refresh_from_db()
    assert (extended.extended_until, extended.replaced_by) == (D(2026, 10, 5), new)
    assert extended.status(D(2026, 10, 6)) == CertificateStatus.REPLACED


def test_the_holder_may_file_the_re_evaluation_only_while_extended(certificate, extended):
    dossier = factories.DossierFactory.build(
        product=certificate.product, kind=DossierKind.RE_EVALUATION, previous_certificate=extended
    )
    plain = factories.CertificateFactory(decision_date=DECIDED, valid_until=EXPIRES)
    refused = factories.DossierFactory.build(
        product=plain.product, kind=DossierKind.RE_EVALUATION, previous_certificate=plain
    )

    # 1/9/2026: the 180-to-120-day window closed in April.
    assert services.kind_problem(dossier, D(2026, 9, 1)) is None
    assert "180" in services.kind_problem(refused, D(2026, 9, 1))


@pytest.mark.parametrize(
    ("arrange", "message"),
    [
        # Decided 1/9/2024: its window opens 3/3/2027, after the Decision took effect.
        ({"decision_date": D(2024, 9, 1), "valid_until": D(2027, 9, 1)}, "22/05/2026"),
        ({"revoked_on": D(2026, 6, 1), "revocation_ground": "quality"}, "thu hồi"),
    ],
)
def test_extension_is_refused_outside_art_12_3(producer_org, provincial_office, arrange, message):
    certificate = factories.CertificateFactory(
        **{"decision_date": DECIDED, "valid_until": EXPIRES, **arrange}
    )

    with _at(RECORDED), pytest.raises(ValidationError, match=message):
        extend_certificate(certificate, by=provincial_office, basis=BASIS)


def test_extension_is_refused_once_recorded_or_past_180_days(
    certificate, extended, provincial_office
):
    late = factories.CertificateFactory(decision_date=D(2023, 1, 10), valid_until=D(2026, 1, 10))

    with pytest.raises(ValidationError, match="đã được ghi nhận"):
        extend_certificate(certificate, by=provincial_office, basis=BASIS, today=RECORDED)
    with pytest.raises(ValidationError, match="09/07/2026"):
        extend_certificate(late, by=provincial_office, basis=BASIS, today=D(2026, 7, 10))


def test_extension_needs_its_legal_basis(certificate, provincial_office):
    with pytest.raises(ValidationError):
        extend_certificate(certificate, by=provincial_office, basis="  ", today=RECORDED)

    certificate.refresh_from_db()
    assert certificate.extended_until is None


@pytest.mark.parametrize("persona", ["approver", "commune_officer", "producer"])
def test_only_the_provincial_office_records_an_extension(request, certificate, persona):
    with pytest.raises(PermissionDenied):
        extend_certificate(
            certificate, by=request.getfixturevalue(persona), basis=BASIS, today=RECORDED
        )


def test_another_provinces_office_cannot_extend(certificate):
    office = factories.UserFactory(role="provincial_office", province_id=1, is_staff=True)

    with pytest.raises(PermissionDenied):
        extend_certificate(certificate, by=office, basis=BASIS, today=RECORDED)


# ---- The admin action ------------------------------------------------------------------------

CHANGELIST = reverse("admin:certificates_certificate_changelist")


def test_provincial_office_extends_from_the_admin(client, certificate, provincial_office):
    client.force_login(provincial_office)
    selected = {"action": "extend_certificates", ACTION_CHECKBOX_NAME: [certificate.pk]}

    with _at(RECORDED):
        confirmation = client.post(CHANGELIST, selected)
        client.post(CHANGELIST, {**selected, "apply": "1", "basis": BASIS})

    certificate.refresh_from_db()
    assert confirmation.status_code == 200
    assert EXTENSION_BASIS in confirmation.text  # the basis is offered, to complete
    assert (certificate.extended_until, certificate.extended_by) == (LIMIT, provincial_office)


def test_the_approver_is_not_offered_the_extension(client, certificate, approver):
    client.force_login(approver)

    with _at(RECORDED):
        listing = client.get(CHANGELIST)
        client.post(
            CHANGELIST,
            {
                "action": "extend_certificates",
                ACTION_CHECKBOX_NAME: [certificate.pk],
                "apply": "1",
                "basis": BASIS,
            },
        )

    certificate.refresh_from_db()
    assert "extend_certificates" not in listing.text
    assert certificate.extended_until is None


# ---- What the public sees ----------------------------------------------------------------------


def test_verification_page_shows_the_extension(client, extended):
    with _at(D(2026, 9, 1)):
        response = client.get(reverse("catalogue:verify", args=[extended.number]))

    assert response.context["status"] == CertificateStatus.EXTENDED
    assert response.context["listed"]
    text = response.text
    assert "Gia hạn đến khi có kết quả đánh giá lại (khoản 3 Điều 12)" in text  # the badge
    assert "hết ngày 01/08/2026" in text
    assert "tiếp tục có hiệu lực đến ngày có kết quả đánh giá lại, chậm nhất đến 28/01/2027" in text
    assert "Công văn số 45/UBND-NN" in text  # the recorded basis


def test_open_data_publishes_the_extension(client, extended):
    with _at(D(2026, 9, 1)):
        listing = client.get(reverse("reports:open-data")).json()
        response = client.get(reverse("reports:catalogue-csv"))
        text = b"".join(response.streaming_content).decode("utf-8")

    record = next(r for r in listing["results"] if r["certificate_number"] == extended.number)
    assert (record["valid_until"], record["extended_until"], record["status"]) == (
        "2026-08-01",
        "2027-01-28",
        "extended",
    )
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    column = rows[0].index("Gia hạn đến (khoản 3 Điều 12)")
    row = next(row for row in rows if row[0] == extended.number)
    assert row[column - 1 : column + 2] == [
        "01/08/2026",
        "28/01/2027",
        "Gia hạn đến khi có kết quả đánh giá lại (khoản 3 Điều 12)",
    ]


def test_the_producer_is_asked_to_file_while_extended(client, producer, extended):
    with _at(D(2026, 9, 1)):
        client.force_login(producer)
        response = client.get(reverse("producers:dashboard"))

    asks = [ask.message for ask in response.context["asks"] if "dossiers/new" in ask.url]
    assert asks == [
        f"Giấy chứng nhận {extended.number} của “Nhãn lồng Tân Hưng” được gia hạn đến ngày có "
        "kết quả đánh giá lại, chậm nhất 28/01/2027 (khoản 3 Điều 12 Quyết định 26/2026): hãy "
        "nộp hồ sơ đánh giá lại."
    ]
