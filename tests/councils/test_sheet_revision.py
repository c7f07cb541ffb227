"""A score sheet records which revision of the dossier it scored, and says so when the dossier
has moved on since."""

import pytest
from django.urls import reverse

from councils.services import save_sheet_points, sheet_for

from .conftest import submitted_sheet


@pytest.mark.django_db
def test_a_saved_sheet_records_the_current_revision(council_member, dossier, criteria_set):
    dossier.revision = 3
    dossier.save(update_fields=["revision"])
    first = criteria_set.leaf_criteria()[0]

    sheet = save_sheet_points(sheet_for(dossier, council_member), points={first.code: "1"})

    assert sheet.dossier_revision == 3


@pytest.mark.django_db
def test_sheet_and_council_page_say_when_a_sheet_scored_an_older_revision(
    client, chair, council_member, council, dossier
):
    submitted_sheet(dossier, council_member, 70, dossier_revision=1)
    dossier.revision = 2
    dossier.save(update_fields=["revision"])
    client.force_login(chair)

    sheet_page = client.get(
        reverse("evaluations:member-sheet", kwargs={"pk": dossier.pk, "user_pk": council_member.pk})
    )
    council_page = client.get(reverse("evaluations:council-detail", kwargs={"pk": council.pk}))

    assert "Phiếu này chấm lần nộp 1 của hồ sơ; hồ sơ hiện đã ở lần nộp 2." in sheet_page.text
    assert "chấm lần nộp 1" in council_page.text


@pytest.mark.django_db
def test_a_sheet_of_the_current_revision_carries_no_warning(client, chair, council_member, dossier):
    submitted_sheet(dossier, council_member, 70, dossier_revision=dossier.revision)
    client.force_login(chair)

    response = client.get(
        reverse("evaluations:member-sheet", kwargs={"pk": dossier.pk, "user_pk": council_member.pk})
    )

    assert response.status_code == 200
    assert 'data-role="older-revision"' not in response.text
