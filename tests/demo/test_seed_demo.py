"""`make run`'s demo data: officers find dossiers waiting, the council one to score, the approver
one result to decide, and running the command again changes nothing."""

import pytest
from django.core.management import call_command

from accounts.models import User
from dossiers.models import CorrectionItem, Dossier, DossierState
from outbox.models import OutboxMessage


@pytest.mark.django_db
def test_demo_has_dossiers_at_each_step_and_is_idempotent(
    areas, settings, tmp_path, today, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)

    # Today's round (the past recognitions are imported, see test_demo_history).
    states = sorted(Dossier.objects.filter(round__number=2).values_list("state", flat=True))
    assert states == sorted(
        [
            DossierState.SUBMITTED,
            DossierState.RETURNED,
            DossierState.ACCEPTED,
            DossierState.IN_SCORING,
            DossierState.SCORED,
        ]
    )
    assert CorrectionItem.objects.count() == 2
    tanhung = User.objects.get(email="tanhung@ocop.demo")
    assert Dossier.objects.visible_to(tanhung).filter(state=DossierState.SUBMITTED).exists()
    member = User.objects.get(email="uyvien1@ocop.demo")
    assert Dossier.objects.visible_to(member).filter(state=DossierState.IN_SCORING).exists()
    # One result waits for the approver, scored by the council in a session now closed, at 4★.
    waiting = Dossier.objects.get(round__number=2, state=DossierState.SCORED)
    assert waiting.result.stars == 4
    assert waiting.session_items.get().session.state == "closed"
    # The demo's notices wait in the outbox: it sends no email.
    assert OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_demo_deciders_have_the_printed_authenticator_key(areas, settings, tmp_path):
    import base64
    import io

    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.MEDIA_ROOT = tmp_path
    out = io.StringIO()

    call_command("seed_demo", stdout=out)

    approver = User.objects.get(email="lanhdao@ocop.demo")
    device = TOTPDevice.objects.get(user=approver, confirmed=True)
    assert base64.b32encode(device.bin_key).decode() in out.getvalue()
    assert not TOTPDevice.objects.filter(user__email="chuthe01@ocop.demo").exists()
