"""Signing a score sheet: an explicit confirmation, the time recorded, and no way to change the
sheet afterwards, whichever door is tried."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from councils.models import ScoreSheet
from councils.services import (
    declare_conflict,
    declare_no_conflict,
    save_sheet_points,
    sheet_for,
    submit_sheet,
)

from .conftest import sheet_points

pytestmark = pytest.mark.django_db


def _url(name, dossier):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


@pytest.fixture
def filled(council_member, dossier, criteria_set):
    return save_sheet_points(
        sheet_for(dossier, council_member), points=sheet_points(criteria_set, 72)
    )


def test_member_must_tick_the_confirmation_to_sign(client, council_member, dossier, filled):
    client.force_login(council_member)

    response = client.post(_url("sheet-submit", dossier), follow=True)

    assert ScoreSheet.objects.get(pk=filled.pk).submitted_at is None
    assert [str(m) for m in response.context["messages"]] == [
        "Hãy đánh dấu ô xác nhận để ký phiếu."
    ]


def test_signing_records_when_and_shows_the_sheet_read_only(
    client, council_member, dossier, filled, today
):
    client.force_login(council_member)

    client.post(_url("sheet-submit", dossier), {"confirm": "on"})
    page = client.get(_url("sheet", dossier))

    sheet = ScoreSheet.objects.get(pk=filled.pk)
    assert sheet.submitted_at is not None
    assert sheet.submitted_at.date() == today
    assert page.context["editable"] is False
    assert 'name="confirm"' not in page.text
    assert all(not row.get("editable") for row in page.context["rows"])


def test_no_write_path_changes_a_signed_sheet(
    client, council_member, dossier, filled, criteria_set
):
    signed = submit_sheet(filled, by=council_member)
    before = ScoreSheet.objects.filter(pk=signed.pk).values().get()
    code = criteria_set.leaf_criteria()[0].code
    client.force_login(council_member)
    refusals = []

    for attempt in (
        lambda: save_sheet_points(sheet_for(dossier, council_member), points={code: "0"}),
        lambda: save_sheet_points(sheet_for(dossier, council_member), points={code: None}),
        lambda: declare_conflict(dossier, member=council_member, note="Người nhà"),
        lambda: declare_no_conflict(dossier, member=council_member),
    ):
        with pytest.raises(ValidationError) as refused:
            attempt()
        refusals.append(refused.value.code)
    again = submit_sheet(sheet_for(dossier, council_member), by=council_member)
    client.post(_url("sheet-autosave", dossier), {code: "0"}, HTTP_HX_REQUEST="true")
    client.post(_url("sheet-autosave", dossier), {code: "0"})
    client.post(_url("sheet-conflict", dossier), {"note": "Người nhà"})
    client.post(_url("sheet-no-conflict", dossier))
    client.post(_url("sheet-submit", dossier), {"confirm": "on"})

    assert refusals == ["submitted"] * 4
    assert again.submitted_at == signed.submitted_at
    assert ScoreSheet.objects.filter(pk=signed.pk).values().get() == before
    assert ScoreSheet.objects.get(pk=signed.pk).total == Decimal(72)
