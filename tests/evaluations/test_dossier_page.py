"""The dossier page: who may open it, the documents inline, the timeline, and the forms of the
local review posting through the transitions."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from evaluations.models import DossierEvent, DossierState
from products.changes import record_product_change
from tests import factories

from .conftest import ASSESSMENT

# The timeline reads two tables: the dossier's events and its product's changes.
QUERIES_FOR_DOSSIER_PAGE = 10


def _url(name, dossier):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


def _prefixed(data, prefix="accept"):
    return {f"{prefix}-{name}": value for name, value in data.items()}


def _messages(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["stranger", "other_district_officer", "council_member"])
def test_outsider_gets_404_on_the_dossier(client, request, persona, submitted):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_url("dossier-detail", submitted))

    assert response.status_code == 404


@pytest.mark.django_db
def test_officer_gets_404_on_a_draft(client, commune_officer, draft):
    client.force_login(commune_officer)

    response = client.get(_url("dossier-detail", draft))

    assert response.status_code == 404


@pytest.mark.django_db
def test_officer_sees_every_document_inline(client, commune_officer, submitted):
    photo_scan = factories.DocumentFactory(
        product=submitted.product, kind="contract", content_type="image/png", title="Hợp đồng"
    )
    client.force_login(commune_officer)

    response = client.get(_url("dossier-detail", submitted))

    documents = submitted.product.documents.all()
    frames = response.text.count('class="dossier-document-frame"')
    images = response.text.count('class="dossier-document-image"')
    assert (frames, images) == (documents.count() - 1, 1)
    inline = reverse("products:document-download", kwargs={"pk": photo_scan.pk}) + "?inline=1"
    assert f'src="{inline}"' in response.text
    assert response.context["actions"] == ["return", "accept", "reject"]


@pytest.mark.django_db
def test_officer_sees_the_timeline_with_changes_made_after_submission(
    client, producer, commune_officer, make_dossier
):
    returned = make_dossier(DossierState.RETURNED)
    record_product_change(
        returned.product, by=producer, what="Thay phiếu kiểm nghiệm", data={"fields": []}
    )
    client.force_login(commune_officer)

    response = client.get(_url("dossier-detail", returned))

    events = response.context["events"]
    assert [(e.action, e.comment) for e in events] == [("edit", "Thay phiếu kiểm nghiệm")]
    assert "Thay phiếu kiểm nghiệm" in response.text


@pytest.mark.django_db
def test_producer_sees_what_is_missing_from_a_draft(client, producer, draft):
    draft.product.photos.all().delete()
    client.force_login(producer)

    response = client.get(_url("dossier-detail", draft))

    missing = [item.key for item in response.context["checklist"] if not item.ok]
    assert missing == ["photos"]
    assert response.context["actions"] == ["submit", "withdraw"]


@pytest.mark.django_db
def test_producer_sees_the_items_to_correct(client, producer, commune_officer, submitted):
    client.force_login(commune_officer)
    client.post(
        _url("dossier-return", submitted),
        {"return-item_test_report": "Phiếu kiểm nghiệm quá hạn", "return-comment": "Bổ sung."},
    )
    client.force_login(producer)

    response = client.get(_url("dossier-detail", submitted))

    assert response.context["returned_items"] == [
        {
            "label": str(factories.EvidenceKind.TEST_REPORT.label),
            "comment": "Phiếu kiểm nghiệm quá hạn",
        }
    ]
    assert response.context["actions"] == ["resubmit", "withdraw"]


@pytest.mark.django_db
def test_officer_returns_the_dossier_through_the_form(client, commune_officer, submitted):
    client.force_login(commune_officer)

    response = client.post(
        _url("dossier-return", submitted),
        {"return-item_photos": "Thêm ảnh nhãn sản phẩm", "return-item_test_report": ""},
        follow=True,
    )

    submitted.refresh_from_db()
    event = DossierEvent.objects.get(dossier=submitted)
    assert submitted.state == DossierState.RETURNED
    assert (event.action, event.actor, event.data["items"]) == (
        "return",
        commune_officer,
        [{"item": "photos", "comment": "Thêm ảnh nhãn sản phẩm"}],
    )
    assert response.redirect_chain == [(_url("dossier-detail", submitted), 302)]


@pytest.mark.django_db
def test_officer_return_without_any_item_keeps_the_dossier_and_shows_the_error(
    client, commune_officer, submitted
):
    client.force_login(commune_officer)

    response = client.post(_url("dossier-return", submitted), {"return-comment": "Thiếu giấy tờ"})

    submitted.refresh_from_db()
    assert (response.status_code, submitted.state) == (200, DossierState.SUBMITTED)
    assert response.context["forms"]["return"].non_field_errors() == [
        _("Tick at least one item or criterion and write what to correct.")
    ]
    assert DossierEvent.objects.filter(dossier=submitted).count() == 0


@pytest.mark.django_db
def test_officer_accepts_with_form_03(client, district_officer, submitted):
    client.force_login(district_officer)

    client.post(
        _url("dossier-accept", submitted), {**_prefixed(ASSESSMENT), "accept-comment": "Đạt."}
    )

    submitted.refresh_from_db()
    event = DossierEvent.objects.get(dossier=submitted)
    assert (submitted.state, submitted.local_assessment) == (DossierState.ACCEPTED, ASSESSMENT)
    assert (event.action, event.actor, event.comment) == ("accept", district_officer, "Đạt.")


@pytest.mark.django_db
def test_officer_accept_with_an_empty_area_shows_the_field_error(
    client, district_officer, submitted
):
    client.force_login(district_officer)

    response = client.post(
        _url("dossier-accept", submitted), {**_prefixed(ASSESSMENT), "accept-local_identity": ""}
    )

    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED
    assert list(response.context["forms"]["accept"].errors) == ["local_identity"]


@pytest.mark.django_db
def test_second_officer_gets_a_clear_message_not_an_error_page(
    client, commune_officer, district_officer, submitted
):
    client.force_login(commune_officer)
    client.post(_url("dossier-accept", submitted), _prefixed(ASSESSMENT), follow=True)
    client.force_login(district_officer)

    response = client.post(
        _url("dossier-return", submitted), {"return-item_photos": "Thêm ảnh"}, follow=True
    )

    submitted.refresh_from_db()
    assert submitted.state == DossierState.ACCEPTED
    assert response.status_code == 200
    assert _messages(response) == [
        _(
            "This dossier has already moved on: it is now “%(state)s”, so the action was not "
            "applied. Reload the page to see what changed."
        )
        % {"state": DossierState.ACCEPTED.label}
    ]
    assert list(
        DossierEvent.objects.filter(dossier=submitted).values_list("action", flat=True)
    ) == ["accept"]


@pytest.mark.django_db
def test_officer_forwards_then_the_producer_is_told(
    client, producer, commune_officer, make_dossier, mailoutbox, django_capture_on_commit_callbacks
):
    accepted = make_dossier(DossierState.ACCEPTED)
    client.force_login(commune_officer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("dossier-forward", accepted), {"forward-comment": "Kèm Mẫu 03."})

    accepted.refresh_from_db()
    event = DossierEvent.objects.get(dossier=accepted)
    assert (accepted.state, event.action, event.comment) == (
        DossierState.FORWARDED,
        "forward",
        "Kèm Mẫu 03.",
    )
    assert [m.to for m in mailoutbox] == [["chuthe@example.vn"]]


@pytest.mark.django_db
def test_producer_cannot_post_an_officers_step(client, producer, submitted):
    client.force_login(producer)

    response = client.post(_url("dossier-accept", submitted), _prefixed(ASSESSMENT))

    submitted.refresh_from_db()
    assert (response.status_code, submitted.state) == (403, DossierState.SUBMITTED)


@pytest.mark.django_db
def test_officer_outside_the_jurisdiction_cannot_post(client, other_district_officer, submitted):
    client.force_login(other_district_officer)

    response = client.post(_url("dossier-reject", submitted), {"reject-reason": "Không"})

    submitted.refresh_from_db()
    assert (response.status_code, submitted.state) == (404, DossierState.SUBMITTED)


@pytest.mark.django_db
def test_producer_resubmits_with_a_note(client, producer, make_dossier):
    returned = make_dossier(DossierState.RETURNED)
    client.force_login(producer)

    client.post(_url("dossier-resubmit", returned), {"resubmit-comment": "Đã thay phiếu."})

    returned.refresh_from_db()
    event = DossierEvent.objects.get(dossier=returned)
    assert (returned.state, returned.revision) == (DossierState.SUBMITTED, 2)
    assert (event.action, event.comment) == ("resubmit", "Đã thay phiếu.")


@pytest.mark.django_db
def test_action_pages_refuse_get(client, commune_officer, submitted):
    client.force_login(commune_officer)

    response = client.get(_url("dossier-accept", submitted))

    assert response.status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_dossier_page_query_count_is_constant(
    client, producer, commune_officer, submitted, item_count, django_assert_num_queries
):
    """Rendered afresh on every view: its documents, events and product changes are read in one
    query each."""
    for index in range(item_count):
        factories.DocumentFactory(product=submitted.product, title=f"Hợp đồng số {index}")
        record_product_change(
            submitted.product, by=producer, what=f"Thay tài liệu {index}", data={"fields": []}
        )
    client.force_login(commune_officer)
    client.get(_url("dossier-detail", submitted))  # warm the per-process caches

    with django_assert_num_queries(QUERIES_FOR_DOSSIER_PAGE):
        response = client.get(_url("dossier-detail", submitted))

    assert len(response.context["events"]) == item_count
