"""Pressing "Nộp lại hồ sơ" without first pressing "Lưu câu trả lời" loses nothing: the answers
typed in the correction boxes are sent and saved with the resubmission, and when it is still
refused they are shown again with the reason."""

import pytest
from django.urls import reverse

from dossiers import corrections
from dossiers.models import DossierState
from evaluations import transitions

pytestmark = pytest.mark.django_db


def _url(name, dossier):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


def _returned(dossier, officer):
    return transitions.return_dossier(
        dossier,
        by=officer,
        items=[
            {"item": "photos", "comment": "Thêm ảnh nhãn sản phẩm."},
            {"item": "1.2", "kind": "criterion", "comment": "Thiếu giấy chứng nhận."},
        ],
    )


def test_the_resubmit_button_belongs_to_the_answers_form(
    client, producer, commune_officer, submitted
):
    dossier = _returned(submitted, commune_officer)
    client.force_login(producer)

    page = client.get(_url("dossier-detail", dossier)).text

    assert f'form="corrections" formaction="{_url("dossier-resubmit", dossier)}"' in page
    assert 'name="resubmit-comment"' in page
    assert 'form="corrections"' in page


def test_answers_typed_but_not_saved_are_saved_with_the_resubmission(
    client, producer, commune_officer, submitted
):
    dossier = _returned(submitted, commune_officer)
    photos, criterion = corrections.latest_request(dossier)
    client.force_login(producer)

    response = client.post(
        _url("dossier-resubmit", dossier),
        {
            f"corrections-answer_{photos.pk}": "Đã thêm ảnh nhãn.",
            f"corrections-answer_{criterion.pk}": "Đã bổ sung giấy chứng nhận.",
            "resubmit-comment": "Đã sửa cả hai mục.",
        },
    )

    dossier.refresh_from_db()
    photos.refresh_from_db()
    criterion.refresh_from_db()
    assert response.status_code == 302
    assert dossier.state == DossierState.SUBMITTED
    assert (photos.answer, criterion.answer) == ("Đã thêm ảnh nhãn.", "Đã bổ sung giấy chứng nhận.")
    event = dossier.events.order_by("-pk").first()
    assert event.comment == "Đã sửa cả hai mục."


def test_a_refused_resubmission_keeps_what_was_typed_and_says_why(
    client, producer, commune_officer, submitted
):
    dossier = _returned(submitted, commune_officer)
    photos, criterion = corrections.latest_request(dossier)
    client.force_login(producer)

    response = client.post(
        _url("dossier-resubmit", dossier),
        {
            f"corrections-answer_{photos.pk}": "Đã thêm ảnh nhãn.",
            f"corrections-answer_{criterion.pk}": "",
            "resubmit-comment": "Đã sửa ảnh.",
        },
    )

    dossier.refresh_from_db()
    photos.refresh_from_db()
    assert (response.status_code, dossier.state) == (200, DossierState.RETURNED)
    assert photos.answer == "Đã thêm ảnh nhãn."  # saved although the resubmission was refused
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert "1.2" in messages[0]
    assert response.context["answer_form"][f"answer_{photos.pk}"].value() == "Đã thêm ảnh nhãn."
    assert response.context["forms"]["resubmit"]["comment"].value() == "Đã sửa ảnh."
    assert "Đã sửa ảnh." in response.text
