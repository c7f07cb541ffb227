"""Issue and revocation at their edges, in the words the approver reads: no certificate without
the council's result; no revocation before the decision that issued it (the decision day itself
is allowed); ground (f) of Art. 8 only with the authority's conclusion named, the note kept
without stray spaces."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from certificates.models import Certificate, RevocationGround
from certificates.services import issue_certificate, revoke_certificate
from dossiers.models import DossierState
from tests import factories

from .conftest import DECISION_DATE

pytestmark = pytest.mark.django_db


def test_a_certificate_may_be_revoked_on_its_decision_day_but_not_the_day_before(
    scored, recognise, approver
):
    certificate = recognise(scored())

    with pytest.raises(ValidationError) as refused:
        revoke_certificate(
            certificate,
            by=approver,
            ground=RevocationGround.QUALITY,
            revoked_on=DECISION_DATE - datetime.timedelta(days=1),
        )
    assert refused.value.messages == [_("A certificate cannot be revoked before it was issued.")]
    certificate.refresh_from_db()
    assert certificate.revoked_on is None

    revoke_certificate(
        certificate, by=approver, ground=RevocationGround.QUALITY, revoked_on=DECISION_DATE
    )

    certificate.refresh_from_db()
    assert certificate.revoked_on == DECISION_DATE


def test_ground_f_names_the_authoritys_conclusion_and_keeps_it_trimmed(scored, recognise, approver):
    certificate = recognise(scored())

    with pytest.raises(ValidationError) as refused:
        revoke_certificate(
            certificate,
            by=approver,
            ground=RevocationGround.OTHER,
            revoked_on=DECISION_DATE,
            note=" ",
        )
    assert refused.value.messages == [_("Name the competent authority's conclusion in the note.")]

    revoke_certificate(
        certificate,
        by=approver,
        ground=RevocationGround.OTHER,
        revoked_on=DECISION_DATE,
        note="  Kết luận thanh tra số 12/KL-TTr.  ",
    )

    certificate.refresh_from_db()
    assert (certificate.revocation_ground, certificate.revocation_note) == (
        "other",
        "Kết luận thanh tra số 12/KL-TTr.",
    )


def test_a_ground_outside_article_8_is_refused_with_the_reason(scored, recognise, approver):
    certificate = recognise(scored())

    with pytest.raises(ValidationError) as refused:
        revoke_certificate(certificate, by=approver, ground="requested", revoked_on=DECISION_DATE)

    assert refused.value.messages == [_("Choose one of the grounds for revocation of Article 8.")]


def test_no_certificate_without_the_councils_result(approver):
    dossier = factories.DossierFactory(state=DossierState.SCORED, revision=1)

    with pytest.raises(ValidationError) as refused:
        issue_certificate(
            dossier, by=approver, decision_number="1/QĐ", decision_date=DECISION_DATE, stars=4
        )

    assert refused.value.messages == [_("The council has not closed scoring on this dossier yet.")]
    assert not Certificate.objects.exists()
