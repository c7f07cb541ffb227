"""The itemised request for correction on the dossier page: the officer ticks items and criteria
with a note on each, the producer answers each, and after the resubmission the officer and the
province see the answers beside what changed; a page compares any two revisions."""

import pytest
from django.urls import reverse

from evaluations import corrections, transitions
from evaluations.models import CorrectionItem, DossierState
from tests import factories


def _url(name, dossier):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _returned(dossier, officer, *items):
    items = items or (
        {"item": "photos", "comment": "Thêm ảnh nhãn sản phẩm."},
        {"item": "1.2", "kind": "criterion", "comment": "Thiếu giấy chứng nhận vùng nguyên liệu."},
    )
    return transitions.return_dossier(dossier, by=officer, items=list(items))


def _resubmitted_with_a_new_description(dossier, producer, officer):
    """Submitted, returned with two items, both answered, the description changed, resubmitted."""
    dossier = _returned(dossier, officer)
    answers = {item.pk: f"Đã sửa mục {item.key}." for item in corrections.latest_request(dossier)}
    corrections.answer_corrections(dossier, by=producer, answers=answers)
    dossier.product.description = "Mật ong hoa nhãn thu hoạch vụ 2026."
    dossier.product.save()
    return transitions.resubmit_dossier(dossier, by=producer)


@pytest.mark.django_db
def test_officer_ticks_a_criterion_with_a_note_through_the_form(client, commune_officer, submitted):
    client.force_login(commune_officer)

    client.post(
        _url("dossier-return", submitted),
        {"return-tick_criterion_1.2": "on", "return-criterion_1.2": "Thiếu chứng nhận VietGAP."},
    )

    item = CorrectionItem.objects.get(dossier=submitted)
    assert (item.kind, item.key, item.note) == ("criterion", "1.2", "Thiếu chứng nhận VietGAP.")


@pytest.mark.django_db
def test_officer_ticking_an_item_without_a_note_is_told_and_nothing_changes(
    client, commune_officer, submitted
):
    client.force_login(commune_officer)

    response = client.post(
        _url("dossier-return", submitted),
        {"return-tick_item_photos": "on", "return-item_test_report": "Quá hạn."},
    )

    submitted.refresh_from_db()
    form = response.context["forms"]["return"]
    assert (response.status_code, submitted.state) == (200, DossierState.SUBMITTED)
    assert form.errors["item_photos"] == [
        "Bạn đã chọn “Ảnh sản phẩm”: hãy ghi nội dung cần bổ sung."
    ]
    assert form["item_test_report"].value() == "Quá hạn."  # what was typed is kept
    assert not CorrectionItem.objects.exists()


@pytest.mark.django_db
def test_producer_answers_items_on_the_dossier_page(client, producer, commune_officer, submitted):
    dossier = _returned(submitted, commune_officer)
    photos, criterion = corrections.latest_request(dossier)
    client.force_login(producer)

    page = client.get(_url("dossier-detail", dossier))
    response = client.post(
        _url("dossier-corrections", dossier),
        {
            f"corrections-answer_{photos.pk}": "Đã thêm ảnh nhãn.",
            f"corrections-answer_{criterion.pk}": "",
        },
        follow=True,
    )

    photos.refresh_from_db()
    criterion.refresh_from_db()
    assert [item.pk for item in page.context["answer_form"].items] == [photos.pk, criterion.pk]
    assert (photos.answer, criterion.answer) == ("Đã thêm ảnh nhãn.", "")
    assert response.redirect_chain == [(_url("dossier-detail", dossier) + "#corrections", 302)]
    assert response.context["answer_form"][f"answer_{photos.pk}"].value() == "Đã thêm ảnh nhãn."


@pytest.mark.django_db
def test_producer_resubmitting_with_an_unanswered_item_is_told_which(
    client, producer, commune_officer, submitted
):
    dossier = _returned(submitted, commune_officer)
    client.force_login(producer)

    response = client.post(_url("dossier-resubmit", dossier), follow=True)

    dossier.refresh_from_db()
    assert dossier.state == DossierState.RETURNED
    assert len(_messages(response)) == 1
    assert "1.2. Vùng nguyên liệu được cấp chứng nhận chất lượng" in _messages(response)[0]


@pytest.mark.django_db
def test_officer_cannot_answer_for_the_producer(client, commune_officer, submitted):
    dossier = _returned(submitted, commune_officer)
    item = corrections.latest_request(dossier)[0]
    client.force_login(commune_officer)

    response = client.post(
        _url("dossier-corrections", dossier), {f"corrections-answer_{item.pk}": "Tôi trả lời hộ."}
    )

    item.refresh_from_db()
    assert (response.status_code, item.answer) == (403, "")


@pytest.mark.django_db
def test_stranger_gets_404_on_answers_and_revisions(client, stranger, commune_officer, submitted):
    dossier = _returned(submitted, commune_officer)
    item = corrections.latest_request(dossier)[0]
    client.force_login(stranger)

    answered = client.post(
        _url("dossier-corrections", dossier), {f"corrections-answer_{item.pk}": "x"}
    )
    compared = client.get(_url("dossier-revisions", dossier))

    item.refresh_from_db()
    assert (answered.status_code, compared.status_code, item.answer) == (404, 404, "")


@pytest.mark.django_db
def test_producer_cannot_see_another_producers_corrections(
    client, producer, stranger, other_district_officer
):
    theirs = factories.complete_product(stranger.producer_membership.producer)
    dossier = factories.DossierFactory(product=theirs, state=DossierState.SUBMITTED, revision=1)
    dossier = _returned(dossier, other_district_officer)
    client.force_login(producer)

    page = client.get(_url("dossier-detail", dossier))
    compared = client.get(_url("dossier-revisions", dossier))

    assert (page.status_code, compared.status_code) == (404, 404)


@pytest.mark.django_db
def test_officer_sees_the_answers_beside_only_what_changed(
    client, producer, commune_officer, draft
):
    dossier = transitions.submit_dossier(draft, by=producer)
    dossier = _resubmitted_with_a_new_description(dossier, producer, commune_officer)
    client.force_login(commune_officer)

    response = client.get(_url("dossier-detail", dossier))

    changes = response.context["changes"]
    assert [(label, change.new) for label, change in changes["fields"]] == [
        ("Mô tả", "Mật ong hoa nhãn thu hoạch vụ 2026.")
    ]
    assert (changes["documents_added"], changes["criteria"], changes["diff"].photos_added) == (
        [],
        [],
        [],
    )
    assert [item.answer for item in response.context["corrections"]] == [
        "Đã sửa mục photos.",
        "Đã sửa mục 1.2.",
    ]
    assert response.context["answer_form"] is None
    content = response.content.decode()
    assert "Thay đổi so với lần nộp trước" in content
    assert "Đã sửa mục 1.2." in content


@pytest.mark.django_db
def test_province_compares_two_revisions(
    client, producer, commune_officer, provincial_office, draft
):
    dossier = transitions.submit_dossier(draft, by=producer)
    dossier = _resubmitted_with_a_new_description(dossier, producer, commune_officer)
    dossier.state = DossierState.FORWARDED  # arranged: the province now holds it
    dossier.save(update_fields=["state"])
    client.force_login(provincial_office)

    response = client.get(_url("dossier-revisions", dossier), {"old": 1, "new": 2})

    changes = response.context["changes"]
    assert [revision.number for revision in response.context["revisions"]] == [1, 2]
    assert [change.name for _label, change in changes["fields"]] == ["description"]


@pytest.mark.django_db
def test_a_revision_without_snapshot_is_shown_as_not_kept(client, commune_officer, make_dossier):
    dossier = make_dossier(DossierState.SUBMITTED, revision=2)
    dossier.revisions.create(number=1, submitted_at=dossier.submitted_at)
    dossier.revisions.create(number=2, submitted_at=dossier.submitted_at, snapshot={"version": 1})
    client.force_login(commune_officer)

    response = client.get(_url("dossier-detail", dossier))

    assert response.status_code == 200
    assert response.context["changes"]["diff"] is None
    assert "không được lưu" in response.content.decode()


ASKED = [
    {"item": "photos", "comment": "Thêm ảnh nhãn sản phẩm."},
    {"item": "product", "comment": "Ghi rõ công suất."},
    {"item": "1.2", "kind": "criterion", "comment": "Thiếu giấy chứng nhận vùng nguyên liệu."},
]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 3])
def test_dossier_page_query_count_does_not_grow_with_revisions_and_items(
    client, producer, commune_officer, draft, size, django_assert_max_num_queries
):
    dossier = transitions.submit_dossier(draft, by=producer)
    for round_trip in range(size):
        dossier = _returned(dossier, commune_officer, *ASKED[:size])
        answers = {item.pk: "Đã sửa." for item in corrections.latest_request(dossier)}
        corrections.answer_corrections(dossier, by=producer, answers=answers)
        dossier.product.description = f"Mô tả lần {round_trip}"
        dossier.product.save()
        dossier = transitions.resubmit_dossier(dossier, by=producer)
    client.force_login(commune_officer)

    # One more than before products kept their own changes: the timeline reads both tables.
    with django_assert_max_num_queries(12):
        response = client.get(_url("dossier-detail", dossier))

    assert len(response.context["corrections"]) == size
    assert response.context["changes"]["new"].number == size + 1


@pytest.mark.django_db
def test_comparison_names_documents_by_title_not_by_stored_file_name(
    client, producer, commune_officer, draft, today
):
    dossier = transitions.submit_dossier(draft, by=producer)
    added = factories.DocumentFactory(
        product=dossier.product, title="Phiếu kiểm nghiệm mới", issued_on=today
    )
    dossier = _resubmitted_with_a_new_description(dossier, producer, commune_officer)
    client.force_login(commune_officer)

    response = client.get(_url("dossier-revisions", dossier), {"old": 1, "new": 2})

    content = response.content.decode()
    assert f"Phiếu kiểm nghiệm mới (cấp ngày {today:%d/%m/%Y})" in content
    assert added.file.name.rsplit("/", 1)[-1] not in content
